"""A dry run says, per article, which statements would be created, updated, removed or kept."""

import json

import pytest
from django.core.management import call_command

from statements.importing import import_paths
from statements.models import Article, ReviewStatus, Statement

pytestmark = pytest.mark.django_db


def test_dry_run_lists_each_statement_with_speaker_and_kind(write, article_text, tmp_path, capsys):
    path = write("desk/harbour.txt", article_text)
    import_paths([path])
    holm = Statement.objects.get(speaker__name="Arvid Holm")
    holm.review_status = ReviewStatus.VERIFIED
    holm.save()
    before = list(Statement.objects.order_by("id").values_list("id", "text", "review_status"))

    corrected = (
        article_text.replace(
            '"Nothing has been agreed with the dockers," she told reporters.', "She said no more."
        ).replace("by the weekend", "by Sunday")
        + '\nHolm added: "Ferries come first."\n'
    )
    write("desk/harbour.txt", corrected)
    report_file = tmp_path / "report.json"
    call_command("import_articles", path, "--dry-run", "--report", str(report_file))
    out = capsys.readouterr().out

    assert f"updated  {path}  'Veloria to reopen harbour after strike'" in out
    assert "+ direct   Arvid Holm: Ferries come first." in out
    assert "- direct   Marta Quist: Nothing has been agreed with the dockers" in out
    # The verified statement's wording changed: it is kept, and the new wording added.
    assert "= direct   Arvid Holm: The harbour will reopen on Friday" in out
    assert (
        "+ direct   Arvid Holm: The harbour will reopen on Friday, and every ship will be cleared by Sunday"
        in out
    )

    files = json.loads(report_file.read_text())["files"]
    changes = {(c["change"], c["speaker"], c["kind"]) for c in files[0]["statements"]}
    assert ("removed", "Marta Quist", "direct") in changes
    assert ("created", "Arvid Holm", "direct") in changes
    # Nothing was written.
    assert (
        list(Statement.objects.order_by("id").values_list("id", "text", "review_status")) == before
    )
    assert "Ferries" not in Article.objects.get().body


def test_a_real_import_keeps_its_report_small(write, article_text):
    report = import_paths([write("harbour.txt", article_text)])
    assert report.totals()["statements_created"] >= 2
    assert all(r.statements == [] for r in report.results)
