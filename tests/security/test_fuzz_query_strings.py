"""Whatever the query string, public lists, searches, exports and the API never answer 500.

Runs on the database the suite runs on (CI: SQLite, then PostgreSQL), so both
search back ends get quotes, backslashes, NUL bytes, tsquery and FTS5
operators and 10,000-character queries.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.public.conftest import archive  # noqa: F401  (a fixture, used by name)
from tests.security.conftest import body_of

PARAMS = [
    "q", "in", "speaker", "event", "said_from", "said_to", "published_from", "published_to",
    "kind", "tag", "outlet", "status", "sort", "page", "group", "cursor", "limit",
]  # fmt: skip

TRICKY = [
    "'", '"', "\\", "\x00", "a\x00b", "%", "_", "*", "&", "|", "!", "<->", ":*", "(", ")",
    "a & b | !c <-> d:*", "!(harbour)", '"unclosed phrase', '-"', "- -", "or", "OR or OR",
    "NEAR(a b)", "a AND NOT b", "col:value", "speaker:", "event:", "said:", "said:2023-13..x",
    "said:..", "^strike", "{a}", "[", "'; DROP TABLE statements_statement; --", "\u202e",
    "\ud7ff", "😀", "9" * 30, "-1", "0", "2024-02-30", "1e309", "null", "[]", "{}",
]  # fmt: skip

LONG = [
    "x" * 10_000,
    "harbour " * 1_250,
    "-" * 10_000,
    '"' * 10_000,
    " or ".join(["strike"] * 2_000),
    "a & " * 2_500,
]

values = st.one_of(
    st.sampled_from(TRICKY),
    st.sampled_from(LONG),
    st.text(max_size=40),
    st.text(alphabet="\"'\\\x00&|!():*<>-^ ~%_abc", max_size=60),
)
query = st.dictionaries(st.sampled_from(PARAMS) | st.text(max_size=8), values, max_size=4)
raw_tail = st.sampled_from(["", "&%00", "&q=%ff%fe", "&%", "&q=%", "&&=&", "&q"])


def fuzzed_urls(a) -> list[str]:
    return [
        "/",
        reverse("statements:statement-list"),
        reverse("statements:statement-export-csv"),
        reverse("statements:statement-export-json"),
        reverse("statements:feed-statements"),
        reverse("statements:speaker-list"),
        reverse("statements:event-list"),
        a.ilse.get_absolute_url(),
        a.strike.get_absolute_url(),
        "/api/v1/statements/",
        "/api/v1/speakers/",
        "/api/v1/events/",
        "/api/v1/articles/",
    ]


@pytest.fixture
def urls(archive, settings):  # noqa: F811
    settings.API_RATE_LIMIT = "1000000/min"
    return fuzzed_urls(archive)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), params=query, tail=raw_tail)
def test_query_strings_never_cause_a_server_error(client, urls, data, params, tail):
    url = data.draw(st.sampled_from(urls))
    response = client.get(f"{url}?{urlencode(params)}{tail}")
    assert response.status_code < 500, (url, params, tail)
    body_of(response)  # a streamed export must finish, not break off mid-download


@pytest.mark.parametrize("value", LONG + TRICKY)
def test_every_tricky_search_on_every_search_url(client, urls, value):
    for url in urls:
        response = client.get(url, {"q": value})
        assert response.status_code < 500, (url, value[:40])
        body_of(response)
