"""An import batch finds the stored utterances its quotes belong to (on PostgreSQL through
two indexes, not by comparing every utterance of the speaker), and nothing it needs is missed.
"""

from __future__ import annotations

import pytest

from statements.models import Utterance
from statements.utterances import _candidates, same_words, utterance_key
from tests.factories import make_speaker

LONG = "the harbour will reopen on monday and every crane will be working again"


def _stored(speaker, text: str) -> Utterance:
    return Utterance.objects.create(speaker=speaker, key=utterance_key(text))


def _belongs(u: Utterance, speaker_id: int, key: str) -> bool:
    """What the grouping asks of a candidate: the same words, or one inside the other."""
    if u.speaker_id != speaker_id:
        return False
    shorter, longer = sorted((u.key, key), key=len)
    return shorter in longer and same_words(shorter, longer)


@pytest.mark.django_db
def test_every_utterance_a_batch_needs_is_a_candidate():
    ilse, olaf = make_speaker("Ilse Marrow"), make_speaker("Olaf Brenn")
    stored = [
        _stored(ilse, LONG),  # holds the middle of the long quote, equals it
        _stored(ilse, "every crane will be working again"),  # inside the long quote
        _stored(ilse, "will reopen on monday and every crane"),  # inside, in the middle
        _stored(ilse, "No comment today"),  # a short quote, equal only
        _stored(ilse, "reopen on monday"),  # too short to count as part of another
        _stored(ilse, "the harbour will reopen on tuesday and every crane will idle"),
        _stored(olaf, LONG),  # the same words from someone else
        _stored(ilse, "and the bridges will be working again as before, every single one"),
        _stored(ilse, "And we will not let this go on, not now."),  # only short words
    ]
    wanted = sorted(
        {
            (ilse.pk, utterance_key(LONG)),
            (ilse.pk, utterance_key("No comment today!")),
            (ilse.pk, utterance_key("reopen on Monday and every crane will be")),
            (olaf.pk, utterance_key("Every crane will be working again.")),
            (ilse.pk, utterance_key("the harbour will reopen on monday")),
            (ilse.pk, utterance_key("We will not let this go on")),  # no word of five letters
        }
    )
    found = {u.pk for u in _candidates(wanted)}
    needed = {u.pk for u in stored if any(_belongs(u, s, key) for s, key in wanted)}
    assert needed == {u.pk for u in (*stored[:4], stored[6], stored[8])}
    assert needed <= found
