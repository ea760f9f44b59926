"""Importing is idempotent, keeps editors' work, and survives broken files."""

import json

import pytest
from django.core.management import CommandError, call_command

from statements.importing import import_paths
from statements.models import Article, ReviewStatus, Speaker, Statement, Tag
from tests.factories import make_event, make_speaker

pytestmark = pytest.mark.django_db


def snapshot() -> list[tuple]:
    return list(
        Statement.objects.order_by("id").values_list(
            "id", "text", "speaker__name", "kind", "start", "end", "updated_at"
        )
    )


def test_import_stores_article_statements_and_speakers(write, article_text):
    report = import_paths([write("harbour.txt", article_text)])
    assert report.ok
    article = Article.objects.get()
    assert article.title == "Veloria to reopen harbour after strike"
    assert article.published_on.isoformat() == "2025-03-10"
    assert article.source_file == "harbour.txt"
    texts = {st.text.rstrip(",."): st.speaker.name for st in Statement.objects.all()}
    assert texts == {
        "The harbour will reopen on Friday, and every ship will be cleared by the weekend": (
            "Arvid Holm"
        ),
        "Nothing has been agreed with the dockers": "Marta Quist",
    }
    for st in Statement.objects.all():
        assert article.body[st.start : st.end] == st.text
    role = Speaker.objects.get(name="Arvid Holm").roles.get()
    assert "Transport Minister" in role.title
    assert role.reported_on == article.published_on


def test_importing_twice_changes_nothing(write, article_text):
    path = write("harbour.txt", article_text)
    import_paths([path])
    before = (snapshot(), Speaker.objects.count(), Article.objects.get().updated_at)
    report = import_paths([path])
    assert report.totals()["articles_unchanged"] == 1
    assert (snapshot(), Speaker.objects.count(), Article.objects.get().updated_at) == before


def test_reimport_of_corrected_article_keeps_editors_work(write, article_text):
    path = write("harbour.txt", article_text)
    import_paths([path])
    holm_quote = Statement.objects.get(speaker__name="Arvid Holm")
    quist_quote = Statement.objects.get(speaker__name="Marta Quist")

    # An editor verifies and tags one statement, and corrects the other's speaker.
    tag = Tag.objects.create(name="harbour reopening")
    holm_quote.review_status = ReviewStatus.VERIFIED
    holm_quote.editor_note = "Checked against the ministry's transcript."
    holm_quote.save()
    holm_quote.tags.add(tag)
    other = make_speaker("Marta Quist-Lund")
    quist_quote.speaker = other
    quist_quote.edited_by_editor = True
    quist_quote.save()

    corrected = article_text.replace("by the weekend", "by Sunday") + (
        '\nHolm added: "Ferries come first."\n'
    )
    report = import_paths([write("harbour.txt", corrected)])
    assert report.totals()["articles_updated"] == 1
    assert Article.objects.count() == 1

    quist_quote.refresh_from_db()
    assert quist_quote.speaker == other  # the correction stands
    article = Article.objects.get()
    assert article.body[quist_quote.start : quist_quote.end] == quist_quote.text

    # The verified statement's wording changed, so it is a new extraction; the
    # old one is kept with its annotations rather than deleted.
    holm_quote.refresh_from_db()
    assert holm_quote.review_status == ReviewStatus.VERIFIED
    assert list(holm_quote.tags.all()) == [tag]
    assert holm_quote.editor_note
    assert Statement.objects.filter(text__startswith="Ferries come first").exists()


def test_statement_without_annotations_disappears_with_its_quote(write, article_text):
    path = write("harbour.txt", article_text)
    import_paths([path])
    without_quist = article_text.replace(
        '"Nothing has been agreed with the dockers," she told reporters.', "She said no more."
    )
    report = import_paths([write("harbour.txt", without_quist)])
    assert report.totals()["statements_removed"] == 1
    assert not Statement.objects.filter(speaker__name="Marta Quist").exists()


def test_merged_spelling_lands_on_kept_speaker(write, article_text):
    kept = make_speaker("Arvid Holm-Berg")
    kept.add_alias("Arvid Holm")
    import_paths([write("harbour.txt", article_text)])
    assert Statement.objects.filter(speaker=kept).exists()
    assert not Speaker.objects.filter(name="Arvid Holm").exists()


def test_broken_file_is_reported_and_the_rest_imports(write, article_text, tmp_path):
    write("batch/good.txt", article_text)
    write("batch/broken.pdf", b"%PDF-1.4 this is not really a pdf")
    write(
        "batch/lines.jsonl",
        json.dumps({"title": "Quay talks resume", "text": article_text, "published": "2025-03-11"})
        + "\n{not json\n",
    )
    report = import_paths([str(tmp_path / "batch")])
    failed = {r.source_file for r in report.failures}
    assert failed == {"broken.pdf", "lines.jsonl#2"}
    assert set(Article.objects.values_list("source_file", flat=True)) == {
        "good.txt",
        "lines.jsonl#1",
    }


def test_dry_run_writes_nothing_but_reports(write, article_text):
    report = import_paths([write("harbour.txt", article_text)], dry_run=True)
    assert report.totals()["articles_created"] == 1
    assert report.totals()["statements_created"] >= 2
    assert not Article.objects.exists() and not Speaker.objects.exists()


def test_command_report_exit_code_and_event(write, article_text, tmp_path, capsys):
    event = make_event("Harbour Strike", slug="harbour-strike", keywords=[])
    good = write("in/good.txt", article_text)
    write("in/broken.pdf", b"garbage")
    report_file = tmp_path / "report.json"
    with pytest.raises(CommandError, match="broken.pdf"):
        call_command(
            "import_articles",
            str(tmp_path / "in"),
            "--report",
            str(report_file),
            "--event",
            "harbour-strike",
        )
    report = json.loads(report_file.read_text())
    by_file = {f["source_file"]: f for f in report["files"]}
    assert by_file["good.txt"]["status"] == "created"
    assert by_file["broken.pdf"]["errors"]
    assert report["totals"]["failed"] == 1
    assert all(event in st.events.all() for st in Statement.objects.all())
    assert "1 failed" in capsys.readouterr().out
    call_command("import_articles", good, "--dry-run")  # nothing left to fail: no error


def test_workers_give_the_same_result(write, article_text, tmp_path):
    for n in range(4):
        write(f"many/a{n}.txt", article_text.replace("Port Ansel", f"Port Ansel {n}"))
    report = import_paths([str(tmp_path / "many")], workers=2)
    assert report.ok
    assert Article.objects.count() == 4
    assert (
        Statement.objects.count()
        == 4 * Statement.objects.filter(article__source_file="a0.txt").count()
    )


def test_unknown_path_is_a_clear_error():
    with pytest.raises(CommandError):
        call_command("import_articles", "/nonexistent/folder")


def test_only_web_addresses_become_links(write, article_text, client):
    line = {
        "title": "Quay talks resume",
        "url": "javascript:alert(1)",
        "text": article_text + "\nhttps://wire.example/2025/03/10/quay\n",
        "published": "2025-03-10",
    }
    import_paths([write("feed.jsonl", json.dumps(line) + "\n")])
    article = Article.objects.get()
    assert article.url == ""
    page = client.get(article.get_absolute_url()).content.decode()
    assert "javascript:" not in page
    assert "feed.jsonl#1" in page


SURNAME_ONLY = """Quay talks resume

11 March 2025

Talks on the harbour resumed on Tuesday. "We are close to a deal," Quist said after the meeting.
"""


def test_surname_only_article_lands_on_the_known_speaker(write, article_text):
    import_paths([write("harbour.txt", article_text)])
    import_paths([write("talks.txt", SURNAME_ONLY)])
    quist = Speaker.objects.get(name="Marta Quist")
    assert quist.statements.count() == 2
    assert not Speaker.objects.filter(name="Quist").exists()


def test_full_name_found_later_completes_a_surname_only_speaker(write, article_text):
    import_paths([write("talks.txt", SURNAME_ONLY)])
    assert Speaker.objects.filter(name="Quist").exists()
    import_paths([write("harbour.txt", article_text)])
    quist = Speaker.objects.get(statements__text__startswith="We are close")
    assert quist.name == "Marta Quist"
    assert quist.statements.count() == 2
    assert Speaker.objects.by_name("Quist") == quist


def test_surname_shared_by_two_people_is_not_guessed(write, article_text):
    make_speaker("Jonas Quist")
    import_paths([write("harbour.txt", article_text)])
    import_paths([write("talks.txt", SURNAME_ONLY)])
    speaker = Speaker.objects.get(statements__text__startswith="We are close")
    assert speaker.name == "Quist"
