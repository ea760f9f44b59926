"""Who the article talks about: names, titles, later mentions, pronouns.

Wire copy introduces a person once with name and title ("Kremlin spokesman
Dmitry Peskov", "Lena Varga, the interior minister,") and afterwards uses the
surname, a role ("the deputy head of the Security Council") or a pronoun. The
cast is built in reading order so that each later mention can be resolved to
someone already introduced. It reads the narration only: quoted words are
masked out by the caller, so a person named inside a quote never becomes an
antecedent.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from statements.extraction.document import Person
from statements.extraction.lexicon import (
    FEMALE_NAMES,
    FEMALE_TITLES,
    GEO_WORDS,
    GROUP_NOUNS,
    MALE_NAMES,
    MALE_TITLES,
    ORG_WORDS,
    PARTICLES,
    PLACE_OF_HEADS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STOP_CAPS,
    SURNAME_LIKE_ORG_WORDS,
    SURNAME_LIKE_TITLES,
    TIME_FILLERS,
    TITLES,
    VERB_FILLERS,
    alternation,
    word_set,
)
from statements.extraction.names import (
    given_name_gender,
    name_key,
    strip_patronymic,
    surname_keys,
)
from statements.extraction.scanning import finditer_at, literal_starts, matches_from

_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
_UP = "[" + re.escape(_UPPER) + "]"
_TOKEN_TAIL = r"(?:\.(?:" + _UP + r"\.)+|[\w\u2019'\-]*\w|\.?)"
_TOKEN = _UP + _TOKEN_TAIL  # "A.B.", "Jomart-Tokayev", "R."
_PARTICLE = r"(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")"
# Patterns open with a character class and check the word boundary after it:
# the regex engine then skips ahead to candidate letters (3-4x faster scans).
_RUN_RE = re.compile(
    _UP
    + r"(?<![\w\u2019'\-].)"
    + _TOKEN_TAIL
    + r"(?:(?:[^\S\n]+"  # a name never runs over a line break: 'Ada Frey\nMayor of Dorn'
    + _PARTICLE
    + r")*[^\S\n]+"
    + _TOKEN
    + r")*"
)
_TOKEN_RE = re.compile(_TOKEN + r"|" + _PARTICLE + r"(?=\s)")
_PRONOUN_RE = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])(?:e|im|er)|(?<=[Ss])he)\b")
_WORD_RE = re.compile(r"[\w\u2019'\-\.]+")
_POSSESSIVE_RE = re.compile(r"(?:\u2019|')s?$")
_ROLE_NOUN_ALT = alternation(sorted(ROLE_NOUNS, key=len, reverse=True))
# Official readouts capitalize the office: "the Prime Minister said", "The Head of State noted".
# Both spellings as literals: an alternation of plain words stays fast to match.
_ROLE_NOUN_CAP_ALT = alternation(
    [*sorted(ROLE_NOUNS, key=len, reverse=True)]
    + [w[0].upper() + w[1:] for w in sorted(ROLE_NOUNS, key=len, reverse=True)]
)
_ROLE_NP_RE = re.compile(
    r"[Tt](?<!\w[Tt])he\s+((?:[\w\u2019'\-]+\s+){0,4}?(?:" + _ROLE_NOUN_CAP_ALT + r")"
    r"(?:[\s\-]+(?:" + _ROLE_NOUN_CAP_ALT + r"))*"
    r"(?:\s+of\s+state\b)?"  # 'the head of state', in lower case too
    r"(?:\s+(?:of|for|to|at|in)\s+(?:the\s+)?" + _UP + r"[\w\u2019'\-]*"
    r"(?:\s+(?:of\s+the\s+|of\s+|the\s+|and\s+)?" + _UP + r"[\w\u2019'\-]*)*)?)\b"
)
# "the head of the ministry": a lower-case organisation after a role names its office.
_ORG_TAIL_RE = re.compile(
    r"\s+of\s+(?:the|this|that|its)\s+("
    + alternation(sorted(ORG_WORDS, key=len, reverse=True))
    + r")\b"
)
# "the 21-year-old engineering student told the BBC": an age stands for someone just named.
_AGED_RE = re.compile(
    r"[Tt](?<!\w[Tt])he\s+\d{1,3}-year-old((?:\s+[a-z][\w\-]*){0,3}?)(?=,?\s+(?:"
    + alternation(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b)"
)
# "his predecessor, Nursultan ...": a former holder of someone's office.
_PREDECESSOR_RE = re.compile(r"\bpredecessors?,?\s+$")
_FORMER_PENALTY = 0.5
_FORMER_RE = re.compile(r"\b(?:former|ex-|predecessor)", re.IGNORECASE)
_APPOSITION_RE = re.compile(
    r",\s+((?:the|a|an|who\s+is\s+the|who\s+is\s+a|now|then|former)\s+[^,.;:\x00]{2,90}?"
    r"|(?:" + _UP + r"[\w\-]*(?:\u2019|')s\s+)[^,.;:\x00]{2,80}?)(?=\s*[,.;:]|\s*$)"
)
_VERB_AFTER_RE = re.compile(
    r"(?:\s*,\s*\d{1,3}(?=,))?(?:\s*,[^,.;:\x00]{1,90},|\s+\([A-Z][\w.\-, ]{0,20}\))?(?:,(?=\s+(?:"
    + TIME_FILLERS
    + r")))?\s+(?:(?:"
    + VERB_FILLERS
    + r"|"
    + TIME_FILLERS
    + r")\s+)*"
    r"(?:not\s+)?([a-z]+)\b"
)
# A resident's age right after a lone first name: "Askar, 40, was more hopeful"
# '..., said Holm' / '\u2014 argued Holm': a speech verb after a comma or dash before the name.
_CUE_BEFORE_RE = re.compile(r"([,\x00\u2014]\s*)([a-z]+)$")
_POSSESSIVE_AFTER_RE = re.compile(r"\s*(?:'s|\u2019s)")
_AGE_AFTER_RE = re.compile(r",\s*\d{1,2},\s+(?:a|an|the|who|was|is|said|says|told)\b")
_PREPOSITIONS = word_set(
    "with to of for by from about against at on in into than like between among toward "
    "towards under over via per among"
)
_SYNONYMS = {
    "chairman": "head",
    "chairwoman": "head",
    "chair": "head",
    "chairperson": "head",
    "chief": "head",
    "leader": "head",
    "vice": "deputy",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "presidential": "president",
    "ministry": "minister",
    "service": "council",
    "russian": "russia",
    "federation": "russia",
    # abbreviated titles: 'Sen. Ada Frey', later 'the senator'
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "adm": "admiral",
    "sgt": "sergeant",
    "cmdr": "commander",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "prof": "professor",
    "congressman": "representative",
    "congresswoman": "representative",
}
_COMPANY_MIN = 8  # Vargas and Borgas are surnames, Naftogas and Kaztransgas companies
_COMPANY_ENDINGS = ("gas", "neft", "prom", "atom", "bank", "energo", "telecom", "trans", "oil")
# Capitalized subjects of "said" that are never one person's surname.
_NOT_SURNAMES = (
    GROUP_NOUNS
    | ROLE_NOUNS
    | TITLES
    | word_set("""
    everyone everybody nobody somebody someone anyone witnesses medics rescuers villagers locals
    eyewitnesses organisers spokespeople reports polls surveys data figures statistics
    observers campaigners workers miners unions students teachers parents families relatives
    neighbours neighbors survivors victims lawyers prosecutors investigators judges
    """)
)
_ROLE_STOP = word_set("the of for a an to at in and former then current now")

# A lead's unnamed speaker: 'A member of the Senate committee on Wednesday criticized
# ...', 'A senior Tajik security official said'. Only at a sentence's (or dateline's)
# start, and only as the subject of a speech verb.
_DESCRIBED = r"[^\S\n]*(An?)\s+((?:[\w\u2019'\-]+\s+){0,4}?(?:" + _ROLE_NOUN_ALT + r"))\b"
_DESCRIBED_RE = re.compile(r"[.\n)\-\u2014\u2013/:]" + _DESCRIBED)
_DESCRIBED_START_RE = re.compile(_DESCRIBED)


def _described_starts(nar: str) -> list[int]:
    """Where _DESCRIBED_RE can match: at the mark before a capital A with nothing but
    spaces between (the pattern's scan would try every mark of the text)."""
    starts = []
    for at in literal_starts(nar, ("A",)):
        while at > 0 and nar[at - 1] != "\n" and nar[at - 1].isspace():
            at -= 1
        if at > 0:
            starts.append(at - 1)
    return starts


_DESCRIBED_TAIL_RE = re.compile(
    r"((?:\s+(?:of|in|at|on|for|from|with|detained|arrested|based|elected|appointed)"
    r"\s+[^,.;:\x00\n]{1,90}?)?)"
    r"(?:,?\s+(?:"
    + VERB_FILLERS
    + r"|"
    + TIME_FILLERS
    + r"))*\s+(?:"
    + alternation(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)
_DESCRIBED_SYNONYMS = {
    "senator": "senate",
    "senators": "senate",
    "lawmaker": "parliament",
    "legislator": "parliament",
    "mp": "parliament",
    "parliamentary": "parliament",
    "diplomatic": "diplomat",
    "ministry": "minister",
}
# Words of a description too common to tie it to a person ("a senior official").
_DESCRIBED_GENERIC = word_set("""
    senior top high high-ranking ranking member members official officials representative
    first deputy head state national government source close former current country
    local regional one some another well-known leading prominent
    """)
_ANONYMOUS_RE = re.compile(
    r"anonymity|not (?:authori[sz]ed|allowed) to|declined to be (?:named|identified)|"
    r"asked not to be (?:named|identified)|on condition"
)
# Words each of those phrases holds: a text with none of them is not scanned.
_ANONYMOUS_NEEDS = (
    "anonymity",
    "not authori",
    "not allowed",
    "declined to be",
    "asked not",
    "on condition",
)


def _described_tokens(text: str) -> set[str]:
    low = re.sub(r"\bupper\s+(?:house|chamber)\b", "senate", text.lower())
    low = re.sub(r"\blower\s+(?:house|chamber)\b", "parliament", low)
    out = set()
    for w in re.findall(r"[a-z][a-z\-]+", low):
        w = _DESCRIBED_SYNONYMS.get(w, w)
        if w in _ROLE_STOP or w in _DESCRIBED_GENERIC or w in GEO_WORDS or len(w) < 3:
            continue
        if w[:5] in _GEO_STEMS:
            continue  # nationality alone ties no one: "a Kazakh official"
        out.add(w)
    return out


_GEO_STEMS = frozenset(w[:5] for w in GEO_WORDS if len(w) > 5)


@dataclass
class Entity:
    """A person of the article, growing as mentions add detail."""

    name: str
    keys: set[str]
    surnames: set[str]
    first_key: str
    role: str | None = None
    gender: str | None = None
    mentions: int = 0
    bare: bool = False  # known only by a surname the article never introduced
    first_pos: int = 0  # where the article first names them
    roles: list[str] = field(default_factory=list)  # every title/apposition seen

    def person(self) -> Person:
        return Person(name=self.name, role=self.role, gender=self.gender)

    def add_roles(self, *roles: str | None) -> None:
        """Record titles once each: a person named a thousand times keeps a short list."""
        for r in roles:
            if r and r not in self.roles:
                self.roles.append(r)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str  # "name", "pronoun", "role"
    entity: int | None = None
    possessive: bool = False
    subject: bool = True
    detail: str = ""  # for evidence: the antecedent or the role matched
    forward: bool = False  # a role resolved to someone the article names only later
    described: bool = False  # 'A member of the Senate ... said': an unnamed description


@dataclass
class Cast:
    """People of one article and every mention that refers to them."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def mention_at(self, pos: int, text: str) -> Mention | None:
        """The mention beginning at ``pos`` (after spaces), if any."""
        while pos < len(text) and text[pos] == " ":
            pos += 1
        i = bisect.bisect_left(self._starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            return self.mentions[i]
        return None

    def mentions_between(self, lo: int, hi: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, lo)
        j = bisect.bisect_left(self._starts, hi)
        return self.mentions[i:j]

    def iter_mentions(self, lo: int, hi: int) -> Iterator[Mention]:
        """The mentions in [lo, hi), without copying them out."""
        i = bisect.bisect_left(self._starts, lo)
        while i < len(self.mentions) and self.mentions[i].start < hi:
            yield self.mentions[i]
            i += 1

    def person(self, idx: int) -> Person:
        return self.entities[idx].person()

    def person_named(self, name: str) -> int:
        """The person of this full name (the byline's author), added when not named yet."""
        key = name_key(name)
        for idx, e in enumerate(self.entities):
            if key in e.keys:
                return idx
        toks = name.split()
        self.entities.append(
            Entity(
                name=name,
                keys={key},
                surnames=surname_keys(name),
                first_key=name_key(toks[0]) if len(toks) > 1 else "",
            )
        )
        return len(self.entities) - 1


def _gender_of(first: str, titles: list[str], surname_token: str) -> str | None:
    for t in titles:
        if t in MALE_TITLES:
            return "m"
        if t in FEMALE_TITLES:
            return "f"
    f = first.lower()
    if f in MALE_NAMES:
        return "m"
    if f in FEMALE_NAMES:
        return "f"
    guess = given_name_gender(first) if first else None
    if guess in ("m", "f"):
        return guess
    if len(f) > 2 and f.endswith("a") and not f.endswith(("ya", "sha", "ka")):
        return "f"  # Elsa, Olena, Dina: most given names in -a are women's
    s = surname_token.lower()
    if s.endswith(("ova", "eva", "ina", "skaya", "aya", "yna")):
        return "f"
    if s.endswith(("ov", "ev", "in", "sky", "skiy", "enko")) and not f.endswith("a"):
        return "m"
    return None


_FUNCTION_BEFORE_RE = re.compile(
    r"(?:\b(?:at|of|from|in|on|by|the|a|an|to|for|into|near|via|with|against|its|their|our|"
    r"The|A|An|Its|Their|Our)"
    r"(?:\s+[a-z][\w\-]*){0,2}|[A-Z][\w\-]*\s+[A-Z][\w\-]*\s+(?:of|at|for)(?:\s+the)?)\s+$"
)


def _after_function_word(nar: str, start: int) -> bool:
    """A capitalized pair after "at", "the opposition" ... names a place or a body."""
    before = nar[max(0, start - 40) : start]
    if before.endswith(("according to ", "According to ")):
        return False
    return bool(_FUNCTION_BEFORE_RE.search(before))


_CLAUSE_OPENERS = word_set(
    "and but while when as because after before since although though if where whereas according"
)


_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|The)\s+$")
_FINITE_RE = re.compile(
    r"\s+(?:had|has|have|was|were|is|are|would|will|could|did|does|should|might|may|must|can|"
    r"[a-z]+ed)\b"
)


_ROLE_MODIFIER = (
    r"(?:former|acting|then|current|new|outgoing|incoming|opposition|ruling|top|senior|"
    r"[a-z]+(?:ary|al|ian|ese|ish|ive|ic|ent|ant|ern|ist))"
)
_ROLE_MODIFIERS_RE = re.compile(r"(?:\s+" + _ROLE_MODIFIER + r")*$")
_ROLE_MODIFIER_RE = re.compile(_ROLE_MODIFIER)


def _modifiers_start(text: str) -> int:
    """Where the lower-case modifiers ending ``text`` begin ("... parliamentary", "former").

    What ``_ROLE_MODIFIERS_RE.search(text).start()`` gives for a text without trailing
    space, read backwards a word at a time instead of trying the pattern at every position.
    """
    end = len(text)
    while True:
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start == 0 or not _ROLE_MODIFIER_RE.fullmatch(text, start, end):
            return end
        while start > 0 and text[start - 1].isspace():
            start -= 1
        end = start


def _subject_position(nar: str, start: int, end: int) -> bool:
    """A name after a lower-case content word ("met Arvid Holm") is an object."""
    before = nar[max(0, start - 60) : max(0, start)].rstrip()
    if not before or not before[-1].isalpha():
        return True
    word = before.split()[-1]
    rest = before
    for _ in range(4):  # 'after union chair Rosa Ferrant': look past the whole lower-case title
        if word not in ROLE_NOUNS and word not in ORG_WORDS:
            break
        rest = rest[: -len(word)].rstrip()
        word = rest.split()[-1] if rest.split() else ""
    rest = rest[: _modifiers_start(rest)].rstrip()
    if rest != before:
        # "Moldova's parliamentary speaker Ion Dragan said": look past the lower-case title
        if not rest or not rest[-1].isalpha():
            return True
        word = rest.split()[-1]
        before = rest
    prev = word.lower()
    if prev in _PREPOSITIONS:
        return False
    if prev in SPEECH_VERBS or prev == "that":
        # "said the mayor had ..." starts reported speech; "..., said Holm" is the speaker
        rest = before[: -len(prev)].rstrip()
        if prev == "that" or _FINITE_RE.match(nar, end):
            return False  # "said the mayor had ignored ..."
        return not rest or rest[-1] in ",\x00"
    return not word.islower() or prev in _CLAUSE_OPENERS


@lru_cache(maxsize=8192)
def _token_class(tok: str) -> str:
    bare = tok.rstrip(".").lower()
    low = tok.lower()
    if _POSSESSIVE_RE.search(tok) and len(tok) > 2:
        return "poss"
    if low in TITLES or bare in TITLES:
        return "title"
    if "-" in bare and all(part in TITLES for part in bare.split("-")):
        return "title"  # hyphenated ranks: Colonel-General, Vice-Admiral
    if bare in STOP_CAPS:
        return "stop"
    if len(bare) > 6 and bare.endswith(_ADVERB_ENDINGS):
        return "stop"  # "Interestingly Blocher said": a sentence adverb, not a given name
    if bare in ORG_WORDS:
        return "org"
    if bare in GEO_WORDS:
        return "geo"
    letters = [c for c in tok if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "acro"
    if bare in PARTICLES:
        return "particle"
    if (
        re.search(r"(?:ian|ese|ish|stani)$", bare)
        and len(bare) > 5
        and bare not in MALE_NAMES
        and bare not in FEMALE_NAMES
    ):
        return "adj"  # nationalities: Norlandian, Kazakhstani (not Adrian, not Dravic)
    if len(bare) > 6 and bare.endswith(_ABSTRACT_ENDINGS):
        return "org"  # "Minister of Enlightenment Aidana ...": a portfolio, not a given name
    return "name"


_HONORIFIC_WORDS = word_set("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame mme mme.")
_APPOSITION_HEAD_RE = re.compile(r"\b(?:for|to|of|at|with|in|on|under|and)\b")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.){1,3}")


def _initials_as_names(toks: list[str], classes: list[str]) -> None:
    """'J.J. Holm', 'Dana A. Frey': initials before a surname belong to the name.

    An initial reads as a stop word ('A.', 'I.') or an acronym ('J.J.') on its
    own. Country initials ('U.S. Treasury') stay out, and a lone middle initial
    counts only after a known given name ('in Plan A. Holm said' is no name).
    """
    for k in range(len(toks) - 1):
        tok = toks[k]
        if classes[k] not in ("stop", "acro") or classes[k + 1] != "name":
            continue
        if not _INITIALS_RE.fullmatch(tok) or tok.replace(".", "").lower() in GEO_WORDS:
            continue
        if k > 0 and classes[k - 1] == "name" and given_name_gender(toks[k - 1]) is None:
            continue
        classes[k] = "name"


_ORG_OF_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+)\s+(?:of|for)\s+(?:the\s+)?$")


def _surely_given_name(word: str) -> bool:
    """A given name of a known sex: 'Steve', not 'Jordan' or 'Georgia' that may be places."""
    low = word.lower()
    return (
        low in MALE_NAMES or low in FEMALE_NAMES or given_name_gender(word) in ("m", "f")
    ) and low not in GEO_WORDS


def _known_given_name(word: str) -> bool:
    low = word.lower()
    return low in MALE_NAMES or low in FEMALE_NAMES or given_name_gender(word) is not None


_DETERMINER_END_RE = re.compile(r"(?:^|\W)(?:the|a|an|this|that|its|our|their|his|her)\s+$", re.I)


def _words_as_surnames(toks: list[str], classes: list[str], determiner_before: bool | None) -> bool:
    """'Finance Minister Lars Bank', 'Representative Peter T. King': org and title words as surnames.

    Only the last word. A title word needs a known given name (and initials)
    before it; an organisation word a name before it, and whether that names
    a person is decided when the name is read (a known given name or a
    title). Alone ('Bank said', 'Bishop said') either is a candidate that
    only a person already known can take, never after a determiner ('the
    Bank said'): ``determiner_before`` tells, and when it is None (not looked
    at) such a lone word is left as it is and False returned.
    """
    k = len(toks) - 1
    word = toks[k].lower()
    if classes[k] == "org" and word in SURNAME_LIKE_ORG_WORDS:
        before_ok = k > 0 and classes[k - 1] == "name"
    elif classes[k] == "title" and word in SURNAME_LIKE_TITLES:
        j = k - 1
        while j > 0 and classes[j] == "name" and _INITIALS_RE.fullmatch(toks[j]):
            j -= 1  # middle initials
        before_ok = k > 0 and classes[j] == "name" and _known_given_name(toks[j])
    elif classes[k] == "geo" and k > 0 and classes[k - 1] == "name":
        before_ok = _surely_given_name(toks[k - 1])  # 'Steve Israel', 'Denzel Washington'
        if not before_ok:
            return True
    else:
        return True
    if k == 0:
        if determiner_before is None:
            return False
        before_ok = not determiner_before
    if before_ok:
        classes[k] = "name"
    return True


# A run of capitalized words, read as a name: (start, end) within the run, name words,
# title words before them, possessive. Or None: no name in it.
RunName = tuple[int, int, tuple[str, ...], tuple[str, ...], bool]
# What _run_name says when a lone word needs the text before it (a determiner?).
_ASK_BEFORE = (-1, -1, (), (), False)


@lru_cache(maxsize=16384)
def _run_name(run: str, determiner_before: bool | None = None) -> RunName | None:
    """The name a run of capitalized words ends in, and the title words before it.

    A run's reading depends on its words only (save a lone word, see
    ``_words_as_surnames``), and the same runs come back in article after
    article ("Foreign Minister Arvid Holm", "Officials"): each is read once.
    """
    toks = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(run)]
    if not toks:
        return None
    classes = [_token_class(t) for _, t in toks]
    # the name is the last stretch of name-like tokens; a possessive may end it
    end_i = len(toks)
    possessive = False
    if classes[-1] == "poss":
        bare = _POSSESSIVE_RE.sub("", toks[-1][1])
        if bare and _token_class(bare) in ("name", "adj"):
            classes[-1] = _token_class(bare)
            possessive = True
    if classes[-1] == "adj" and (len(classes) == 1 or classes[-2] == "name"):
        classes[-1] = "name"  # a surname in -ian after a given name: Ani Gasparian
    if "stop" in classes or "acro" in classes:
        _initials_as_names([t for _, t in toks], classes)
    if classes[-1] in ("org", "title", "geo") and not _words_as_surnames(
        [t for _, t in toks], classes, determiner_before
    ):
        return _ASK_BEFORE
    i = end_i - 1
    while i >= 0 and classes[i] in ("name", "particle"):
        i -= 1
    name_toks = toks[i + 1 : end_i]
    while (
        name_toks
        and _token_class(name_toks[0][1]) == "particle"
        and not (len(name_toks) > 1 and given_name_gender(name_toks[0][1]) in ("m", "f"))
    ):
        name_toks = name_toks[1:]  # "de Gaulle", but "Al Brennan" keeps his given name
    # "Deputy of the Jogorku Kenesh Aijan Mamatkulovna Sydykbekova": a middle
    # patronymic marks the given name just before it, whatever precedes.
    for k in range(2, len(name_toks) - 1):
        if name_toks[k][1].lower().endswith(_PATRONYMIC_ENDINGS):
            i += k - 1
            name_toks = name_toks[k - 1 :]
            break
    if not name_toks or len(name_toks) > 5:
        return None
    start = name_toks[0][0]
    last_pos, last_tok = name_toks[-1]
    end = last_pos + len(last_tok)
    words = [t for _, t in name_toks]
    if possessive:
        words[-1] = _POSSESSIVE_RE.sub("", words[-1])
        end = last_pos + len(words[-1])
    titles = tuple(t.lower() for _, t in toks[: i + 1])
    return start, end, tuple(words), titles, possessive


_ADVERB_ENDINGS = ("ingly", "ously", "edly", "ently", "antly", "ively", "fully", "ically", "lessly")
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna")
_ABSTRACT_ENDINGS = ("ment", "tion", "sion", "ness", "ology", "ities", "ism")


_COMPOUND_RE = re.compile(r"(?:[a-z]+-)+[a-z]+|[a-z]+-based")  # "state-run", "Moscow-based"
_PREV_WORD_RE = re.compile(r"([\w\u2019'\-\.]+)\s+$")


# Small words inside a title: "Ambassador to Russia", "Minister of Culture and Sport".
_ROLE_LINKS = ("of", "the", "for", "and", "to")
# Roles held on someone else's behalf: "spokesman for President X" titles X, not the spokesman.
_SERVING = word_set(
    "spokesman spokeswoman spokesperson aide adviser advisor assistant representative lawyer"
)


@lru_cache(maxsize=16384)
def _name_keys(words: tuple[str, ...]) -> tuple[str, str, tuple[str, ...], str, str]:
    """The keys a name is looked up by: whole, without patronymic, surname (and its
    last hyphenated part), last two words, given name. Names repeat: made once each."""
    joined = " ".join(words)
    return (
        name_key(joined),
        name_key(strip_patronymic(joined)),
        tuple({name_key(words[-1]), name_key(words[-1].split("-")[-1])}),
        name_key(" ".join(words[-2:])),
        name_key(words[0]),
    )


@lru_cache(maxsize=16384)
def _surname_like(word: str) -> bool:
    """Whether a lone capitalized word may be a surname, by the word alone (not a title,
    a group, a country or a company): the questions about it that need no text."""
    low = word.lower()
    if _token_class(word) != "name" or low in _NOT_SURNAMES or len(low) < 3:
        return False
    if low.endswith(("stan", "land", "ia")) and not low.endswith(("cia", "eland")):
        return False  # Norland, Ostria, Tarvia: countries the word lists do not know
    # Kaztransgas, Rosneft, Samruk-Energo: companies
    return not (low.endswith(_COMPANY_ENDINGS) and len(low) >= _COMPANY_MIN)


@lru_cache(maxsize=16384)
def _lone_keys(word: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """What a one-word name is looked up by (see ``_match_entity``): as a whole name,
    as a surname, as a given name."""
    key, full_key, last_parts, last_two, first = _name_keys((word,))
    return (key, full_key), (*last_parts, last_two, key), first


_WORD_CHARS_RE = re.compile(r"[\w\u2019'\-\.]+")


def _prev_word(nar: str, start: int) -> str | None:
    """The word before ``start`` with only white space between, within 40 characters.

    What ``_PREV_WORD_RE.search(nar, start - 40, start)`` finds, read backwards:
    that pattern tries every position of the window, and this runs once per name.
    """
    before = nar[max(0, start - 40) : start]
    stripped = before.rstrip()  # the same white space as the pattern's \s
    if not stripped or len(stripped) == len(before):
        return None
    run = _WORD_CHARS_RE.match(stripped[::-1])
    return stripped[len(stripped) - run.end() :] if run else None


def _title_words(nar: str, start: int, reach: int) -> tuple[list[tuple[int, str]], int]:
    """The words right before ``start`` that may belong to a title, in order, read back
    within ``reach`` characters; and which word of that stretch stopped the reading
    (0 the first, -1 none: the stretch ran out)."""
    lo = max(0, start - reach)
    words = [(m.start() + lo, m.group()) for m in _WORD_RE.finditer(nar[lo:start])]
    taken: list[tuple[int, str]] = []
    pos = start
    for k in range(len(words) - 1, -1, -1):
        wpos, w = words[k]
        gap = nar[wpos + len(w) : pos]
        if gap.strip():
            break  # punctuation or a masked quote between the words
        if w.endswith(".") and not re.fullmatch(r"(?:\w\.)+|[A-Z][a-z]{0,3}\.", w):
            break  # sentence end
        low = w.lower().rstrip(".")
        if w[0].isupper():
            if low in STOP_CAPS and low not in TITLES:
                break
        elif (
            low not in ROLE_NOUNS
            and low not in TITLES
            and low not in _ROLE_LINKS
            and not _COMPOUND_RE.fullmatch(low)
        ):
            break
        taken.append((wpos, w))
        pos = wpos
    else:
        k = -1
    taken.reverse()
    return taken, k


def _title_words_before(nar: str, start: int) -> list[tuple[int, str]]:
    """``_title_words(nar, start, 160)``: a title's words are read back from the name in
    the words of the 160 characters before it. Most titles stop within the last 48,
    whose words are fewer to make; only the first of those may be cut short by the
    nearer limit, so when the reading got to it, it is done again in the 160."""
    taken, stopped_at = _title_words(nar, start, 48)
    if stopped_at <= 0 and start > 48:
        taken, _ = _title_words(nar, start, 160)
    return taken


def _role_before(nar: str, start: int) -> tuple[str | None, list[str]]:
    """The title standing right before a name ("Deputy Chairman of the ... Council")."""
    p = _prev_word(nar, start)
    if p is None:
        return None, []
    if not p[0].isupper() and p.lower() not in ROLE_NOUNS and p.lower() not in TITLES:
        return None, []  # "said Lena Varga", "met Arvid Holm": nothing to take
    taken = _title_words_before(nar, start)
    for k in range(len(taken) - 1, 0, -1):
        if taken[k][1].lower() in ("for", "to", "of") and taken[k - 1][1].lower() in _SERVING:
            taken = taken[k + 1 :]  # "spokesman for President X": X is the president
            break
    while taken and taken[0][1].lower() in _ROLE_LINKS:
        taken.pop(0)
    while taken and taken[-1][1].lower() in _ROLE_LINKS:
        taken.pop()
    lows = [w.lower().rstrip(".") for _, w in taken]
    if not any(w in TITLES or w in ROLE_NOUNS for w in lows):
        return None, lows
    honorifics = {"mr", "mrs", "ms", "miss", "mme", "dr", "sir", "dame", "lady", "lord"}
    role_words = [w for _, w in taken if w.lower().rstrip(".") not in honorifics]
    role = " ".join(role_words).strip()
    return (role or None), lows


_FRONTED_RE = re.compile(
    r"(?:^|[\s\x00])(?:the|its|his|her|their|[A-Z][\w\-]*(?:\u2019|')s)\s+"
    r"((?:[\w\-]+\s+){0,3}?(?:"
    + alternation(sorted(ROLE_NOUNS, key=len, reverse=True), ignore_case=True)
    + r"))"
    r"(?:\s+(?:of|for|at)\s+[^,;:\x00]{2,60}?)?,\s+$",
    re.IGNORECASE,
)


def _fronted_role(nar: str, start: int) -> str | None:
    """A role in apposition before the name: "The ministry's spokeswoman, Irina Bolt"."""
    m = _FRONTED_RE.search(nar[max(0, start - 120) : start])
    if not m:
        return None
    role = m.group(0).strip(" ,\x00\n")
    return re.sub(r"^(?:the|its|his|her|their)\s+", "", role, flags=re.IGNORECASE) or None


@lru_cache(maxsize=4096)
def _role_tokens(role: str) -> tuple[str, ...]:
    toks = []
    for w in re.findall(r"[\w\-]+", role.lower()):
        if w in _ROLE_STOP:
            continue
        w = _SYNONYMS.get(w, w)
        if len(w) > 5 and w.endswith(("stan", "stani", "ian", "ish", "ese")):
            w = w[:5]
        toks.append(w)
    return tuple(toks)


_DIPLOMATIC = word_set("foreign ambassador envoy consul diplomat")
_HEADS = word_set(
    "head deputy spokesman minister president secretary director governor mayor ambassador "
    "envoy adviser aide official chancellor premier general commander king queen prince "
    "speaker judge prosecutor senator lawyer critic activist diplomat"
)


def _demonym(word: str) -> bool:
    """'Kazakh', 'Ostrian': a nationality adjective."""
    return word[:1].isupper() and (word.lower() in GEO_WORDS or _token_class(word) == "adj")


_HEAD_OF_STATE = {("president",), ("head", "state")}

# Professions a story uses for someone it introduced by an office or affiliation.
_PROFESSIONS = word_set(
    "doctor physician analyst expert economist professor researcher scientist scholar "
    "historian sociologist academic lawyer attorney activist blogger"
)


_SERVING_OF_RE = re.compile(r"(.*?\b(?:" + "|".join(_SERVING) + r"))\s+(?:for|to|of)\s", re.I)


def own_role(phrase: str) -> str:
    """'spokesman for President X' -> 'spokesman': the part of a role phrase that is the holder's."""
    serving = _SERVING_OF_RE.match(phrase)
    return serving.group(1) if serving else phrase


@lru_cache(maxsize=16384)
def role_score(mention_role: str, entity_role: str) -> float:
    """How well a later role phrase ("the deputy head of ...") fits a person's title."""
    a = _role_tokens(own_role(mention_role))
    b = set(_role_tokens(entity_role))
    if not a or not b:
        return 0.0
    if a in _HEAD_OF_STATE and (
        ("head" in b and "state" in b) or ("president" in b and "deputy" not in b)
    ):
        return 1.5 if set(a) == b else 1.0  # "the President" for the Head of State
    head = next((w for w in reversed(a) if w in _HEADS), a[-1])
    if head not in b:
        if head == "head" and "president" in b and len(a) <= 2:
            first = own_role(mention_role).split()[0]
            if b == {"president"} and len(a) == 2 and _demonym(first):
                return 0.75  # "the Kazakh leader" for a plain "President X"
            # "the Kremlin leader" for a president
        elif head in ("diplomat", "envoy") and b & _DIPLOMATIC and len(a) <= 2:
            return 1.0  # TASS's "the diplomat" for a foreign ministry spokeswoman or an envoy
        else:
            return 0.0
    score = sum(1.0 for w in a if w in b) / len(a) + 0.5
    if "prime" in b and "prime" not in a:
        score -= 0.25  # "the minister" is seldom the prime minister when another minister is near
    return score


_CAPITALIZED_RE = re.compile(_UP + r"[\w\-]+")
_AFTER_PLACE_RE = re.compile(
    r"\b(?:in|at|into|across|near|the|The|In|At"
    r"|(?:" + "|".join(sorted(w.capitalize() for w in PLACE_OF_HEADS)) + r")\s+of(?:\s+the)?)\s+"
)
_AFTER_PLACE_WORD_RE = re.compile(_AFTER_PLACE_RE.pattern + r"(?=(\S+))")
# Below this length a text is searched once per candidate word; above, indexed once.
_SHORT_TEXT = 20_000


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# A place word ending right where the text ends (search with ``endpos``).
_AFTER_PLACE_END_RE = re.compile(r"(?:" + _AFTER_PLACE_RE.pattern + r")\Z")


def _after_place_word(nar: str, word: str) -> bool:
    """Whether ``word`` (a whole word) stands somewhere right after 'in', 'the', 'Bank of' ...

    The same answer as searching ``nar`` for the place words followed by ``word``,
    without a pattern compiled for every word (which costs more than the search):
    each use of the word is checked for a place word ending just before it.
    """
    end_is_word = _is_word_char(word[-1])
    at = nar.find(word)
    while at >= 0:
        after = at + len(word)
        whole = end_is_word != (after < len(nar) and _is_word_char(nar[after]))
        if whole and _AFTER_PLACE_END_RE.search(nar, _words_back(nar, at, 3), at):
            return True
        at = nar.find(word, at + 1)
    return False


def _words_back(text: str, pos: int, count: int) -> int:
    """Where the ``count`` words (runs of non-space) before ``pos`` start; the place
    words before a name ('in', 'Republic of the') are at most three."""
    for _ in range(count):
        k = pos
        while k > 0 and text[k - 1].isspace():
            k -= 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        pos = k
    return pos


_PARENTHETICAL_CUE_RE = re.compile(
    r"\s+(?:also\s+)?(?:said|says|added|noted|argued|insisted|believes|thinks|recalled)\s*,"
)
# How many people introduced after a title are tried as the one it names.
_FORWARD_WINDOW = 40
# How many of the latest mentions break a tie between people holding the same title.
_RECENT = 400


class CastBuilder:
    """Reads the narration once and records people and mentions in order."""

    def __init__(self, nar: str, sentence_starts: list[int], title: str = ""):
        self._pos = 0  # start of the mention being read
        self.nar = nar
        self.title = title
        self.sentence_starts = sentence_starts
        self.cast = Cast()
        self.has_anonymous = (
            any(literal in nar for literal in _ANONYMOUS_NEEDS)
            and _ANONYMOUS_RE.search(nar) is not None
        )
        self._by_key: dict[str, int] = {}  # name key -> first entity with it
        self._by_surname: dict[str, set[int]] = {}
        self._by_first: dict[str, set[int]] = {}  # given name key -> entities
        self._last_subject: dict[int, int] = {}  # entity -> where last named as a subject
        self._after_place_words: set[str] | None = None
        self._place_like: dict[str, bool] = {}
        self._capitalized: set[str] | None = None
        self._first_pos: list[int] = []

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    # -- names -----------------------------------------------------------------

    def _name_mentions(self) -> list[tuple[int, int, list[str], list[str], bool]]:
        """Candidate name spans: (start, end, name tokens, title words before, possessive)."""
        out = []
        nar = self.nar
        for run in _RUN_RE.finditer(nar):
            found = _run_name(run.group())
            at = run.start()
            if found is _ASK_BEFORE:
                determiner = _DETERMINER_END_RE.search(nar, max(0, at - 8), at) is not None
                found = _run_name(run.group(), determiner)
            if found is not None:
                start, end, words, titles, possessive = found
                out.append((start + at, end + at, list(words), list(titles), possessive))
        return out

    def _bare_speaker(self, start: int, end: int, word: str, verb_follows: bool) -> bool:
        """A lone capitalized word that speaks ("Holm said", "said Holm") and is no place or body."""
        nar = self.nar
        if not _surname_like(word):
            return False
        # Every question below must be yes; the cheap ones about the words around go first.
        if verb_follows:
            verb = _VERB_AFTER_RE.match(nar, end)
            if verb is None or verb.group(1).endswith("ing"):
                return False  # "the town of Velsk, saying ..."
        else:
            before = nar[max(0, start - 40) : start].rstrip()
            verb = _CUE_BEFORE_RE.search(before)
            if not verb or verb.group(2) not in SPEECH_VERBS:
                return False
            if _POSSESSIVE_AFTER_RE.match(nar[end : end + 3]):
                return False
        if self._demonym_of_a_place_here(word):
            return False  # "Velmoran demands" in an article about Velmora
        # "in Ostria", "the Velsk plant" elsewhere: a place or an organisation
        if len(nar) < _SHORT_TEXT:  # a look at each use costs less than indexing a short text
            if word not in self._place_like:
                self._place_like[word] = _after_place_word(nar, word)
            return not self._place_like[word]
        return word not in self._words_after_place()

    def _role_apposition(self, end: int) -> bool:
        """'Ola Bank, the finance minister,': a role in apposition after the name."""
        if self.nar[end : end + 1] != ",":
            return False
        apposition = _APPOSITION_RE.match(self.nar, end)
        return bool(apposition and ROLE_NOUNS & set(apposition.group(1).lower().split()))

    def _demonym_of_a_place_here(self, word: str) -> bool:
        """'Velmoran' where the text names 'Velmora', 'Norlandian' where it names 'Norland'."""
        stems = []
        if word.endswith("ian"):
            stems.append(word[:-3])
        if word.endswith("n"):
            stems.append(word[:-1])
        if not stems:
            return False
        if self._capitalized is None:
            self._capitalized = set(_CAPITALIZED_RE.findall(self.nar))
            self._capitalized.update(_CAPITALIZED_RE.findall(self.title))
        return any(len(stem) > 3 and stem in self._capitalized for stem in stems)

    def _words_after_place(self) -> set[str]:
        """Every word (and word-bounded prefix of a token) right after 'in', 'at', 'the' ...

        Collected in one scan, so checking a candidate surname costs a set lookup.
        """
        if self._after_place_words is None:
            found: set[str] = set()
            for m in _AFTER_PLACE_WORD_RE.finditer(self.nar):
                run = m.group(1)
                for k in range(1, len(run) + 1):
                    after = run[k] if k < len(run) else " "
                    if _is_word_char(run[k - 1]) != _is_word_char(after):
                        found.add(run[:k])
            self._after_place_words = found
        return self._after_place_words

    def _match_entity(self, words: list[str], gender: str | None = None) -> int | None:
        """The person these words name already, by full name or by surname.

        A surname with "Mrs." is not the "Mr." of the same name: ``gender``
        (from an honorific or a title) keeps spouses and siblings apart.
        """
        key, full_key, last_parts, last_two, first = _name_keys(tuple(words))
        hits = [self._by_key[k] for k in (key, full_key) if k in self._by_key]
        if hits:
            return min(hits)
        if len(words) >= 2 and _known_given_name(words[0]):
            # 'his brother Freddy', later 'Freddy Holm': the given name gets its surname
            alone = self._by_key.get(first)
            e = self.cast.entities[alone] if alone is not None else None
            if (
                e is not None
                and " " not in e.name
                and not (gender and e.gender not in (None, gender))
            ):
                return alone
        cands: set[int] = set()
        for surname in (*last_parts, last_two, key):
            cands |= self._by_surname.get(surname, set())
        fits: list[int] = []
        for idx in cands:
            e = self.cast.entities[idx]
            if (
                len(words) >= 2
                and key not in e.surnames  # 'Le Pen' after 'Marine Le Pen'
                and e.first_key
                and first != e.first_key
                and not (e.first_key.startswith(first[:1]) and len(words[0]) <= 2)
                and not (first in e.first_key or e.first_key in first)
            ):
                continue  # another person of the same family name
            if gender and e.gender and gender != e.gender:
                continue  # 'Mrs. Holm' after 'Mr. Holm'
            fits.append(idx)
        # Relatives share a surname: a bare 'Holm' is the Holm the passage is about,
        # the one named last as a subject ('Then Eric Holm called. ... Holm said').
        return max(fits, key=lambda i: (self._last_subject.get(i, -1), i), default=None)

    def _index(self, idx: int) -> None:
        """Make an entity's keys and surnames findable (after it was made or grew)."""
        e = self.cast.entities[idx]
        for k in e.keys:
            self._by_key[k] = min(self._by_key.get(k, idx), idx)
        for surname in e.surnames:
            self._by_surname.setdefault(surname, set()).add(idx)
        if e.first_key:
            self._by_first.setdefault(e.first_key, set()).add(idx)

    def _by_given_name(self, word: str, honorific: object) -> int | None:
        """'Freddy' after 'Freddy Holm' and 'Dana Holm': the one person of that given name.

        Family stories tell relatives apart by given name; Chinese and Korean
        names put the family name first ('Gao Junlan', later 'Ms. Gao'). Only a
        word that is nobody's surname reaches here, and only when exactly one
        person has it first. With an honorific the word is a surname, so only
        a word that is no known given name qualifies ('Mr. Jordan' is not
        'Jordan Vale').
        """
        if honorific and (
            word.lower() in MALE_NAMES | FEMALE_NAMES or given_name_gender(word) in ("m", "f")
        ):
            return None
        key = name_key(word)
        ents = self.cast.entities
        found = [i for i in self._by_first.get(key, ()) if ents[i].first_key == key]
        return found[0] if len(found) == 1 else None

    def _new_entity(self, words: list[str], titles: list[str]) -> int:
        name = strip_patronymic(" ".join(words))
        toks = name.split()
        gender = _gender_of(toks[0].split("-")[0] if len(toks) > 1 else "", titles, toks[-1])
        if gender is None and len(toks) > 1:
            gender = _gender_of(toks[0], titles, toks[-1])
        e = Entity(
            first_pos=self._pos,
            name=name,
            keys={name_key(name), name_key(" ".join(words))},
            surnames=surname_keys(name),
            first_key=name_key(toks[0]) if len(toks) > 1 else "",
            gender=gender,
        )
        self.cast.entities.append(e)
        self._index(len(self.cast.entities) - 1)
        return len(self.cast.entities) - 1

    def _nobody_alone(self, start: int, end: int, word: str) -> bool:
        """A lone capitalized word no rule takes for a person ('Officials', 'Velmora').

        Most runs of capitalized words are such a word with no title in front:
        this asks ``_add_name``'s questions about it cheapest first (the word
        before it, the names known so far, then whether it speaks) and is True
        only where ``_add_name`` would give None; False when it cannot tell.
        """
        nar = self.nar
        before = _prev_word(nar, start)
        if before is not None and (
            before[0].isupper() or before.lower() in ROLE_NOUNS or before.lower() in TITLES
        ):
            return False  # perhaps a title ("Minister Holm"): read in full
        if _AGE_AFTER_RE.match(nar, end):
            return False
        keys, surnames, given = _lone_keys(word)
        if (
            given in self._by_first
            or any(k in self._by_key for k in keys)
            or any(k in self._by_surname for k in surnames)
        ):
            return False  # perhaps someone named before
        if not _surname_like(word):
            return True  # no surname, so it speaks for nobody alone
        next_word = _VERB_AFTER_RE.match(nar, end)
        verb_follows = bool(next_word and next_word.group(1) in SPEECH_VERBS)
        return not self._bare_speaker(start, end, word, verb_follows)

    def _add_name(self, start, end, words, titles, possessive) -> Mention | None:
        nar = self.nar
        if len(words) == 1 and not titles and self._nobody_alone(start, end, words[0]):
            return None
        role, role_words = _role_before(nar, start)
        fronted = None
        if role is None and nar[max(0, start - 2) : start] == ", ":
            fronted = _fronted_role(nar, start)  # "its governor, Miriam Okafor"
        has_title = role is not None or any(t in TITLES for t in (*titles, *role_words))
        # the sex a title or honorific tells ("Mrs.", "spokeswoman"); no words, no sex
        title_gender = _gender_of("", role_words + titles, "") if role_words or titles else None
        idx = self._match_entity(words, title_gender)
        if idx is None and len(words) == 1:
            idx = self._by_given_name(words[0], _HONORIFIC_WORDS & {*titles, *role_words})
        next_word = _VERB_AFTER_RE.match(nar, end)
        verb_follows = bool(next_word and next_word.group(1) in SPEECH_VERBS)
        bare = False
        if idx is None and len(words) == 1 and _AGE_AFTER_RE.match(nar, end):
            bare = words[0].lower() not in _NOT_SURNAMES  # "Madina, 27, a nurse"
        if idx is None and len(words) == 1 and not has_title and not bare:
            # "Holm said", "..., said Holm": a surname the article never introduced
            if not self._bare_speaker(start, end, words[0], verb_follows):
                return None
            bare = True
        if idx is None:
            classes = [_token_class(w) for w in words]
            _initials_as_names(words, classes)
            # A nationality-like ending blocks only in front ("Norlandian Navy"); at the
            # end it is a surname (Sarkissian, Kocharian).
            if (
                classes[-1] == "geo"
                and len(words) >= 2
                and classes[-2] == "name"
                and _surely_given_name(words[-2])
            ):
                classes[-1] = "name"  # 'Representative Steve Israel'
            if (
                classes[-1] == "org"
                and len(words) == 2
                and words[-1].lower() in SURNAME_LIKE_ORG_WORDS
                and (
                    has_title
                    or fronted
                    or words[0].lower() in MALE_NAMES | FEMALE_NAMES
                    or self._role_apposition(end)
                )
            ):
                classes[-1] = "name"  # 'Finance Minister Lars Bank', not 'Deutsche Bank'
            if any(c in ("geo", "org", "stop", "acro") for c in classes) or classes[0] == "adj":
                return None
            if len(words) == 1 and not bare and not (has_title and (role_words or titles)):
                return None
            if not has_title and _DETERMINER_BEFORE_RE.search(nar, max(0, start - 5), start):
                return None  # "the Dorn Courier"
            org = _ORG_OF_BEFORE_RE.search(nar, max(0, start - 30), start)
            if org and org.group(1).lower() in ORG_WORDS:
                return None  # "the University of Korvel", "the Institute for Applied Economics"
            known_first = (
                words[0].lower() in MALE_NAMES
                or words[0].lower() in FEMALE_NAMES
                or given_name_gender(words[0]) is not None
            )
            if (
                not has_title
                and not verb_follows
                and not known_first
                and _after_function_word(nar, start)
            ):
                return None  # "at Ostrava Capital", "the opposition Civic List"
            idx = self._new_entity(words, role_words + titles)
            self.cast.entities[idx].bare = bare
        e = self.cast.entities[idx]
        full = strip_patronymic(" ".join(words))
        if len(full.split()) > len(e.name.split()):
            e.bare = False
            e.name = full
            e.keys.add(name_key(full))
            e.surnames |= surname_keys(full)
            e.first_key = name_key(full.split()[0])
        e.keys.add(name_key(" ".join(words)))
        self._index(idx)
        if role and not e.role:
            e.role = role
        elif fronted and not e.role:
            e.role = fronted
        e.add_roles(role, fronted)
        if "predecessor" in nar[max(0, start - 20) : start] and _PREDECESSOR_RE.search(
            nar, max(0, start - 20), start
        ):
            e.add_roles("predecessor")  # a later "the former president"
        if title_gender:
            e.gender = title_gender  # "Mr", "spokeswoman" outrank a guess from pronouns
        elif e.gender is None and len(words) > 1:
            e.gender = _gender_of(words[0], [], words[-1])
        apposition = _APPOSITION_RE.match(nar, end) if nar[end : end + 1] == "," else None
        if apposition and not possessive:
            phrase = apposition.group(1).strip()
            low = set(re.findall(r"[\w\-]+", phrase.lower()))
            if low & ROLE_NOUNS:
                phrase = re.split(r"\s+(?:who|which|that|whose)\s+", phrase)[0]
                phrase = re.sub(r"^(?:who\s+is\s+)?(?:the|a|an)\s+", "", phrase)
                e.add_roles(phrase)  # "a retired army general" for a later "the general"
                if not e.role:
                    e.role = phrase
            if e.gender is None:
                # 'a senior adviser to Mr. Holm', 'now advising Mrs. Frey's campaign':
                # an honorific in a description is always someone else's
                head = _APPOSITION_HEAD_RE.split(phrase.lower(), maxsplit=1)[0]
                words = set(re.findall(r"[\w\-]+", head)) - _HONORIFIC_WORDS
                e.gender = _gender_of("", sorted(words), "")
        subject = not possessive and _subject_position(
            nar, start - len(" ".join(role_words)) - (1 if role_words else 0), end
        )
        if verb_follows:
            subject = True
        e.mentions += 1
        return Mention(start, end, nar[start:end], "name", idx, possessive, subject)

    # -- pronouns and roles ----------------------------------------------------------

    def _resolve_pronoun(
        self, pos: int, gender: str, done: list[Mention], exclude: frozenset[int] = frozenset()
    ) -> tuple[int | None, str]:
        """Most recent compatible person, subjects first, the last few sentences first."""
        sent = self.sentence_of(pos)
        ents = self.cast.entities
        recent = [
            m
            for m in reversed(done[-40:])
            if m.entity is not None
            and not m.possessive
            and ents[m.entity].gender in (None, gender)
            and m.entity not in exclude
        ]
        near = [m for m in recent if self.sentence_of(m.start) >= sent - 3]
        for pool in (
            [m for m in near if m.subject],
            near,
            [m for m in recent if m.subject],
            recent,
        ):
            if pool:
                return pool[0].entity, ents[pool[0].entity].name
        return None, ""

    def _clause_subjects(self, pos: int, end: int, done: list[Mention]) -> frozenset[int]:
        """'Brenner was, he said, "a serious man"': the parenthetical 'he' is not Brenner.

        A pronoun cue set off by commas inside a clause speaks about that
        clause's subject; the people named as subjects earlier in the sentence
        are not its antecedent.
        """
        if self.nar[max(0, pos - 2) : pos] != ", " or not _PARENTHETICAL_CUE_RE.match(
            self.nar, end
        ):
            return frozenset()
        lo = self.sentence_starts[max(0, self.sentence_of(pos))] if self.sentence_starts else 0
        out = set()
        for m in reversed(done):
            if m.start < lo:
                break
            if m.kind == "name" and m.subject and m.entity is not None:
                out.add(m.entity)
        return frozenset(out)

    def _anonymous_subject(self, pos: int, done: list[Mention]) -> bool:
        """'One administrator, who asked not to be named, said ... "...," he said.'

        A pronoun right after an unnamed source (this sentence or the one before,
        nobody named since the source's sentence began) is that source.
        """
        if not self.has_anonymous:
            return False  # most articles have no anonymous source: skip the scan
        sent = self.sentence_of(pos)
        lo = self.sentence_starts[max(0, sent - 1)]
        anon = None
        for a in _ANONYMOUS_RE.finditer(self.nar, lo, pos):
            anon = a
        if anon is None:
            return False
        start = self.sentence_starts[self.sentence_of(anon.start())]
        for m in reversed(done):  # in reading order while the cast is built
            if m.start < start:
                break
            if m.kind == "name" and m.start < pos:
                return False
        return True

    def _resolve_role(self, phrase: str, done: list[Mention]) -> int | None:
        best, best_score, tied = None, 0.0, []
        sitting = not _FORMER_RE.search(phrase)
        for idx, e in enumerate(self.cast.entities):
            if not e.role:
                continue
            s, held = max((role_score(phrase, r), r) for r in [e.role, *e.roles])
            if sitting and _FORMER_RE.search(held):
                s -= _FORMER_PENALTY  # 'the governor' is the sitting one, not 'former Gov. X
            if s > best_score:
                best, best_score, tied = idx, s, [idx]
            elif s == best_score and s > 0:
                best = idx
                tied.append(idx)
        if best_score < 0.75:
            return None
        if _FORMER_RE.search(phrase) and not self._former(best):
            # "the former president" is not the sitting one: a predecessor named before
            formers = {i for i in range(len(self.cast.entities)) if self._former(i)}
            for m in reversed(done[-_RECENT:]):
                if m.entity in formers:
                    return m.entity
        if len(tied) > 1:  # two diplomats: the one last speaking as a subject
            tied_set = set(tied)
            for m in reversed(done[-_RECENT:]):
                if m.subject and not m.possessive and m.entity in tied_set:
                    return m.entity
        return best

    def _former(self, idx: int) -> bool:
        e = self.cast.entities[idx]
        return any(_FORMER_RE.search(r) for r in e.roles)

    def _aged_antecedent(self, pos: int, done: list[Mention]) -> int | None:
        """The person named last, within the last few sentences, for "the 21-year-old"."""
        sent = self.sentence_of(pos)
        for m in reversed(done[-20:]):
            if self.sentence_of(m.start) < sent - 3:
                return None
            if m.kind == "name" and m.entity is not None and not m.possessive:
                return m.entity
        return None

    def _paragraph_professional(self, m: Mention, done: list[Mention]) -> int | None:
        """'"...," the doctor said' after 'The head of the centre, Bakyt Osmonov, ...'.

        A profession ("the doctor", "the analyst") no title matched stands for
        the one person the paragraph has named so far.
        """
        toks = _role_tokens(own_role(m.detail))
        if not toks or toks[-1] not in _PROFESSIONS or len(toks) > 2:
            return None
        k = bisect.bisect_right(self._breaks, m.start) - 1
        lo = self._breaks[k] if k >= 0 else 0
        ents: set[int] = set()
        for i in range(bisect.bisect_left(self._done_starts, m.start) - 1, -1, -1):
            n = self._done_sorted[i]
            if n.start < lo or len(ents) > 1:
                break
            if n.entity is not None and n.kind != "role":
                ents.add(n.entity)
        if len(ents) != 1:
            return None
        (idx,) = ents
        e = self.cast.entities[idx]
        return idx if e.role or len(e.name.split()) > 1 else None

    def _readout_head(self, m: Mention, done: list[Mention]) -> int | None:
        """'The President noted ...' in a readout that opens 'Holm received ...'.

        An official readout names its head of state once, without a title,
        and then calls them "the President" or "the Head of State" (capitalized):
        the first person the article names, when nobody else holds that office.
        """
        if not m.detail[:1].isupper() or _role_tokens(m.detail) not in _HEAD_OF_STATE:
            return None
        first = self._first_named
        if first is None or first.start > m.start:
            return None
        e = self.cast.entities[first.entity]
        if len(e.name.split()) < 2 or (e.role and "president" not in _role_tokens(e.role)):
            return None
        return first.entity

    def _resolve_forward(self, m: Mention) -> int | None:
        """'She recalled that the general had told her' with the general named later.

        The first person introduced after the mention whose title or apposition
        fits; every title word of the phrase must be theirs ("the prime minister"
        is no interior minister).
        """
        titled = [w for w in _role_tokens(own_role(m.detail)) if w in TITLES or w in ROLE_NOUNS]
        ents = self.cast.entities
        if len(self._first_pos) != len(ents):
            self._first_pos = [e.first_pos for e in ents]  # in reading order
        first = bisect.bisect_right(self._first_pos, m.start)
        for idx in range(first, min(len(ents), first + _FORWARD_WINDOW)):
            e = ents[idx]
            if e.first_pos <= m.start or not e.role:
                continue
            for r in [e.role, *e.roles]:
                if role_score(m.detail, r) >= 0.75 and set(titled) <= set(_role_tokens(r)):
                    return idx
        return None

    def _resolve_described(self, m: Mention) -> int | None:
        """'A member of the Senate ... said' named in the next paragraphs.

        The first person introduced within the next few sentences whose title
        or apposition shares a distinctive word with the description ("Senator
        X, deputy chairman of the Senate committee"). A description nobody
        matches stays an anonymous source.
        """
        want = _described_tokens(m.detail)
        if not want:
            return None
        sent = self.sentence_of(m.start)
        seen: set[int] = set()
        first = bisect.bisect_left(self._done_starts, m.end)
        for n in itertools.islice(self._done_sorted, first, None):
            if n.kind != "name" or n.entity is None:
                continue
            if self.sentence_of(n.start) > sent + 4:
                break
            if n.entity in seen:
                continue
            seen.add(n.entity)
            e = self.cast.entities[n.entity]
            if e.first_pos < m.end and (n.end - n.start < 8 or " " not in n.text):
                continue  # a surname of someone named before: not an introduction
            lo = self.sentence_starts[self.sentence_of(n.start)]
            hi = self.nar.find(".", n.end)
            hi = n.end + 160 if hi < 0 else min(hi, n.end + 160)
            after = self.nar[n.end : hi]
            after = after[1:].split(",")[0] if after.startswith(",") else ""
            context = " ".join([self.nar[max(lo, n.start - 80) : n.start], after, *e.roles])
            if want & _described_tokens(context.replace("\x00", " ")):
                return n.entity
        return None

    def build(self) -> Cast:
        nar = self.nar
        events: list[tuple[int, str, object]] = []
        for item in self._name_mentions():
            events.append((item[0], "name", item))
        for m in _PRONOUN_RE.finditer(nar):
            events.append((m.start(), "pronoun", m))
        for m in finditer_at(_ROLE_NP_RE, nar, ("the", "The")):
            events.append((m.start(), "role", m))
        if "-year-old" in nar:
            for m in _AGED_RE.finditer(nar):
                events.append((m.start(), "aged", m))
        described: list[Mention] = []
        later = matches_from(_DESCRIBED_RE, nar, _described_starts(nar))
        for m in [_DESCRIBED_START_RE.match(nar), *later]:
            if m is None:
                continue
            tail = _DESCRIBED_TAIL_RE.match(nar, m.end())
            if tail is None:
                continue
            end = m.end() + len(tail.group(1))
            sent_end = nar.find(".", end)
            if self.has_anonymous and _ANONYMOUS_RE.search(
                nar, m.start(), sent_end if sent_end > 0 else len(nar)
            ):
                continue
            phrase = (m.group(2) + tail.group(1)).strip()
            described.append(
                Mention(m.start(1), end, nar[m.start(1) : end], "role", None, False, True, phrase)
            )
            described[-1].described = True
        events.sort(key=lambda ev: (ev[0], ev[1] != "name"))
        described_starts = [d.start for d in described]
        described_ends = list(itertools.accumulate((d.end for d in described), max))
        done: list[Mention] = []
        name_spans: list[tuple[int, int]] = []
        for pos, kind, item in events:
            self._pos = pos
            if kind == "name":
                mention = self._add_name(*item)
                if mention:
                    # "the lawyer, Ingrid Solberg, told AFP": the role is this person
                    prev = done[-1] if done else None
                    if (
                        prev is not None
                        and prev.kind == "role"
                        and re.fullmatch(r",\s*", nar[prev.end : mention.start])
                    ):
                        prev.entity = mention.entity
                    done.append(mention)
                    name_spans.append((mention.start, mention.end))
                    if mention.subject and mention.entity is not None:
                        self._last_subject[mention.entity] = mention.start
            elif kind == "pronoun":
                word = item.group().lower()
                gender = "m" if word in ("he", "him") else "f"
                idx, antecedent = self._resolve_pronoun(
                    pos, gender, done, self._clause_subjects(pos, item.end(), done)
                )
                if idx is not None and self._anonymous_subject(pos, done):
                    idx, antecedent = None, ""
                if (
                    idx is not None
                    and self.cast.entities[idx].gender is None
                    and word in ("he", "she")
                ):
                    # a subject pronoun tells the sex; 'hired her' is seldom the hirer
                    self.cast.entities[idx].gender = gender
                done.append(
                    Mention(
                        pos,
                        item.end(),
                        item.group(),
                        "pronoun",
                        idx,
                        False,
                        word in ("he", "she"),
                        antecedent,
                    )
                )
            elif kind == "aged":
                if done and done[-1].start == pos:
                    continue  # already a role mention ("the 30-year-old minister")
                idx = self._aged_antecedent(pos, done)
                done.append(
                    Mention(pos, item.end(), item.group(), "role", idx, False, True, item.group())
                )
            else:
                k = bisect.bisect_right(described_starts, pos) - 1
                if k >= 0 and pos < described_ends[k]:
                    continue
                phrase = item.group(1)
                end = item.end()
                tail = _ORG_TAIL_RE.match(nar, end) if nar.startswith(" of ", end) else None
                if tail is not None:
                    phrase += tail.group(0)
                    end = tail.end()
                follow = nar[end : end + 40]
                if _RUN_RE.match(follow.lstrip(" ")) and follow[:1] == " ":
                    nxt = _RUN_RE.match(follow.lstrip(" ")).group()
                    if _token_class(nxt.split()[0]) == "name":
                        continue  # a title in front of a name, not a mention of its own
                if name_spans and name_spans[-1][0] <= pos < name_spans[-1][1]:
                    continue
                idx = self._resolve_role(phrase, done)
                possessive = nar[end : end + 1] in ("\u2019", "'")
                subject = not possessive and _subject_position(nar, pos, end)
                done.append(
                    Mention(pos, end, nar[pos:end], "role", idx, possessive, subject, phrase)
                )
        in_order = sorted(done, key=lambda x: x.start)
        self._done_starts = [n.start for n in in_order]
        self._done_sorted = in_order
        for m in described:
            m.entity = self._resolve_described(m)
            if m.entity is not None:
                m.forward = True
                done.append(m)
        for m in done:
            if m.kind == "role" and m.entity is None and not m.described:
                m.entity = self._resolve_forward(m)
                m.forward = m.entity is not None
        self._first_named = next(
            (n for n in done if n.kind == "name" and n.entity is not None), None
        )
        self._breaks = [b.start() for b in re.finditer(r"\n\n", nar)]
        for m in done:
            if m.kind == "role" and m.entity is None and not m.described and m.subject:
                m.entity = self._paragraph_professional(m, done)
            if m.kind == "role" and m.entity is None and not m.described and m.subject:
                m.entity = self._readout_head(m, done)
        done.sort(key=lambda m: m.start)
        self.cast.mentions = done
        self.cast._starts = [m.start for m in done]
        return self.cast


def build_cast(nar: str, sentence_starts: list[int], title: str = "") -> Cast:
    """Find the people of an article in its narration (quotes masked out).

    The headline only helps tell places from people ("Velmora" there makes
    "Velmoran" a nationality).
    """
    return CastBuilder(nar, sentence_starts, title).build()


def is_group(phrase: str) -> bool:
    """True when a subject phrase names a collective ("Russian officials", "the ministry")."""
    words = re.findall(r"[\w\-]+", phrase.lower())
    return bool(words) and (words[-1] in GROUP_NOUNS or words[-1] in ORG_WORDS)
