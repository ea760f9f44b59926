"""A small fictional archive for the public pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from statements.models import Article, Event, Speaker, SpeakerRole, Statement, Tag
from tests.factories import make_article, make_event, make_speaker, make_statement, make_tag


@dataclass
class Archive:
    ilse: Speaker
    tomas: Speaker
    strike: Event
    strike_day: Event
    budget: Event
    harbour_tag: Tag
    first: Statement
    second: Statement
    third: Statement
    verified: Statement
    rejected: Statement
    courier: Article
    gazette: Article


@pytest.fixture
def archive(db) -> Archive:
    ilse = make_speaker("Ilse Marrow", description="Harbour minister of Veloria.")
    ilse.add_alias("I. Marrow")
    SpeakerRole.objects.create(speaker=ilse, title="Harbour minister", reported_on=date(2024, 5, 1))
    tomas = make_speaker("Tomas Quillfeather")
    strike = make_event(
        "Harbour Strike", slug="harbour-strike", description="Dockworkers stop work."
    )
    strike_day = make_event(
        "Strike Day One",
        slug="strike-day-one",
        parent=strike,
        start_on=date(2025, 3, 3),
        end_on=date(2025, 3, 3),
    )
    budget = make_event("Budget Debate", slug="budget-debate")
    harbour_tag = make_tag("harbour")
    courier = make_article(
        body='Officials met on Monday.\n\n"The strikes must end now," Ilse Marrow said.\n\nMore text.',
        outlet="Veloria Daily Courier",
        published_on=date(2025, 3, 4),
    )
    gazette = make_article(
        body='"We stand with the dockworkers," said Tomas Quillfeather.',
        outlet="Northbay Gazette",
        published_on=date(2024, 11, 2),
    )
    first = make_statement(
        "The strikes must end now,",
        speaker=ilse,
        article=courier,
        said_on=date(2025, 3, 3),
        events=[strike_day],
        tags=[harbour_tag],
    )
    second = make_statement(
        "We stand with the dockworkers,",
        speaker=tomas,
        article=gazette,
        said_on=date(2024, 11, 1),
        events=[strike],
        confidence=0.4,
    )
    third = make_statement(
        "The budget is balanced.",
        speaker=ilse,
        said_on=date(2023, 6, 1),
        kind="indirect",
        events=[budget],
    )
    verified = make_statement(
        "Our ports stay open.",
        speaker=tomas,
        said_on=date(2025, 1, 15),
        review_status="verified",
        editor_note="SECRET-NOTE checked by phone",
    )
    rejected = make_statement(
        "Harbour fees will triple.",
        speaker=ilse,
        said_on=date(2025, 2, 2),
        review_status="rejected",
        events=[strike],
        tags=[harbour_tag],
        editor_note="SECRET-NOTE wrong speaker",
    )
    return Archive(
        ilse,
        tomas,
        strike,
        strike_day,
        budget,
        harbour_tag,
        first,
        second,
        third,
        verified,
        rejected,
        courier,
        gazette,
    )


def ids(response) -> list[int]:
    """Statement ids in the order a list page shows them."""
    return [st.pk for st in response.context["statements"]]


def whole_sitemap(client) -> str:
    """Every page of every section the sitemap index lists, one after the other."""
    import re

    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    parts = []
    for loc in re.findall(r"<loc>http://testserver([^<]+)</loc>", index.content.decode()):
        response = client.get(loc.replace("&amp;", "&"))
        assert response.status_code == 200, loc
        parts.append(response.content.decode())
    return "\n".join(parts)
