"""Reading in context: every quote on an article page has an anchor, and links land on it."""

from __future__ import annotations

from django.urls import reverse

from tests.factories import make_article, make_speaker, make_statement


def test_every_quote_has_one_anchor_and_lists_link_to_it(client, db):
    body = '"The harbour opens," she said.\n\n"The cranes\n\nreturn," she added.'
    article = make_article(body=body)
    ilse = make_speaker("Ilse Marrow")
    first = make_statement("The harbour opens,", speaker=ilse, article=article)
    start = body.index("The cranes")
    # a quote running over two paragraphs: one anchor, in the first
    second = make_statement("The cranes\n\nreturn,", speaker=ilse, article=article)
    assert second.start == start
    html = client.get(article.get_absolute_url()).content.decode()
    for st in (first, second):
        assert html.count(f'id="statement-{st.pk}"') == 1
        assert f'href="#statement-{st.pk}"' in html
    listing = client.get(reverse("statements:statement-list")).content.decode()
    assert f'href="{article.get_absolute_url()}#statement-{first.pk}"' in listing
    page = client.get(first.get_absolute_url()).content.decode()
    assert f'href="{article.get_absolute_url()}#statement-{first.pk}"' in page
