"""A batch full of bad files: each is named once with a reason, nothing junk is stored,
the good files import, and the command's exit status says something failed."""

import io
import json
import os
import random
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader, PdfWriter

from statements.importing import import_paths
from statements.models import Article

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"

GOOD = """Veloria to reopen harbour after strike

10 March 2025

"The harbour will reopen on Friday," Transport Minister Arvid Holm said on Monday.
"""

CYRILLIC = """Порт Ансель откроется в пятницу

10 марта 2025

«Порт откроется в пятницу», — сказал министр транспорта Арвид Холм.
"""

LATIN = """Le port d'Ansel rouvre vendredi

10 mars 2025

« Le port rouvrira vendredi », a déclaré le ministre Arvid Holm à Veloria.
"""


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(2000)


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", GOOD)
    return buffer.getvalue()


def encrypted_pdf(password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "real_article.pdf"))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


RECORD = {"title": "Quay talks resume", "text": GOOD, "published": "2025-03-11"}

# name -> (content, what the error line must say); content None: made specially below.
BAD = {
    "empty.txt": (b"", "no text found"),
    "blank.txt": (b"  \n\t\n  ", "no text found"),
    "random.txt": (random.Random(2).randbytes(20000), "not text"),
    "picture.txt": (png(), "PNG image"),
    "archive.txt": (zip_bytes(), "ZIP archive"),
    "controls.txt": (("Headline\n\n" + "\x01\x02\x03 a" * 500).encode(), "control characters"),
    "no-text-layer.pdf": (blank_pdf(), "no text found"),
    "truncated.pdf": (None, "pdf"),
    "locked.pdf": (encrypted_pdf("secret"), "encrypted"),
    "empty-body.html": (
        b"<html><head><title>Harbour</title></head><body></body></html>",
        "no article text",
    ),
    "huge.txt": (None, "limit"),
    "huge.html": (
        b"<html><body><p>" + b"Harbour news. " * 400_000 + b"</p></body></html>",
        "limit",
    ),
    "one-line.txt": (None, "limit"),
}

BAD_LINES = {  # feed.jsonl line -> what the error says
    2: "invalid JSON",
    3: '"title" must be a string, not a number',
    4: 'missing or empty "text"',
    5: '"text" must be a string, not a list',
    6: 'missing or empty "text"',
    7: "expected a JSON object",
    8: "limit",
}


@pytest.fixture
def batch(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, (content, _) in BAD.items():
        if content is not None:
            (folder / name).write_bytes(content)
    good_pdf = (FIXTURES / "real_article.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 3])
    # Over the documented 10 MB limit: refused before anything reads it.
    with (folder / "huge.txt").open("w") as handle:
        handle.write("Harbour news\n\n")
        for _ in range(31):
            handle.write(("The harbour stays closed today. " * 32 + "\n") * 1000)
    (folder / "one-line.txt").write_text("Harbour news " + "word " * 1_000_000)  # 5 MB
    (folder / "feed.jsonl").write_bytes(
        b"\xef\xbb\xbf"  # a byte-order mark before the first record
        + jsonl(
            RECORD,
            "{not json",
            {**RECORD, "title": 5},
            {**RECORD, "text": None},
            {**RECORD, "text": ["a", "b"]},
            {"title": "No text at all"},
            [1, 2],
            {**RECORD, "text": "x" * 10_000_000},
            {
                **RECORD,
                "title": "Quay talks resume again",
                "text": GOOD.replace("Friday", "Sunday"),
            },
        ).encode()
    )
    # Readable in spite of their encodings and names.
    (folder / "cyrillic 1251.txt").write_bytes(CYRILLIC.encode("cp1251"))
    (folder / "latin-1 café.txt").write_bytes(LATIN.encode("latin-1"))
    (folder / "utf16-no-bom.txt").write_bytes(GOOD.replace("Friday", "Monday").encode("utf-16-le"))
    (folder / "new\nline.txt").write_text(GOOD.replace("Friday", "Tuesday"))
    (folder / "open-with-empty-password.pdf").write_bytes(encrypted_pdf(""))
    (folder / "good.txt").write_text(GOOD)
    return folder


def test_every_bad_file_is_named_once_and_the_rest_imports(batch, tmp_path, capsys):
    os.symlink(batch / "loop-b.txt", batch / "loop-a.txt")
    os.symlink(batch / "loop-a.txt", batch / "loop-b.txt")
    os.mkfifo(batch / "pipe.txt")
    missing = tmp_path / "no-such-folder"

    with pytest.raises(CommandError, match="failed"):
        call_command("import_articles", str(batch), str(missing), "--report", str(tmp_path / "r"))
    err = capsys.readouterr().err
    failed = [line for line in err.splitlines() if line.startswith("FAILED ")]

    def line_for(label: str) -> str:
        found = [line for line in failed if line.startswith(f"FAILED {label}:")]
        assert len(found) == 1, (label, failed)
        return found[0]

    for name, (_, reason) in BAD.items():
        assert reason.lower() in line_for(str(batch / name)).lower(), name
    for number, reason in BAD_LINES.items():
        assert reason in line_for(f"{batch / 'feed.jsonl'}#{number}"), number
    assert "cannot open" in line_for(str(batch / "loop-a.txt"))
    assert "not a regular file" in line_for(str(batch / "pipe.txt"))
    assert "no such file" in line_for(str(missing))
    assert len(failed) == len(BAD) + len(BAD_LINES) + 4  # two loop links, the FIFO, the path

    # No junk stored; every readable file (and JSONL record) is an article.
    stored = {a.source_path.rsplit("/", 1)[-1] for a in Article.objects.all()}
    assert stored == {
        "cyrillic 1251.txt",
        "latin-1 café.txt",
        "utf16-no-bom.txt",
        "new\nline.txt",
        "open-with-empty-password.pdf",
        "good.txt",
        "feed.jsonl",
    }
    assert Article.objects.filter(source_path=str(batch / "feed.jsonl")).count() == 2
    titles = set(Article.objects.values_list("title", flat=True))
    assert "Порт Ансель откроется в пятницу" in titles
    assert "Le port d'Ansel rouvre vendredi" in titles
    for article in Article.objects.all():
        assert "\x00" not in article.body and "\ufffd" not in article.body


def test_an_engine_exception_fails_that_file_alone(write, tmp_path, monkeypatch, capsys):
    from statements.importing import batch as batch_module

    real = batch_module.process

    def engine(doc):
        if "Explode" in doc.text:
            raise RuntimeError("engine bug")
        return real(doc)

    monkeypatch.setattr(batch_module, "process", engine)
    write("in/a.txt", GOOD)
    write("in/b.txt", GOOD.replace("Veloria", "Explode"))
    write("in/feed.jsonl", jsonl(RECORD, {**RECORD, "text": "Explode " + GOOD}))
    for workers in (1, 2):
        report = import_paths([str(tmp_path / "in")], workers=workers)
        failures = {r.label: r.errors for r in report.failures}
        assert failures == {
            str(tmp_path / "in" / "b.txt"): ["extraction failed: RuntimeError: engine bug"],
            f"{tmp_path / 'in' / 'feed.jsonl'}#2": ["extraction failed: RuntimeError: engine bug"],
        }
        assert Article.objects.count() == 2
        assert all(a.statements.exists() for a in Article.objects.all())


def test_glob_characters_in_an_existing_name_are_taken_literally(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks [draft].txt").write_text(GOOD)
    report = import_paths([str(folder / "talks [draft].txt")])
    assert report.ok and Article.objects.count() == 1


def test_a_worker_process_that_dies_is_reported_and_the_import_ends(write, tmp_path, monkeypatch):
    from statements.importing import batch as batch_module

    real = batch_module.process

    def engine(doc):
        if "Crash" in doc.text:
            os._exit(9)  # what the kernel's out-of-memory killer leaves behind
        return real(doc)

    monkeypatch.setattr(batch_module, "process", engine)
    names = [f"in/a{n}.txt" for n in range(6)]
    for n, name in enumerate(names):
        write(name, GOOD.replace("Veloria", "Crash" if n == 1 else f"Veloria {n}"))
    report = import_paths([str(tmp_path / "in")], workers=2)
    failed = {Path(r.path).name for r in report.failures}
    stored = {Path(a.source_path).name for a in Article.objects.all()}
    assert "a1.txt" in failed and "a1.txt" not in stored
    assert failed | stored == {Path(name).name for name in names}  # none silently lost
    assert all("worker process" in r.errors[0] for r in report.failures)
