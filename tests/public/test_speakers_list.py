"""Finding a person: the directory by surname, its search box, and the speaker filter."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from statements.models import SpeakerRole
from tests.factories import make_speaker, make_statement

LIST = reverse("statements:speaker-list")


def test_directory_sorted_by_surname_with_role_and_country(client, db):
    ilse = make_speaker("Ilse Marrow", country="Veloria")
    SpeakerRole.objects.create(speaker=ilse, title="Harbour minister", reported_on=date(2023, 1, 1))
    SpeakerRole.objects.create(speaker=ilse, title="Prime minister", reported_on=date(2025, 1, 1))
    for name in ("Ilse Marrow", "Anna Zell", "Zoe Abbot"):
        speaker = ilse if name == "Ilse Marrow" else make_speaker(name)
        make_statement("The harbour stays open.", speaker=speaker)
    make_speaker("Silent Person")  # no statements: not listed
    response = client.get(LIST)
    names = [s.name for _, group in response.context["groups"] for s in group]
    assert names == ["Zoe Abbot", "Ilse Marrow", "Anna Zell"]
    html = response.content.decode()
    assert "Prime minister · Veloria" in html
    assert "Harbour minister" not in html  # only the latest role


def test_directory_entries_are_the_html_the_template_wrote(client, db):
    """Each line is written in Python for speed: the same HTML as the former template."""
    from django.template import Context, Template

    former = Template(
        '{% for speaker in items %}<li><a href="{{ speaker.get_absolute_url }}">{{ speaker.name }}'
        '</a> <span class="count">{{ speaker.statement_count }}<span class="visually-hidden">'
        " statement{{ speaker.statement_count|pluralize }}</span></span>"
        '{% if speaker.latest_role or speaker.country %}<br><span class="muted">'
        '{{ speaker.latest_role|default:"" }}{% if speaker.latest_role and speaker.country %}'
        " · {% endif %}{{ speaker.country }}</span>{% endif %}</li>{% endfor %}"
    )
    odd = make_speaker('Ilse "Ila" <Marrow> & Co', country="Veloria")
    SpeakerRole.objects.create(speaker=odd, title="Minister <of> Ports & Tides")
    make_statement("One.", speaker=odd)
    make_statement("Two.", speaker=make_speaker("Anna Zell"))  # no role, no country
    for n in range(2):
        make_statement(f"Three {n}.", speaker=make_speaker("Zoe Abbot", country="Dravonia"))
    response = client.get(LIST)
    html = response.content.decode()
    for _, group in response.context["groups"]:
        expected = former.render(Context({"items": group}))
        assert "".join(s.entry for s in group) == expected
        assert expected in html
    assert "&lt;Marrow&gt; &amp; Co" in html and "<Marrow>" not in html


def test_directory_search_matches_surnames_and_aliases(client, db):
    ilse = make_speaker("Ilse Marrow")
    ilse.add_alias("Ilze Marou")
    make_statement("The harbour stays open.", speaker=ilse)
    make_statement("The budget is balanced.", speaker=make_speaker("Tomas Quillfeather"))
    for query in ("marrow", "Marou", "ILSE"):
        names = [s.name for _, g in client.get(LIST, {"q": query}).context["groups"] for s in g]
        assert names == ["Ilse Marrow"], query
    assert "No speaker matches" in client.get(LIST, {"q": "Nobody"}).content.decode()


def test_directory_query_count_does_not_grow(client, db, django_assert_max_num_queries):
    for i in range(30):
        speaker = make_speaker(f"Person Number{i}", country="Veloria")
        SpeakerRole.objects.create(speaker=speaker, title="Mayor", reported_on=date(2024, 1, 1))
        make_statement("The harbour stays open.", speaker=speaker)
    with django_assert_max_num_queries(3):
        response = client.get(LIST)
    assert sum(len(g) for _, g in response.context["groups"]) == 30


def test_speaker_filter_accepts_a_surname(client, db):
    ilse = make_speaker("Ilse Halloran")
    mine = make_statement("The harbour stays open.", speaker=ilse)
    make_statement("The budget is balanced.", speaker=make_speaker("Tomas Quillfeather"))
    response = client.get(reverse("statements:statement-list"), {"speaker": "halloran"})
    assert [s.pk for s in response.context["statements"]] == [mine.pk]


def test_speaker_filter_asks_which_when_several_match(client, db):
    a, b = make_speaker("Ilse Halloran"), make_speaker("Piet Halloran")
    make_statement("The harbour stays open.", speaker=a)
    make_statement("The budget is balanced.", speaker=b)
    response = client.get(reverse("statements:statement-list"), {"speaker": "Halloran"})
    html = response.content.decode()
    assert "Which one do you mean?" in html
    assert f"speaker={a.slug}" in html and f"speaker={b.slug}" in html


def test_speaker_page_reads_one_articles_quotes_in_order(client, db):
    from tests.factories import make_article

    ilse = make_speaker("Ilse Marrow")
    article = make_article(
        body='"The harbour opens," she said. Later: "The cranes return," she added.',
        published_on=date(2025, 3, 4),
    )
    older = make_statement("The budget is balanced.", speaker=ilse, said_on=date(2025, 3, 1))
    # stored out of reading order, as an editor's correction or a re-import may do
    second = make_statement("The cranes return,", speaker=ilse, article=article, said_on=None)
    first = make_statement("The harbour opens,", speaker=ilse, article=article, said_on=None)
    response = client.get(ilse.get_absolute_url())
    assert [s.pk for s in response.context["statements"]] == [first.pk, second.pk, older.pk]
