"""The statements list: each filter, sorting, pagination, chips, facets, bad input."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, make_speaker, make_statement
from tests.public.conftest import ids

URL = reverse("statements:statement-list")


def test_default_order_is_newest_said_first_and_rejected_left_out(client, archive):
    a = archive
    assert ids(client.get(URL)) == [a.first.pk, a.verified.pk, a.second.pk, a.third.pk]


def test_filter_by_speaker_slug(client, archive):
    response = client.get(URL, {"speaker": archive.tomas.slug})
    assert set(ids(response)) == {archive.second.pk, archive.verified.pk}


@pytest.mark.parametrize("name", ["Tomas Quillfeather", "tomas quillfeather"])
def test_filter_by_speaker_name(client, archive, name):
    assert set(ids(client.get(URL, {"speaker": name}))) == {
        archive.second.pk,
        archive.verified.pk,
    }


def test_filter_by_speaker_alias(client, archive):
    assert archive.first.pk in ids(client.get(URL, {"speaker": "I. Marrow"}))


def test_filter_by_event_includes_sub_events(client, archive):
    response = client.get(URL, {"event": archive.strike.slug})
    assert set(ids(response)) == {archive.first.pk, archive.second.pk}


def test_filter_by_sub_event_only(client, archive):
    assert ids(client.get(URL, {"event": archive.strike_day.slug})) == [archive.first.pk]


def test_event_filter_has_no_duplicates_when_linked_to_parent_and_child(client, archive):
    from statements.models import StatementEvent

    StatementEvent.objects.create(statement=archive.first, event=archive.strike)
    assert ids(client.get(URL, {"event": archive.strike.slug})).count(archive.first.pk) == 1


def test_filter_by_said_dates(client, archive):
    response = client.get(URL, {"said_from": "2024-11-01", "said_to": "2025-01-31"})
    assert set(ids(response)) == {archive.second.pk, archive.verified.pk}


def test_filter_by_published_dates(client, archive):
    response = client.get(URL, {"published_from": "2025-03-04", "published_to": "2025-03-05"})
    assert ids(response) == [archive.first.pk]


def test_filter_by_kind(client, archive):
    assert ids(client.get(URL, {"kind": "indirect"})) == [archive.third.pk]


def test_filter_by_tag(client, archive):
    assert ids(client.get(URL, {"tag": archive.harbour_tag.slug})) == [archive.first.pk]


def test_filter_by_outlet_ignores_case(client, archive):
    assert ids(client.get(URL, {"outlet": "northbay gazette"})) == [archive.second.pk]


def test_unknown_outlet_matches_nothing_and_says_so(client, archive):
    response = client.get(URL, {"outlet": "Northbay Gazete"})
    assert ids(response) == []
    assert "No statements match these filters." in response.content.decode()


def test_outlet_filter_still_matches_with_more_outlets_than_it_lists(client, archive, monkeypatch):
    """Past the outlets it can list, the filter asks the database, which still finds it."""
    from statements import outlets

    monkeypatch.setattr(outlets, "OUTLET_LIMIT", 0)
    assert ids(client.get(URL, {"outlet": "NORTHBAY GAZETTE"})) == [archive.second.pk]
    assert ids(client.get(URL, {"outlet": "Northbay Gazete"})) == []


def test_filter_verified_only(client, archive):
    assert ids(client.get(URL, {"status": "verified"})) == [archive.verified.pk]


def test_status_rejected_shows_nothing(client, archive):
    assert ids(client.get(URL, {"status": "rejected"})) == []


def test_filters_combine(client, archive):
    response = client.get(URL, {"speaker": archive.ilse.slug, "said_from": "2024-01-01"})
    assert ids(response) == [archive.first.pk]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("said", ["third", "second", "verified", "first"]),
        ("-said", ["first", "verified", "second", "third"]),
        ("speaker", ["first", "third", "verified", "second"]),
    ],
)
def test_sorting(client, archive, sort, expected):
    assert ids(client.get(URL, {"sort": sort})) == [getattr(archive, n).pk for n in expected]


def test_sort_by_published_date(client, archive):
    a = archive  # factory articles: 2025-03-10; courier 2025-03-04; gazette 2024-11-02
    newest = [a.verified.pk, a.third.pk, a.first.pk, a.second.pk]
    assert ids(client.get(URL, {"sort": "-published"})) == newest
    assert ids(client.get(URL, {"sort": "published"})) == [
        a.second.pk,
        a.first.pk,
        a.third.pk,
        a.verified.pk,
    ]


def test_undated_statements_sort_by_their_article_date(client, archive):
    """Words with no stated day sort on their article's date; with no date at all, last."""
    undated = make_statement(
        "No date anywhere.", said_on=None, article=make_article(published_on=None)
    )
    assert ids(client.get(URL))[-1] == undated.pk
    assert ids(client.get(URL, {"sort": "said"}))[-1] == undated.pk
    newest = make_statement(
        "Undated words in a new article.",
        said_on=None,
        article=make_article(published_on=date(2026, 1, 5)),
    )
    assert ids(client.get(URL))[0] == newest.pk


def test_pagination_is_stable_on_ties(client, db, settings):
    settings.STATEMENTS_PER_PAGE = 3
    speaker = make_speaker()
    article = make_article(body="x")
    made = [
        make_statement(f"Same day words {i}.", speaker=speaker, article=article) for i in range(8)
    ]
    seen = []
    for page in (1, 2, 3):
        seen += ids(client.get(URL, {"page": page}))
    assert sorted(seen) == sorted(st.pk for st in made)
    assert seen == sorted(seen, reverse=True)  # same date: newest id first


@pytest.mark.parametrize("page", ["99", "-1", "abc", "0"])
def test_out_of_range_or_bad_page_gives_a_page(client, archive, settings, page):
    settings.STATEMENTS_PER_PAGE = 3
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number in (1, 2)


def test_out_of_range_page_gives_last_page(client, archive, settings):
    settings.STATEMENTS_PER_PAGE = 3
    response = client.get(URL, {"page": "99"})
    assert response.context["page_obj"].number == 2
    assert ids(response) == [archive.third.pk]


def test_pagination_links_keep_filters(client, archive, settings):
    settings.STATEMENTS_PER_PAGE = 1
    response = client.get(URL, {"speaker": archive.ilse.slug})
    assert f"speaker={archive.ilse.slug}&amp;page=2" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"said_from": "2025-13-45"}, "Said from"),
        ({"said_to": "yesterday"}, "Said until"),
        ({"published_from": "x"}, "Published from"),
        ({"speaker": "nobody-here"}, "No speaker"),
        ({"event": "no-such-event"}, "No event"),
        ({"tag": "no-such-tag"}, "Tag"),
        ({"kind": "shouted"}, "Kind"),
        ({"status": "bogus"}, "Review status"),
        ({"sort": "random"}, "Sort by"),
        ({"in": "everything"}, "Search in"),
    ],
)
def test_malformed_params_give_a_clean_page_with_a_message(client, archive, params, message):
    response = client.get(URL, params)
    assert response.status_code == 200
    errors = response.context["filter_errors"]
    assert errors and message in errors[0]
    assert "could not be understood" in response.content.decode()
    # The bad filter is ignored; the rest of the list is there.
    assert len(ids(response)) == 4


def test_malformed_param_keeps_other_filters(client, archive):
    response = client.get(URL, {"said_from": "nope", "speaker": archive.tomas.slug})
    assert set(ids(response)) == {archive.second.pk, archive.verified.pk}


def test_chips_show_filters_and_remove_links(client, archive):
    response = client.get(
        URL, {"speaker": archive.ilse.slug, "kind": "direct", "page": "1", "sort": "said"}
    )
    chips = {c.label: c for c in response.context["chips"]}
    assert chips["Speaker (name or slug)"].value == "Ilse Marrow"
    assert chips["Kind"].value == "Direct quote"
    # Removing the speaker keeps the kind and the sort, and goes back to page one.
    assert chips["Speaker (name or slug)"].remove_query == "kind=direct&sort=said"
    html = response.content.decode()
    assert "Remove filter Speaker (name or slug): Ilse Marrow" in html


def test_facets_count_within_the_result(client, archive):
    response = client.get(URL, {"said_from": "2024-01-01"})
    facets = response.context["facets"]
    speakers = {f["slug"]: f["count"] for f in facets["speakers"]}
    assert speakers == {archive.tomas.slug: 2, archive.ilse.slug: 1}
    events = {f["slug"]: f["count"] for f in facets["events"]}
    assert events == {archive.strike.slug: 1, archive.strike_day.slug: 1}  # rejected not counted
    assert {f["year"]: f["count"] for f in facets["years"]} == {2025: 2, 2024: 1}


@pytest.mark.parametrize("params", [{}, {"said_from": "2024-01-01"}, {"q": "the"}])
def test_facets_of_a_sample_count_as_the_grouped_queries(archive, params):
    """Past the count limit the facets count the newest statements, read once: the same
    figures as the grouped queries give over the same statements."""
    from statements.filters import StatementFilter, statement_facets
    from statements.models import Statement

    matching = StatementFilter(params, queryset=Statement.objects.published()).matching
    whole = statement_facets(matching)
    sampled = statement_facets(matching, sample=1000)
    assert sampled["sample"] == 1000
    assert {k: sampled[k] for k in ("speakers", "events", "years")} == {
        k: whole[k] for k in ("speakers", "events", "years")
    }
    assert whole["speakers"]
    newest_two = statement_facets(matching, sample=2)
    assert sum(f["count"] for f in newest_two["speakers"]) == min(2, matching.count())


def test_facets_are_limited(client, db):
    for i in range(15):
        make_statement(f"Words number {i}.", speaker=make_speaker(f"Speaker Number {i}"))
    facets = client.get(URL).context["facets"]
    assert len(facets["speakers"]) == 10


def test_form_controls_have_labels(client, archive):
    html = client.get(URL).content.decode()
    import re

    for control_id in re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html):
        assert f'for="{control_id}"' in html, control_id


def test_filter_works_with_plain_dict_data(archive):
    """The export command passes a plain dict, not a QueryDict."""
    from statements.filters import StatementFilter
    from statements.models import Statement

    fs = StatementFilter(
        {"speaker": archive.ilse.slug, "said_from": "2024-01-01", "q": "strikes"},
        queryset=Statement.objects.published(),
    )
    assert fs.is_valid()
    assert list(fs.qs) == [archive.first]


def test_event_filter_by_name(client, archive):
    assert ids(client.get(URL, {"event": "strike day one"})) == [archive.first.pk]


def test_new_event_tree_deeper_than_two_levels(client, archive):
    hour = make_event("Strike Hour One", slug="strike-hour-one", parent=archive.strike_day)
    st = make_statement("Deep in the tree.", events=[hour])
    assert st.pk in ids(client.get(URL, {"event": archive.strike.slug}))


def test_large_results_are_counted_up_to_a_limit(client, db, monkeypatch, settings):
    """Counting and facets stop at a bound, and the page says so."""
    from statements.views import common

    monkeypatch.setattr(common, "COUNT_LIMIT", 6)
    monkeypatch.setattr(common, "FACET_SAMPLE", 3)
    settings.STATEMENTS_PER_PAGE = 4
    old, new = make_speaker("Old Speaker"), make_speaker("New Speaker")
    for day in range(1, 8):
        make_statement(
            f"Statement {day}.", speaker=old if day < 5 else new, said_on=date(2024, 1, day)
        )
    response = client.get(URL)
    paginator = response.context["page_obj"].paginator
    assert paginator.capped and paginator.count == 6 and paginator.num_pages == 2
    html = response.content.decode()
    assert "statements; the first 6 are listed here" in html
    facets = response.context["facets"]
    assert facets["sample"] == 3
    assert facets["speakers"] == [{"slug": new.slug, "name": "New Speaker", "count": 3}]
    chart = response.context["time_chart"]
    assert (chart.sample, chart.total, chart.bins[0].label) == (6, 6, "2 Jan 2024")
    assert "Counted in the newest 6 of " in html
    # Below the bound everything is exact.
    response = client.get(URL, {"speaker": old.slug})
    assert not response.context["page_obj"].paginator.capped
    assert response.context["time_chart"].total == 4
    assert "Counted in the newest" not in response.content.decode()
    assert response.context["facets"]["speakers"][0]["count"] == 4


@pytest.mark.parametrize("sort", ["-said", "said"])
def test_every_page_holds_the_rows_of_the_lists_order(client, db, settings, sort):
    """Newest-first pages take their ids from the count's read; every page must still
    hold exactly its slice of the order (ties on a day, undated rows last, a short last page)."""
    from statements.models import Statement
    from statements.views.common import public_statements

    settings.STATEMENTS_PER_PAGE = 4
    article = make_article(published_on=None)
    days = [date(2025, 3, 1), date(2025, 3, 1), date(2025, 2, 9), None, date(2025, 3, 4)]
    for n in range(11):
        make_statement(f"Quote number {n}.", said_on=days[n % len(days)], article=article)
    expected = list(
        public_statements().order_by(*Statement.objects.none().newest_first().query.order_by)
        if sort == "-said"
        else Statement.objects.order_by("dated_on", "id")
    )
    if sort == "said":  # oldest first, undated last
        expected = [s for s in expected if s.dated_on] + [s for s in expected if not s.dated_on]
    seen = []
    for number in (1, 2, 3):
        page = client.get(reverse("statements:statement-list"), {"page": number, "sort": sort})
        seen += [st.pk for st in page.context["statements"]]
    assert seen == [st.pk for st in expected]


def test_a_filter_matching_nothing_counts_nothing(client, archive):
    """No facet or chart query searches the archive again for the same nothing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, {"said_from": "1990-01-01", "said_to": "1990-12-31"})
    assert ids(response) == []
    assert "No statements match these filters." in response.content.decode()
    assert "In these results" not in response.content.decode()
    assert [q["sql"] for q in ctx.captured_queries if "GROUP BY" in q["sql"]] == []
