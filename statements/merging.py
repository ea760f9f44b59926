"""Merging speakers that are one person, and splitting a wrongly merged one.

Plain functions so the admin, a command or a test can call them. Every row is
saved one by one (not ``update()``) so django-simple-history records each
change with the request's user and a reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from statements.extraction.names import name_key
from statements.models import Speaker, SpeakerAlias, SpeakerRole, Statement


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
    obj._change_reason = reason
    obj.save(**kwargs)


@transaction.atomic
def merge_speakers(keep: Speaker, others: Iterable[Speaker]) -> MergeResult:
    """Fold ``others`` into ``keep`` and delete them.

    Statements (as speaker and as relayer), roles and aliases move to ``keep``;
    the merged-away names stay as aliases, so later imports of those spellings
    find ``keep`` through ``Speaker.objects.by_name``.
    """
    result = MergeResult(kept=keep)
    others = [o for o in others if o.pk != keep.pk]
    for other in others:
        reason = f"Merged speaker {other.name} (#{other.pk}) into {keep.name} (#{keep.pk})"
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
                role._change_reason = reason
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
        other._change_reason = reason
        other.delete()
    keep._change_reason = f"Merged {', '.join(result.merged_names)} into this speaker"
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
