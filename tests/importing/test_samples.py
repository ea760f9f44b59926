"""The sample corpus a new user sees imports cleanly, and every span points at its quote."""

from pathlib import Path

import pytest
from django.core.management import call_command

from statements.models import Article, Event, Statement

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_archive():
    call_command("import_events", str(SAMPLES / "events.json"), verbosity=0)
    call_command("import_articles", str(SAMPLES / "articles"), verbosity=0)


def test_samples_import_with_metadata(sample_archive):
    articles = Article.objects.all()
    assert articles.count() >= 8
    for article in articles:
        assert article.title and article.body
        assert article.published_on is not None, article.source_file


def test_every_stored_span_equals_its_text(sample_archive):
    statements = Statement.objects.select_related("article")
    assert statements.count() >= 30
    for st in statements:
        parts = [st.article.body[s:e] for s, e in st.span_list]
        assert " ".join(parts) == st.text, st.pk
        assert st.article.body[st.start : st.end].startswith(parts[0])


def test_every_sample_event_has_statements(sample_archive):
    for event in Event.objects.filter(parent__isnull=True):
        assert Statement.objects.about_event(event).exists(), event.slug


def test_reimporting_the_samples_changes_nothing(sample_archive):
    before = list(Statement.objects.order_by("id").values_list("id", "text", "speaker_id"))
    call_command("import_articles", str(SAMPLES / "articles"), verbosity=0)
    after = list(Statement.objects.order_by("id").values_list("id", "text", "speaker_id"))
    assert after == before
