"""Charts: bins that fit the span, axes and labels, one query each, on every list."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from statements.charts import bins, choose_unit, nice_ceiling, time_chart
from statements.models import Statement
from tests.factories import make_speaker, make_statement


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        (date(2025, 3, 1), date(2025, 3, 20), "day"),
        (date(2025, 1, 1), date(2025, 7, 1), "week"),
        (date(2021, 1, 1), date(2025, 7, 1), "month"),
        (date(2001, 1, 1), date(2025, 7, 1), "year"),
    ],
)
def test_unit_fits_the_span(first, last, unit):
    assert choose_unit(first, last) == unit


def test_bins_fill_gaps_and_sum_counts():
    unit, found = bins([(date(2025, 1, 6), 2), (date(2025, 1, 8), 1), (date(2025, 3, 20), 4)])
    assert unit == "week"
    assert found[0].start == date(2025, 1, 6) and found[0].count == 3  # both in one week
    assert found[-1].start == date(2025, 3, 17) and found[-1].count == 4
    assert len(found) == 11 and sum(b.count for b in found) == 7


def test_months_roll_over_the_year():
    unit, found = bins([(date(2023, 11, 5), 1), (date(2025, 2, 1), 1)])
    assert unit == "month"
    assert [b.label for b in found[:3]] == ["Nov 2023", "Dec 2023", "Jan 2024"]
    assert len(found) == 16


@pytest.mark.parametrize(("value", "ceiling"), [(1, 1), (3, 3), (7, 10), (12, 20), (230, 250)])
def test_nice_ceiling(value, ceiling):
    assert nice_ceiling(value) == ceiling


def test_time_chart_has_axes_labels_and_one_query(db, django_assert_num_queries):
    speaker = make_speaker("Ilse Marrow")
    for day in (date(2025, 3, 1), date(2025, 3, 1), date(2025, 3, 9)):
        make_statement("We will keep the harbour open.", speaker=speaker, said_on=day)
    with django_assert_num_queries(1):
        chart = time_chart(Statement.objects.published(), "All <statements>")
    svg = str(chart.svg())
    assert chart.unit == "day" and chart.total == 3
    assert svg.count('class="axis"') == 2
    assert ">Statements</text>" in svg and ">Day</text>" in svg  # axis titles
    assert ">1 Mar 2025</text>" in svg  # a date label under the x axis
    assert "All &lt;statements&gt;" in svg  # titles are escaped


def test_search_result_page_shows_both_charts_and_a_table(client, db):
    a, b = make_speaker("Ilse Marrow"), make_speaker("Tomas Quillfeather")
    make_statement("The harbour stays open.", speaker=a, said_on=date(2025, 3, 1))
    make_statement("The harbour fees stay low.", speaker=b, said_on=date(2025, 3, 4))
    make_statement("Nothing about ports.", speaker=b, said_on=date(2025, 3, 4))
    response = client.get(reverse("statements:statement-list"), {"q": "harbour"})
    html = response.content.decode()
    assert response.context["time_chart"].total == 2
    assert [bar.label for bar in response.context["speakers_chart"].bars] == [
        "Ilse Marrow",
        "Tomas Quillfeather",
    ]
    assert "Statements over time" in html and "Who said most" in html
    assert "<table>" in html and "The numbers as a table" in html
    # The table has every day of the span, gaps as 0, each with a machine-readable date.
    assert '<th scope="row"><time datetime="2025-03-01">1 Mar 2025</time></th><td>1</td>' in html
    assert '<th scope="row"><time datetime="2025-03-02">2 Mar 2025</time></th><td>0</td>' in html
    assert '<th scope="row"><time datetime="2025-03-04">4 Mar 2025</time></th><td>1</td>' in html


def test_chart_table_escapes_its_title():
    from statements.charts import time_chart_of

    chart = time_chart_of([(date(2025, 3, 1), 2)], "Statements matching “<b>x</b>”")
    assert "<b>" not in chart.svg() and "&lt;b&gt;" in chart.svg()
    assert chart.table_rows() == (
        '<tr><th scope="row"><time datetime="2025-03-01">1 Mar 2025</time></th><td>2</td></tr>'
    )


def test_event_page_has_both_charts(client, db):
    from tests.factories import make_event

    event = make_event("Harbour Strike", slug="harbour-strike")
    for name in ("Ilse Marrow", "Tomas Quillfeather"):
        make_statement("The strike goes on.", speaker=make_speaker(name), events=[event])
    response = client.get(event.get_absolute_url())
    assert response.context["time_chart"].total == 2
    assert len(response.context["speakers_chart"].bars) == 2


@pytest.mark.parametrize("limit", [10_000, 3])
def test_list_time_chart_from_the_counted_days_matches_the_query(client, db, monkeypatch, limit):
    """The list's time chart reuses the days read while counting; below and past the count
    limit it shows what its own query over the same statements would."""
    from statements.views import common

    monkeypatch.setattr(common, "COUNT_LIMIT", limit)
    speaker = make_speaker("Ilse Marrow")
    for day in (3, 3, 9, 21):
        make_statement(f"The quay opens on day {day}.", speaker=speaker, said_on=date(2024, 5, day))
    make_statement("Undated words.", speaker=speaker, said_on=None, article=None)
    chart = client.get(reverse("statements:statement-list")).context["time_chart"]
    public = Statement.objects.published()
    expected = time_chart(public, "x", sample=limit if public.count() > limit else None)
    assert [(b.start, b.count) for b in chart.bins] == [(b.start, b.count) for b in expected.bins]
    assert chart.sample == expected.sample


def test_speaker_page_chart_counts_all_their_statements_filtered_or_not(client, db):
    speaker = make_speaker("Ilse Marrow")
    days = [date(2024, 5, 1), date(2024, 5, 1), date(2024, 7, 9), date(2025, 1, 2)]
    for n, day in enumerate(days):
        make_statement(f"The harbour stays open {n}.", speaker=speaker, said_on=day)
    url = reverse("statements:speaker-detail", args=[speaker.slug])
    whole = client.get(url).context["time_chart"]
    assert whole.total == 4 and whole.bins[0].count == 2  # the week of 1 May 2024
    filtered = client.get(url, {"said_from": "2025-01-01"})
    assert len(filtered.context["statements"]) == 1
    assert filtered.context["time_chart"].total == 4
    assert [(b.start, b.count) for b in filtered.context["time_chart"].bins] == [
        (b.start, b.count) for b in whole.bins
    ]
