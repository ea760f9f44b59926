"""Turn a file's bytes into text without guessing wrong on the common cases.

News archives mix UTF-8 exports with files saved by old Windows editors. The
order matters: a byte-order mark is proof, strict UTF-8 almost never decodes
legacy bytes by accident, and only then do we ask charset-normalizer to guess.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# UTF-32 first: its little-endian BOM begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Latin-1 maps 0x80-0x9F to invisible control characters, where Windows-1252 has
# curly quotes and dashes; a file "in Latin-1" is nearly always really 1252.
_PREFER = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}


def detect_encoding(data: bytes, declared: str | None = None) -> str:
    """Name the codec to use for ``data``; ``declared`` is a charset the file states (HTML)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if declared and _decodes(data, declared):
        return _PREFER.get(codecs.lookup(declared).name.replace("-", "_"), declared)
    best = from_bytes(data).best()
    guess = _PREFER.get(best.encoding, best.encoding) if best is not None else "cp1252"
    # charset-normalizer is unsure between Latin code pages on short texts (it
    # reads plain English 1252 as 1250); let a plausibility check break the tie,
    # in favour of the code pages news files actually use.
    ranked: list[tuple[int, str]] = []
    for name in dict.fromkeys(("cp1252", guess, "cp1251")):
        if _decodes(data, name):
            ranked.append((_implausibility(data.decode(name)), name))
    if not ranked:
        return guess
    return min(ranked, key=lambda item: item[0])[1]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: every other byte of Latin text is zero.

    Strict UTF-8 would accept it (zero bytes are valid) and store text
    interleaved with NULs, so it is recognised first, by where the zeros are.
    """
    sample = data[:8192]
    zeros = sample.count(0)
    if len(sample) < 4 or zeros < len(sample) // 5:
        return None
    odd = sample[1::2].count(0)
    if odd >= zeros * 0.9:
        name = "utf-16-le"
    elif zeros - odd >= zeros * 0.9:
        name = "utf-16-be"
    else:
        return None
    return name if _decodes(data[: len(data) // 2 * 2], name) else None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text: BOM, then strict UTF-8, then a legacy-encoding guess.

    Never raises on undecodable bytes (they become U+FFFD), because one bad
    byte should not cost the whole article.
    """
    encoding = detect_encoding(data, declared)
    for bom, name in _BOMS:
        if name == encoding and data.startswith(bom):
            data = data[len(bom) :]
            break
    return data.decode(encoding, errors="replace")


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x370 <= code < 0x400:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    return "other"


def _implausibility(text: str) -> int:
    """Count signs of a wrong code page: odd symbols, mixed-script or all-accent words."""
    score = 0
    for ch in text:
        if ord(ch) < 128:
            continue
        category = unicodedata.category(ch)
        if category[0] == "C":
            score += 3
        elif category in ("So", "Sk", "Sm", "No"):
            score += 1
    for word in re.findall(r"[^\W\d_]+", text):
        scripts = {_script(ch) for ch in word}
        if len(scripts) > 1:
            score += 2
        elif scripts == {"latin"} and len(word) >= 3:
            accented = sum(1 for ch in word if ord(ch) >= 128)
            if accented * 2 > len(word):
                score += 2
    return score


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return False
    return True
