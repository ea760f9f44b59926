"""Name normalization shared by extraction and the database's alias lookup.

Transliterated names come in many spellings of the same person: hyphens move
("Kassym-Jomart Tokayev" / "Kassym Jomart-Tokayev"), accents come and go, and
Russian-style patronymics appear in some articles only. The key built here is
what identifies a name across those variants.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_NON_WORD_RE = re.compile(r"[\W_]+")
_PATRONYMIC_RE = re.compile(
    r"^[A-Z\u0410-\u042f][a-z\u0430-\u044f]+(?:ovich|evich|yevich|ich|ovna|evna|yevna|ichna|"
    r"\u043e\u0432\u0438\u0447|\u0435\u0432\u0438\u0447|\u043e\u0432\u043d\u0430|\u0435\u0432\u043d\u0430)$"
)
# Kazakh and Kyrgyz patronymics are a father's name followed by a separate word.
_PATRONYMIC_WORDS = {"uly", "ulu", "kyzy", "qyzy", "ogly", "oglu", "kizi"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mme", "m"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def fold(text: str) -> str:
    """Accent- and case-insensitive form of a string."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Identity of a name: accents, case, punctuation and hyphens do not count.

    "Kassym Jomart-Tokayev" and "Kassym-Jomart Tokayev" give the same key, so do
    "Dmitri Medvédev" and "dmitri medvedev". Patronymics are kept; use
    ``strip_patronymic`` first where they should not count either.
    """
    return " ".join(_NON_WORD_RE.sub(" ", fold(name)).split())


def _is_patronymic(token: str) -> bool:
    return bool(_PATRONYMIC_RE.match(token)) and len(token) > 5


def strip_patronymic(name: str) -> str:
    """Drop a patronymic middle name: "Vladimir Vladimirovich Putin" -> "Vladimir Putin".

    Only a middle token is removed (a surname like "Abramovich" stays), and
    only when a first name and a surname remain around it.
    """
    tokens = name.split()
    if len(tokens) < 3:
        return name.strip()
    kept = [tokens[0]]
    for i, tok in enumerate(tokens[1:-1], start=1):
        bare = tok.strip(",.")
        if _is_patronymic(bare):
            continue
        if bare.lower() in _PATRONYMIC_WORDS and i > 1:
            kept.pop()  # "Nursultan Abishuly Nazarbayev" style: father's name + uly
            continue
        kept.append(tok)
    kept.append(tokens[-1])
    return " ".join(kept)


def surname(name: str) -> str:
    """The family name a later mention would use ("Holm" for "Arvid Holm Jr.")."""
    tokens = [t.strip(",.") for t in name.split()]
    tokens = [t for t in tokens if t and t.lower().rstrip(".") not in _SUFFIXES]
    if tokens and tokens[0].lower().rstrip(".") in _HONORIFICS:
        tokens = tokens[1:]
    if not tokens:
        return name.strip()
    last = tokens[-1]
    # Particles belong to the surname: "de Gaulle", "van der Bellen".
    i = len(tokens) - 1
    while i > 1 and tokens[i - 1].lower() in {
        "de",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "dos",
    }:
        i -= 1
    if i < len(tokens) - 1:
        return " ".join(tokens[i:])
    return last


def surname_keys(name: str) -> set[str]:
    """Keys a bare-surname mention may take: the surname, and each part of a hyphenated one.

    "Kassym Jomart-Tokayev" is later just "Tokayev".
    """
    sur = surname(name)
    keys = {name_key(sur)}
    if " " in sur:
        keys.add(name_key(sur.split()[-1]))  # 'Garrec' for 'Marine Le Garrec'
    if "-" in sur:
        parts = [p for p in sur.split("-") if p]
        if parts:
            keys.add(name_key(parts[-1]))
    return {k for k in keys if k}


@lru_cache(maxsize=1)
def _first_names():  # noqa: ANN202 - the library's detector, loaded once per process
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


_STRONG = {"male": "m", "female": "f"}
_WEAK = {"mostly_male": "m", "mostly_female": "f"}


@lru_cache(maxsize=16384)
def given_name_gender(word: str) -> str | None:
    """'m', 'f', '?' (a given name of either sex) or None (not a known given name).

    From gender-guesser's list of about 40,000 first names from many countries:
    it knows "Maureen" and "Iliyas" where our own short lists stop. A sex only
    when the worldwide and the US readings agree and one of them is sure:
    "Bernie", "Rand" or "Lindsey" stay '?', so the article's own pronouns
    decide (a wrong guess would send every 'he' to someone else).
    """
    bare = word.strip(".,").split("-")[0]
    if len(bare) < 2 or not bare.isalpha():
        return None
    detector = _first_names()
    readings = [detector.get_gender(bare), detector.get_gender(bare, "usa")]
    sexes = {_STRONG.get(r) or _WEAK.get(r) for r in readings} - {None}
    if len(sexes) == 1 and any(r in _STRONG for r in readings):
        return sexes.pop()
    if sexes or "andy" in readings:
        return "?"
    return None


# Transliteration spellings of one sound, folded to one: Dourvenov/Durvenov,
# Iliyas/Ilyas, Sovarskaia/Sovarskaya, Khan/Han, Wladimir/Vladimir, Mueller/Muller.
_VARIANT_RULES = (
    (re.compile(r"^ye"), "e"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"iy"), "y"),
    (re.compile(r"ij"), "y"),
    (re.compile(r"([aeiou])i(?=[aeiou])"), r"\1y"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(?<=[aou])e"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


@lru_cache(maxsize=8192)
def variant_key(name: str) -> str:
    """A looser key under which transliterations of one name coincide.

    Built on ``name_key`` without a patronymic; middle initials are dropped
    ("Donald J. Trump"), and each word is folded by the rules above. Two
    names with the same variant key are candidates for one person, never
    proof: callers add their own guards (one candidate only, same number of
    words).
    """
    words = name_key(strip_patronymic(name)).split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    out = []
    for word in words:
        for pattern, repl in _VARIANT_RULES:
            word = pattern.sub(repl, word)
        out.append(word)
    return " ".join(out)
