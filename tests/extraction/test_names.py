"""Name keys and patronymics (no Django needed)."""

import pytest

from statements.extraction.names import name_key, strip_patronymic, surname, surname_keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Arvid Holm-Berg", "Arvid-Holm Berg"),
        ("Lena Várga", "lena varga"),
        ("O\u2019Brien, Sean", "o'brien sean"),
    ],
)
def test_name_key_folds_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ivan Petrovich Sidorov", "Ivan Sidorov"),
        ("Arman Serikovich Nurlanov", "Arman Nurlanov"),
        ("Olga Ivanovna Petrova", "Olga Petrova"),
        ("Roman Abramovich", "Roman Abramovich"),
        ("Arvid Holm", "Arvid Holm"),
    ],
)
def test_strip_patronymic(name: str, expected: str) -> None:
    assert strip_patronymic(name) == expected


def test_surname() -> None:
    assert surname("Arvid Holm") == "Holm"
    assert surname("Charles de Broglie") == "de Broglie"
    assert "berg" in surname_keys("Arvid Holm-Berg")
