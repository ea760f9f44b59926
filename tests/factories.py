"""Small builders for test data: fictional people, outlets and events only."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date

from statements.models import Article, Event, Speaker, Statement, StatementEvent, Tag

_seq = itertools.count(1)


def make_speaker(name: str | None = None, **kwargs) -> Speaker:
    return Speaker.objects.create(name=name or f"Ilse Marrow {next(_seq)}", **kwargs)


def make_article(body: str | None = None, **kwargs) -> Article:
    n = next(_seq)
    body = body if body is not None else f"Article body number {n}."
    defaults = {
        "title": f"Veloria weighs harbour reform ({n})",
        "outlet": "Veloria Daily Courier",
        "published_on": date(2025, 3, 10),
        "source_file": f"article-{n}.txt",
        "fingerprint": hashlib.sha256(f"{n}{body}".encode()).hexdigest(),
        "language": "en",
    }
    defaults.update(kwargs)
    return Article.objects.create(body=body, **defaults)


def make_statement(
    text: str = "We will keep the harbour open.",
    *,
    speaker: Speaker | None = None,
    article: Article | None = None,
    events: list[Event] = (),
    tags: list[Tag] = (),
    **kwargs,
) -> Statement:
    """A statement whose span really points at its text inside the article body."""
    if article is None:
        article = make_article(body=f'Officials met on Monday. "{text}" the minister said.')
    start = article.body.find(text)
    if start < 0:
        article.body += f'\n\n"{text}"'
        article.save()
        start = article.body.find(text)
    end = start + len(text)
    defaults = {
        "said_on": article.published_on,
        "cue": "said",
        "evidence": "cue 'said' with subject 'the minister'",
        "confidence": 0.9,
        "kind": "direct",
    }
    defaults.update(kwargs)
    st = Statement.objects.create(
        article=article,
        speaker=speaker or make_speaker(),
        text=text,
        start=start,
        end=end,
        spans=[[start, end]],
        extraction_key=hashlib.sha1(f"{article.pk}:{text}".encode()).hexdigest(),
        **defaults,
    )
    for event in events:
        StatementEvent.objects.create(statement=st, event=event, linked_by="editor")
    if tags:
        st.tags.add(*tags)
    return st


def make_event(name: str | None = None, **kwargs) -> Event:
    n = next(_seq)
    name = name or f"Harbour Strike {n}"
    defaults = {"slug": f"event-{n}", "start_on": date(2025, 3, 1), "end_on": date(2025, 3, 31)}
    defaults.update(kwargs)
    return Event.objects.create(name=name, **defaults)


def make_tag(name: str | None = None, **kwargs) -> Tag:
    return Tag.objects.create(name=name or f"narrative {next(_seq)}", **kwargs)
