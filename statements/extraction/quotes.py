"""Quotation marks -> quote spans.

News text mixes every convention: curly and straight double quotes (sometimes
both in one article), single quotes that are really apostrophes, guillemets,
straight quotes nested inside straight quotes, quotes that run over several
paragraphs and quotes whose closing mark was simply forgotten. The scanner
works paragraph by paragraph with a stack, deciding for each ambiguous mark
from its neighbours whether it opens or closes, and ends an unclosed quote
where the narration visibly resumes.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from statements.extraction.document import paragraph_bounds
from statements.extraction.lexicon import INVERTED_VERBS, NOT_SPEAKER_LABELS
from statements.extraction.scanning import literal_starts

# Mark families: a closing mark only ends an opening mark of its own family.
_DOUBLE, _GUILLEMET, _SINGLE = "d", "g", "s"

_OPENERS = {"\u201c": _DOUBLE, "\u201e": _DOUBLE, "\u201f": _DOUBLE, "\u00ab": _GUILLEMET}
_CLOSERS = {"\u201d": _DOUBLE, "\u00bb": _GUILLEMET}
_ALL_MARKS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a"
_MARK_RE = re.compile("[" + re.escape(_ALL_MARKS) + "]")
_ALL_MARK_CHARS = tuple(_ALL_MARKS)

# Characters after which a straight quote can open / before which it can close.
_OPEN_PREV = set("([{\u2014\u2013-/:;\u201c\u2018\u00ab")
_CLOSE_NEXT = set(".,;:!?)]}\u2014\u2013-\u2026\u201d\u2019\u00bb")
# Marks that open in English but close German quotes („…“, »…«) when glued to a word.
_GLUED_CLOSERS = {"\u201c": _DOUBLE, "\u00ab": _GUILLEMET}


def _glued_closer(prev: str, nxt: str) -> bool:
    """A mark right after a word or a sentence's end and before a space or punctuation."""
    return (prev.isalnum() or prev in ".,!?\u2026") and (nxt.isspace() or nxt in _CLOSE_NEXT)


# A sentence that visibly starts the narrator's voice again: an unclosed quote
# ends before it ("... problems. Medvedev explained that", "... Union. He agreed").
_SPEECH_VERBS = (
    "said|says|added|explained|agreed|recalled|noted|stressed|told|insisted|argued|warned|"
    "continued|concluded|replied|answered|asked|emphasi[sz]ed|underlined|pointed out|"
    "remarked|observed|stated|declared|announced|claimed|acknowledged|admitted|wrote|"
    "believes|believed|thinks|thought|went on|praised|accused|called|described|urged|"
    "denied|dismissed|reiterated|suggested|confirmed|complained|vowed|promised"
)
_NAME_TOKEN = r"[A-Z][\w\u2019'\-]*\.?"
_ATTRIBUTION_START_RE = re.compile(
    r"(?:(?:He|She)|(?:" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){0,3})"
    r"|The\s+(?:[\w\-]+\s+){0,4}?(?:minister|spokes(?:man|woman|person)|president|chairman|"
    r"head|leader|official|secretary|ambassador|governor|mayor|general|chief))"
    r"(?:,[^,\"\u201c\u201d]{1,60},)?\s+(?:also\s+|then\s+|later\s+|further\s+|again\s+)?"
    r"(?:" + _SPEECH_VERBS + r")\b"
    r"|According to\b|In (?:his|her) (?:words|view|opinion)\b"
)
_SENTENCE_END_RE = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)]*\s+(?=[A-Z\"\u201c\u00ab\u2018])"
)


# Dialogue set with dashes, as many European papers print it:
# '— We will not move, said the mayor. — Then we stay too, Holm answered.'
# A dash line is a quote only where a cue closes it, so dashed lists stay narration.
_DASH_START_RE = re.compile(r"[\u2014\u2013][^\S\n]*(?=[^\W\d_])")
_DASH_NEXT_RE = re.compile(r"[.!?\u2026][^\S\n]+(?=[\u2014\u2013])")
_DASH_SEP_RE = re.compile(r"(?:\.\.\.|[,!?\u2026])[^\S\n]+")
_DASH_CUE_RE = re.compile(
    r"(?:(?:" + INVERTED_VERBS + r")\s+(?:the\s+[a-z]|[A-Z])"
    r"|(?:[Hh]e|[Ss]he|[Tt]he(?:\s+[a-z][\w\-]*){1,2}|[A-Z][\w\u2019'\-\.]*"
    r"(?:\s+[A-Z][\w\u2019'\-\.]*){0,2})\s+(?:" + INVERTED_VERBS + r")\b)"
)
_DOUBLE_MARKS_RE = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb]')
_DASH_SCAN = 3000  # how far a dash line's words may run before their cue


# Interviews printed as a transcript: 'Q: Why ...?' / 'A: Because ...', or the
# speaker's name before each turn ('Holm: Why ...?'). Every turn is a quote.
_TURN_LABEL_RE = re.compile(
    r"(?:(?P<qa>Q|A|Question|Answer)|(?P<name>[A-Z][\w\u2019'\-\.]*(?:[^\S\n]+[A-Z][\w\u2019'\-\.]*){0,2}))"
    r"[^\S\n]*[:.][^\S\n]+(?=\S)"
)
_MID_ANSWER_RE = re.compile(r"[.!?\u2026][^\S\n]+(?:A|Answer):[^\S\n]+\S")
_MIN_NAMED_TURNS = 4  # 'Holm: ...' lines before a text counts as a transcript


def _label_key(label: str) -> str:
    return label.split()[-1].lower()


def _turn_labels(body: str, paras: list[tuple[int, int]]) -> dict[int, tuple[int, int, int]]:
    """Paragraph index -> (label start, label end, words start) for an interview's turns.

    'Q:' and 'A:' count when both occur; otherwise labels that recur ('Q:'
    or a name) count when two of them take four turns between them, and
    one recurring label before questions only marks the interviewer: the
    paragraphs after each question are answers (an empty label). Paragraphs
    without a label between two turns continue the turn before.
    """
    labels: dict[int, tuple[int, int, str]] = {}
    for idx, (lo, hi) in enumerate(paras):
        m = _TURN_LABEL_RE.match(body, lo, hi)
        if m is None:
            continue
        if m.group("qa"):
            labels[idx] = (lo, m.end(), m.group("qa")[0])
        elif (
            body[m.end("name")] == ":"
            and body[m.end()] not in _ALL_MARKS  # 'Holm: "..."' is a quote of its own
            and not NOT_SPEAKER_LABELS.intersection(m.group("name").lower().split())
        ):
            labels[idx] = (lo, m.end(), m.group("name"))
    if not labels:
        return {}
    answers_unlabelled = False
    kinds = {k for _, _, k in labels.values()}
    if "Q" in kinds and "A" not in kinds and _MID_ANSWER_RE.search(body):
        kinds.add("A")  # 'Q: Why? A: Because.' on one line
    if {"Q", "A"} <= kinds:
        labels = {i: v for i, v in labels.items() if v[2] in ("Q", "A")}
    else:
        # 'LENA VARGA:' once, then 'VARGA:': one speaker, counted by the surname
        counts = Counter(_label_key(k) for _, _, k in labels.values() if k != "A")
        repeated = {k for k, n in counts.items() if n >= 2}
        labels = {i: v for i, v in labels.items() if _label_key(v[2]) in repeated}
        questions = sum(1 for i in labels if body[paras[i][1] - 1] == "?")
        if len(repeated) == 1 and len(labels) >= 3 and questions * 2 > len(labels):
            answers_unlabelled = True
        elif len(repeated) < 2 or len(labels) < _MIN_NAMED_TURNS:
            return {}
    turns: dict[int, tuple[int, int, int]] = {}
    ordered = sorted(labels)
    for a, b in zip(ordered, [*ordered[1:], None], strict=True):
        label_at, label_end, _ = labels[a]
        turns[a] = (label_at, label_end, label_end)
        last = a + 2 if answers_unlabelled else a + 1  # the last question's answer
        for idx in range(a + 1, b if b is not None else min(last, len(paras))):
            lo = paras[idx][0]
            turns[idx] = (lo, lo, lo) if answers_unlabelled else (label_at, label_end, lo)
    return turns


@dataclass(frozen=True)
class Quote:
    """One quotation at the top level of its paragraph(s).

    ``spans`` are the quoted words without the marks (one span a paragraph
    for a quote that runs over several); ``outer`` are the same regions with
    their marks, which the narration must not see. ``nested`` holds the
    content spans of quotes inside this one (terms, quoted quotes).
    """

    spans: tuple[tuple[int, int], ...]
    outer: tuple[tuple[int, int], ...]
    marks: str  # the opening mark of the first segment
    closed: bool  # False when the source never closed it
    nested: tuple[tuple[int, int], ...] = ()
    turn: tuple[int, int] | None = None  # an interview's turn: where its label ('Q:') is

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    @property
    def open_at(self) -> int:
        return self.outer[0][0]

    @property
    def close_end(self) -> int:
        return self.outer[-1][1]

    def text(self, body: str) -> str:
        return " ".join(body[s:e] for s, e in self.spans)


@dataclass
class _Mark:
    pos: int
    char: str
    family: str
    role: str  # "open", "close" or "either"
    plural_possessive: bool = False  # "ministers' plan": closes only if nothing later can


@dataclass
class _Seg:
    open: int
    close: int | None  # index of the closing mark, None when unclosed
    end: int  # end of the region incl. the closing mark (or the cut)
    nested: list[tuple[int, int]]
    continues: bool = False


def _classify(text: str, lo: int, hi: int, places: list[int] | None = None) -> list[_Mark]:
    """Turn every quotation character in text[lo:hi] into a candidate mark.

    ``places``: where the text's quotation characters are, when ``find_quotes`` found
    them once for the whole text instead of scanning each paragraph for them.
    """
    if places is None:
        places = [m.start() for m in _MARK_RE.finditer(text, lo, hi)]
    else:
        places = places[bisect.bisect_left(places, lo) : bisect.bisect_left(places, hi)]
    marks: list[_Mark] = []
    for i in places:
        ch = text[i]
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if ch in _GLUED_CLOSERS and _glued_closer(prev, nxt):
            # German „Wir bleiben“ and »Wir bleiben«: the mark that opens in English
            # closes when it is glued to the word before it.
            marks.append(_Mark(i, ch, _GLUED_CLOSERS[ch], "close"))
        elif ch == "\u00bb" and (prev.isspace() or prev in _OPEN_PREV) and nxt.isalnum():
            marks.append(_Mark(i, ch, _GUILLEMET, "open"))  # German »Wir bleiben«
        elif ch in _OPENERS:
            marks.append(_Mark(i, ch, _OPENERS[ch], "open"))
        elif ch in _CLOSERS:
            marks.append(_Mark(i, ch, _CLOSERS[ch], "close"))
        elif ch == '"':
            can_open = (prev.isspace() or prev in _OPEN_PREV) and not nxt.isspace()
            can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_NEXT or nxt == '"')
            role = "open" if can_open and not can_close else "close" if can_close else "either"
            if can_open and can_close:
                role = "either"
            marks.append(_Mark(i, ch, _DOUBLE, role))
        else:  # single marks: ' \u2018 \u2019 \u201a \u2039 \u203a
            if prev.isalnum() and nxt.isalnum():
                continue  # don't, Kazakhstan's, d'etat
            if ch == "\u2018" and _glued_closer(prev, nxt):
                marks.append(_Mark(i, ch, _SINGLE, "close"))  # German \u201ahier\u2018
            elif ch in "\u2018\u201a\u2039":
                marks.append(_Mark(i, ch, _SINGLE, "open"))
            elif ch == "\u203a":
                marks.append(_Mark(i, ch, _SINGLE, "close"))
            else:  # ' or \u2019
                can_open = ch == "'" and (prev.isspace() or prev in _OPEN_PREV) and nxt.isalnum()
                can_close = not prev.isspace() and not nxt.isalnum()
                if can_close:
                    possessive = prev in "sS" and nxt.isspace()
                    marks.append(_Mark(i, ch, _SINGLE, "close", possessive))
                elif can_open:
                    marks.append(_Mark(i, ch, _SINGLE, "open"))
    return marks


def _stack_key(m: _Mark) -> tuple[str, bool]:
    """Marks that may pair: same family, and for doubles the same straightness."""
    return (m.family, m.family == _DOUBLE and m.char == '"')


def _pair(marks: list[_Mark]) -> tuple[list[tuple[_Mark, _Mark]], list[_Mark]]:
    """Stack matching; returns (open, close) pairs and the openers left unclosed.

    The stack positions of each kind of opener are kept apart, so finding the
    opener a closer ends takes constant time however deep the stack grows.
    """
    stack: list[_Mark] = []
    where: dict[tuple[str, bool], list[int]] = {}
    pairs: list[tuple[_Mark, _Mark]] = []
    last_single_close = max(
        (k for k, m in enumerate(marks) if m.family == _SINGLE and m.role == "close"), default=-1
    )

    def close_at(j: int, m: _Mark) -> None:
        pairs.append((stack[j], m))
        del stack[j:]
        for positions in where.values():
            while positions and positions[-1] >= j:
                positions.pop()

    for k, m in enumerate(marks):
        role = m.role
        key = _stack_key(m)
        if role == "either":
            role = "close" if where.get(key) else "open"
        if role == "open":
            where.setdefault(key, []).append(len(stack))
            stack.append(m)
            continue
        # A closing single quote after "s" with a later closer is a plural possessive.
        if m.plural_possessive and last_single_close > k:
            continue
        if where.get(key):
            close_at(where[key][-1], m)
        elif m.family == _DOUBLE:
            # A straight double closer may end a curly opener in sloppy text.
            tops = [where[k2][-1] for k2 in ((_DOUBLE, True), (_DOUBLE, False)) if where.get(k2)]
            if tops:
                close_at(max(tops), m)
    unclosed = [s for s in stack if s.family != _SINGLE]
    return pairs, unclosed


def _find_cut(text: str, start: int, hi: int) -> int:
    """Where an unclosed quote opened at ``start`` most plausibly ends."""
    for b in _SENTENCE_END_RE.finditer(text, start + 1, hi):
        if _ATTRIBUTION_START_RE.match(text, b.end()):
            end = b.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            return end
    return hi


def _top_level(closed: list[tuple[_Mark, _Mark]]) -> list[_Seg]:
    """Segments of the outermost pairs, each with the pairs inside it as nested spans.

    Stack matching never yields crossing pairs, so one sweep in order of the
    opening marks finds them.
    """
    segs: list[_Seg] = []
    top_close = -1
    for o, c in sorted(closed, key=lambda p: p[0].pos):
        if o.pos < top_close:
            segs[-1].nested.append((o.pos + 1, c.pos))
            continue
        segs.append(_Seg(o.pos, c.pos, c.pos + 1, []))
        top_close = c.pos
    for seg in segs:
        seg.nested.sort(key=lambda span: span[1])
    return segs


def _parse_region(
    text: str, lo: int, hi: int, next_opens: str | None, places: list[int] | None = None
) -> list[_Seg]:
    """Top-level quote segments of text[lo:hi] (one paragraph or a part of it)."""
    all_marks = _classify(text, lo, hi, places)
    if len(all_marks) == 2:  # the common paragraph: one quote, opened and closed
        first_mark, second = all_marks
        if (
            first_mark.role == "open"
            and second.role == "close"
            and _stack_key(first_mark) == _stack_key(second)
        ):
            return [_Seg(first_mark.pos, second.pos, second.pos + 1, [])]
    segs: list[_Seg] = []
    first = 0
    while first < len(all_marks):
        marks = all_marks[first:]
        pairs, unclosed = _pair(marks)
        # The earliest unclosed opener (never inside a closed pair: closing a pair
        # drops the openers above it) takes over the rest of the region up to its
        # cut; everything after the cut is parsed again.
        top_unclosed = unclosed[0] if unclosed else None
        limit = top_unclosed.pos if top_unclosed else hi
        segs.extend(_top_level([(o, c) for o, c in pairs if c.pos < limit]))
        if top_unclosed is None:
            break
        u = top_unclosed
        continues = next_opens is not None and _family_of(next_opens) == u.family
        cut = hi if continues else _find_cut(text, u.pos, hi)
        inner_pairs, _ = _pair(_classify(text, u.pos + 1, cut, places))
        nested = [(o.pos + 1, c.pos) for o, c in inner_pairs]
        segs.append(_Seg(u.pos, None, cut, nested, continues=continues))
        while first < len(all_marks) and all_marks[first].pos < cut:
            first += 1
    return segs


# A paragraph longer than this (a page that lost its line breaks, junk) is parsed
# in pieces that end at a sentence end: each unclosed quote re-reads the rest of
# its piece, so bounded pieces keep the scan linear in the paragraph's length.
MAX_REGION = 8000
_PIECE_END_RE = re.compile(r"[.!?\u2026]\s+|\s+")


def _parse_paragraph(
    text: str, lo: int, hi: int, next_opens: str | None, places: list[int] | None = None
) -> list[_Seg]:
    segs: list[_Seg] = []
    while hi - lo > MAX_REGION:
        sentence_end = space = None
        for m in _PIECE_END_RE.finditer(text, lo + MAX_REGION // 2, lo + MAX_REGION):
            if m.group()[0].isspace():
                space = m.end()
            else:
                sentence_end = m.end()
        cut = sentence_end or space or lo + MAX_REGION
        segs.extend(_parse_region(text, lo, cut, None, places))
        lo = cut
    segs.extend(_parse_region(text, lo, hi, next_opens, places))
    return segs


def _family_of(ch: str) -> str | None:
    if ch in _OPENERS:
        return _OPENERS[ch]
    if ch == '"':
        return _DOUBLE
    return None


def _content(body: str, seg: _Seg, hi: int) -> tuple[int, int]:
    start = seg.open + 1
    end = seg.close if seg.close is not None else seg.end
    end = min(end, hi)
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return start, end


# A post signed on the line below it: '— Lena Varga (@lenavarga) May 3, 2024'.
SIGNATURE_LINE_RE = re.compile(
    r"[\u2014\u2013\-]+[^\S\n]*[A-Z][\w.\u2019'\-]*(?:[^\S\n]+[A-Z][\w.\u2019'\-]*){0,4}"
    r"(?P<handle>[^\S\n]*\(@\w+\))?"
    r"(?P<date>,?[^\S\n]+[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2},?[^\S\n]+\d{4})?"
    r"[^\S\n]*$"
)
_DASH_LINE_START_RE = re.compile(r"[\u2014\u2013\-]")
_POST_CHARS = 600  # a post longer than this is no post


def _signed_post(body: str, paras: list[tuple[int, int]], idx: int) -> Quote | None:
    """A paragraph with no quotation marks, signed on the next line after a dash.

    The caller has made sure the paragraph holds no double quotation mark.
    """
    lo, hi = paras[idx]
    if idx + 1 >= len(paras) or hi - lo > _POST_CHARS or body[hi - 1] == ":":
        return None
    if _DASH_LINE_START_RE.match(body, lo):
        return None
    slo, shi = paras[idx + 1]
    sign = SIGNATURE_LINE_RE.match(body, slo, shi)
    if sign is None or not (sign.group("handle") or sign.group("date")):
        return None  # '- Tom Holm' alone may be a list; a handle or a date makes a post
    if idx + 2 < len(paras) and _DASH_LINE_START_RE.match(body, paras[idx + 2][0]):
        return None  # a list of names, not a signature
    return Quote(spans=((lo, hi),), outer=((lo, hi),), marks="", closed=True)


def _dash_dialogue(body: str, lo: int, hi: int) -> list[Quote]:
    """'— We will not move, said the mayor.': each dashed line's words before its cue.

    The caller has made sure the paragraph holds no double quotation mark.
    """
    start = _DASH_START_RE.match(body, lo, hi)
    if start is None:  # the line break before the first dash was lost: '... square. — We ...'
        dashed = body.find("\u2014", lo, hi) >= 0 or body.find("\u2013", lo, hi) >= 0
        nxt = _DASH_NEXT_RE.search(body, lo, hi) if dashed else None  # it needs a dash
        start = _DASH_START_RE.match(body, nxt.end(), hi) if nxt else None
    quotes: list[Quote] = []
    while start is not None:
        dash, s = start.start(), start.end()
        cue_at = None
        for sep in _DASH_SEP_RE.finditer(body, s, min(hi, s + _DASH_SCAN)):
            if _DASH_CUE_RE.match(body, sep.end(), hi):
                cue_at = sep
                break
        if cue_at is None:
            break
        mark = body[cue_at.start()]
        end = cue_at.start() if mark == "," else cue_at.start() + len(cue_at.group().rstrip())
        if end > s:
            quotes.append(
                Quote(spans=((s, end),), outer=((dash, end),), marks=body[dash], closed=True)
            )
        nxt = _DASH_NEXT_RE.search(body, cue_at.end(), hi)
        start = _DASH_START_RE.match(body, nxt.end(), hi) if nxt else None
    return quotes


def _mid_turn_re(body: str, turns: dict[int, tuple[int, int, int]]) -> re.Pattern[str] | None:
    """The interview's labels where a line break was lost: '... no choice. Q: Will it ...'."""
    names = {body[a:b].rstrip(" \t:.") for a, b, _ in turns.values() if b > a}
    if not names:
        return None
    if names & {"Q", "A"}:
        names |= {"Q", "A"}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        r"(?<=[.!?\u2026\"\u201d])[^\S\n]+(?P<label>(?:" + alternation + r"):)[^\S\n]+(?=\S)"
    )


def _split_turns(
    body: str, turn: tuple[int, int, int], hi: int, mid: re.Pattern[str] | None
) -> list[Quote]:
    """One quote per turn of a paragraph, splitting where another label follows a sentence."""
    quotes = []
    label_at, label_end, start = turn
    for m in mid.finditer(body, start, hi) if mid is not None else ():
        quotes.append(_turn(body, (label_at, label_end, start), m.start()))
        label_at, label_end, start = m.start("label"), m.end(), m.end()
    quotes.append(_turn(body, (label_at, label_end, start), hi))
    return [q for q in quotes if q.spans[0][0] < q.spans[0][1]]


def _turn(body: str, label: tuple[int, int, int], hi: int) -> Quote:
    """One interview turn: the paragraph after its label, quotes inside it nested."""
    start = label[2]
    end = hi
    while end > start and body[end - 1].isspace():
        end -= 1
    nested = []
    for seg in _parse_paragraph(body, start, end, None):
        s, e = _content(body, seg, end)
        if s < e:
            nested.append((s, e))
    return Quote(
        spans=((start, end),),
        outer=((start, end),),
        marks="",
        closed=True,
        nested=tuple(nested),
        turn=label[:2],
    )


def find_quotes(body: str, paras: list[tuple[int, int]] | None = None) -> list[Quote]:
    """All top-level quotations of ``body``, in order.

    A quote that runs over paragraphs (opening mark repeated on each, closing
    only at the end) is one Quote with a span per paragraph. ``paras``: the
    body's ``paragraph_bounds`` when the caller has them already.
    """
    paras = paragraph_bounds(body) if paras is None else paras
    places = literal_starts(body, _ALL_MARK_CHARS)  # every quotation character, found once
    quotes: list[Quote] = []
    pending: Quote | None = None  # a multi-paragraph quote waiting for its next part
    turns = _turn_labels(body, paras)
    mid = _mid_turn_re(body, turns)
    for idx, (lo, hi) in enumerate(paras):
        if idx in turns:
            if pending is not None:
                quotes.append(pending)
                pending = None
            quotes.extend(_split_turns(body, turns[idx], hi, mid))
            continue
        next_opens = None
        if idx + 1 < len(paras):
            first = body[paras[idx + 1][0]]
            if first in _OPENERS or first == '"':
                next_opens = first
        segs = _parse_paragraph(body, lo, hi, next_opens, places)
        if not segs and pending is None and not _DOUBLE_MARKS_RE.search(body, lo, hi):
            # no quote, and no double mark either: a post, or lines of dialogue?
            post = _signed_post(body, paras, idx)
            quotes.extend([post] if post else _dash_dialogue(body, lo, hi))
        for seg in segs:
            start, end = _content(body, seg, hi)
            if start >= end:
                continue
            part = Quote(
                spans=((start, end),),
                outer=((seg.open, seg.end),),
                marks=body[seg.open],
                closed=seg.close is not None,
                nested=tuple((s, e) for s, e in seg.nested if s < e),
            )
            if pending is not None and seg.open == lo:
                part = Quote(
                    spans=pending.spans + part.spans,
                    outer=pending.outer + part.outer,
                    marks=pending.marks,
                    closed=part.closed,
                    nested=pending.nested + part.nested,
                )
            elif pending is not None:
                quotes.append(pending)
            pending = None
            if seg.continues:
                pending = part
            else:
                quotes.append(part)
        if pending is not None and not (next_opens and pending.outer[-1][1] == hi):
            quotes.append(pending)
            pending = None
    if pending is not None:
        quotes.append(pending)
    return quotes
