"""Speakers are found by any spelling of their name."""

import pytest
from django.db import IntegrityError

from statements.models import Speaker, SpeakerAlias
from tests.factories import make_speaker

pytestmark = pytest.mark.django_db


def test_canonical_name_is_an_alias_and_slug_is_made():
    speaker = make_speaker("Arvid Holm")
    assert speaker.slug == "arvid-holm"
    assert SpeakerAlias.objects.get(speaker=speaker).name == "Arvid Holm"


@pytest.mark.parametrize(
    "spelling",
    [
        "Jan-Erik Solberg-Vik",
        "jan erik solberg vik",
        "JAN-ERIK SOLBERG VIK",
        "Jan Erik-Solberg Vik",
        "Ján-Érik Solberg-Vík",
    ],
)
def test_alias_lookup_ignores_case_accents_and_hyphens(spelling):
    speaker = make_speaker("Jan-Erik Solberg-Vik")
    assert Speaker.objects.by_name(spelling) == speaker


def test_lookup_without_patronymic():
    speaker = make_speaker("Oleg Marchenko")
    assert Speaker.objects.by_name("Oleg Ivanovich Marchenko") == speaker


def test_added_alias_finds_the_speaker_and_unknown_names_find_nobody():
    speaker = make_speaker("Lena Varga")
    speaker.add_alias("Helena Varga-Nagy")
    assert Speaker.objects.by_name("helena varga nagy") == speaker
    assert Speaker.objects.by_name("Someone Else") is None


def test_one_spelling_belongs_to_one_person():
    first = make_speaker("Mira Kask")
    second = make_speaker("Mira Kasks")
    assert second.add_alias("Mira Kask").speaker == first  # key taken: left with its owner
    with pytest.raises(IntegrityError):
        SpeakerAlias.objects.create(speaker=second, name="MIRA KASK")


def test_slugs_stay_unique_for_namesakes():
    a = make_speaker("Tomas Brenn")
    b = Speaker.objects.create(name="Tomas Brenn ")
    assert a.slug != b.slug
