"""Finding files and reading every supported format, without one bad file stopping a batch."""

from datetime import date
from pathlib import Path

import pytest

from statements.extraction.cleaning import clean
from statements.extraction.document import RawDocument
from statements.extraction.readers import (
    SUPPORTED_SUFFIXES,
    InputPathError,
    ReadFailure,
    find_files,
    iter_files,
    read_path,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def read_one(name: str) -> RawDocument:
    items = list(read_path(FIXTURES / name))
    assert len(items) == 1 and isinstance(items[0], RawDocument), items
    return items[0]


def test_supported_suffixes():
    assert {".txt", ".md", ".pdf", ".html", ".htm", ".jsonl"} == set(SUPPORTED_SUFFIXES)


def test_iter_files_walks_folders_sorted_and_deduplicated(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "sub/c.html", "notes.docx", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    found = iter_files([str(tmp_path), str(tmp_path / "b.txt"), str(tmp_path / "*.txt")])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.md", "b.txt", "sub/c.html"]


def test_iter_files_glob(tmp_path):
    (tmp_path / "one.jsonl").write_text("{}")
    (tmp_path / "two.txt").write_text("x")
    assert [p.name for p in iter_files([str(tmp_path / "*.jsonl")])] == ["one.jsonl"]


@pytest.mark.parametrize("spec", ["no/such/folder", "no/such/*.txt"])
def test_iter_files_missing_path_is_a_clear_error(spec):
    with pytest.raises(InputPathError, match="no"):
        iter_files([spec])


def test_iter_files_rejects_named_unsupported_file(tmp_path):
    path = tmp_path / "article.docx"
    path.write_text("x")
    with pytest.raises(InputPathError, match="unsupported"):
        iter_files([str(path)])


def test_plain_text():
    doc = read_one("plain_courier_strike.txt")
    assert doc.format == "text" and doc.source_file == "plain_courier_strike.txt"
    assert doc.text.startswith("Ferrant: harbour strike")
    assert doc.path.endswith("plain_courier_strike.txt")


def test_markdown_loses_its_markup():
    doc = read_one("notes_interview.md")
    assert doc.text.startswith('Dravic: "We owe the dockers')
    assert "**" not in doc.text and "# " not in doc.text and "> " not in doc.text
    assert "https://courier.example.vl/2025/03/18/dravic-interview" in doc.text
    assert doc.raw_text.startswith("# Dravic")


def test_pdf_keeps_paragraph_gaps():
    doc = read_one("real_article.pdf")
    assert doc.format == "pdf"
    assert doc.title == "Halloran Defends Police at Port Aldin"
    assert 'within the law."\n\n"Nobody was hurt' in doc.text


def test_html_body_and_metadata():
    doc = read_one("html_courier_blockade.html")
    assert doc.format == "html"
    assert doc.title == "Dockers block Port Aldin gates as strike enters second week"
    assert doc.published_on == date(2025, 3, 11)
    assert doc.outlet == "Veloria Daily Courier"
    assert doc.url == "https://www.courier.example.vl/news/2025/03/11/port-aldin-gates"
    assert "chair of the Harbour Workers\u2019 Union" in doc.text
    for junk in ("Subscribe", "Most read", "Privacy policy", "trackingQueue", "noopener"):
        assert junk not in doc.text


def test_jsonl_one_item_per_line_with_line_numbers():
    items = list(read_path(FIXTURES / "wire_batch.jsonl"))
    good = [item for item in items if isinstance(item, RawDocument)]
    bad = [item for item in items if isinstance(item, ReadFailure)]
    assert [doc.source_file for doc in good] == [
        "wire_batch.jsonl#1",
        "wire_batch.jsonl#2",
        "wire_batch.jsonl#4",
    ]
    assert good[0].outlet == "Northern Wire Service"
    assert good[0].published_on == date(2025, 3, 21)
    assert good[1].published_on == date(2025, 3, 28)  # from a full timestamp
    assert good[2].outlet is None and good[2].url.endswith("/kessel-round")
    assert len(bad) == 1 and bad[0].source_file == "wire_batch.jsonl#5"
    assert "line 5" in bad[0].error and "invalid JSON" in bad[0].error


def test_jsonl_line_without_text_fails_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "No body"}\n["a list"]\n{"text": "Fine."}\n', encoding="utf-8")
    items = list(read_path(path))
    assert [type(item).__name__ for item in items] == ["ReadFailure", "ReadFailure", "RawDocument"]
    assert 'missing or empty "text"' in items[0].error
    assert items[2].source_file == "feed.jsonl#3"


def test_corrupt_pdf_is_one_failure_not_an_exception():
    items = list(read_path(FIXTURES / "broken.pdf"))
    assert len(items) == 1 and isinstance(items[0], ReadFailure)
    assert items[0].source_file == "broken.pdf" and items[0].error


def test_empty_file_is_a_failure(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    [item] = read_path(path)
    assert isinstance(item, ReadFailure) and "no text" in item.error


def test_whole_fixture_folder_reads_with_only_the_broken_items_failing():
    items = [item for path in iter_files([str(FIXTURES)]) for item in read_path(path)]
    failures = sorted(item.source_file for item in items if isinstance(item, ReadFailure))
    assert failures == ["broken.pdf", "wire_batch.jsonl#5"]
    assert sum(isinstance(item, RawDocument) for item in items) == 12


def test_sample_corpus_reads_cleanly():
    """The samples are what a new user tries first; every one must import with a date."""
    samples = Path(__file__).resolve().parents[2] / "samples" / "articles"
    items = [item for path in iter_files([str(samples)]) for item in read_path(path)]
    assert not [item for item in items if isinstance(item, ReadFailure)]
    articles = [clean(item) for item in items]
    assert len(articles) >= 8
    assert all(article.title and article.published_on and article.body for article in articles)


def test_find_files_reports_what_it_cannot_read_and_keeps_the_rest(tmp_path):
    import os

    (tmp_path / "good.txt").write_text("Headline\n\nText.")
    (tmp_path / "notes.docx").write_text("x")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.md")
    files, failures = find_files(
        [str(tmp_path), str(tmp_path / "missing.txt"), str(tmp_path / "notes.docx")]
    )
    assert [p.name for p in files] == ["good.txt"]
    reasons = {f.source_file: f.error for f in failures}
    assert set(reasons) == {"loop.txt", "pipe.md", "missing.txt", "notes.docx"}
    assert "not a regular file" in reasons["pipe.md"]
    assert "unsupported" in reasons["notes.docx"]


def test_jsonl_lines_select_a_chunk_of_records(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(f'{{"title": "T{n}", "text": "Body {n}."}}\n' for n in range(1, 7)))
    items = list(read_path(path, lines=(3, 4)))
    assert [item.source_file for item in items] == ["feed.jsonl#3", "feed.jsonl#4"]


def test_jsonl_chunks_let_each_reader_seek_to_its_records(tmp_path):
    from statements.extraction.readers.jsonl import jsonl_chunks

    path = tmp_path / "feed.jsonl"
    path.write_text("".join(f'{{"title": "T{n}", "text": "Body {n}."}}\n' for n in range(1, 8)))
    chunks = jsonl_chunks(path, 3)
    assert [lines for lines, _ in chunks] == [(1, 3), (4, 6), (7, 7)]
    read = [item.title for lines, offset in chunks for item in read_path(path, lines, offset)]
    assert read == [f"T{n}" for n in range(1, 8)]
