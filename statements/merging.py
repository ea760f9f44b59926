"""Merging speakers that are one person, and splitting a wrongly merged one.

Plain functions so the admin, a command or a test can call them. Every row is
saved one by one (not ``update()``) so django-simple-history records each
change with the request's user and a reason.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from django.core.cache import cache
from django.db import transaction
from django.utils.text import slugify

from statements.extraction.names import name_key
from statements.models import Speaker, SpeakerAlias, SpeakerRedirect, SpeakerRole, Statement
from statements.models.speaker import unique_slug
from statements.reasons import set_reason


@dataclass
class MergeResult:
    kept: Speaker
    merged_names: list[str] = field(default_factory=list)
    statements_moved: int = 0
    reported_moved: int = 0
    roles_moved: int = 0
    aliases_moved: int = 0

    def __str__(self) -> str:
        return (
            f"Merged {', '.join(self.merged_names)} into {self.kept}: "
            f"{self.statements_moved} statements, {self.reported_moved} relayed statements, "
            f"{self.roles_moved} roles and {self.aliases_moved} aliases moved."
        )


def _save(obj, reason: str, **kwargs) -> None:
    set_reason(obj, reason)
    obj.save(**kwargs)


def rename_speaker(speaker: Speaker, name: str, *, reason: str = "") -> Speaker:
    """Give ``speaker`` its right name and a slug that reads like it; the old URL redirects.

    The old name stays one of its aliases, so imports of either spelling land here.
    """
    name = " ".join(name.split())
    if not name or name == speaker.name:
        return speaker
    old_slug = speaker.slug
    speaker.name = name
    speaker.slug = unique_slug(Speaker, name) if slugify_differs(old_slug, name) else old_slug
    _save(speaker, reason or f"Renamed to {name}")
    SpeakerRedirect.record(old_slug, speaker)
    # A slug given back to its speaker is no longer a redirect.
    SpeakerRedirect.objects.filter(old_slug=speaker.slug).delete()
    return speaker


def slugify_differs(slug: str, name: str) -> bool:
    """Whether ``name`` would get another slug than ``slug`` (a case or accent fix would not)."""
    return slugify(name)[:80].strip("-") != slug


@transaction.atomic
def merge_speakers(
    keep: Speaker, others: Iterable[Speaker], *, canonical_name: str = ""
) -> MergeResult:
    """Fold ``others`` into ``keep`` and delete them; ``canonical_name`` names the person right.

    Statements (as speaker and as relayer), roles and aliases move to ``keep``;
    the merged-away names stay as aliases, so later imports of those spellings
    find ``keep`` through ``Speaker.objects.by_name``. The merged-away speakers'
    page addresses (and any older ones) redirect to ``keep``'s page.
    """
    result = MergeResult(kept=keep)
    others = [o for o in others if o.pk != keep.pk]
    final_name = " ".join(canonical_name.split()) or keep.name
    for other in others:
        reason = f"Merged speaker {other.name} (#{other.pk}) into {final_name} (#{keep.pk})"
        result.merged_names.append(other.name)
        for st in Statement.objects.filter(speaker=other):
            st.speaker = keep
            _save(st, reason, update_fields=["speaker", "updated_at"])
            result.statements_moved += 1
        for st in Statement.objects.filter(reported_by=other):
            st.reported_by = keep
            _save(st, reason, update_fields=["reported_by", "updated_at"])
            result.reported_moved += 1
        for role in SpeakerRole.objects.filter(speaker=other):
            duplicate = SpeakerRole.objects.filter(
                speaker=keep, title=role.title, reported_on=role.reported_on
            ).exists()
            if duplicate:
                set_reason(role, reason)
                role.delete()
            else:
                role.speaker = keep
                _save(role, reason)
                result.roles_moved += 1
        # The other's canonical name is one of its aliases, so it moves too.
        for alias in SpeakerAlias.objects.filter(speaker=other):
            alias.speaker = keep
            _save(alias, reason)
            result.aliases_moved += 1
        if not keep.country and other.country:
            keep.country = other.country
        if not keep.description and other.description:
            keep.description = other.description
        SpeakerRedirect.objects.filter(speaker=other).update(speaker=keep)
        SpeakerRedirect.record(other.slug, keep)
        set_reason(other, reason)
        other.delete()
    cache.delete(DUPLICATES_CACHE_KEY)
    merged = f"Merged {', '.join(result.merged_names)} into this speaker"
    if final_name != keep.name:
        rename_speaker(keep, final_name, reason=f"{merged}, named {final_name}")
    else:
        set_reason(keep, merged)
        keep.save()
    return result


@dataclass
class SplitResult:
    new_speaker: Speaker
    statements_moved: int = 0
    roles_moved: int = 0

    def __str__(self) -> str:
        return (
            f"Split off {self.new_speaker}: {self.statements_moved} statements and "
            f"{self.roles_moved} roles moved."
        )


def article_uses_spelling(body: str, spelling: str) -> bool:
    """Whether ``spelling`` occurs in ``body`` as whole words, ignoring case and accents."""
    key = name_key(spelling)
    return bool(key) and f" {key} " in f" {name_key(body)} "


def statements_using_spelling(speaker: Speaker, alias: SpeakerAlias) -> list[Statement]:
    """The speaker's statements whose article names them by ``alias`` and by no other spelling.

    An article that also uses one of the speaker's remaining names is ambiguous
    and stays where it is; the editor can move it by hand.
    """
    others = [a.name for a in speaker.aliases.exclude(pk=alias.pk)]
    found = []
    for st in Statement.objects.filter(speaker=speaker).select_related("article"):
        body = st.article.body
        if article_uses_spelling(body, alias.name) and not any(
            article_uses_spelling(body, name) for name in others
        ):
            found.append(st)
    return found


@transaction.atomic
def split_speaker(
    speaker: Speaker,
    alias: SpeakerAlias,
    *,
    new_name: str = "",
    statements: Iterable[Statement] = (),
    by_spelling: bool = False,
) -> SplitResult:
    """Move ``alias`` to a new speaker, with chosen statements.

    ``statements`` are moved as given; ``by_spelling`` adds those whose article
    uses the alias' spelling (see ``statements_using_spelling``). Moved
    statements are marked edited so re-imports keep the editor's decision.
    """
    if alias.speaker_id != speaker.pk:
        raise ValueError(f"{alias.name!r} is not an alias of {speaker.name}.")
    if alias.key == name_key(speaker.name):
        raise ValueError("The speaker's own name cannot be split off; rename the speaker first.")
    # Fresh rows, and only the speaker's own: callers may hold stale instances.
    chosen = {
        st.pk: st
        for st in Statement.objects.filter(pk__in=[s.pk for s in statements], speaker=speaker)
    }
    if by_spelling:
        chosen.update({st.pk: st for st in statements_using_spelling(speaker, alias)})

    reason = f"Split {alias.name} off {speaker.name} (#{speaker.pk})"
    new = Speaker(name=(new_name or alias.name).strip(), country=speaker.country)
    _save(new, reason)  # its alias for the name is skipped while the old speaker holds the key
    alias.speaker = new
    _save(alias, reason)
    new.add_alias(new.name)  # when new_name is a different spelling

    for st in chosen.values():
        st.speaker = new
        st.edited_by_editor = True
        _save(st, reason, update_fields=["speaker", "edited_by_editor", "updated_at"])

    # A role goes along when it was reported in an article whose statements all moved.
    articles = {st.article_id for st in chosen.values()}
    staying = set(
        Statement.objects.filter(speaker=speaker, article_id__in=articles).values_list(
            "article_id", flat=True
        )
    )
    roles = list(speaker.roles.filter(article_id__in=articles - staying))
    for role in roles:
        role.speaker = new
        _save(role, reason)
    return SplitResult(new_speaker=new, statements_moved=len(chosen), roles_moved=len(roles))


# --- speakers that look like one person ------------------------------------------------------

DUPLICATES_CACHE_KEY = "speakers:likely-duplicates"
DUPLICATES_CACHE_SECONDS = 15 * 60  # a merge clears it at once
BLOCK_LIMIT = 60  # a very common surname is compared within its first 60 speakers only


@dataclass
class DuplicateProposal:
    """Two speakers that look like one person, and what makes them look so."""

    speaker_ids: tuple[int, int]
    score: float
    reasons: list[str]


@lru_cache(maxsize=65536)
def _letters(token: str) -> Counter:
    return Counter(token)


@lru_cache(maxsize=65536)
def _close(a: str, b: str, threshold: float) -> float:
    """How alike two name tokens are (SequenceMatcher ratio), 0 below ``threshold``.

    Cached (first names and surnames recur across pairs) and bounded by the
    lengths before any matching: most pairs in a block are nothing alike.
    """
    if a == b:
        return 1.0
    total = len(a) + len(b)
    if 2 * min(len(a), len(b)) / total < threshold:
        return 0.0
    # SequenceMatcher's quick_ratio, without building a matcher for every pair.
    if 2 * sum((_letters(a) & _letters(b)).values()) / total < threshold:
        return 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    return ratio if ratio >= threshold else 0.0


def _first_names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "J" and "John", "Jon" and "John", a surname alone and a full name: compatible."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    return x.startswith(y) or y.startswith(x) or _close(x, y, 0.75) > 0


Spelling = tuple[str, tuple[str, ...], str]  # key, first names, surname


def _spelling(key: str) -> Spelling:
    tokens = key.split()
    return key, tuple(tokens[:-1]), tokens[-1]


def _similarity(
    spellings_a: list[Spelling], spellings_b: list[Spelling], threshold: float
) -> tuple[float, str]:
    """The best match between two speakers' spellings; 0 when none reaches ``threshold``.

    Surnames are compared on their own (a shared first name says little), and
    only where the first names are compatible: "Jon"/"John", "J."/"Jonas".
    """
    best, pair, same = 0.0, ("", ""), False
    for a, first_a, surname_a in spellings_a:
        for b, first_b, surname_b in spellings_b:
            score = 0.9 if surname_a == surname_b else _close(surname_a, surname_b, threshold)
            if score > best and _first_names_match(first_a, first_b):
                best, pair, same = score, (a, b), surname_a == surname_b
    if not best:
        return 0.0, ""
    kind = "same surname" if same else "similar spellings"
    return best, f"{kind}: “{pair[0]}” and “{pair[1]}”"


def likely_duplicates(limit: int = 6, threshold: float = 0.86) -> list[DuplicateProposal]:
    """Pairs of speakers whose names look like one person's, best first.

    Compares every spelling (alias keys) of speakers that share a surname or
    its first three letters and first initial, so the work grows with the
    number of speakers, not their statements. Same country or a shared role
    title counts for; two different countries count against. Cached for a while:
    the desk shows it on every visit; a merge clears it.
    """
    cached = cache.get(DUPLICATES_CACHE_KEY)
    if cached is not None:
        return cached[:limit]
    keys: dict[int, list[Spelling]] = defaultdict(list)
    for speaker_id, key in SpeakerAlias.objects.values_list("speaker_id", "key").iterator():
        if key:
            keys[speaker_id].append(_spelling(key))
    blocks: dict[str, list[int]] = defaultdict(list)
    for speaker_id, spellings in keys.items():
        seen = set()
        for _key, first, surname in spellings:
            initial = (first[0] if first else surname)[:1]
            for block in (f"s:{surname}", f"p:{surname[:3]}:{initial}"):
                if block not in seen and len(blocks[block]) < BLOCK_LIMIT:
                    blocks[block].append(speaker_id)
                    seen.add(block)
    scored: dict[tuple[int, int], tuple[float, str]] = {}
    for members in blocks.values():
        members.sort()
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) not in scored:
                    scored[(a, b)] = _similarity(keys[a], keys[b], threshold)
    candidates = {pair: s for pair, s in scored.items() if s[0] >= threshold}
    ids = {i for pair in candidates for i in pair}
    countries = dict(Speaker.objects.filter(pk__in=ids).values_list("pk", "country"))
    roles: dict[int, set[str]] = defaultdict(set)
    for speaker_id, title in SpeakerRole.objects.filter(speaker_id__in=ids).values_list(
        "speaker_id", "title"
    ):
        roles[speaker_id].add(title.casefold())
    proposals = []
    for (a, b), (score, why) in candidates.items():
        reasons = [why]
        ca, cb = countries.get(a, ""), countries.get(b, "")
        if ca and cb and ca != cb:
            continue
        if ca and ca == cb:
            score += 0.05
            reasons.append(f"both {ca}")
        shared = roles[a] & roles[b]
        if shared:
            score += 0.05
            reasons.append(f"both “{sorted(shared)[0]}”")
        proposals.append(DuplicateProposal((a, b), round(score, 3), reasons))
    proposals.sort(key=lambda p: (-p.score, p.speaker_ids))
    cache.set(DUPLICATES_CACHE_KEY, proposals, DUPLICATES_CACHE_SECONDS)
    return proposals[:limit]
