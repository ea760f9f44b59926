"""Articles: the cleaned text with every published statement highlighted and linked."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from statements.highlighting import Mark
from statements.models import Article
from statements.views.common import public_statements


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.prefetch_related("events"), pk=pk)
    statements = list(
        public_statements()
        .filter(article=article)
        .select_related("speaker")
        .order_by("start", "id")
    )
    # Each quote's first span carries the anchor "in context" links land on.
    marks = [
        Mark(
            start,
            end,
            st.get_absolute_url(),
            f"{st.speaker.name}: statement {st.pk}",
            f"statement-{st.pk}" if i == 0 else "",
        )
        for st in statements
        for i, (start, end) in enumerate(st.span_list)
    ]
    context = {"article": article, "statements": statements, "marks": marks}
    return render(request, "statements/article_detail.html", context)
