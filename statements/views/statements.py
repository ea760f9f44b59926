"""Statements: the filtered list, its downloads, the permalink page and citations."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import cache_control

from statements import citation
from statements.charts import list_charts
from statements.exporting import export_records, iter_csv, iter_json_array, started
from statements.filters import StatementFilter
from statements.highlighting import Mark
from statements.models import Statement
from statements.utterances import reports_of
from statements.views import common
from statements.views.common import (
    absolute_base,
    public_statements,
    statement_listing,
)


def statement_list(request: HttpRequest) -> HttpResponse:
    context = statement_listing(request, public_statements())
    title = f"Statements matching “{context['query']}”" if context["query"] else "Statements"
    # Beyond COUNT_LIMIT matches the timeline counts the newest of them, as the facets do.
    large = context["facets"]["sample"] is not None
    paginator = context["page_obj"].paginator
    ranked = context["sort_key"] == "relevance"  # its pages count the ranked candidates only
    charts = list_charts(
        context["filter"].qs,
        title,
        context["facets"],
        sample=common.COUNT_LIMIT if large else None,
        estimate=paginator.estimate,
        daily=None if ranked else common.daily_counts_of(paginator),
    )
    context.update(charts)
    return render(request, "statements/statement_list.html", context)


@cache_control(public=True, max_age=300)
def filter_suggestions(request: HttpRequest) -> JsonResponse:
    """The filter form's suggestions (speakers, events, outlets), one cacheable response."""
    return JsonResponse(common.suggestions())


# Downloads up to this many rows are sent whole (with a length, cacheable like any
# page); longer ones stream, in constant memory.
WHOLE_DOWNLOAD_ROWS = 5_000


def _export(request: HttpRequest, render_rows, content_type: str, filename: str):
    """The filtered list through the export contract, however long it is."""
    filterset = StatementFilter(request.GET, queryset=public_statements())
    rows = render_rows(started(export_records(filterset.matching, absolute_base(request))))
    if common.bounded_count(filterset.matching, WHOLE_DOWNLOAD_ROWS) <= WHOLE_DOWNLOAD_ROWS:
        response = HttpResponse("".join(rows), content_type=content_type)
    else:
        response = StreamingHttpResponse(rows, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    return _export(request, iter_csv, "text/csv; charset=utf-8", "statements.csv")


def export_json(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    return _export(request, iter_json_array, "application/json", "statements.json")


def _published_statement(pk: int) -> Statement:
    qs = (
        public_statements()
        .select_related("speaker", "reported_by", "article")
        .prefetch_related("events", "tags")
    )
    return get_object_or_404(qs, pk=pk)


def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = _published_statement(pk)
    paragraph, offset = statement.context_paragraph()
    marks = [Mark(s - offset, e - offset) for s, e in statement.span_list]
    permalink = request.build_absolute_uri(statement.get_absolute_url())
    context = {
        "statement": statement,
        "article": statement.article,
        "paragraph": paragraph,
        "paragraph_marks": marks,
        "permalink": permalink,
        "reports": reports_of(statement),
        "plain_citation": citation.plain_citation(
            statement, permalink, accessed=timezone.localdate()
        ),
    }
    return render(request, "statements/statement_detail.html", context)


def _citation_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    statement = _published_statement(pk)
    permalink = request.build_absolute_uri(statement.get_absolute_url())
    if fmt == "bib":
        body, content_type = citation.bibtex(statement, permalink), "application/x-bibtex"
    else:
        body, content_type = (
            citation.ris(statement, permalink),
            "application/x-research-info-systems",
        )
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statement-{statement.pk}.{fmt}"'
    return response


def cite_bibtex(request: HttpRequest, pk: int) -> HttpResponse:
    return _citation_download(request, pk, "bib")


def cite_ris(request: HttpRequest, pk: int) -> HttpResponse:
    return _citation_download(request, pk, "ris")
