"""Spellings of one person across articles land on one speaker; different people never merge."""

import pytest

from statements.models import Speaker

pytestmark = pytest.mark.django_db


def test_a_transliteration_finds_the_known_speaker():
    known = Speaker.objects.create(name="Elena Sovarskaia")
    assert Speaker.objects.by_name("Yelena Sovarskaya") == known
    durvenov = Speaker.objects.create(name="Marat-Iliyas Dourvenov")
    assert Speaker.objects.by_name("Marat-Ilyas Durvenov") == durvenov
    assert Speaker.objects.by_name("Donald J. Vance") is None


def test_a_middle_initial_does_not_make_a_new_person():
    known = Speaker.objects.create(name="Lindsey Graber")
    assert Speaker.objects.by_name("Lindsey O. Graber") == known


def test_guards_against_merging_different_people():
    Speaker.objects.create(name="Ada Holm")
    assert Speaker.objects.by_name("Ida Holm") is None  # another given name
    assert Speaker.objects.by_name("Holme") is None  # a bare surname is no full name
    Speaker.objects.create(name="Anna Mueller")
    Speaker.objects.create(name="Ana Muller")
    assert Speaker.objects.by_name("Anna Müller") is None  # two candidates: nobody
