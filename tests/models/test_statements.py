"""Invariants of statements, articles and events that the pages rely on."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from statements.models import Event, ReviewStatus, Statement
from tests.factories import make_article, make_event, make_speaker, make_statement

pytestmark = pytest.mark.django_db


def test_article_fingerprint_is_unique():
    article = make_article()
    with pytest.raises(IntegrityError):
        make_article(fingerprint=article.fingerprint)


def test_event_slug_unique_and_dates_ordered():
    make_event(slug="harbour-strike")
    with transaction.atomic(), pytest.raises(IntegrityError):
        make_event(slug="harbour-strike")
    with transaction.atomic(), pytest.raises(IntegrityError):
        make_event(start_on=date(2025, 3, 10), end_on=date(2025, 3, 1))


def test_statement_span_must_not_be_inverted():
    st = make_statement()
    st.start, st.end = 10, 5
    with pytest.raises(IntegrityError):
        st.save()


def test_one_extracted_quote_once_per_article():
    st = make_statement()
    with pytest.raises(IntegrityError):
        Statement.objects.create(
            article=st.article,
            speaker=st.speaker,
            text=st.text,
            start=st.start,
            end=st.end,
            extraction_key=st.extraction_key,
        )


def test_published_hides_rejected_and_review_queue_orders_by_confidence():
    sure = make_statement("The port stays open.", confidence=0.95)
    unsure = make_statement("We may close the port.", confidence=0.3)
    rejected = make_statement("Nothing will change.", review_status=ReviewStatus.REJECTED)
    assert rejected not in Statement.objects.published()
    assert list(Statement.objects.needing_review())[:2] == [unsure, sure]
    assert list(Statement.objects.low_confidence()) == [unsure]


def test_about_event_includes_sub_events():
    strike = make_event("Harbour Strike")
    march = make_event("March on the Quay", parent=strike)
    rally = make_event("Quay rally", parent=march)
    other = make_event("Budget debate")
    in_rally = make_statement("We stand with the dockers.", events=[rally])
    make_statement("The budget is balanced.", events=[other])
    assert list(Statement.objects.about_event(strike)) == [in_rally]
    assert sorted(Event.objects.filter(pk=strike.pk).with_descendants()) == sorted(
        [strike.pk, march.pk, rally.pk]
    )


def test_context_paragraph_holds_the_quote():
    article = make_article(
        body='First paragraph.\n\n"Ports are lifelines," Holm said on Monday.\n\nLast one.'
    )
    st = make_statement("Ports are lifelines,", article=article, speaker=make_speaker("Arvid Holm"))
    paragraph, offset = st.context_paragraph()
    assert paragraph == '"Ports are lifelines," Holm said on Monday.'
    assert article.body[offset : offset + len(paragraph)] == paragraph


def test_statements_are_dated_by_their_words_else_their_article():
    article = make_article(published_on=date(2025, 3, 10))
    said = make_statement("We sail at dawn.", article=article, said_on=date(2025, 3, 8))
    undated = make_statement("We sail at noon.", article=article, said_on=None)
    assert (said.dated_on, undated.dated_on) == (date(2025, 3, 8), date(2025, 3, 10))
    article.published_on = date(2025, 3, 12)  # an editor corrects the article's date
    article.save()
    said.refresh_from_db()
    undated.refresh_from_db()
    assert (said.dated_on, undated.dated_on) == (date(2025, 3, 8), date(2025, 3, 12))
