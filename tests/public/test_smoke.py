import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/about/",
        "/statements/",
        "/speakers/",
        "/events/",
        "/sitemap.xml",
        "/feeds/statements/",
    ],
)
def test_fixed_pages_render(client, archive, url):
    assert client.get(url).status_code == 200


def test_object_pages_render(client, archive):
    for obj in (archive.ilse, archive.strike, archive.courier, archive.first):
        response = client.get(obj.get_absolute_url())
        assert response.status_code == 200, obj
    assert (
        client.get(reverse("statements:feed-speaker", args=[archive.ilse.slug])).status_code == 200
    )
    assert (
        client.get(reverse("statements:feed-event", args=[archive.strike.slug])).status_code == 200
    )
