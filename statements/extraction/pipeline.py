"""One call from a document a reader produced to everything the archive stores."""

from __future__ import annotations

from statements.extraction.attribution import extract_statements
from statements.extraction.cleaning import clean
from statements.extraction.document import ExtractedArticle, RawDocument


def process(doc: RawDocument) -> ExtractedArticle:
    article = clean(doc)
    statements, people = extract_statements(
        article.body, article.published_on, title=article.title, author=article.author
    )
    return ExtractedArticle(article=article, statements=tuple(statements), people=tuple(people))
