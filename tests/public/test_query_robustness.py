"""Whatever the query string, the list, its search and its downloads answer without a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

URLS = [
    reverse("statements:statement-list"),
    reverse("statements:statement-export-csv"),
    reverse("statements:statement-export-json"),
    reverse("statements:feed-statements"),
]
PARAMS = ["q", "speaker", "event", "said_from", "said_to", "outlet", "tag", "kind", "sort", "page"]
NASTY = [
    "",
    "\x00",
    "'",
    '"',
    "\\",
    "a & b | !c",
    "(x <-> y):*",
    '"unclosed',
    "-",
    "or or or",
    "speaker:",
    'speaker:"',
    "said:9999-99..0000-00",
    "said:2023-02-30",
    "event:../../",
    "NEAR(a b)",
    "a* ^b col:c",
    "%_%",
    "x" * 10_000,
    " ".join(["word"] * 600),
]

values = st.one_of(st.sampled_from(NASTY), st.text(max_size=200))


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("value", NASTY)
def test_nasty_search_values_never_fail(client, archive, url, value):
    response = client.get(url, {"q": value})
    assert response.status_code in (200, 400)
    if response.streaming:
        b"".join(response.streaming_content)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(st.sampled_from(PARAMS), values, max_size=4), url=st.sampled_from(URLS)
)
def test_fuzzed_query_strings_never_fail(client, archive, params, url):
    response = client.get(url, params)
    assert response.status_code in (200, 400)
    if response.streaming:
        b"".join(response.streaming_content)


def test_feed_carries_text_with_control_characters(client, db):
    from tests.factories import make_statement

    make_statement("Ports\x0b stay\x1b open.")
    response = client.get(reverse("statements:feed-statements"), {"q": "ports\x1b"})
    assert response.status_code == 200
    assert "Ports stay open." in response.content.decode()
