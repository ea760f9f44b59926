"""Every statement of the shipped samples goes to the person who said it.

The samples are what a new user imports first; a wrong speaker there is the
first thing they see. Each statement is listed by its file, its first words
and its speaker: a statement lost, added or given to someone else fails.
"""

from pathlib import Path

from statements.extraction.pipeline import process
from statements.extraction.readers import read_path

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"

EXPECTED = [
    # 01_harbour_strike_begins.txt
    ("01_harbour_strike_begins.txt", "We did not choose this", "Rosa Ferrant"),
    ("01_harbour_strike_begins.txt", "stay out for as long", "Rosa Ferrant"),
    ("01_harbour_strike_begins.txt", "but not with a gun", "Viktor Halloran"),
    ("01_harbour_strike_begins.txt", "a gift to our competitors", "Viktor Halloran"),
    ("01_harbour_strike_begins.txt", "Every day the cranes stand", "Viktor Halloran"),
    ("01_harbour_strike_begins.txt", "I do not think that", "Viktor Halloran"),
    # 02_strike_talks_collapse.txt
    ("02_strike_talks_collapse.txt", "nothing but a lecture.", "Rosa Ferrant"),
    ("02_strike_talks_collapse.txt", "I came here to negotiate,", "Rosa Ferrant"),
    ("02_strike_talks_collapse.txt", "We will be back at", "Rosa Ferrant"),
    ("02_strike_talks_collapse.txt", "before the second page of", "Viktor Halloran"),
    ("02_strike_talks_collapse.txt", "not up for discussion.", "Viktor Halloran"),
    ("02_strike_talks_collapse.txt", "The door of this ministry", "Viktor Halloran"),
    ("02_strike_talks_collapse.txt", "But it opens from the", "Viktor Halloran"),
    ("02_strike_talks_collapse.txt", "to be back at the", "Helena Dravic"),
    # 03_port_aldin_blockade.html
    ("03_port_aldin_blockade.html", "If the ministry will not", "Rosa Ferrant"),
    ("03_port_aldin_blockade.html", "one day, or one month", "Rosa Ferrant"),
    ("03_port_aldin_blockade.html", "an illegal siege of a", "Viktor Halloran"),
    ("03_port_aldin_blockade.html", "keep the roads open and", "Viktor Halloran"),
    ("03_port_aldin_blockade.html", "Nobody will be dragged away", "Viktor Halloran"),
    ("03_port_aldin_blockade.html", "Not on my watch.", "Viktor Halloran"),
    ("03_port_aldin_blockade.html", "the patience this country is", "Anton Varga"),
    # 04_wire_roundup.jsonl#1
    ("04_wire_roundup.jsonl#1", "We have opened the gates,", "Rosa Ferrant"),
    ("04_wire_roundup.jsonl#1", "a return to common sense.", "Viktor Halloran"),
    # 04_wire_roundup.jsonl#2
    ("04_wire_roundup.jsonl#2", "It is not everything we", "Ferrant"),
    ("04_wire_roundup.jsonl#2", "Nobody lost this strike", "Anton Varga"),
    ("04_wire_roundup.jsonl#2", "Veloria won it.", "Anton Varga"),
    ("04_wire_roundup.jsonl#2", "relieved, and a little tired.", "Halloran"),
    # 04_wire_roundup.jsonl#3
    ("04_wire_roundup.jsonl#3", "slow, careful and, I hope,", "Karl Otto Brenner"),
    ("04_wire_roundup.jsonl#3", "with an open map and", "Tomas Keller"),
    ("04_wire_roundup.jsonl#3", "not sign anything that moves", "Tomas Keller"),
    # 05_kessel_round.pdf
    ("05_kessel_round.pdf", "We are closer than we", "Karl Otto Brenner"),
    ("05_kessel_round.pdf", "a question of sovereignty, not", "Tomas Keller"),
    ("05_kessel_round.pdf", "If Marenburg wants a deal", "Tomas Keller"),
    ("05_kessel_round.pdf", "theatre for the evening news", "Karl Otto Brenner"),
    ("05_kessel_round.pdf", "full confidence", "Helena Dravic"),
    # 06_dravic_recalls_general.txt
    ("06_dravic_recalls_general.txt", "own the problem it created.", "Helena Dravic"),
    ("06_dravic_recalls_general.txt", "the hardest of my time", "Helena Dravic"),
    ("06_dravic_recalls_general.txt", "Give me two weeks and", "Viktor Halloran"),
    ("06_dravic_recalls_general.txt", "I said it, and I", "Viktor Halloran"),
    ("06_dravic_recalls_general.txt", "Viktor has my confidence. He", "Helena Dravic"),
    ("06_dravic_recalls_general.txt", "is not a barracks, and", "Helena Dravic"),
    # 07_border_talks_open.txt
    ("07_border_talks_open.txt", "slow, careful and, I hope,", "Karl-Otto Brenner"),
    ("07_border_talks_open.txt", "Exciting border talks are the", "Karl-Otto Brenner"),
    ("07_border_talks_open.txt", "I would like ours to", "Karl-Otto Brenner"),
    ("07_border_talks_open.txt", "in good faith.", "Keller"),
    ("07_border_talks_open.txt", "We will listen. Listening is", "Keller"),
    ("07_border_talks_open.txt", "a chance this generation must", "Anton Varga"),
    # 08_brenner_profile.md
    ("08_brenner_profile.md", "I know every customs post", "Karl Otto Brenner"),
    ("08_brenner_profile.md", "Some of them I know", "Karl Otto Brenner"),
    ("08_brenner_profile.md", "negotiates like a glacier: you", "Rosa Ferrant"),
    ("08_brenner_profile.md", "Glaciers get there", "Karl Otto Brenner"),
    ("08_brenner_profile.md", "The border talks will not", "Karl Otto Brenner"),
    ("08_brenner_profile.md", "a serious man, which makes", "Tomas Keller"),
]


def _found() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(SAMPLES.iterdir()):
        for doc in read_path(path):
            for st in process(doc).statements:
                out.append((doc.source_file, " ".join(st.text.split()[:5]), st.speaker))
    return out


def test_every_sample_statement_has_its_speaker():
    assert _found() == EXPECTED


def test_the_profile_gives_other_peoples_words_to_them():
    """'Ostmark's Tomas Keller ... Brenner was, he said, "..."': Keller's words, not Brenner's."""
    profile = [(words, who) for name, words, who in _found() if name == "08_brenner_profile.md"]
    assert ("a serious man, which makes", "Tomas Keller") in profile
    assert ("negotiates like a glacier: you", "Rosa Ferrant") in profile
