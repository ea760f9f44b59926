"""New articles of a batch written together: a handful of multi-row INSERTs per batch.

Most of a large import is articles the archive has never seen. Storing each
in a savepoint of its own costs a score of round trips per article; here a
batch's new articles, their statements, the roles they report and the history
rows of all three go in one INSERT each (per table). The result is what one by
one gives: names are still resolved to speakers article by article, in order,
against the database and the run's cache (creating the new speakers as they
come), and everything that is not plainly new (a stored version by content or
URL, a file's article known by path and headline, a record repeated within the
batch) goes through ``save_article`` after the new articles before it are written.
"""

from __future__ import annotations

from pathlib import Path

from statements.extraction.document import ExtractedArticle
from statements.importing.persist import (
    CREATED,
    RunCache,
    _Speakers,
    article_fields,
    canonical_url,
    extracted_values,
    source_path,
    store_roles,
)
from statements.importing.report import FileResult
from statements.importing.rows import insert_with_history
from statements.models import Article, Speaker, Statement
from statements.models.article import UrlPrefix
from statements.utterances import CandidatesAhead, group_statements


def plainly_new(items: list[tuple[ExtractedArticle | None, Path]]) -> list[bool]:
    """For each (article, file), whether no stored article (nor an earlier one here) can be it.

    The identities of ``find_existing`` for the whole batch at once: stored
    fingerprints and stored URLs in one query each, and for files other than
    JSON Lines without a URL, stored (path, headline) pairs and the (file name,
    headline) pairs of articles stored before full paths were kept.
    """
    present = [(x, path) for x, path in items if x is not None]
    fingerprints = {x.article.fingerprint for x, _ in present}
    urls = {canonical_url(x.article.url)[:1000] for x, _ in present} - {""}
    stored = set(
        Article.objects.filter(fingerprint__in=fingerprints).values_list("fingerprint", flat=True)
    )
    if urls:
        by_prefix = Article.objects.annotate(url_prefix=UrlPrefix("url"))
        stored |= set(
            by_prefix.filter(url_prefix__in={u[:500] for u in urls}).values_list("url", flat=True)
        )
    by_file = [(x, path) for x, path in present if _found_by_file(x)]
    if by_file:
        no_url = Article.objects.filter(url="")
        paths = {source_path(str(path)) for _, path in by_file}
        stored |= {
            ("path", *row)
            for row in no_url.filter(source_path__in=paths).values_list("source_path", "title")
        }
        names = {x.article.source_file for x, _ in by_file}
        legacy = no_url.filter(source_path="", source_file__in=names)
        stored |= {("name", *row) for row in legacy.values_list("source_file", "title")}
    answers = []
    for x, path in items:
        keys = _identities(x, path) if x is not None else set()
        answers.append(bool(keys) and not keys & stored)
        stored |= keys  # a later record with the same identity is this one again
    return answers


def _found_by_file(x: ExtractedArticle) -> bool:
    return not canonical_url(x.article.url) and x.article.format != "jsonl"


def _identities(x: ExtractedArticle, path: Path) -> set:
    """What ``find_existing`` would recognise this article by."""
    art, title = x.article, x.article.title[:500]
    keys: set = {art.fingerprint}
    if url := canonical_url(art.url)[:1000]:
        keys.add(url)
    elif art.format != "jsonl":
        keys |= {("path", source_path(str(path)), title), ("name", art.source_file, title)}
    return keys


class NewArticles:
    """New articles gathered in order, then written with one INSERT per table."""

    def __init__(self, run: RunCache, ahead: CandidatesAhead | None = None):
        self.run = run
        self.ahead = ahead
        self.pending: list[tuple[Article, list[Statement], FileResult]] = []
        self.roles: dict[tuple[int, str, object], tuple[Speaker, Article]] = {}
        # Statements of the articles written so far, by article id, for grouping and linking.
        self.written: dict[int, list[Statement]] = {}
        # Whether this transaction has grouped statements into utterances (then the
        # utterances are looked up on its own connection, which sees what it wrote).
        self.grouped = False

    def add(self, extracted: ExtractedArticle, path: Path) -> FileResult:
        """Resolve the article's speakers now (creating new ones); keep its rows for ``write``."""
        art = extracted.article
        result = FileResult(source_file=art.source_file, path=str(path), title=art.title)
        result.status = CREATED
        article = Article(**article_fields(extracted, str(path)))
        speakers = _Speakers(extracted.people, result, self.run)
        statements = [
            Statement(article=article, extraction_key=key, **values)
            for key, values in extracted_values(extracted, speakers, article).items()
        ]
        result.statements_created = len(statements)
        for seen, speaker in speakers.roles(article).items():
            self.roles.setdefault(seen, (speaker, article))
        self.pending.append((article, statements, result))
        return result

    def write(self) -> list[Article]:
        """Store what was gathered; the articles, in order, for grouping and linking."""
        pending, self.pending = self.pending, []
        roles, self.roles = self.roles, {}
        if not pending:
            return []
        articles = [article for article, _, _ in pending]
        statements = [st for _, rows, _ in pending for st in rows]
        candidates = None
        if self.ahead is not None and not self.grouped and self.ahead.usable():
            # Looked up on another connection while this one writes the articles and roles.
            candidates = self.ahead.start(statements)
        self.grouped = True
        insert_with_history(Article, articles)
        for article, rows, result in pending:
            result.article_id = article.pk
            for st in rows:
                st.article = article  # now with its id
            self.written[article.pk] = rows
        store_roles(roles, self.run)
        # Grouped into utterances before they are stored, so each row is written once.
        group_statements(
            (rows for _, rows, _ in pending),
            store=lambda: insert_with_history(Statement, statements, reason="import"),
            candidates=candidates,
        )
        return articles
