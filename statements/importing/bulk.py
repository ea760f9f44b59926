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
    store_roles,
)
from statements.importing.report import FileResult
from statements.importing.rows import insert_with_history
from statements.models import Article, Speaker, Statement
from statements.models.article import UrlPrefix


def plainly_new(items: list[ExtractedArticle | None]) -> list[bool]:
    """For each article, whether no stored article (nor an earlier one here) can be it.

    Two queries for the whole batch: stored fingerprints and stored URLs. An
    article without a URL read from a file other than JSON Lines may be a
    file's earlier version (same path and headline): not plainly new.
    """
    fingerprints = {x.article.fingerprint for x in items if x is not None}
    urls = {canonical_url(x.article.url)[:1000] for x in items if x is not None} - {""}
    stored_fps = set(
        Article.objects.filter(fingerprint__in=fingerprints).values_list("fingerprint", flat=True)
    )
    stored_urls = set(
        Article.objects.annotate(url_prefix=UrlPrefix("url"))
        .filter(url_prefix__in={u[:500] for u in urls})
        .values_list("url", flat=True)
    )
    seen: set[str] = set()
    answers = []
    for x in items:
        if x is None:
            answers.append(False)
            continue
        fp, url = x.article.fingerprint, canonical_url(x.article.url)[:1000]
        answers.append(
            fp not in stored_fps
            and fp not in seen
            and (url not in stored_urls and url not in seen if url else x.article.format == "jsonl")
        )
        seen |= {fp, url} - {""}
    return answers


class NewArticles:
    """New articles gathered in order, then written with one INSERT per table."""

    def __init__(self, run: RunCache):
        self.run = run
        self.pending: list[tuple[Article, list[Statement], FileResult]] = []
        self.roles: dict[tuple[int, str, object], tuple[Speaker, Article]] = {}
        # Statements of the articles written so far, by article id, for grouping and linking.
        self.written: dict[int, list[Statement]] = {}

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
        insert_with_history(Article, articles)
        statements = []
        for article, rows, result in pending:
            result.article_id = article.pk
            for st in rows:
                st.article = article  # now with its id
            statements += rows
            self.written[article.pk] = rows
        insert_with_history(Statement, statements, reason="import")
        store_roles(roles, self.run)
        return articles
