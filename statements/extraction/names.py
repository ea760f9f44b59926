"""Name normalisation: one key per person however the article spells them.

Transliterations and typesetting vary ("Kassym Jomart-Tokayev",
"Kassym-Jomart Tokayev"); the key folds accents, case, hyphens and
punctuation so that the database can look aliases up by equality.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+")
# East Slavic and Central Asian patronymics: Vladimirovich, Kemelevich, Sergeyevna, Ilyich...
_PATRONYMIC = re.compile(r"^[A-ZА-Я][a-zа-я]+(?:ovich|evich|ovna|evna|ichna|yich|ich|ogly|qizi|kyzy|uly)$")


def fold(text: str) -> str:
    """Accent- and case-insensitive form of ``text``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(name: str) -> str:
    """The lookup key of a person's name: accents, case, hyphens and punctuation folded."""
    return " ".join(_NON_WORD.sub(" ", fold(name)).split())


def strip_patronymic(name: str) -> str:
    """Drop a middle patronymic: "Vladimir Vladimirovich Putin" -> "Vladimir Putin"."""
    parts = name.split()
    if len(parts) >= 3 and _PATRONYMIC.match(parts[-2]):
        return " ".join(parts[:-2] + parts[-1:])
    return name


def surname(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else ""
