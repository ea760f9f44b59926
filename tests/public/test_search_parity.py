"""One query language, the same statements found on SQLite and on PostgreSQL.

The table below runs on whichever database the suite uses (CI runs both), and
each row names the statements it must find, so both databases give the same sets.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from statements.search import MAX_TERMS, parse_query
from tests.factories import make_article, make_event, make_speaker, make_statement
from tests.public.conftest import ids

URL = reverse("statements:statement-list")

TEXTS = {
    "borders": "We will reopen the borders of Veloria next spring.",
    "port": "The port of Lindenhal stays open all winter.",
    "strikes": "These strikes must end before the harvest.",
    "striking": "Striking workers deserve a fair hearing.",
    "budget": "The budget for the harbour is balanced at last.",
    "harbour": "Harbour fees fall for small fishing boats.",
}


@pytest.fixture
def corpus(db):
    ilse = make_speaker("Ilse Marrow")
    tomas = make_speaker("Tomas Quillfeather")
    strike = make_event("Harbour Strike", slug="harbour-strike")
    said = {
        "borders": date(2023, 1, 10),
        "port": date(2023, 6, 30),
        "strikes": date(2023, 7, 1),
        "striking": date(2024, 2, 2),
        "budget": date(2022, 12, 31),
        "harbour": date(2023, 3, 3),
    }
    made = {}
    for key, text in TEXTS.items():
        made[key] = make_statement(
            text,
            speaker=ilse if key in ("borders", "strikes", "budget") else tomas,
            article=make_article(body=f'"{text}" she said.', published_on=said[key]),
            said_on=said[key],
            events=[strike] if key in ("strikes", "striking", "harbour") else [],
        )
    return made


CASES = [
    ("borders", {"borders"}),
    ("border", {"borders"}),  # stemmed on both
    ("border or port", {"borders", "port"}),
    ("strike", {"strikes", "striking"}),
    ('"ports stay"', set()),
    ('"port of Lindenhal"', {"port"}),
    ("harbour -budget", {"harbour"}),
    ('harbour -"is balanced"', {"harbour"}),
    ("-harbour -budget -strike", {"borders", "port"}),
    ("speaker:Marrow", {"borders", "strikes", "budget"}),
    ("speaker:ilse-marrow strike", {"strikes"}),
    ("speaker:Nobody strike", set()),
    ("event:harbour-strike", {"strikes", "striking", "harbour"}),
    ("event:harbour-strike -fees", {"strikes", "striking"}),
    ("said:2023-01..2023-06", {"borders", "port", "harbour"}),
    ("said:2023", {"borders", "port", "strikes", "harbour"}),
    ("said:..2022-12", {"budget"}),
    ("said:2023-07.. strike", {"strikes", "striking"}),
    ("the", set(TEXTS)),  # only stop words: no text condition
    ("THE BORDERS", {"borders"}),
    ("borders'; DROP TABLE x; --", set()),
    ('"unclosed phrase', set()),
    ("harbour:fees", {"harbour"}),  # unknown operators are words
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_query_language_finds_the_same_statements(client, corpus, query, expected):
    got = set(ids(client.get(URL, {"q": query})))
    assert got == {corpus[k].pk for k in expected}


def test_parse_query_reads_operators_and_or():
    parsed = parse_query('border or port "end now" -fees speaker:"Ilse Marrow" said:2023-02')
    assert [[t.text for t in c] for c in parsed.clauses] == [["border", "port"], ["end now"]]
    assert [t.text for t in parsed.exclude] == ["fees"]
    assert parsed.speaker == "Ilse Marrow"
    assert (parsed.said_from, parsed.said_to) == (date(2023, 2, 1), date(2023, 2, 28))


def test_parse_query_is_bounded():
    parsed = parse_query(" ".join(f"word{i}" for i in range(600)))
    assert len(parsed.clauses) == MAX_TERMS


def test_long_query_gives_a_page_not_an_error(client, corpus):
    words = " ".join(f"word{i}" for i in range(600))
    assert client.get(URL, {"q": words}).status_code == 200
    assert client.get(URL, {"q": "border " + words.replace("word", "-w")}).status_code == 200


def test_search_highlights_stemmed_words(client, corpus):
    html = client.get(URL, {"q": "strike"}).content.decode()
    assert "<mark>strikes</mark>" in html
    assert "<mark>Striking</mark>" in html


def test_relevance_ranks_repeated_words_first(client, corpus):
    best = make_statement("Strike, strike and strike again: the strike goes on.")
    response = client.get(URL, {"q": "strike", "sort": "relevance"})
    assert response.context["sort_key"] == "relevance"
    assert ids(response)[0] == best.pk
    assert set(ids(response)) == {best.pk, corpus["strikes"].pk, corpus["striking"].pk}


def test_query_naming_a_speaker_offers_their_page(client, corpus):
    html = client.get(URL, {"q": "Ilse Marrow"}).content.decode()
    assert html.index('href="/speakers/ilse-marrow/"') < html.index('class="result-count"')
    assert client.get(URL, {"q": "Marrow"}).context["speaker_suggestion"].name == "Ilse Marrow"
    assert client.get(URL, {"q": "harbour"}).context["speaker_suggestion"] is None


def test_search_follows_edits_and_deletes(client, corpus):
    st = corpus["port"]
    st.text = "The quay of Lindenhal stays open all winter."
    st.save()
    assert ids(client.get(URL, {"q": "quay"})) == [st.pk]
    assert ids(client.get(URL, {"q": "port"})) == []
    st.delete()
    assert ids(client.get(URL, {"q": "quay"})) == []
