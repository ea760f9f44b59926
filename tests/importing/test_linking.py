"""Keyword linking: every event whose keyword occurs is found, in a bounded number of queries."""

from datetime import date

import pytest

from statements.linking import EventMatchers, link_article, link_events
from statements.models import Event
from tests.factories import make_article, make_event, make_statement

pytestmark = pytest.mark.django_db


def test_overlapping_keywords_of_different_events_are_all_found():
    port = make_event("Port works", keywords=["Port"])
    ansel = make_event("Port Ansel strike", keywords=["Port Ansel"])
    bay = make_event("Ansel Bay closure", keywords=["ansel bay"])
    other = make_event("Portland talks", keywords=["Portland"])
    st = make_statement("Nobody leaves Port Ansel Bay tonight.")
    link_events()
    assert set(st.events.all()) == {port, ansel, bay}
    assert other not in st.events.all()


def test_keyword_in_the_paragraph_or_title_links_but_not_another_paragraph():
    strike = make_event("Dock strike", keywords=["dockers"], start_on=date(2025, 3, 1))
    article = make_article(
        body='The dockers met on Monday. "We stay out," Quist said.\n\n"Rain again," Holm said.',
        title="Talks in Port Ansel",
        published_on=date(2025, 3, 10),
    )
    near = make_statement("We stay out,", article=article)
    far = make_statement("Rain again,", article=article)
    link_events()
    assert list(near.events.all()) == [strike]
    assert not far.events.exists()

    strike.keywords = ["Port Ansel"]  # now in the title: every statement concerns it
    strike.save()
    link_events()
    assert set(strike.statements.all()) == {near, far}


def test_linking_an_article_takes_a_few_queries_whatever_its_length(
    django_assert_max_num_queries,
):
    make_event("Dock strike", keywords=["dockers"])
    matchers = EventMatchers(Event.objects.all())
    for count in (3, 300):
        article = make_article(body="")
        article.body = "\n\n".join(f'"The dockers wait {n}," Quist said.' for n in range(count))
        article.save()
        for n in range(count):
            make_statement(f"The dockers wait {n},", article=article, said_on=None)
        # Reads, then a few batched inserts: not one query (or one body) per statement.
        with django_assert_max_num_queries(10):
            result = link_article(article, matchers)
        assert result.statements_linked == count


def test_longest_keyword_at_a_word_boundary_wins_and_long_keywords_work():
    events = {
        name: make_event(name, keywords=[keyword])
        for name, keyword in [
            ("Border", "border"),
            ("Border posts", "Border posts"),
            ("Border post", "border post"),
            ("Tax", "tax"),
            ("Taxes", "taxes"),
            ("Long", "a very long name " * 40),
        ]
    }
    matchers = EventMatchers(Event.objects.all())

    def found(text: str) -> set[str]:
        return {e.name for e in events.values() if e.pk in matchers.found_in(text)}

    assert found("The border postsX were shut.") == {"Border"}
    assert found("The BORDER POSTS were shut.") == {"Border", "Border posts"}
    assert found("The border post was shut; taxes rise.") == {"Border", "Border post", "Taxes"}
    assert found("Tax.") == {"Tax"}
    assert found("It had " + "A very long name " * 40 + "indeed.") == {"Long"}
    assert found("It had " + "a very long name " * 39 + "only.") == set()


def test_an_articles_texts_searched_at_once_give_what_each_searched_alone_gives():
    """What the extraction workers hand the writer (the body's answer taken from its
    paragraphs') is what searching each text gives, keywords at paragraphs' edges too."""
    for name, keyword in [("Port", "Port"), ("Bay", "ansel bay"), ("Tax", "taxes")]:
        make_event(name, keywords=[keyword])
    matchers = EventMatchers(Event.objects.all())
    body = "\n\n".join(
        [
            "Port",
            "Taxes rise in Ansel",
            "Bay closes, port opens.",
            "",
            "\nAnsel bay\n",
            "Portland and transport",
            "Ansel\nBay taxes.",
        ]
    )
    quotes = ["Port Ansel Bay", "rise in Ansel"]
    found = matchers.search_article("Port talks", body, quotes)
    paragraphs = body.split("\n\n")
    assert set(found) == {"Port talks", body, *quotes, *filter(None, paragraphs)}
    for text, ids in found.items():
        assert set(ids) == matchers.found_in(text), text
    assert set(found[body]) == {e.pk for e in Event.objects.all()}
