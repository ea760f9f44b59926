"""Statement permalink, citations, speaker, event, article, index and fixed pages."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from statements.citation import bibtex, plain_citation, ris
from tests.factories import make_article, make_event, make_speaker, make_statement
from tests.public.conftest import ids


def test_statement_page(client, archive):
    st = archive.first
    response = client.get(st.get_absolute_url())
    html = response.content.decode()
    assert "The strikes must end now," in html
    assert archive.ilse.get_absolute_url() in html
    assert archive.courier.get_absolute_url() in html
    assert archive.strike_day.get_absolute_url() in html
    assert "harbour" in html  # tag
    assert "Machine-extracted, unreviewed" in html
    # The paragraph around the quote, with the quote highlighted.
    assert "&quot;<mark>The strikes must end now,</mark>&quot; Ilse Marrow said." in html
    assert "Officials met on Monday." not in html  # another paragraph
    assert reverse("statements:statement-cite-bib", args=[st.pk]) in html
    assert reverse("statements:statement-cite-ris", args=[st.pk]) in html


def test_statement_page_flags_low_confidence(client, archive):
    html = client.get(archive.second.get_absolute_url()).content.decode()
    assert "Low-confidence attribution" in html


def test_verified_statement_not_labelled_unreviewed(client, archive):
    html = client.get(archive.verified.get_absolute_url()).content.decode()
    assert "badge-verified" in html
    assert "badge-unreviewed" not in html


def test_list_labels_unreviewed_and_low_confidence(client, archive):
    html = client.get(reverse("statements:statement-list")).content.decode()
    assert html.count('class="badge badge-unreviewed"') == 3
    assert html.count('class="badge badge-low"') == 1


def test_unknown_statement_404(client, db):
    assert client.get(reverse("statements:statement-detail", args=[999])).status_code == 404


def test_split_quote_highlights_each_span(client, db):
    article = make_article(body='"We will," the minister said, "keep going."')
    st = make_statement("We will,", article=article)
    st.spans = [[1, 9], [31, 42]]
    st.save()
    html = client.get(st.get_absolute_url()).content.decode()
    assert "<mark>We will,</mark>" in html
    assert "<mark>keep going.</mark>" in html


def test_bibtex_download(client, archive):
    response = client.get(reverse("statements:statement-cite-bib", args=[archive.first.pk]))
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith(f"@misc{{statement{archive.first.pk},")
    assert "author = {{Ilse Marrow}}" in text
    assert "year = {2025}" in text
    assert f"url = {{http://testserver/statements/{archive.first.pk}/}}" in text


def test_ris_download(client, archive):
    response = client.get(reverse("statements:statement-cite-ris", args=[archive.first.pk]))
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    lines = response.content.decode().split("\r\n")
    assert lines[0] == "TY  - GEN"
    assert "AU  - Ilse Marrow" in lines
    assert "DA  - 2025/03/03" in lines
    assert "ER  - " in lines


def test_citations_escape_and_flatten(db):
    st = make_statement("Costs rose 50% & {more}\nnext_line", speaker=make_speaker("Ana #1"))
    bib = bibtex(st, "https://example.org/statements/1/")
    assert r"Costs rose 50\% \& \{more\} next\_line" in bib
    assert r"Ana \#1" in bib
    assert "\n" not in ris(st, "p").replace("\r\n", "")
    assert "Costs rose 50% & {more} next_line" in plain_citation(st, "p", date(2025, 1, 1))


def test_speaker_page(client, archive):
    response = client.get(archive.ilse.get_absolute_url())
    html = response.content.decode()
    assert "I. Marrow" in html  # alias
    assert "Harbour minister" in html  # role
    assert "<svg" in html and "<rect" in html
    assert response.context["stats"] == {
        "total": 2,
        "verified": 0,
        "first": date(2023, 6, 1),
        "last": date(2025, 3, 3),
    }
    chart = response.context["time_chart"]
    assert chart.unit == "month"  # 2023-06 .. 2025-03: by month
    assert len(chart.bins) == 22  # gaps filled
    events = {e["event__slug"] for e in response.context["events"]}
    assert events == {archive.strike_day.slug, archive.budget.slug}
    assert set(ids(response)) == {archive.first.pk, archive.third.pk}


def test_speaker_page_filters(client, archive):
    response = client.get(archive.ilse.get_absolute_url(), {"kind": "indirect"})
    assert ids(response) == [archive.third.pk]
    # The speaker is fixed by the page: no speaker box, no speaker chip.
    assert 'name="speaker"' not in response.content.decode()
    assert [c.label for c in response.context["chips"]] == ["Kind"]


def test_speaker_page_ignores_speaker_param(client, archive):
    response = client.get(archive.ilse.get_absolute_url(), {"speaker": archive.tomas.slug})
    assert ids(response) == []  # a contradictory filter, not a leak of another speaker


def test_unknown_speaker_404(client, db):
    assert client.get(reverse("statements:speaker-detail", args=["nobody"])).status_code == 404


def test_event_page(client, archive):
    response = client.get(archive.strike.get_absolute_url())
    html = response.content.decode()
    assert "Dockworkers stop work." in html
    assert archive.strike_day.get_absolute_url() in html  # sub-event
    # Timeline: oldest first, sub-events included.
    assert ids(response) == [archive.second.pk, archive.first.pk]
    speakers = {s["speaker__slug"]: s["n"] for s in response.context["speakers"]}
    assert speakers == {archive.ilse.slug: 1, archive.tomas.slug: 1}


def test_sub_event_page_links_parent(client, archive):
    html = client.get(archive.strike_day.get_absolute_url()).content.decode()
    assert f'part of <a href="{archive.strike.get_absolute_url()}">' in html


def test_article_page_highlights_statements(client, archive):
    response = client.get(archive.courier.get_absolute_url())
    html = response.content.decode()
    link = archive.first.get_absolute_url()
    anchor = f'<mark id="statement-{archive.first.pk}"><a href="{link}"'
    assert anchor + f' title="Ilse Marrow: statement {archive.first.pk}">' in html
    assert "<p>Officials met on Monday.</p>" in html


def test_speaker_index_is_a_to_z_by_surname(client, archive):
    make_statement("Hello.", speaker=make_speaker("Élodie Ávila"))
    groups = client.get(reverse("statements:speaker-list")).context["groups"]
    # Ávila, Marrow, Quillfeather: by surname, accents folded
    assert [letter for letter, _ in groups] == ["A", "M", "Q"]
    assert groups[0][1][0].name == "Élodie Ávila"


def test_event_index(client, archive):
    html = client.get(reverse("statements:event-list")).content.decode()
    for event in (archive.strike, archive.strike_day, archive.budget):
        assert event.get_absolute_url() in html


def test_home_and_about(client, archive):
    home = client.get("/")
    assert len(home.context["recent"]) == 4
    assert 'role="search"' in home.content.decode()
    about = client.get(reverse("statements:about")).content.decode()
    assert "How statements are reviewed" in about


def test_pages_set_language_and_stylesheet(client, archive):
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "/static/css/archive.css" in html


def test_filter_suggestions_come_in_one_cacheable_response(client, db):
    """The list page no longer carries every speaker; the form fetches them once."""
    speaker = make_speaker("Orla Venticross")
    make_statement("The lighthouse stays lit.", speaker=speaker)
    event = make_event("Lighthouse Vote", slug="lighthouse-vote")
    page = client.get(reverse("statements:statement-list")).content.decode()
    assert "Orla Venticross" in page  # the row
    assert '<option value="orla-venticross">' not in page
    assert 'data-suggestions="/statements/suggestions.json"' in page
    response = client.get(reverse("statements:statement-suggestions"))
    assert "max-age=300" in response["Cache-Control"]
    data = response.json()
    assert ["orla-venticross", "Orla Venticross"] in data["speaker-options"]
    assert ["lighthouse-vote", event.name] in data["event-options"]


def _event_page_view(client, event, **params):
    response = client.get(event.get_absolute_url(), params)
    assert response.status_code == 200
    ctx = response.context
    chart = ctx["time_chart"]
    return {
        "count": ctx["page_obj"].paginator.count,
        "pages": ctx["page_obj"].paginator.num_pages,
        "ids": [s.pk for s in ctx["statements"]],
        "speakers": [(s["speaker__slug"], s["n"]) for s in ctx["speakers"]],
        "bins": [(b.start, b.count) for b in chart.bins] if chart else [],
    }


@pytest.mark.django_db
def test_event_page_counts_in_one_read_as_the_queries_do(client, monkeypatch, settings):
    """An event's count, speakers, chart and timeline order, read once, match the per-query path
    (which large events still take)."""
    from statements.views import events as event_views

    settings.STATEMENTS_PER_PAGE = 4
    event = make_event("Quay Tariff Talks", slug="quay-tariff-talks")
    other = make_event("Unrelated Fair", slug="unrelated-fair")
    names = ["Odile Brandt", "Aurel Castan", "Berit Castan", "Ciro Dumas"]
    speakers = [make_speaker(n) for n in names]
    days = [date(2024, 5, d) for d in (3, 3, 9, 1, 20, 9, 14)] + [None, None]
    for i, day in enumerate(days):
        make_statement(
            f"The quay tariff stays as agreed, point {i}.",
            speaker=speakers[i % 3 if i < 6 else 3],
            events=[event],
            said_on=day,
            article=make_article(published_on=None),
        )
    make_statement("Nothing to do with the quay.", speaker=speakers[0], events=[other])
    make_statement("Struck out.", speaker=speakers[1], events=[event], review_status="rejected")

    one_read = [_event_page_view(client, event, page=n) for n in (1, 2, 3)]
    monkeypatch.setattr(event_views, "summarise", lambda about: None)
    per_query = [_event_page_view(client, event, page=n) for n in (1, 2, 3)]
    assert one_read == per_query
    assert one_read[0]["count"] == 9
    # Oldest first, undated last, across pages.
    assert one_read[2]["ids"] and len(sum((p["ids"] for p in one_read), [])) == 9
    # Ties in the speakers' list are ordered by name.
    assert one_read[0]["speakers"] == [
        ("ciro-dumas", 3), ("aurel-castan", 2), ("berit-castan", 2), ("odile-brandt", 2)
    ]  # fmt: skip


@pytest.mark.django_db
def test_home_page_says_about_how_many_statements_past_the_count_limit(client, monkeypatch):
    """A million statements are not counted one by one on every visit of the home page:
    past the limit the database's statistics give an "about" figure."""
    from django.db import connection

    from statements.views import common

    for n in range(5):
        make_statement(f"The lighthouse keeps burning, night {n}.")
    make_statement("Withdrawn.", review_status="rejected")
    assert "5 statements by" in client.get("/").text  # small: exact
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_statement")
    monkeypatch.setattr(common, "COUNT_LIMIT", 2)
    html = client.get("/").text
    assert "About " in html and " statements by" in html


FORMER_EVENT_DATES = (
    "{% if event.start_on %}<time datetime=\"{{ event.start_on|date:'Y-m-d' }}\">"
    '{{ event.start_on|date:"j M Y" }}</time> – {% if event.end_on %}'
    '<time datetime="{{ event.end_on|date:\'Y-m-d\' }}">{{ event.end_on|date:"j M Y" }}</time>'
    '{% else %}ongoing{% endif %}{% elif event.end_on %}until <time datetime="'
    '{{ event.end_on|date:\'Y-m-d\' }}">{{ event.end_on|date:"j M Y" }}</time>'
    "{% else %}dates not set{% endif %}"
)


@pytest.mark.parametrize(
    "start, end",
    [
        (date(2025, 3, 3), date(2025, 3, 5)),
        (date(2025, 3, 3), None),
        (None, date(2025, 3, 5)),
        (None, None),
    ],
)
def test_event_dates_are_written_as_the_former_template_did(db, start, end):
    from django.template import Context, Template

    from statements.views.rows import event_dates

    event = make_event("Harbour Strike", start_on=start, end_on=end)
    assert event_dates(event) == Template(FORMER_EVENT_DATES).render(Context({"event": event}))
