"""What the API returns: the export contract for statements, small records for the rest.

Statements use ``exporting.statement_record`` so the API, the downloads and
the export command describe a statement in the same words.
"""

from __future__ import annotations

from datetime import date

from ninja import Schema


class SpeakerRef(Schema):
    name: str
    slug: str


class SpeakerWithAliases(SpeakerRef):
    aliases: list[str]


class EventRef(Schema):
    name: str
    slug: str


class ArticleRef(Schema):
    id: int
    title: str
    outlet: str | None
    url: str | None
    published_on: date | None
    source_file: str


class StatementOut(Schema):
    id: int
    text: str
    kind: str
    speaker: SpeakerWithAliases
    reported_by: SpeakerRef | None
    said_on: date | None
    cue: str
    confidence: float
    article: ArticleRef
    events: list[EventRef]
    tags: list[str]
    review_status: str
    permalink: str
    utterance_id: int | None = None


class RoleOut(Schema):
    title: str
    reported_on: date | None


class SpeakerOut(Schema):
    id: int
    slug: str
    name: str
    country: str
    description: str
    aliases: list[str]
    statement_count: int
    permalink: str
    statements: str


class SpeakerDetailOut(SpeakerOut):
    roles: list[RoleOut]


class EventOut(Schema):
    id: int
    slug: str
    name: str
    description: str
    start_on: date | None
    end_on: date | None
    parent: str | None
    statement_count: int
    permalink: str
    statements: str


class ArticleOut(Schema):
    id: int
    title: str
    outlet: str | None
    url: str | None
    published_on: date | None
    language: str
    statement_count: int
    permalink: str


class ArticleStatementOut(Schema):
    id: int
    speaker: SpeakerRef
    text: str
    start: int
    end: int
    permalink: str


class ArticleDetailOut(ArticleOut):
    body: str
    statements: list[ArticleStatementOut]


class PageOut(Schema):
    next_cursor: str | None
    next: str | None


class StatementPage(PageOut):
    items: list[StatementOut]


class SpeakerPage(PageOut):
    items: list[SpeakerOut]


class EventPage(PageOut):
    items: list[EventOut]


class ArticlePage(PageOut):
    items: list[ArticleOut]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
