"""Articles: metadata in the list; the cleaned text and its public statements in detail."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from statements.api import keyset
from statements.api.common import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    bad_request,
    keyset_list,
    public_statement_count,
)
from statements.api.schemas import ArticleDetailOut, ArticlePage, ErrorOut
from statements.models import Article
from statements.views.common import public_statements

router = Router(tags=["articles"])

LIST_FIELDS = ("id", "title", "outlet", "url", "published_on", "language")


def counted_articles():
    return Article.objects.annotate(statement_count=public_statement_count())


def article_record(request: HttpRequest, article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "outlet": article.outlet or None,
        "url": article.url or None,
        "published_on": article.published_on,
        "language": article.language,
        "statement_count": article.statement_count,
        "permalink": request.build_absolute_uri(article.get_absolute_url()),
    }


@router.get(
    "/articles/",
    response={200: ArticlePage, 400: ErrorOut},
    url_name="article-list",
    summary="Articles, oldest entry first",
)
def list_articles(
    request: HttpRequest,
    outlet: str | None = Query(None, description="Outlet name, case-insensitive"),
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    qs = counted_articles().only(*LIST_FIELDS)
    try:
        # The list filters' own text rule (no NUL bytes, which PostgreSQL refuses).
        outlet = forms.CharField(required=False).clean(outlet)
    except ValidationError as exc:
        return bad_request("Some parameters are not valid.", {"outlet": exc.messages})
    if outlet:
        qs = qs.filter(outlet__iexact=outlet)
    return keyset_list(request, qs, keyset.ID_ASC, cursor, limit, article_record)


@router.get(
    "/articles/{int:article_id}/",
    response=ArticleDetailOut,
    url_name="article-detail",
    summary="One article: its cleaned text and the public statements quoted from it",
)
def get_article(request: HttpRequest, article_id: int):
    article = get_object_or_404(counted_articles(), pk=article_id)
    record = article_record(request, article)
    statements = (
        public_statements()
        .filter(article=article)
        .select_related("speaker")
        .order_by("start", "id")
    )
    record["body"] = article.body
    record["statements"] = [
        {
            "id": st.pk,
            "speaker": {"name": st.speaker.name, "slug": st.speaker.slug},
            "text": st.text,
            "start": st.start,
            "end": st.end,
            "permalink": request.build_absolute_uri(st.get_absolute_url()),
        }
        for st in statements
    ]
    return record
