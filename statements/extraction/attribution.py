"""Who said each quote, and why we think so.

The rules follow how wire copy attributes words, most explicit first:

1. a cue next to the quote: '"...," Holm said', '"...," said the minister',
   'Holm said: "..."', 'Holm explained that "..."';
2. a person's speech verb elsewhere in the sentence, for fragments woven into
   reported speech ('She accused them of "..."', 'According to him, ...');
3. the previous sentence: a quote continuing after '"A," Holm said. "B."';
4. the previous paragraph's speaker, for a paragraph that is only a quote.

Short quotes (three words or fewer) are someone's words only under rules 1
and 2 with a person as the speaker; otherwise, and when the same phrase is
quoted again elsewhere, they are the author's terms. Each statement carries
the rule it came from as evidence, and a confidence that falls with the
rule's distance from an explicit cue.

Every rule is a named method in ``RULES``, tried in that order; the first
that decides (a speaker, or nobody) ends the search, and its name opens the
evidence an editor reads ("rule cue-after: cue 'said' with subject ...").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from statements.extraction.dates import date_near
from statements.extraction.document import (
    KIND_DIRECT,
    KIND_PARTIAL,
    Person,
    Statement,
    paragraph_bounds,
)
from statements.extraction.lexicon import (
    INVERTED_VERBS,
    PHRASAL_SPEECH,
    ROLE_NOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    TIME_FILLERS,
    TITLE_MODIFIERS,
    TITLES,
    alternation,
    word_set,
)
from statements.extraction.names import name_key
from statements.extraction.people import Cast, Mention, build_cast
from statements.extraction.quotes import SIGNATURE_LINE_RE, Quote, find_quotes
from statements.extraction.scanning import finditer_at, matches_at_any
from statements.extraction.sentences import (
    MASK,
    Sentence,
    mask_quotes,
    split_sentences,
)

_LOWER_WORD_RE = re.compile(r"\b[a-z]+\b")
_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# An apposition's words: no clause break, but an abbreviation's period may stand in
# it ('Ana Ruiz, chief strategist at Dunmore Ltd., said', 'of the U.S. Treasury,').
_APPOSITION_CHARS = r"(?:[^,.;:\x00]|\.(?=,|\s+[a-z(]|[A-Za-z]))"
_VERB_AFTER_RE = re.compile(
    r"(?:(?:\s*,"
    + _APPOSITION_CHARS
    + r"{1,160}){1,3},|\s+\(\x00+\)|\s+\([A-Z][\w.\-, ]{0,20}\))?,?\s+(?:(?:also|later|then|further|again|once again|previously|"
    r"earlier|repeatedly|recently|had|has|have|would|will|was|were|is|openly|publicly|bluntly|once|"
    r"often|frequently|usually|always|sometimes|"
    r"firmly|flatly|simply|only|even|separately|subsequently|in turn|likewise|similarly|"
    r"reportedly|already|angrily|quickly|later on|quoted as|" + TIME_FILLERS + r")\s+)*([a-z]+)\b"
    r"(?:\s+(?:on|in|at|during)\s+(?:a|an|the|\w+day(?:\u2019s|'s)?)\b)?"
)
# The same with the fewest appositions: 'Holm, the commander, said at X, according to Y'
# must not read ', said at X,' as a second apposition before 'according'.
_VERB_AFTER_FEWEST_RE = re.compile(_VERB_AFTER_RE.pattern.replace("{1,3},", "{1,3}?,", 1))
_OBJECT_OF_ROLE_RE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|aide|adviser|advisor|press secretary|representative|"
    r"envoy|lawyer|assistant|secretary|office|deputy)\s+(?:for|of|to)\s+"
    r"(?:[A-Z][\w\-\.]*\s+){0,4}$"
)
_COLON_LEAD_RE = re.compile(
    r"\s*((?:[Hh]is|[Hh]er)\b|[A-Z][\w\-]+(?=(?:\u2019|')s\s))(?:(?:\u2019|')s)?\s+"
    r"(?:[a-z]+\s+)?(assessment|verdict|answer|reply|response|message|view|advice|explanation|"
    r"conclusion|position|words|comment|argument|point|warning|reasoning|prediction|request|"
    r"appeal|explanation|diagnosis|summary|retort|plea|demand)"
    r"(?:\s+(?:was|is|were|are)\b[^:\x00\n]{0,40})?\s*:"  # 'Her response: "..."' too
)
# "As the minister put it, ...", "Holm put it bluntly: ..."
_PUT_IT_RE = re.compile(r"\s+it\b(?:\s+[a-z]+ly)?\s*[,:\x00]")
_WHO_VERB_RE = re.compile(
    r",\s+who\s+(?:(?:also|later|then|further|again|previously|earlier|repeatedly|recently|"
    r"had|has|have|once|publicly|openly|" + TIME_FILLERS + r")\s+)*([a-z]+)\b"
)
_INVERTED = alternation(INVERTED_VERBS.split("|"))
# Only after a comma, colon, dash or quote does a verb invert ('"...," said Holm';
# 'Holm said Varga' does not); starting on those characters keeps the scan fast.
# A masked quote is a run of MASK characters and only its last can come before the
# verb: the others are passed over before the verbs are tried at them.
_INVERTED_RE = re.compile(
    r"[,:\x00\u2014\u2013\n](?!(?<=\x00)\x00)[^\S\n]*(?:(?:also|later|then|further|again)\s+)?("
    + _INVERTED
    + r")\b(?:\s+(?:also|later|then|on\s+\w+day|in\s+a\s+statement))?\s+"
)
# Words after a name that can start a cue besides the speech verbs ("cut in", "put it").
_CUE_HEADS = frozenset({verb for verb, _ in PHRASAL_SPEECH} | {"put", "puts"})
_INVERTED_APPOSITION_RE = re.compile(
    r"(?:the|his|her|its|their|another|a|an|one|[A-Z][\w\-]*(?:\u2019|')s?)\s+[^,.;:\x00]{2,60}?,\s+"
)
_EXCERPTS_RE = re.compile(r"\b(?:excerpts?|extracts?|transcript|full text|as follows)\b")
_CUE_COMMA_RE = re.compile(r"\b(?:" + _INVERTED + r")\b[^,]*,$")  # 'Holm said, "We ...'
_TITLE_PREFIX_RE = re.compile(r"(?:[\w\u2019'\-\.]+\s+){1,6}?(?=[A-Z])")
_UNNAMED_SPEAKER_RE = re.compile(
    r"\b(?:a|an|one|another|some)\s+(?:[a-z\-]+\s+){0,3}?(?:had\s+|has\s+|would\s+)?"
    r"(?:told|said|says|asked|wrote|warned|shouted|added)\b"
)
# 'Asked by a journalist, "Will ...?", the minister said': an unnamed asker's question
_ASKED_BY_UNNAMED_RE = re.compile(
    r"\b[Aa]sked\s+(?:by|from)\s+(?:a|an|one|another)\s+[^\x00,:]{1,40}[,:]?\s*$"
)
_ACCORDING_RE = re.compile(r"(?:[Aa](?<!\w[Aa])ccording to|[Ii](?<!\w[Ii])n the words of)\s+")
_ACCORDING_NEEDS = ("ccording to", "n the words of")  # a match starts a character before one
# "In her view, ...", "In Holm's opinion, ...": whose opinion follows
_IN_VIEW_RE = re.compile(
    r"\b[Ii]n\s+((?:his|her)\b|[A-Z][\w\-]+(?=(?:\u2019|')s\s))(?:(?:\u2019|')s)?\s+"
    r"(?:own\s+)?(?:view|opinion|words|assessment|estimation|judg(?:e)?ment|estimate)\s*,"
)
_IN_VIEW_NEEDS = ("view", "opinion", "words", "assessment", "estimat", "judg")
# How _IN_VIEW_RE ends: a text has a match only where one of _IN_VIEW_NEEDS starts this.
_IN_VIEW_END_RE = re.compile(
    r"(?:view|opinion|words|assessment|estimation|judg(?:e)?ment|estimate)\s*,"
)
# A subject phrase + speech verb right after a quote, whoever the subject is.
_ANY_CUE_AFTER_RE = re.compile(
    r"[\s,\u2014\u2013]*(?:(?:[\w\u2019'\-\.]+)\s+){1,6}?(?:also\s+|later\s+)?([a-z]+)\b"
)
_ANY_INVERTED_RE = re.compile(r"[\s,\u2014\u2013]*(?:" + _INVERTED + r")\b")
# Words that announce a name, title or term rather than someone's words.
_TERM_MARKERS = (
    "so-called",
    "so called",
    "dubbed",
    "known as",
    "titled",
    "entitled",
    "named",
    "nicknamed",
    "codenamed",
    "the word",
    "the words",
    "the term",
    "the terms",
    "the phrase",
    "the phrases",
    "slogan",
    "slogans",
    "hashtag",
    "headlined",
    "under the heading",
    "marked",
    "labelled as",
    "labeled as",
    "the expression",
    "the concept of",
    "the notion of",
    "the label",
)
_TERM_NOUN_AFTER_RE = re.compile(
    r"\s+(?:slogan|campaign|label|term|phrase|doctrine|law|bill|programme|program|plan|"
    r"initiative|operation|project|strategy|policy|movement|party|festival|book|film|movie|"
    r"report|documentary|hashtag|narrative|rhetoric|concept|formula|scenario|song|album|"
    r"series|show|brand|motto|memo|tag|headline|banner|manifesto|agenda|meme|conspiracy|"
    r"mechanism|system|scheme|format|model|regime|principle|package|framework|roadmap|"
    r"document|treaty|zone|corridor|platform|quota|mission|exercise|pact|bloc|coalition|"
    r"idea|notion|syndrome|effect|factor|tactic|technolog(?:y|ies)|card|list|register)s?\b"
)
# 'preparing a "road map" for the sector': a short lower-case noun phrase standing
# where a noun would, after an article and before a preposition or the sentence's end.
# Before the title of a show, book or film that American style closes with a period.
_WORK_TITLE_BEFORE_RE = re.compile(
    r"(?:\b(?:on|of|in|show|book|film|titled|entitled)|(?:\u2019|')s?)\s*$"
)
_TITLE_WORDS = 8
_DETERMINER_END_RE = re.compile(r"(?:^|\s)(?:a|an|the)\s*$")
# 'Holm was a "proven failure"': what someone is called, the speaker's words.
_PREDICATE_END_RE = re.compile(r"\b(?:is|was|are|were|be|been|being)\s+(?:a|an)\s*$")
_AFTER_NOUN_PHRASE_RE = re.compile(
    r"[\s\x00]*(?:[,.;:!?)\u2014\u2013]|$|(?:for|of|in|on|at|to|with|against|between|"
    r"by|from|that|which|and|or|as|is|was|were|are)\b)"
)
# A sentence after a quote that names its speaker: "This was stated by ...".
_NEXT_SENTENCE_CUE_RE = re.compile(
    r"\s*(?:This|That|These words|Such (?:a |an )?[a-z]+)\s+(?:[a-z]+\s+)?(?:was|were|has been|have been)"
    r"\s+(?:[a-z]+ly\s+)?(stated|said|announced|declared|noted|stressed|emphasi[sz]ed|written|"
    r"posted|tweeted|voiced|expressed|made|told)\s+(?:(?:to|at|in|on|during)\s+[^,.\x00]{1,50}?\s+)?"
    r"by\s+"
)
_SIGNATURE_RE = re.compile(r"[\-\u2014\u2013]+\s*")
_TITLE_GAP_STOP_RE = re.compile(r"[,;:\x00\n\u2014\u2013\"\u201c\u201d]")
# A second verb joined to the subject's first: 'Holm shook her head and said'
_AND_VERB_RE = re.compile(
    r"\s+[a-z][^.;:,\x00\n]{0,50}?\band\s+(?:then\s+|later\s+|also\s+)?([a-z]+)\b"
)
_PARTICLE_RE = re.compile(r"\s+(in|back|out)\b")
_THIS_AFTER_VERB_RE = re.compile(r"\s+(?:this|so)\b")
_SMALL_WORDS = word_set("a an the of and or in on at to for with by from de du la le vs")
_PUNCT_END = ".!?\u2026"
_REPORTING_THAT_RE = re.compile(
    r"^\s*(?:,\s*)?(?:that\s+)?(?:(?:the|his|her|its|their)\s+[^,.;:\x00]{1,80},\s+)?"
    r"(?:[A-Z][\w\u2019'\-\.]*\s+|[a-z]+\s+){0,4}$"
)

# How far before a quote or cue the rules look for a cue that governs it.
_NEAR = 400
_CONTINUING_LEADS = frozenset({"But", "And", "Yet", "Still"})
# A byline that names one person ("Tom Holm", not "Tom Holm and Ada Frey", not "STAFF").
_ONE_PERSON_RE = re.compile(r"[A-Z][a-z][\w.'\-]*(?: [A-Z][\w.'\-]*){1,3}")
# The narrator's own words in an op-ed: 'I told them: "..."', 'As I wrote in May, "..."'.
_FIRST_PERSON_CUE_RE = re.compile(
    r"\bI\s+(?:(?:also|then|once|later|have|had|recently|repeatedly)\s+)*("
    + alternation(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)
# After a name that opens a paragraph: its description, a colon, then the quote.
_ROUNDUP_RE = re.compile(r",[^,:\n\x00]{1,80}:[^\S\n]*(?=\x00)")
# An interview's introduction: who is interviewed, and by whom.
_INTERVIEWED_RE = re.compile(
    r"\b(?:[Ii]nterview(?:ed|s)?(?:\s+with)?|[Ss]poke\s+(?:to|with)|[Tt]alk(?:ed|s)?\s+(?:to|with)"
    r"|[Cc]onversation\s+with|[Ss]at\s+down\s+with|[Qq]uestions?\s+(?:to|for))\s+(?!by\b)"
)
_INTERVIEWER_RE = re.compile(r"(?:^|\n|\b[Ii]nterview(?:ed)?\s+|\.\s+)[Bb]y\s+")
_SENTENCE_STOP_RE = re.compile(r"[.!?;\n]\s")

_CONF_ADJACENT = 0.95
_CONF_WOVEN = 0.85
_CONF_CONTINUATION = 0.8
_CONF_PREVIOUS_SENTENCE = 0.7
_CONF_LAST_SPEAKER = 0.55
_CONF_DESCRIBED = 0.5
_CONF_NESTED = 0.6

# Inside a quote, the words that announce a quote within it: 'He told me, ', 'she said: '
_INNER_CUE_RE = re.compile(
    r"(?<![\w\-])(?P<subj>[Hh]e|[Ss]he|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+"
    r"(?:[\w\u2019'\-]+\s+){0,8}?(?P<verb>said|says|told|asked|wrote|replied|added|promised|shouted|"
    r"insisted|warned|answered)\b(?:\s+(?:me|us|him|her|them|everyone|the\s+\w+))?\s*[,:]?\s*$"
)


@dataclass
class _Cue:
    pos: int  # where the cue phrase starts (speaker or verb, whichever is first)
    end: int  # where it ends
    verb: str
    verb_pos: int
    mention: Mention | None  # None: a subject that is no person ("officials said")


@dataclass
class _Attribution:
    entity: int
    cue: str
    evidence: str
    confidence: float
    sentence: Sentence
    anchor: int  # the verb, for dating
    reporter: int | None = None
    woven: bool = False
    dated: bool = True
    local: bool = True  # the cue is in the quote's own sentence


@dataclass
class _Ask:
    """One quote being attributed, with what several rules look at."""

    q: Quote
    previous: list[tuple[Quote, _Attribution]]
    first: Sentence  # the sentence the quote opens in
    last: Sentence  # the sentence it closes in
    after: _Cue | None  # the first cue after it in that sentence


class _Nobody:
    """A rule's verdict that the quote is nobody's statement: stop looking."""


_NOBODY = _Nobody()
_Verdict = _Attribution | _Nobody | None


class _Article:
    """Everything known about one body while its quotes are attributed."""

    def __init__(
        self, body: str, published_on: date | None, title: str | None, author: str | None = None
    ):
        self.body = body
        self.published_on = published_on
        self.author = author if author and _ONE_PERSON_RE.fullmatch(author) else None
        self.paragraphs = paragraph_bounds(body)
        self.quotes = find_quotes(body, self.paragraphs)
        self.nar = mask_quotes(body, self.quotes)
        self.sentences = split_sentences(body, self.paragraphs, self.quotes)
        self._sent_starts = [s.start for s in self.sentences]
        self.cast: Cast = build_cast(self.nar, self._sent_starts, title or "")
        self.cues = self._find_cues()
        self._cue_pos = [c.pos for c in self.cues]
        self.title = title
        self._folded: tuple[list[str], list[str]] | None = None
        self._answering: tuple[int | None] | None = None  # an interview's answerer, once found
        self._sentences_quoted: list[tuple[Quote, str]] | None = None
        self._asking: tuple[int | None] | None = None
        self._counts: tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]] | None = None

    # -- lookups ---------------------------------------------------------------------

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def cues_in(self, sent: Sentence) -> list[_Cue]:
        i = bisect.bisect_left(self._cue_pos, sent.start)
        j = bisect.bisect_left(self._cue_pos, sent.end)
        return self.cues[i:j]

    def cues_between(self, lo: int, hi: int) -> list[_Cue]:
        """Cues starting in [lo, hi)."""
        i = bisect.bisect_left(self._cue_pos, lo)
        j = bisect.bisect_left(self._cue_pos, hi)
        return self.cues[i:j]

    def first_cue(self, lo: int, hi: int) -> _Cue | None:
        """The first cue starting in [lo, hi)."""
        i = bisect.bisect_left(self._cue_pos, lo)
        return self.cues[i] if i < len(self.cues) and self.cues[i].pos < hi else None

    def last_cue_before(self, lo: int, at: int) -> _Cue | None:
        """The last cue starting at or after lo that ends before ``at``."""
        i = bisect.bisect_left(self._cue_pos, at) - 1
        while i >= 0 and self.cues[i].pos >= lo:
            if self.cues[i].end <= at:
                return self.cues[i]
            i -= 1
        return None

    def has_cue_between(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self._cue_pos, lo)
        return i < len(self._cue_pos) and self._cue_pos[i] < hi

    def _person(self, mention: Mention | None) -> int | None:
        return mention.entity if mention is not None else None

    # -- cues --------------------------------------------------------------------------

    def _find_cues(self) -> list[_Cue]:
        nar = self.nar
        cues: list[_Cue] = []
        seen: set[int] = set()
        for m in self.cast.mentions:
            if m.possessive or (m.kind == "pronoun" and not m.subject):
                continue
            va = _VERB_AFTER_RE.match(nar, m.end)
            if va and va.group(1) not in SPEECH_VERBS and va.group().startswith(","):
                va = _VERB_AFTER_FEWEST_RE.match(nar, m.end) or va
            if (
                va
                and m.kind == "name"
                and (va.group(1) in SPEECH_VERBS or va.group(1) in _CUE_HEADS)
                and _OBJECT_OF_ROLE_RE.search(nar, max(0, m.start - 60), m.start)
            ):
                va = None  # "the spokesman for President Emomali Sharipov said": the spokesman
            if va and not m.subject and va.group(1) in SPEECH_PARTICIPLES:
                va = None  # 'walked out on Viktor Halloran, saying ...': the subject says it
            particle = _PARTICLE_RE.match(nar, va.end(1)) if va else None
            if va and particle and (va.group(1), particle.group(1)) in PHRASAL_SPEECH:
                # 'Holm cut in: "..."', '"...," Varga shot back'
                cues.append(_Cue(m.start, particle.end(1), va.group(1), va.start(1), m))
                seen.add(m.start)
            elif va and (
                va.group(1) in SPEECH_VERBS
                or (va.group(1) in ("put", "puts") and _PUT_IT_RE.match(nar, va.end(1)))
            ):
                cues.append(_Cue(m.start, va.end(1), va.group(1), va.start(1), m))
                seen.add(m.start)
            elif (
                m.subject
                and (both := _AND_VERB_RE.match(nar, m.end))
                and (both.group(1) in SPEECH_VERBS)
            ):
                # 'Holm shook her head and said, "No."'
                cues.append(_Cue(m.start, both.end(1), both.group(1), both.start(1), m))
                seen.add(m.start)
            elif (
                m.kind == "name"
                and nar.startswith(":", m.end)
                and (m.start == 0 or nar[m.start - 1] == "\n")
                and m.entity is not None
            ):
                # an interview's answer: 'Holm: "Not yet. ..."'
                cues.append(_Cue(m.start, m.end + 1, "answered", m.end, m))
                seen.add(m.start)
            elif (
                m.kind == "name"
                and (m.start == 0 or nar[m.start - 1] == "\n")
                and m.entity is not None
                and (roundup := _ROUNDUP_RE.match(nar, m.end))
            ):
                # a round-up of voices: 'Ida Marsh, Dorn Courier: "..."'
                cues.append(_Cue(m.start, roundup.end(), "said", m.end, m))
                seen.add(m.start)
            elif m.kind == "name" and nar.startswith(",", m.end):
                # 'the envoy Farhad Rezaei, who earlier warned that Tehran would "..."'
                who = _WHO_VERB_RE.match(nar, m.end)
                if who and who.group(1) in SPEECH_VERBS:
                    cues.append(_Cue(who.start(1), who.end(1), who.group(1), who.start(1), m))
        verbs_with_subject = {c.verb_pos for c in cues}
        for va in _INVERTED_RE.finditer(nar):
            if va.start(1) in verbs_with_subject:
                continue  # 'Liv Marander, said he "...": he starts the reported clause
            m = self.cast.mention_at(va.end(), nar)
            if m is not None and m.kind == "pronoun" and not m.subject:
                m = None  # "said her daughter, Ada Frey": the daughter speaks
            if m is not None and m.kind == "name" and " " not in m.text:
                titled = self._titled_name_after(m.end)  # "said Velsk delegate Beau Correll"
                if titled is not None and titled.start > m.end + 1:
                    m = titled
            if m is None:  # "said Greenwatch campaigner Lisa Moor", "said retired Gen. Ada Holm"
                m = self._titled_name_after(va.end())
            if m is None or m.possessive:  # "said Tolmachev's deputy, Yelena Kirsanova"
                appos = _INVERTED_APPOSITION_RE.match(nar, va.end())
                owner = m
                m = self.cast.mention_at(appos.end(), nar) if appos else m
                if m is not None and m.kind != "name":
                    m = None
                if m is owner and owner is not None:  # "said Holm's top aide Ada Frey"
                    m = self._titled_name_after(_POSSESSIVE_END_RE.match(nar, owner.end).end())
            if m is not None and m.start not in seen and not m.possessive:
                cues.append(_Cue(va.start(1), m.end, va.group(1), va.start(1), m))
                seen.add(m.start)
        for ac in finditer_at(_ACCORDING_RE, nar, _ACCORDING_NEEDS, back=1):
            m = self.cast.mention_at(ac.end(), nar)
            if m is None:  # "In the words of Vice Minister Timur Baimukhanov"
                near = self.cast.mentions_between(ac.end(), ac.end() + 60)
                m = near[0] if near and near[0].kind == "name" else None
                gap = nar[ac.end() : m.start] if m is not None else ""
                if m is not None and (not _only_title_words(gap) or re.search(r"[.!?]\s|\n", gap)):
                    m = None
            if m is not None and not m.possessive:
                cues.append(_Cue(ac.start(), m.end, "according to", ac.start(), m))
        in_view = matches_at_any(_IN_VIEW_END_RE, nar, _IN_VIEW_NEEDS)
        for iv in _IN_VIEW_RE.finditer(nar) if in_view else ():
            m = self.cast.mention_at(iv.start(1), nar)
            if m is None and iv.group(1).lower() == "his":
                m = self._his(iv.start())  # a resolved role counts: "the head of ..."
            elif m is not None and m.kind == "role":
                m = None
            if m is not None and m.entity is not None:
                cues.append(_Cue(iv.start(), iv.end(), "according to", iv.start(), m))
        cues.sort(key=lambda c: c.pos)
        return cues

    def _titled_name_after(self, pos: int) -> Mention | None:
        """The first name after ``pos`` when only title words stand between."""
        for m in self.cast.iter_mentions(pos, pos + 80):
            if m.kind != "name":
                continue
            gap = self.nar[pos : m.start]
            if _TITLE_GAP_STOP_RE.search(gap) or not _only_title_words(gap):
                return None
            return m
        return None

    def _his(self, pos: int) -> Mention | None:
        """The man 'his' refers to: the last male subject in this or the previous sentence."""
        idx = self.sentence_at(pos)
        lo = self.sentences[max(0, idx - 1)].start
        for m in reversed(self.cast.mentions_between(lo, pos)):
            if m.entity is None or not m.subject or m.possessive:
                continue
            if self.cast.entities[m.entity].gender in ("m", None):
                return m
            return None
        return None

    def _quoted_counts(self) -> tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]]:
        """How many quotes (and nested quotes) of the body, and of the title, hold each phrase.

        Phrases of up to _SHORT_PHRASE words are counted once per quote, so asking
        whether a short phrase is quoted twice costs nothing however many quotes
        the article has.
        """
        if self._counts is None:
            body: Counter[tuple[str, ...]] = Counter()
            for q in self.quotes:
                body.update(_phrases(q.text(self.body)))
                for s, e in q.nested:
                    body.update(_phrases(self.body[s:e]))
            title: Counter[tuple[str, ...]] = Counter()
            if self.title:
                for q in find_quotes(self.title):
                    title.update(_phrases(q.text(self.title)))
            self._counts = (body, title)
        return self._counts

    def _quoted_count(self, text: str, with_title: bool) -> int:
        key = _fold_tokens(text)
        if not key or len(key) > _SHORT_PHRASE or len(self.quotes) < _FEW_QUOTES:
            return self._quoted_count_slow(key, with_title)
        body, title = self._quoted_counts()
        return body[key] + (title[key] if with_title else 0)

    def _quoted_count_slow(self, key: tuple[str, ...], with_title: bool) -> int:
        if self._folded is None:
            body, title = [], []
            for q in self.quotes:
                body.append(q.text(self.body))
                body.extend(self.body[s:e] for s, e in q.nested)
            if self.title:
                title.extend(q.text(self.title) for q in find_quotes(self.title))
            self._folded = tuple(
                [" " + " ".join(_fold_tokens(t)) + " " for t in texts] for texts in (body, title)
            )
        padded = " " + " ".join(key) + " "
        body_texts, title_texts = self._folded
        texts = body_texts + title_texts if with_title else body_texts
        return sum(1 for t in texts if padded in t)

    def quoted_elsewhere(self, text: str) -> bool:
        """True when a short phrase is quoted more than once in the article."""
        return self._quoted_count(text, with_title=True) > 1

    # -- classification ------------------------------------------------------------------

    def is_term(self, q: Quote, words: list[str]) -> bool:
        """Author's terms, titles and names rather than anyone's words."""
        if len(words) > 8:
            return False  # whole sentences are never mere terms
        text = q.text(self.body)
        before = self.nar[max(0, q.open_at - 40) : q.open_at]
        before = before[before.rfind("\n") + 1 :]  # the paragraph's own words only
        if _after_term_marker(before):
            return True
        if len(words) <= 5 and _TERM_NOUN_AFTER_RE.match(self.nar, q.close_end):
            return True  # the "war on traffic" slogan, a "color revolution" scenario
        if self._noun_phrase_term(q, words, before):
            return True
        ends_sentence = text.rstrip()[-1:] in _PUNCT_END
        content = [w for w in words if w.lower() not in _SMALL_WORDS]
        if (
            text.rstrip().endswith(".")
            and len(words) <= _TITLE_WORDS
            and all(w[0].isupper() or w[0].isdigit() for w in content)
            and _WORK_TITLE_BEFORE_RE.search(before)
        ):
            return True  # 'said on ABC's "This Week."', 'a co-author of "Grey Harbour."'
        if content and not ends_sentence:
            if all(w[0].isupper() or w[0].isdigit() for w in content):
                return True  # "Russia - Islamic world"-like names are caught below
            prev = re.search(r"(\S+)\s*$", before)
            if (
                text[
                    :1
                ].isupper()  # a name is capitalized; 'that Tarvia "values its ..."' is speech
                and prev
                and prev.group(1)[0].isupper()
                and prev.group(1)[-1].isalnum()
                and not before.rstrip().endswith((",", ":"))
            ):
                return True  # NCC "Name of the organisation"
        return (
            len(words) <= 3
            and self.quoted_elsewhere(text)
            and not _governed_by_speech(before)
            and not self._headline_echo_of_speaker(q, text)
            and not self._echoes_a_statement(q, text)
        )

    def _echoes_a_statement(self, q: Quote, text: str) -> bool:
        """'Holm said the judge's "mind is shot."' after his '"Her mind is shot - resign!"'.

        A short phrase that stands, unquoted, in a whole sentence someone
        said elsewhere in the article repeats that person's words; a term is
        quoted again as a term. Checked only in articles with few quotes, so
        the cost stays linear.
        """
        if len(self.quotes) >= _FEW_QUOTES:
            return False
        if self._sentences_quoted is None:  # each quote's own words, folded, once
            folded = [(p, _fold_tokens(_without_nested(self.body, p))) for p in self.quotes]
            self._sentences_quoted = [
                (p, " " + " ".join(toks) + " ")
                for p, toks in folded
                if len(toks) >= _SENTENCE_WORDS
            ]
        padded = " " + " ".join(_fold_tokens(text)) + " "
        for p, words in self._sentences_quoted:
            if p is q:
                continue
            at = words.find(padded)
            if at < 0:
                continue
            if not words[: at + 1].endswith(_FOLDED_TERM_MARKERS):
                return True  # not 'so-called "X"' in the longer quote either
        return False

    def _headline_echo_of_speaker(self, q: Quote, text: str) -> bool:
        """'Holm said the case was "only the beginning"' under a headline quoting it.

        Quoted once in the body, after a named speaker's cue in its sentence:
        the headline repeats the speaker's words. A term the author quotes
        again in the body stays a term.
        """
        if not self.title:
            return False
        body_hits = self._quoted_count(text, with_title=False)
        lead = self.nar[: q.open_at][-40:]
        if body_hits != 1 or (
            _DETERMINER_END_RE.search(lead) and not _PREDICATE_END_RE.search(lead)
        ):
            return False  # 'stop a "velvet coup"': a noun phrase, the headline's term
        sent = self.sentences[self.sentence_at(q.open_at)]
        return any(
            (c.end <= q.open_at or c.pos >= q.close_end)
            and c.mention is not None
            and c.mention.entity is not None
            and not (c.mention.forward or c.mention.described)
            and c.verb != "according to"
            and MASK not in self.nar[c.end : q.open_at]
            for c in self.cues_in(sent)
        )

    def _noun_phrase_term(self, q: Quote, words: list[str], before: str) -> bool:
        """'a "road map" for the sector', 'the "green quota"': a name for a thing.

        Not after a speech verb ('called it a "provocation" by') and not as a
        modifier ('a "limited" time'): those are someone's words.
        """
        if len(words) > 3 or not all(w.islower() for w in words):
            return False
        if q.text(self.body).rstrip()[-1:] in _PUNCT_END:
            return False
        det = _DETERMINER_END_RE.search(before)
        if det is None or not _AFTER_NOUN_PHRASE_RE.match(self.nar, q.close_end):
            return False
        lead = _LOWER_WORD_RE.findall(before[: det.start()])[-3:]
        if any(w in SPEECH_VERBS or w in SPEECH_PARTICIPLES for w in lead):
            return False
        # 'Warren said Holm was a "proven failure"': what a named speaker calls someone
        return not (_PREDICATE_END_RE.search(before) and self._named_cue_before(q))

    def _named_cue_before(self, q: Quote) -> bool:
        """A person's speech verb earlier in the quote's sentence, with no other quote between."""
        sent = self.sentences[self.sentence_at(q.open_at)]
        c = self.last_cue_before(sent.start, q.open_at)
        return (
            c is not None
            and c.mention is not None
            and c.mention.entity is not None
            and c.verb != "according to"
            and MASK not in self.nar[c.end : q.open_at]
        )

    def kind(self, q: Quote, sent: Sentence) -> str:
        text = q.text(self.body)
        before = self.nar[sent.start : q.open_at].replace(MASK, "").strip(" \n\u2014\u2013")
        starts_sentence = not before or before.endswith(":")
        if not starts_sentence and before.endswith(","):
            starts_sentence = bool(_CUE_COMMA_RE.search(before)) and text[:1].isupper()
        if starts_sentence and (text[:1].isupper() or text[:1].isdigit() or not text[:1].isalpha()):
            return KIND_DIRECT
        return KIND_PARTIAL

    # -- attribution ------------------------------------------------------------------

    def attribute(
        self, q: Quote, previous: list[tuple[Quote, _Attribution]]
    ) -> _Attribution | None:
        """Who said ``q``: the first rule of RULES that decides, named in the evidence."""
        first = self.sentences[self.sentence_at(q.open_at)]
        last = self.sentences[self.sentence_at(q.close_end - 1)]
        ask = _Ask(q, previous, first, last, self.first_cue(q.close_end, last.end))
        for name, rule in RULES:
            att = rule(self, ask)
            if att is _NOBODY:
                return None
            if att is not None:
                assert isinstance(att, _Attribution)
                att.evidence = f"rule {name}: {att.evidence}"
                return att
        return None

    # -- the rules, in the order RULES tries them ------------------------------------------
    # Each returns an attribution (decided), _NOBODY (decided: nobody's words)
    # or None (not this rule's case: try the next).

    def _rule_interview_turn(self, a: _Ask) -> _Verdict:
        if a.q.turn is None:
            return None
        return self._interview_turn(a.q) or _NOBODY

    def _rule_unnamed_asker(self, a: _Ask) -> _Verdict:
        """'Asked by a journalist, "Will ...?", the minister said': the asker's question."""
        if a.q.text(self.body).rstrip()[-1:] == "?" and _ASKED_BY_UNNAMED_RE.search(
            self.nar, a.first.start, a.q.open_at
        ):
            return _NOBODY
        return None

    def _rule_cue_after(self, a: _Ask) -> _Verdict:
        """A cue right after the quote (or after its first part, for a split quote)."""
        for _, seg_end in a.q.outer:
            sent = self.sentences[self.sentence_at(seg_end - 1)]
            c = self.first_cue(seg_end, sent.end)
            if c is not None and _only_titles(self.nar[seg_end : c.pos], c):
                return (
                    self._relayed(a.q, a.first, c)
                    or self._from_cue(c, sent, adjacent=True)
                    or _NOBODY
                )
        return None

    def _rule_parenthesised(self, a: _Ask) -> _Verdict:
        """A quote in parentheses between subject and verb: 'Holm ("...") said'."""
        q = a.q
        for c in self.cues_between(max(a.first.start, q.open_at - _NEAR), q.open_at):
            if (
                c.mention is not None
                and c.mention.end <= q.open_at
                and c.verb_pos >= q.close_end
                and self.nar[c.mention.end : q.open_at].strip() == "("
            ):
                return self._from_cue(c, a.first, adjacent=False, woven=True) or _NOBODY
        return None

    def _rule_cue_before(self, a: _Ask) -> _Verdict:
        """A cue earlier in the sentence: 'Holm said: "..."', 'Holm called it "..."'."""
        c = self.last_cue_before(a.first.start, a.q.open_at)
        if c is None:
            return None
        gap = self.nar[c.end : a.q.open_at]
        if _UNNAMED_SPEAKER_RE.search(gap):
            return _NOBODY  # 'she recalled that an officer had told her: "..."'
        adjacent = MASK not in gap and len(gap.split()) <= 6
        return self._from_cue(c, a.first, adjacent=adjacent, woven=not adjacent) or _NOBODY

    def _rule_non_person_source(self, a: _Ask) -> _Verdict:
        """'"...," officials said': an explicit speaker who is not one person."""
        return _NOBODY if self._non_person_cue_after(a.q) else None

    def _rule_subject_participle(self, a: _Ask) -> _Verdict:
        """The sentence's subject, then a participle: 'Holm defended ..., saying "..."'."""
        for m in self.cast.iter_mentions(a.first.start, a.q.open_at):
            if m.entity is None or not m.subject or m.possessive:
                continue
            words = _LOWER_WORD_RE.findall(self.nar, m.end, a.q.open_at)
            verb = next((w for w in words if w in SPEECH_PARTICIPLES), None)
            if verb:
                c = _Cue(m.start, m.end, verb, m.end, m)
                return self._from_cue(c, a.first, adjacent=False, woven=True) or _NOBODY
            return None
        return None

    def _rule_colon_lead(self, a: _Ask) -> _Verdict:
        """'Her verdict was simple: "..."': the words a possessive announces."""
        nar = self.nar
        lead = _COLON_LEAD_RE.match(nar, a.first.start, a.q.open_at)
        if lead and not a.after and nar[lead.end() : a.q.open_at].strip(" \n") == "":
            m = self.cast.mention_at(lead.start(1), nar)
            if m is not None and m.entity is not None and m.kind != "role":
                c = _Cue(m.start, lead.end(), lead.group(2), lead.start(2), m)
                return self._from_cue(c, a.first, adjacent=True) or _NOBODY
        return None

    def _rule_subject_colon(self, a: _Ask) -> _Verdict:
        """'Holm was blunt: "We lost."': a whole-sentence quote after its subject's colon.

        Only when the subject is the one person the lead names: 'Holm read the
        charges against Frey: "..."' stays unattributed.
        """
        q, nar = a.q, self.nar
        text = q.text(self.body)
        lead = nar[a.first.start : q.open_at]
        if a.after is not None or not lead.rstrip().endswith(":") or MASK in lead:
            return None
        if not (text[:1].isupper() or text[:1].isdigit()):
            return None
        people = [
            m
            for m in self.cast.iter_mentions(a.first.start, q.open_at)
            if m.entity is not None and m.kind != "role" and not m.possessive
        ]
        if len({m.entity for m in people}) != 1 or not people[0].subject:
            return None
        m = people[0]
        name = self.cast.entities[m.entity].name
        return _Attribution(
            m.entity,
            "",
            f"no cue; '{m.text}' -> '{name}', the subject announcing the quote with a colon",
            _CONF_PREVIOUS_SENTENCE,
            a.first,
            m.start,
            dated=False,
        )

    def _rule_author_first_person(self, a: _Ask) -> _Verdict:
        """'I told them: "..."' in an op-ed or a column: the byline's author."""
        if not self.author:
            return None
        hits = list(_FIRST_PERSON_CUE_RE.finditer(self.nar, a.first.start, a.q.open_at))
        found = hits[-1] if hits else None  # the last 'I said' before the quote
        if found is None or MASK in self.nar[found.end() : a.q.open_at]:
            return None
        entity = self.cast.person_named(self.author)
        return _Attribution(
            entity,
            found.group(1),
            f"'I {found.group(1)}' -> '{self.cast.entities[entity].name}', the author",
            _CONF_WOVEN,
            a.first,
            found.start(1),
        )

    def _rule_cue_later(self, a: _Ask) -> _Verdict:
        """A cue later in the sentence: '"..." was how Holm put it'."""
        if a.after is None:
            return None
        return self._from_cue(a.after, a.last, adjacent=False, woven=True) or _NOBODY

    def _rule_fragment_without_cue(self, a: _Ask) -> _Verdict:
        """Past this point only whole-sentence quotes can borrow a speaker from around them."""
        text = a.q.text(self.body).lstrip("[")  # '"[Holm's] comments were ..."'
        lead_in = self.nar[a.first.start : a.q.open_at].replace(MASK, " ").strip()
        if lead_in in _CONTINUING_LEADS:
            lead_in = ""  # 'But "it helps."' goes on with the speaker before
        if lead_in or not (text[:1].isupper() or text[:1].isdigit()):
            return _NOBODY
        return None

    def _rule_next_sentence(self, a: _Ask) -> _Verdict:
        """The cue in the next sentence: '"...." This was stated by Holm on Monday.'"""
        att, named = self._next_sentence_cue(a.q, a.last)
        if named:
            return att or _NOBODY  # nobody when the named source is no person
        return None

    def _rule_signed_below(self, a: _Ask) -> _Verdict:
        return self._signed_below(a.q, a.last)

    def _previous_in_paragraph(self, a: _Ask) -> Sentence | None:
        idx = self.sentence_at(a.q.open_at)
        prev = self.sentences[idx - 1] if idx > 0 else None
        return prev if prev is not None and prev.paragraph == a.first.paragraph else None

    def _rule_continues_quote(self, a: _Ask) -> _Verdict:
        """'"A," Holm said. "B."': B continues the quote of the sentence before."""
        prev = self._previous_in_paragraph(a)
        if prev is None:
            return None
        idx = self.sentence_at(a.q.open_at)
        for pq, pa in reversed(a.previous):
            if self.sentence_at(pq.close_end - 1) + 1 < idx - 1:
                break  # earlier quotes and their cues lie before the previous sentence
            if pa.sentence is prev or prev.start <= pq.open_at < prev.end:
                return _Attribution(
                    pa.entity,
                    pa.cue,
                    "continues the quote of "
                    f"'{self.cast.entities[pa.entity].name}' in the previous sentence",
                    _CONF_CONTINUATION,
                    pa.sentence,
                    pa.anchor,
                    pa.reporter,
                    dated=pa.dated,
                    local=False,
                )
        return None

    def _rule_cue_in_previous_sentence(self, a: _Ask) -> _Verdict:
        """'Holm spoke to reporters on Monday. "We will win."': the speaker just before."""
        prev = self._previous_in_paragraph(a)
        if prev is None:
            return None
        prev_cues = [c for c in self.cues_in(prev) if c.mention and c.mention.entity is not None]
        if not prev_cues:
            return None
        att = self._from_cue(prev_cues[-1], prev, adjacent=False)
        if att is None:
            return _NOBODY
        att.confidence = _CONF_PREVIOUS_SENTENCE
        att.evidence = "no cue; " + att.evidence + " in the previous sentence"
        att.dated = False
        att.local = False
        return att

    def _rule_previous_subject(self, a: _Ask) -> _Verdict:
        prev = self._previous_in_paragraph(a)
        if prev is None:
            return None
        return self._previous_subject(a.q, prev) or _NOBODY

    def _rule_mid_paragraph(self, a: _Ask) -> _Verdict:
        """Below: only a quote that opens its paragraph borrows a speaker from the one before."""
        return _NOBODY if a.first.start != self.paragraphs[a.first.paragraph][0] else None

    def _rule_announced(self, a: _Ask) -> _Verdict:
        """A paragraph announced by the one before: 'Holm said in a statement:'."""
        idx = self.sentence_at(a.q.open_at)
        if idx > 0 and self.sentences[idx - 1].paragraph == a.first.paragraph - 1:
            return self._announced(self.sentences[idx - 1])
        return None

    def _rule_last_speaker(self, a: _Ask) -> _Verdict:
        """A paragraph that opens with an unattributed quote: the last speaker."""
        if not a.previous:
            return _NOBODY
        pq, pa = a.previous[-1]
        prev_para = self.sentences[self.sentence_at(pq.open_at)].paragraph
        if prev_para != a.first.paragraph - 1 or self._others_between(
            pq.close_end, a.q.open_at, pa
        ):
            return _NOBODY
        name = self.cast.entities[pa.entity].name
        return _Attribution(
            pa.entity,
            "",
            f"no cue; last speaker '{name}' in the previous paragraph",
            _CONF_LAST_SPEAKER,
            a.first,
            a.q.open_at,
            None,
            dated=False,
            local=False,
        )

    def _interview_turn(self, q: Quote) -> _Attribution | None:
        """Rule interview-turn: 'Q:' is the interviewer, 'A:' the person interviewed.

        A name before the turn ('Holm: ...') is that person; a paragraph
        without a label continues the turn before it.
        """
        assert q.turn is not None
        label_at, label_end = q.turn
        label = self.body[label_at:label_end].rstrip(" \t:.")
        if label in ("A", "Answer", ""):
            entity, verb, who = self._interviewee(), "answered", "the person interviewed"
        elif label in ("Q", "Question"):
            entity, verb, who = self._interviewer(), "asked", "the interviewer"
        else:
            m = self.cast.mention_at(label_at, self.nar)
            entity = m.entity if m is not None and m.kind == "name" else None
            if entity is None:
                entity = self._person_by_label(label)  # 'HOLM:' in a broadcast transcript
            verb, who = "said", "named before the turn"
        if entity is None:
            return None
        name = self.cast.entities[entity].name
        shown = f"'{label}:'" if label else "an unlabelled answer"
        return _Attribution(
            entity,
            verb,
            f"{shown} -> '{name}', {who}",
            _CONF_WOVEN,
            self.sentences[self.sentence_at(q.open_at)],
            q.open_at,
            dated=False,
        )

    def _person_by_label(self, label: str) -> int | None:
        """The one person whose full name or surname a turn's label spells, in any case."""
        key = name_key(label)
        found = {i for i, e in enumerate(self.cast.entities) if key in e.keys or key in e.surnames}
        return found.pop() if len(found) == 1 else None

    def _intro_end(self) -> int:
        """Where an interview's first turn starts: the introduction is before it."""
        return next((q.turn[0] for q in self.quotes if q.turn is not None), 0)

    def _interviewee(self) -> int | None:
        """Who answers: named after 'an interview with', else the most named in the intro."""
        if self._answering is None:
            end = self._intro_end()
            found = self._named_after(_INTERVIEWED_RE, end)
            if found is None:
                askers = {self._interviewer(), *self._labelled()}
                counts = Counter(
                    m.entity
                    for m in self.cast.mentions_between(0, end)
                    if m.kind == "name" and m.entity is not None and m.entity not in askers
                )
                found = counts.most_common(1)[0][0] if counts else None
            self._answering = (found,)
        return self._answering[0]

    def _labelled(self) -> set[int]:
        """The people named in front of interview turns."""
        out = set()
        for q in self.quotes:
            m = self.cast.mention_at(q.turn[0], self.nar) if q.turn else None
            if m is not None and m.entity is not None:
                out.add(m.entity)
        return out

    def _interviewer(self) -> int | None:
        """Who asks: the byline's or 'interviewed by' name in the introduction."""
        if self._asking is None:
            found = self._named_after(_INTERVIEWER_RE, self._intro_end())
            if found is None and self.author:
                found = self.cast.person_named(self.author)  # the byline asks
            self._asking = (found,)
        return self._asking[0]

    def _named_after(self, phrase: re.Pattern[str], end: int) -> int | None:
        """The person first named after ``phrase`` in its sentence, before ``end``."""
        for m in phrase.finditer(self.nar, 0, end):
            found = self._first_name_in_sentence(m.end(), end)
            if found is not None:
                return found
        return None

    def _first_name_in_sentence(self, pos: int, end: int) -> int | None:
        stop = _SENTENCE_STOP_RE.search(self.nar, pos, min(end, pos + 120))
        hi = stop.start() if stop else min(end, pos + 120)
        for m in self.cast.iter_mentions(pos, hi):
            if m.kind == "name" and m.entity is not None and not m.possessive:
                return m.entity
        return None

    def _previous_subject(self, q: Quote, prev: Sentence) -> _Attribution | None:
        """'Clinton touted her record. "We need fair elections."': the subject just before.

        A quote that is a whole sentence, after a sentence of narration with no
        speech verb, belongs to that sentence's named subject.
        """
        if MASK in self.nar[prev.start : prev.end]:
            return None
        after = re.split(r"[.;:!?\x00\n]", self.nar[q.close_end : q.close_end + 80], maxsplit=1)[0]
        if any(w in SPEECH_VERBS for w in _LOWER_WORD_RE.findall(after)[:7]):
            return None  # '"...," the head of state said': a cue we could not resolve
        for m in self.cast.iter_mentions(prev.start, prev.end):
            if m.kind == "name" and m.subject and not m.possessive and m.entity is not None:
                name = self.cast.entities[m.entity].name
                return _Attribution(
                    m.entity,
                    "",
                    f"no cue; '{m.text}' -> '{name}', subject of the sentence before",
                    _CONF_LAST_SPEAKER,
                    prev,
                    m.start,
                    dated=False,
                    local=False,
                )
            if m.kind == "name":
                return None  # someone else is named first: unclear
        return None

    def _signed_below(self, q: Quote, last: Sentence) -> _Attribution | None:
        """A quote paragraph signed on the line below: '"Great speech." / - President Holm'.

        Social-media posts and pull-quotes name their author after a dash on
        the next line.
        """
        lo, hi = self.paragraphs[last.paragraph]
        rest = self.nar[q.close_end : hi].strip(" .\x00")
        if rest and SIGNATURE_LINE_RE.fullmatch(rest):
            nlo, nhi = hi - len(rest), hi  # '"..." - Lena Varga (@lenavarga)' on one line
        elif rest or last.paragraph + 1 >= len(self.paragraphs):
            return None
        else:
            nlo, nhi = self.paragraphs[last.paragraph + 1]
        dash = _SIGNATURE_RE.match(self.nar, nlo, nhi)
        m = self._titled_name_after(dash.end()) if dash else None
        if m is None or m.entity is None:
            return None
        name = self.cast.entities[m.entity].name
        return _Attribution(
            m.entity,
            "",
            f"'{m.text}' -> '{name}' signing after a dash",
            _CONF_CONTINUATION,
            self.sentences[self.sentence_at(nlo)],
            nlo,
            dated=False,
            local=False,
        )

    def _next_sentence_cue(self, q: Quote, last: Sentence) -> tuple[_Attribution | None, bool]:
        """'"...." This was stated by Holm.' / '"...." Holm said this on Monday.'

        Returns the attribution and whether the next sentence names a source at all.
        """
        if self.nar[q.close_end : last.end].strip(" \x00\n,.!?\u2026\"'\u201d\u2019"):
            return None, False  # the quote does not end its sentence
        idx = self.sentence_at(last.start)
        if idx + 1 >= len(self.sentences):
            return None, False
        nxt = self.sentences[idx + 1]
        m = _NEXT_SENTENCE_CUE_RE.match(self.nar, nxt.start, nxt.end)
        if nxt.paragraph != last.paragraph and not (
            m and nxt.paragraph == last.paragraph + 1 and self._fills_paragraph(q)
        ):
            return None, False  # '"...." / This was stated by Holm.' may take a paragraph
        cue: _Cue | None = None
        if m:
            for mention in self.cast.mentions_between(m.end(), min(nxt.end, m.end() + 80)):
                if mention.entity is None or mention.possessive or mention.kind == "pronoun":
                    continue
                gap = self.nar[m.end() : mention.start]
                if MASK in gap or not _only_title_words(gap):
                    return None, True
                cue = _Cue(mention.start, mention.end, m.group(1), m.start(1), mention)
                break
        else:
            for c in self.cues_in(nxt):
                if c.pos > nxt.start or c.verb == "according to":
                    break
                if _THIS_AFTER_VERB_RE.match(self.nar, c.verb_pos + len(c.verb)):
                    cue = c
                break
        if cue is None or cue.mention is None or cue.mention.entity is None:
            return None, bool(m)
        att = self._from_cue(cue, nxt, adjacent=False)
        if att is not None:
            att.evidence += " in the next sentence"
            att.confidence = _CONF_CONTINUATION
            att.local = False
        return att, True

    def _fills_paragraph(self, q: Quote) -> bool:
        """The quote is all its paragraph holds."""
        para = self.sentences[self.sentence_at(q.open_at)].paragraph
        lo, hi = self.paragraphs[para]
        rest = self.nar[lo : q.open_at] + self.nar[q.close_end : hi]
        return not rest.strip(" \x00\n.,")

    def date_of_speaker_before(self, sent: Sentence, entity: int) -> date | None:
        """'Holm, speaking on Tuesday, denied it. "...," the chairman said.'

        A cue sentence without a day takes the day of the sentence before it
        when that one reports the same person speaking.
        """
        idx = self.sentence_at(sent.start)
        if idx == 0 or self.sentences[idx - 1].paragraph != sent.paragraph:
            return None
        prev = self.sentences[idx - 1]
        for c in self.cues_in(prev):
            if c.mention is not None and c.mention.entity == entity and c.verb != "according to":
                found, _ = date_near(self.nar, prev.start, prev.end, c.verb_pos, self.published_on)
                return found
        return None

    def _introduced(self, prev: Sentence) -> _Attribution | None:
        """'Kalnavis described the moment the talks nearly collapsed.' then a quote paragraph.

        A paragraph of narration (no quote in it) whose last sentence has a
        person speaking introduces the uncued quote that opens the next one.
        """
        lo, hi = self.paragraphs[prev.paragraph]
        if MASK in self.nar[lo:hi]:
            return None
        cues = [
            c
            for c in self.cues_in(prev)
            if c.mention and c.mention.entity is not None and c.verb != "according to"
        ]
        att = self._from_cue(cues[-1], prev, adjacent=False) if cues else None
        if att is not None:
            att.evidence = "no cue; " + att.evidence + " introducing the paragraph"
            att.confidence = _CONF_LAST_SPEAKER
            att.dated = False
            att.local = False
        return att

    def _announced(self, prev: Sentence) -> _Attribution | None:
        """The speaker of a sentence ending in a colon, or announcing excerpts of someone's words."""
        tail = self.nar[prev.start : prev.end].rstrip()
        if tail.endswith(":"):
            cues = [c for c in self.cues_in(prev) if c.mention and c.mention.entity is not None]
            att = self._from_cue(cues[-1], prev, adjacent=True) if cues else None
            if att is not None:
                att.evidence += " announcing the paragraph"
                att.local = False
            return att
        if not _EXCERPTS_RE.search(tail):
            return self._introduced(prev)
        lo = self.paragraphs[prev.paragraph][
            0
        ]  # "excerpts from his speech": whose is in the paragraph
        ms = [m for m in self.cast.mentions_between(lo, prev.end) if m.entity is not None]
        if not ms:
            return None
        name = self.cast.entities[ms[-1].entity].name
        return _Attribution(
            ms[-1].entity,
            "",
            f"no cue; excerpts of '{name}' announced in the previous paragraph",
            _CONF_PREVIOUS_SENTENCE,
            prev,
            prev.start,
            dated=False,
            local=False,
        )

    def _relayed(self, q: Quote, first: Sentence, after: _Cue) -> _Attribution | None:
        """'Sokol told her that his government "needs more time," she said.'

        A fragment inside someone else's reported clause, with a closing cue of
        another person: the clause's subject spoke, the closing cue relays.
        """
        if after.mention is None or after.mention.entity is None:
            return None
        c = self.last_cue_before(first.start, q.open_at)
        if c is None or not self.nar[first.start : q.open_at].strip(" \x00"):
            return None
        if c.mention is None or c.mention.entity in (None, after.mention.entity):
            return None
        if MASK in self.nar[c.end : q.open_at] or c.verb == "according to":
            return None
        att = self._from_cue(c, first, adjacent=False, woven=True)
        if att is not None:
            att.reporter = after.mention.entity
            att.evidence += f", relayed by '{self.cast.entities[after.mention.entity].name}'"
        return att

    def quoted_inside(self, q: Quote, att: _Attribution) -> list[tuple[Statement, int]]:
        """'"He told me, 'The river never came this far,'" she said.': the inner words are his.

        A quote inside a quote, announced inside it by a speech verb with a
        pronoun or a surname as subject, is a statement of that person,
        reported by the outer speaker. The pronoun takes the person of its
        gender named last before the quote, other than the outer speaker.
        """
        out: list[tuple[Statement, int]] = []
        outer_name = self.cast.entities[att.entity].name
        for s, e in q.nested:
            text = self.body[s:e].strip().rstrip(",")
            if len(_WORD_RE.findall(text)) < 3:
                continue  # a scare-quoted term inside the quote
            lead = _INNER_CUE_RE.search(self.body, max(q.start, s - 160), max(q.start, s - 1))
            if lead is None:
                continue
            who = self._inner_speaker(lead.group("subj"), q.open_at, att.entity)
            if who is None:
                continue
            name = self.cast.entities[who].name
            out.append(
                (
                    Statement(
                        text=text,
                        spans=((s, s + len(text)),),
                        speaker=name,
                        kind=KIND_DIRECT,
                        reported_by=outer_name,
                        cue=lead.group("verb"),
                        evidence=f"rule nested-quote: '{lead.group('subj')}' -> '{name}' "
                        f"inside the words of '{outer_name}'",
                        confidence=_CONF_NESTED,
                    ),
                    who,
                )
            )
        return out

    def _inner_speaker(self, subject: str, before: int, outer: int) -> int | None:
        low = subject.lower()
        gender = {"he": "m", "she": "f"}.get(low)
        ents = self.cast.entities
        i = bisect.bisect_left(self.cast._starts, before) - 1
        recent = [
            m.entity
            for m in self.cast.mentions[max(0, i - 40) : i + 1][::-1]
            if m.entity is not None and m.entity != outer and not m.possessive
        ]
        if gender is None:
            key = name_key(subject)
            return next((x for x in recent if key in ents[x].surnames), None)
        # someone known to be a woman (a man) first, then someone of unknown sex
        for wanted in (gender, None):
            for x in recent:
                if ents[x].gender == wanted:
                    return x
        return None

    def _others_between(self, lo: int, hi: int, pa: _Attribution) -> bool:
        """Someone else named since the last statement makes the last speaker unclear."""
        return any(
            m.kind == "name" and m.entity != pa.entity and m.subject
            for m in self.cast.mentions_between(lo, hi)
        )

    def _non_person_cue_after(self, q: Quote) -> bool:
        """'"...," officials said': an explicit speaker who is not one person."""
        for _, seg_end in q.outer:
            sent = self.sentences[self.sentence_at(seg_end - 1)]
            cue = self.first_cue(seg_end, sent.end)
            m = _ANY_CUE_AFTER_RE.match(self.nar, seg_end, sent.end)
            if (
                m
                and m.group(1) in SPEECH_VERBS
                and MASK not in m.group()
                and (cue is None or cue.pos >= m.end())
            ):
                return True
            if _ANY_INVERTED_RE.match(self.nar, seg_end, sent.end) and (
                cue is None or cue.pos >= seg_end + 40
            ):
                return True
        return False

    def _from_cue(
        self, c: _Cue, sent: Sentence, adjacent: bool, woven: bool = False
    ) -> _Attribution | None:
        m = c.mention
        if m is None or m.entity is None:
            return None
        name = self.cast.entities[m.entity].name
        if m.kind == "pronoun":
            how = f"pronoun '{m.text}' -> '{name}'"
        elif m.kind == "role" and m.described:
            how = f"description '{m.detail}' -> '{name}' (named later)"
        elif m.kind == "role":
            later = " (named later)" if m.forward else ""
            how = f"role '{m.detail}' -> '{name}'{later}"
        else:
            how = f"subject '{m.text}'" if m.text == name else f"subject '{m.text}' -> '{name}'"
        conf = _CONF_ADJACENT if adjacent and not woven else _CONF_WOVEN
        if m.kind in ("pronoun", "role"):
            conf -= 0.1
        if self.cast.entities[m.entity].bare:
            conf -= 0.15  # a lone surname the article never introduced
        if m.forward:
            conf -= 0.2  # a guess from a title the article attaches to a name only later
        if m.described:
            conf = min(conf, _CONF_DESCRIBED)  # 'A member of the Senate' named afterwards
        reporter = self._reporter(c, sent)
        return _Attribution(
            m.entity,
            c.verb,
            f"cue '{c.verb}' with {how}",
            conf,
            sent,
            c.verb_pos,
            reporter,
            woven=woven,
        )

    def _reporter(self, c: _Cue, sent: Sentence) -> int | None:
        """'She recalled that the general had told her: "..."' -> the general, reported by her."""
        if c.mention is None or c.pos <= sent.start:
            return None
        for outer in reversed(self.cues_between(max(sent.start, c.pos - _NEAR), c.pos + 1)):
            if outer.end > c.pos or outer.mention is None or outer.mention.entity is None:
                continue
            if outer.mention.entity == c.mention.entity or outer.verb == "according to":
                continue
            gap = self.nar[outer.end : c.pos]
            if MASK not in gap and _REPORTING_THAT_RE.match(gap):
                return outer.mention.entity
        return None


# The attribution rules, most explicit first; the first that decides names the evidence.
RULES: tuple[tuple[str, Callable[[_Article, _Ask], _Verdict]], ...] = (
    ("interview-turn", _Article._rule_interview_turn),
    ("unnamed-asker", _Article._rule_unnamed_asker),
    ("cue-after", _Article._rule_cue_after),
    ("parenthesised", _Article._rule_parenthesised),
    ("cue-before", _Article._rule_cue_before),
    ("non-person-source", _Article._rule_non_person_source),
    ("subject-participle", _Article._rule_subject_participle),
    ("colon-lead", _Article._rule_colon_lead),
    ("subject-colon", _Article._rule_subject_colon),
    ("author-first-person", _Article._rule_author_first_person),
    ("cue-later", _Article._rule_cue_later),
    ("fragment-without-cue", _Article._rule_fragment_without_cue),
    ("next-sentence", _Article._rule_next_sentence),
    ("signed-below", _Article._rule_signed_below),
    ("continues-quote", _Article._rule_continues_quote),
    ("cue-in-previous-sentence", _Article._rule_cue_in_previous_sentence),
    ("previous-subject", _Article._rule_previous_subject),
    ("mid-paragraph", _Article._rule_mid_paragraph),
    ("announced", _Article._rule_announced),
    ("last-speaker", _Article._rule_last_speaker),
)


def _governed_by_speech(before: str) -> bool:
    """'promising travellers "no more queues"', 'calling it "a farce"': the speaker's object.

    A headline may repeat such words; they stay the speaker's. 'What he called
    "..."' marks a coinage and does not count.
    """
    words = re.findall(r"[\w\-\u2019']+|[^\w\s]", before.replace(MASK, " "))[-6:]
    for k in range(len(words) - 1, max(-1, len(words) - 4), -1):
        w = words[k]
        if w in SPEECH_VERBS or w in SPEECH_PARTICIPLES:
            between = words[k + 1 :]
            if any(not x.isalpha() or x.lower() in ("a", "an", "the") for x in between):
                return False
            return "what" not in (x.lower() for x in words[max(0, k - 2) : k])
        if not w.isalpha() or not w.islower():
            return False
    return False


def _after_term_marker(before: str) -> bool:
    tail = before.rstrip().lower()
    if not tail.endswith(_TERM_MARKERS):
        return False
    for marker in _TERM_MARKERS:
        if tail.endswith(marker):
            k = len(tail) - len(marker) - 1
            if k < 0 or not (tail[k].isalnum() or tail[k] == "-"):
                return True  # a whole word: "so-called", not "unnamed"
    return False


def _only_title_words(gap: str) -> bool:
    """'opposition lawmaker ', 'Deputy Foreign Minister ': nothing but a title before a name.

    Up to two other lower-case words may qualify a title that ends the gap
    ('party boss', 'top foreign policy aide').
    """
    words = gap.split()
    if len(words) > 6:
        return False
    others = [w for w in words if not _title_word(w)]
    last = words[-1].lower().rstrip(".") if words else ""
    return not others or (
        len(others) <= _TITLE_QUALIFIERS
        and all(w.isalpha() and w.islower() and w not in ("a", "an") for w in others)
        and (last in TITLES or last in ROLE_NOUNS)
    )


_TITLE_QUALIFIERS = 2


def _title_word(w: str) -> bool:
    return (
        w.lower().rstrip(".") in TITLES
        or w.lower() in ROLE_NOUNS
        or w[:1].isupper()
        or w in ("of", "the", "for", "and")
        or w in TITLE_MODIFIERS
        or _ORDINAL_RE.fullmatch(w) is not None  # 'Air Force 1st Lt.'
    )


_POSSESSIVE_END_RE = re.compile(r"(?:\u2019|')?s?\s*")
_ORDINAL_RE = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _only_titles(gap: str, c: _Cue) -> bool:
    """Nothing but punctuation, or a title before a name ('," spokeswoman Lena Varga said')."""
    words = gap.strip(" ,\u2014\u2013\n").split()
    if not words:
        return True
    if c.mention is None or c.mention.kind != "name" or len(words) > 6 or MASK in gap:
        return False
    return all(
        w.lower().rstrip(".") in TITLES
        or w.lower() in ROLE_NOUNS
        or w[:1].isupper()
        or w in ("of", "the", "for")
        for w in words
    )


@lru_cache(maxsize=1024)
def _fold_tokens(text: str) -> tuple[str, ...]:
    """Lower-case tokens with a plural "s" dropped: "color revolutions" ~ "color revolution".

    Kept for the latest texts: an article folds each quote for several checks.
    """
    toks = _WORD_RE.findall(text.lower().replace("\u2019", "'"))
    return tuple(t[:-1] if len(t) > 3 and t[-1] == "s" else t for t in toks)


_FOLDED_TERM_MARKERS = tuple(" " + " ".join(_fold_tokens(m)) + " " for m in _TERM_MARKERS)
_SHORT_PHRASE = 3
# 'Gilmore said. Fiorina, speaking to voters, said,': two utterances, not one split quote
_SENTENCE_END_IN_GAP_RE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
# Up to this many quotes a phrase is looked up by reading them all; beyond, by an index.
_FEW_QUOTES = 60
_SENTENCE_WORDS = 5  # a quote this long is someone's sentence, not a term


def _without_nested(body: str, q: Quote) -> str:
    """A quote's words with the quotes inside it cut out."""
    parts = []
    for lo, hi in q.spans:
        pos = lo
        for s, e in q.nested:
            if lo <= s < hi and s >= pos:
                parts.append(body[pos:s])
                pos = min(hi, e + 1)
        parts.append(body[pos:hi])
    return " ".join(parts)


def _phrases(text: str) -> set[tuple[str, ...]]:
    """Every run of up to _SHORT_PHRASE folded words in text, once."""
    toks = _fold_tokens(text)
    return {
        tuple(toks[i : i + n])
        for n in range(1, _SHORT_PHRASE + 1)
        for i in range(len(toks) - n + 1)
    }


def _merge_split_quotes(art: _Article) -> list[Quote]:
    """'"We will act," she said, "and fast."' is one utterance: join the two quotes."""
    out: list[Quote] = []
    body, nar = art.body, art.nar
    for q in art.quotes:
        if out:
            p = out[-1]
            gap = nar[p.close_end : q.open_at]
            last_char = body[p.outer[-1][1] - 2 : p.outer[-1][1] - 1]
            if (
                last_char == ","
                and len(p.outer) == 1
                and gap.rstrip().endswith(",")
                and MASK not in gap
                and "\n" not in gap
                and len(gap) < 120
                and not _SENTENCE_END_IN_GAP_RE.search(gap)
                and art.has_cue_between(p.close_end, q.open_at)
            ):
                out[-1] = Quote(
                    spans=p.spans + q.spans,
                    outer=p.outer + q.outer,
                    marks=p.marks,
                    closed=q.closed,
                    nested=p.nested + q.nested,
                )
                continue
        out.append(q)
    return out


def _extract(
    body: str, published_on: date | None, title: str | None, author: str | None = None
) -> tuple[list[Statement], list[Person]]:
    art = _Article(body, published_on, title, author)
    statements: list[Statement] = []
    attributed: list[tuple[Quote, _Attribution]] = []
    involved: dict[int, None] = {}
    for q in _merge_split_quotes(art):
        text = q.text(body)
        words = _WORD_RE.findall(text)
        if not words or art.is_term(q, words):
            continue
        att = art.attribute(q, attributed)
        if att is None:
            continue
        short = len(words) <= 3
        if (
            short
            and not att.local
            and (att.confidence < _CONF_CONTINUATION or text.rstrip()[-1:] not in _PUNCT_END)
        ):
            continue  # a short fragment needs a speaker in its own sentence
        sent = art.sentences[art.sentence_at(q.open_at)]
        kind = art.kind(q, sent)
        said_on = None
        if att.dated:
            s = att.sentence
            said_on, _ = date_near(art.nar, s.start, s.end, att.anchor, published_on)
            if said_on is None:
                said_on = art.date_of_speaker_before(s, att.entity)
        entity = art.cast.entities[att.entity]
        reporter = art.cast.entities[att.reporter].name if att.reporter is not None else None
        statements.append(
            Statement(
                text=text,
                spans=q.spans,
                speaker=entity.name,
                kind=kind,
                reported_by=reporter,
                said_on=said_on,
                cue=att.cue,
                evidence=att.evidence,
                confidence=round(att.confidence, 2),
            )
        )
        attributed.append((q, att))
        involved[att.entity] = None
        if att.reporter is not None:
            involved[att.reporter] = None
        for inner, who in art.quoted_inside(q, att):
            statements.append(inner)
            involved[who] = None
    if len(statements) > 1:
        statements = _drop_repeats(statements)
    people = [art.cast.person(i) for i in involved]
    return statements, people


def _norm_text(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower().replace("\u2019", "'")))


_MAX_REPEAT_CHECKS = 200
_SHORT_TEXT = 20_000


def _drop_repeats(statements: list[Statement]) -> list[Statement]:
    """A pull-quote repeating words the same speaker already said is no new statement.

    '"...," she said.' then, standing alone, '"..." - Name': the shorter one goes
    when its words lie inside another statement of the same speaker (an exact
    repeat keeps its first occurrence). Candidates come from an index of the
    speaker's words, so a page repeating one quote thousands of times costs
    no more than reading it.
    """
    by_speaker: dict[str, list[int]] = {}
    for i, st in enumerate(statements):
        by_speaker.setdefault(st.speaker, []).append(i)
    drop: set[int] = set()
    for idxs in by_speaker.values():
        if len(idxs) < 2:
            continue
        lows = [statements[i].text.lower() for i in idxs]
        joined = "\x01".join(lows)
        mine_idxs = idxs
        if len(joined) < _SHORT_TEXT:  # most articles: skip quotes no other one repeats
            mine_idxs = [
                i
                for i, low in zip(idxs, lows, strict=True)
                if joined.count(low[len(low) // 3 : len(low) // 3 + 12]) > 1
            ]
            if not mine_idxs:
                continue
        norms: dict[int, str] = {}
        first_of: dict[str, int] = {}
        by_word: dict[str, list[str]] = {}
        for i in idxs:
            norm = norms[i] = f" {_norm_text(statements[i].text)} "
            if norm not in first_of:
                first_of[norm] = i
                for w in set(norm.split()):
                    by_word.setdefault(w, []).append(norm)
        for i in mine_idxs:
            mine = norms[i]
            if len(statements[i].text) < 16 or not mine.strip():
                continue
            if first_of[mine] != i:
                drop.add(i)
                continue
            rarest = min(set(mine.split()), key=lambda w: len(by_word[w]))
            if any(
                len(other) > len(mine) and mine in other
                for other in by_word[rarest][:_MAX_REPEAT_CHECKS]
            ):
                drop.add(i)
    if not drop:
        return statements
    return [st for i, st in enumerate(statements) if i not in drop]


def extract_statements(
    body: str,
    published_on: date | None = None,
    title: str | None = None,
    author: str | None = None,
) -> tuple[list[Statement], list[Person]]:
    """Statements of a cleaned article body and the people who made them.

    ``title`` is optional: a phrase quoted in the headline too is a term, not
    anyone's words. ``author`` (the byline) is who 'I' is in the narration of
    an op-ed or a column. Returns only the people who speak or relay statements.
    Odd input yields fewer statements; an exception here is a bug of the
    engine and propagates, so the import reports it for the file instead of
    storing an article with no statements.
    """
    if not body:
        return [], []
    return _extract(body, published_on, title, author)
