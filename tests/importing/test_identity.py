"""Two different articles never overwrite each other; a new version updates its article.

An article is its canonical URL when it has one, else its content; a file's
corrected version (same path, same headline) updates it in place.
"""

import json

import pytest

from statements.importing import import_paths
from statements.models import Article, ReviewStatus, Statement

pytestmark = pytest.mark.django_db

HARBOUR = """Veloria to reopen harbour after strike

10 March 2025

"The harbour will reopen on Friday," Transport Minister Arvid Holm said on Monday.
"""

RAIL = """Norland rail line to close for repairs

11 March 2025

"Trains will stop for two weeks," Rail Director Petra Lind said on Tuesday.
"""

FERRY = """Ferry fares frozen in Ostmark

12 March 2025

"Fares stay where they are until the summer," Mayor Jonas Brandt said.
"""


def record(title: str, text: str, **extra) -> str:
    return json.dumps({"title": title, "text": text, "published": "2025-03-10", **extra})


def verified_statement(article: Article) -> Statement:
    st = article.statements.order_by("id").first()
    assert st is not None, "the engine found no statement in the fictional article"
    st.review_status = ReviewStatus.VERIFIED
    st.save()
    return st


def test_same_named_files_in_two_folders_are_two_articles(write, tmp_path):
    write("monday/article.txt", HARBOUR)
    write("tuesday/article.txt", RAIL)
    import_paths([str(tmp_path / "monday")])
    harbour = Article.objects.get()
    kept = verified_statement(harbour)

    report = import_paths([str(tmp_path / "tuesday")])
    assert report.totals()["articles_created"] == 1
    assert Article.objects.count() == 2
    harbour.refresh_from_db()
    assert harbour.title == "Veloria to reopen harbour after strike"
    assert Statement.objects.get(pk=kept.pk).article_id == harbour.pk
    assert set(Article.objects.values_list("source_path", flat=True)) == {
        str(tmp_path / "monday" / "article.txt"),
        str(tmp_path / "tuesday" / "article.txt"),
    }


def test_same_named_file_with_the_same_headline_elsewhere_is_another_article(write, tmp_path):
    write("a/briefing.txt", HARBOUR)
    write("b/briefing.txt", HARBOUR.replace("on Friday", "on Saturday"))
    report = import_paths([str(tmp_path)])
    assert report.totals()["articles_created"] == 2
    assert Article.objects.count() == 2


def test_jsonl_record_inserted_at_the_top_moves_nothing(write, client):
    lines = [record("Harbour to reopen", HARBOUR), record("Rail line to close", RAIL)]
    path = write("feed.jsonl", "\n".join(lines) + "\n")
    import_paths([path])
    by_title = {a.title: a for a in Article.objects.all()}
    kept = verified_statement(by_title["Harbour to reopen"])
    permalinks = {st.pk: st.get_absolute_url() for st in Statement.objects.all()}
    before = {st.pk: (st.article_id, st.text) for st in Statement.objects.all()}

    write("feed.jsonl", "\n".join([record("Ferry fares frozen", FERRY), *lines]) + "\n")
    report = import_paths([path])
    totals = report.totals()
    assert (totals["articles_created"], totals["articles_unchanged"]) == (1, 2)
    assert totals["articles_updated"] == 0 and totals["statements_removed"] == 0
    for pk, (article_id, text) in before.items():
        st = Statement.objects.get(pk=pk)
        assert (st.article_id, st.text) == (article_id, text)
        assert client.get(permalinks[pk]).status_code == 200
    kept.refresh_from_db()
    assert kept.review_status == ReviewStatus.VERIFIED
    assert Article.objects.get(pk=kept.article_id).title == "Harbour to reopen"


def test_second_export_with_the_same_name_replaces_nothing(write, tmp_path):
    write("2024/export.jsonl", record("Harbour to reopen", HARBOUR) + "\n")
    write("2025/export.jsonl", record("Rail line to close", RAIL) + "\n")
    import_paths([str(tmp_path / "2024")])
    first = Article.objects.get()
    statements = set(first.statements.values_list("pk", flat=True))
    import_paths([str(tmp_path / "2025")])
    assert Article.objects.count() == 2
    assert set(first.statements.values_list("pk", flat=True)) == statements


def test_corrected_version_of_a_file_updates_its_article_in_place(write):
    path = write("desk/harbour.txt", HARBOUR)
    import_paths([path])
    article = Article.objects.get()
    kept = verified_statement(article)

    write("desk/harbour.txt", HARBOUR.replace("Monday", "Tuesday"))
    report = import_paths([path])
    assert report.totals()["articles_updated"] == 1
    assert list(Article.objects.values_list("pk", flat=True)) == [article.pk]
    assert "Tuesday" in Article.objects.get().body
    kept.refresh_from_db()
    assert kept.review_status == ReviewStatus.VERIFIED and kept.article_id == article.pk


def test_new_headline_in_the_same_file_is_a_new_article(write):
    path = write("desk/harbour.txt", HARBOUR)
    import_paths([path])
    write("desk/harbour.txt", RAIL)
    import_paths([path])
    assert Article.objects.count() == 2


def test_jsonl_record_is_updated_by_its_url(write):
    url = "https://courier.example/2025/03/10/harbour"
    path = write("feed.jsonl", record("Harbour to reopen", HARBOUR, url=url) + "\n")
    import_paths([path])
    article = Article.objects.get()
    kept = verified_statement(article)

    corrected = record(
        "Harbour to reopen (corrected)", HARBOUR.replace("Monday", "Sunday"), url=url
    )
    write("feed.jsonl", record("Rail line to close", RAIL) + "\n" + corrected + "\n")
    report = import_paths([path])
    assert report.totals()["articles_updated"] == 1
    article.refresh_from_db()
    assert article.title == "Harbour to reopen (corrected)" and "Sunday" in article.body
    assert article.source_file == "feed.jsonl#2"
    kept.refresh_from_db()
    assert kept.article_id == article.pk and kept.review_status == ReviewStatus.VERIFIED


def test_jsonl_records_without_url_sharing_a_headline_stay_apart(write):
    path = write(
        "feed.jsonl",
        record("Press briefing", HARBOUR) + "\n" + record("Press briefing", RAIL) + "\n",
    )
    import_paths([path])
    import_paths([path])
    assert Article.objects.count() == 2


def test_jsonl_split_into_chunks_across_workers_keeps_every_record_and_line(write, monkeypatch):
    from statements.importing import batch

    monkeypatch.setattr(batch, "CHUNK_RECORDS", 3)
    texts = [HARBOUR, RAIL, FERRY]
    lines = [
        record(f"Dispatch {n}", texts[n % 3].replace("March", f"March ({n})")) for n in range(10)
    ]
    lines[4] = "{broken"
    path = write("feed.jsonl", "\n".join(lines) + "\n")
    report = import_paths([path], workers=2, batch_size=4)
    assert [r.source_file for r in report.failures] == ["feed.jsonl#5"]
    assert sorted(Article.objects.values_list("source_file", flat=True)) == sorted(
        f"feed.jsonl#{n}" for n in range(1, 11) if n != 5
    )
    for article in Article.objects.all():
        number = int(article.source_file.split("#")[1])
        assert article.title == f"Dispatch {number - 1}"


def test_a_front_page_address_in_every_record_does_not_merge_them(write):
    home = "https://courier.example/"
    path = write(
        "scraped.jsonl",
        record("Harbour to reopen", HARBOUR, url=home)
        + "\n"
        + record("Rail line to close", RAIL, url=home)
        + "\n",
    )
    report = import_paths([path])
    assert report.totals()["articles_created"] == 2
    assert Article.objects.count() == 2
