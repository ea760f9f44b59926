"""Shortcuts the engine takes for speed give the answers of the rules they stand for.

Each shortcut replaces a pattern or a scan that was slow on long articles; these
tests run both on many random texts built from the characters and words the
rules care about, so a change to either side that makes them differ fails here.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from statements.extraction import attribution, metadata, pagination, people, quotes, sentences
from statements.extraction.cleaning import (
    _AGENCY_PHOTO,
    _BOILERPLATE_PATTERNS,
    _BOILERPLATE_STARTS,
    _CONTRIBUTED,
    _is_boilerplate,
)
from statements.extraction.lexicon import ROLE_NOUNS, SPEECH_VERBS, alternation
from statements.extraction.scanning import (
    finditer_at,
    literal_starts,
    matches_at_any,
    matches_from,
)

CASES = 20_000


def _texts(pool: list[str], longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(pool, k=rng.randint(0, longest))) for _ in range(CASES)]


def _script_by_scan(text: str) -> str | None:
    """The language guess's script as first written: every letter counted in order."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    script, count = Counter(metadata._script(ch) for ch in letters).most_common(1)[0]
    return None if count < len(letters) / 2 else script


def test_main_script_is_the_script_of_most_letters():
    pool = [*"abcXYZ éñß–“”  ,.12½²", *"вгдЖ", *"αβ", *"東京", *"אב", "the ", "и "]
    for text in _texts(pool, 12, seed=1):
        assert metadata._main_script(text) == _script_by_scan(text), text


def test_word_before_a_name_read_backwards_is_the_patterns_word():
    pool = ["Minister", "the", " ", "  ", "\n", "\t", "\u00a0", ",", ".", "U.S.", "’s", "-", "é"]
    pool += ["_", "1", "\x00", "“", "Gen.", "a" * 45]
    rng = random.Random(2)
    for text in _texts(pool, 14, seed=2):
        start = rng.randint(0, len(text))
        found = people._PREV_WORD_RE.search(text, max(0, start - 40), start)
        assert people._prev_word(text, start) == (found and found.group(1)), (text, start)


def test_place_word_check_agrees_with_a_search_for_place_word_and_name():
    pool = ["in", "at", "the", "The", "into", "of", "Republic", "Bank", "Velsk", "Velskian"]
    pool += ["Velsk's", "(in", "Velsk.", "near", "Velsk_", "inVelsk", " ", "  ", "\n", "\t", ","]
    rng = random.Random(3)
    for text in _texts(pool, 16, seed=3):
        word = rng.choice(["Velsk", "Bank", "Velsk's"])
        pattern = people._AFTER_PLACE_RE.pattern + re.escape(word) + r"\b"
        assert people._after_place_word(text, word) == bool(re.search(pattern, text)), (text, word)


def test_boilerplate_check_matches_where_one_of_its_patterns_does():
    patterns = (*_BOILERPLATE_PATTERNS, _CONTRIBUTED.pattern, _AGENCY_PHOTO.pattern)
    lines = [
        "Photo: Ada Quist",
        "Related: more news",
        "By Ada Quist",
        "By Christmas Eve, it ended.",
    ]
    lines += ["Advertisement", "10:42 a.m. ET", "Page 3 of 9", "Follow Ada on Twitter @ada."]
    lines += ["Source: Courier", "© 2025 Courier", "The mayor said so.", "###", "-30-", ""]
    lines += [
        "Ada Quist contributed reporting.",
        "ADA QUIST CONTRIBUTED REPORTING",
        "Reuters Photo /",
    ]
    lines += ["Ada Quist contrıbuted to this report.", "Ida Holm CoNtRiBuTeD reporting"]
    rng = random.Random(4)
    for _ in range(CASES // 10):
        line = rng.choice(lines)
        if rng.random() < 0.5:
            line = line[: rng.randint(0, len(line))] + rng.choice(["", " x", "."])
        one_by_one = any(re.search(p, line, re.I) for p in patterns)
        assert _is_boilerplate(line) == one_by_one, line


def test_grouped_alternation_finds_the_words_a_plain_one_finds():
    words = sorted(ROLE_NOUNS | SPEECH_VERBS, key=len, reverse=True)
    words += [w.capitalize() for w in words[:40]]
    pool = [*words[:60], "a", "the", " ", ",", "-", "Ad", "ſaid", "ſ", "ı", "K"]
    for flags in (0, re.I):
        plain = re.compile(r"\b(" + "|".join(words) + r")(\w*)", flags)
        grouped = re.compile(
            r"\b(" + alternation(words, ignore_case=bool(flags)) + r")(\w*)", flags
        )
        for text in _texts(pool, 12, seed=5 + flags):
            found = [m.groups() for m in plain.finditer(text)]
            assert [m.groups() for m in grouped.finditer(text)] == found, text


def test_modifiers_read_backwards_start_where_the_pattern_finds_them():
    pool = ["former", "acting", "parliamentary", "national", "X", "minister", " ", "  ", "\t"]
    pool += ["\n", "top", "formerly", "Former", "al", "ary", ",", "-", "é", "\u00a0"]
    for text in _texts(pool, 8, seed=6):
        text = text.rstrip()
        expected = people._ROLE_MODIFIERS_RE.search(text).start()
        assert people._modifiers_start(text) == expected, text


def test_language_guess_reads_the_words_the_letter_pattern_finds():
    pool = [*"aZq  ,.-_19", "The ", "the", "THE", "und", "für", "não", "dit ", "\u201c", "\u2014"]
    pool += ["é", "ß", "ſ", "\u212a", "½", "²", "\u0345", "ﬁ", "İ", "д", "\u00a0", "\u0663"]
    for text in _texts(pool, 12, seed=7):
        words, stopword_sets = metadata._words(text)
        expected = re.findall(r"[^\W\d_]+", text.casefold())
        assert [w if isinstance(w, str) else w.decode() for w in words] == expected, text
        for lang, stopwords in metadata._STOPWORD_SETS.items():
            in_list = sum(1 for w in expected if w in stopwords)
            assert sum(1 for w in words if w in stopword_sets[lang]) == in_list, (text, lang)


def test_scans_from_literals_find_what_a_scan_of_the_whole_text_finds():
    pool = ["the ", "The ", "tthe ", "he", " ", "\n", ", ", "minister ", "Minister", "foreign "]
    pool += ["of ", "Velsk ", "Accord", "according to ", "According to", "in the words of ", "In"]
    pool += ["In the words of ", "aaccording to", "_", "é", "\u2019s", "head ", "state", "Prime "]
    cases = [
        (people._ROLE_NP_RE, ("the", "The"), 0),
        (attribution._ACCORDING_RE, attribution._ACCORDING_NEEDS, 1),
    ]
    for pattern, literals, back in cases:
        for text in _texts(pool, 14, seed=8):
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in finditer_at(pattern, text, literals, back)] == expected, text


def test_texts_without_the_end_of_an_opinion_phrase_have_none():
    pool = ["In his ", "in Holm\u2019s ", "In her own ", "in Ada's ", "In", "his", " ", "\n", ","]
    pool += ["view", "opinion", "words", "assessment", "estimation", "estimate", "judgment"]
    pool += ["judgement", "judge", "interview", "x"]
    for text in _texts(pool, 6, seed=9):
        if not matches_at_any(attribution._IN_VIEW_END_RE, text, attribution._IN_VIEW_NEEDS):
            assert attribution._IN_VIEW_RE.search(text) is None, text


def test_lone_words_turned_down_early_are_the_ones_the_full_reading_turns_down(monkeypatch):
    pool = [
        "Officials ",
        "Holm ",
        "Velmora ",
        "Velmoran ",
        "Arvid Holm ",
        "Minister ",
        "said ",
        "he ",
    ]
    pool += ["the ", "in ", "told ", ", 27, a ", ", said ", "Varga", ". ", "\n\n", "Lena ", "Mrs. "]
    pool += ["Critics ", "Holmbank ", "Norland ", "spokesman ", "Dana Varga", "\u2014 ", "warned "]
    pool += ["columnist ", "brother ", "Officials, 40, said "]
    texts = _texts(pool, 16, seed=10)[: CASES // 4]
    shortcut = [people.build_cast(text, [0]) for text in texts]
    monkeypatch.setattr(people.CastBuilder, "_nobody_alone", lambda *args: False)
    for text, cast in zip(texts, shortcut, strict=True):
        full = people.build_cast(text, [0])
        assert (cast.entities, cast.mentions) == (full.entities, full.mentions), text


def test_sentence_boundaries_tried_at_their_marks_are_the_boundaries_a_scan_finds():
    pool = [".", "!", "?", "\u2026", "...", " ", "\n", "A", "a", "1", '"', "\u201d", "\u201c", ")"]
    pool += ["\u2014 ", "Mr.", "U.S.", "x", "(", "\u00c9", "\u2019"]
    rng = random.Random(11)
    for text in _texts(pool, 16, seed=11):
        marks = literal_starts(text, sentences._BOUNDARY_MARKS)
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        expected = [m.span() for m in sentences._BOUNDARY_RE.finditer(text, lo, hi)]
        found = matches_from(sentences._BOUNDARY_RE, text, marks, lo, hi)
        assert [m.span() for m in found] == expected, (text, lo, hi)


def _strip_jumps_as_first_written(line: str, found: pagination.Furniture) -> str | None:
    if "age" not in line and "AGE" not in line and not pagination._CAP_DIGIT_RE.search(line):
        return line
    if not pagination._JUMP_HINT_RE.search(line):
        return line
    return pagination._strip_jumps(line, found)


def test_jump_lines_are_the_ones_the_first_gate_let_through():
    pool = ["page", "Page", "PAGE", "pAGE", "age", "AGE", "A9", "a9", "B12", " ", "\t", "\n", "x"]
    pool += ["Continued on", "See", "next", "language", "stage", "1", "Z", "Story", "jump"]
    for text in _texts(pool, 10, seed=13):
        cap_digit = pagination._CAP_DIGIT_RE.search(text) is not None
        for line in text.split("\n"):
            old, new = pagination.Furniture(), pagination.Furniture()
            expected = _strip_jumps_as_first_written(line, old)
            assert pagination._strip_jumps(line, new, cap_digit) == expected, line
            assert new.removed == old.removed, line


def test_title_words_read_in_a_short_stretch_first_are_those_of_the_long_one():
    pool = ["Deputy ", "Chairman ", "of ", "the ", "Security ", "Council ", "Foreign ", "Minister "]
    pool += ["former ", "state-run ", "Gen. ", "U.S. ", "said ", ", ", ". ", "\x00", "x", "-"]
    pool += ["spokesman ", "for ", "President ", "Mr. ", "Interior", "\u2019s ", "a" * 30 + " "]
    rng = random.Random(14)
    for text in _texts(pool, 24, seed=14):
        start = rng.randint(0, len(text))
        expected, _ = people._title_words(text, start, 160)
        assert people._title_words_before(text, start) == expected, (text, start)


def _first_chars(items: list) -> set[str] | None:
    """What a parsed pattern's first character can be (None: more than listed here);
    the empty string stands for "nothing yet", when every item is optional."""
    from re import _constants as sre

    for op, av in items:
        if op is sre.AT:
            continue  # ^
        if op is sre.LITERAL:
            return {chr(av)}
        if op is sre.IN:
            found = set()
            for kind, value in av:
                if kind is sre.LITERAL:
                    found.add(chr(value))
                elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                    found.update("0123456789")
                else:
                    return None
            return found
        if op is sre.SUBPATTERN:
            inner = _first_chars(list(av[-1]))
        elif op is sre.BRANCH:
            inner = set()
            for branch in av[1]:
                part = _first_chars(list(branch))
                if part is None:
                    return None
                inner |= part
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner = _first_chars(list(av[2]))
            if inner is not None and av[0] == 0:
                inner = inner | {""}
        else:
            return None
        if inner is None or "" not in inner:
            return inner
        rest = _first_chars(items[items.index((op, av)) + 1 :])
        return None if rest is None else (inner - {""}) | rest
    return {""}


def test_boilerplate_first_characters_are_those_its_patterns_start_with():
    from re import _parser

    for pattern in _BOILERPLATE_PATTERNS:
        firsts = _first_chars(list(_parser.parse(pattern, re.I)))
        assert firsts is not None and "" not in firsts, pattern
        for ch in firsts:
            assert ch.lower() in _BOILERPLATE_STARTS, (pattern, ch)
            if not ch.isascii():  # no ASCII letter matches it in any case
                assert not any(re.match(re.escape(ch), chr(c), re.I) for c in range(128)), ch


def test_one_scan_for_odd_spaces_finds_the_characters_of_both_patterns():
    from statements.extraction import cleaning

    for code in range(0x10000):
        ch = chr(code)
        either = bool(cleaning._SPACES.match(ch) or cleaning._INVISIBLE.match(ch))
        assert bool(cleaning._ODD_SPACE.match(ch)) == either, hex(code)
    assert cleaning._STAGE_DIRECTION.pattern.startswith(r"[(\[]")  # the test before its scan


def test_literal_starts_are_every_place_one_of_the_literals_begins():
    pool = ["the", "The", "th", "e", "in", "in the", " ", "x", "ee"]
    cases = [("the", "The"), ("in", "in the", "the"), ("e", "ee"), ("ee",), ("th", "the")]
    for text in _texts(pool, 10, seed=15):
        for literals in cases:
            expected = [i for i in range(len(text)) if text.startswith(literals, i)]
            assert literal_starts(text, literals) == expected, (text, literals)


def test_descriptions_tried_before_each_capital_a_are_those_a_scan_finds():
    pool = ["A ", "An ", "A", "a ", ". ", "\n", ") ", "\u2014", "/", ":", "-", "  ", "\t", "x"]
    pool += ["senior ", "official ", "spokesman ", "minister", "of ", "Norland ", ".A "]
    for text in _texts(pool, 14, seed=16):
        expected = [m.span() for m in people._DESCRIBED_RE.finditer(text)]
        found = matches_from(people._DESCRIBED_RE, text, people._described_starts(text))
        assert [m.span() for m in found] == expected, text


def test_quote_marks_found_once_for_the_text_are_those_each_range_holds():
    pool = [*quotes._ALL_MARKS, "a", " ", "\n", "\u00bbWir", "Holm\u2019s", ","]
    rng = random.Random(17)
    for text in _texts(pool, 12, seed=17):
        places = literal_starts(text, quotes._ALL_MARK_CHARS)
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        expected = quotes._classify(text, lo, hi)
        assert quotes._classify(text, lo, hi, places) == expected, (text, lo, hi)
