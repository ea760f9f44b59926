"""Speakers with at least one public statement, as the speaker index lists them."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from statements.api import keyset
from statements.api.common import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    api_url,
    keyset_list,
)
from statements.api.schemas import ErrorOut, SpeakerDetailOut, SpeakerPage
from statements.counts import statements_per_speaker
from statements.models import Speaker

router = Router(tags=["speakers"])


def public_speakers():
    """Speakers the public pages list: those with a statement editors have not rejected."""
    return Speaker.objects.public()


def speaker_record(
    request: HttpRequest, speaker: Speaker, counts: dict[int, int] | None = None
) -> dict:
    counts = statements_per_speaker() if counts is None else counts
    return {
        "id": speaker.pk,
        "slug": speaker.slug,
        "name": speaker.name,
        "country": speaker.country,
        "description": speaker.description,
        "aliases": speaker.alias_names,
        "statement_count": counts.get(speaker.pk, 0),
        "permalink": request.build_absolute_uri(speaker.get_absolute_url()),
        "statements": api_url(request, "statement-list", speaker=speaker.slug),
    }


@router.get(
    "/speakers/",
    response={200: SpeakerPage, 400: ErrorOut},
    url_name="speaker-list",
    summary="Speakers, oldest entry first",
)
def list_speakers(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    qs = public_speakers().prefetch_related("aliases")
    counts = statements_per_speaker()
    return keyset_list(
        request, qs, keyset.ID_ASC, cursor, limit, lambda r, s: speaker_record(r, s, counts)
    )


@router.get(
    "/speakers/{slug}/",
    response=SpeakerDetailOut,
    url_name="speaker-detail",
    summary="One speaker, with aliases and reported roles",
)
def get_speaker(request: HttpRequest, slug: str):
    speaker = get_object_or_404(public_speakers().prefetch_related("aliases", "roles"), slug=slug)
    record = speaker_record(request, speaker)
    record["roles"] = [
        {"title": r.title, "reported_on": r.reported_on}
        for r in sorted(speaker.roles.all(), key=lambda r: (r.reported_on is None, r.reported_on))
    ]
    return record
