"""Editors and administrators made the way production makes them (statements.accounts)."""

from __future__ import annotations

import pytest

from statements.accounts import create_editor
from tests.factories import make_event, make_statement, make_tag

PASSWORD = "harbour-lantern-92-quiet"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(db):
    return create_editor("odile.brandt", email="odile@example.org", password=PASSWORD).user


@pytest.fixture
def administrator(db):
    return create_editor(
        "tomas.vell", email="tomas@example.org", password=PASSWORD, admin=True
    ).user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def admin_client_(client, administrator):
    """A member of Administrators (not a superuser): the group alone must be enough."""
    client.force_login(administrator)
    return client


@pytest.fixture
def sample(db):
    """One of everything, so every admin page has an object to show."""
    event = make_event(keywords=["harbour strike"])
    tag = make_tag(description="Claims that the port is failing.")
    st = make_statement(events=[event], tags=[tag], confidence=0.4, evidence="cue 'said' nearby")
    role = st.speaker.roles.create(title="Harbour minister", article=st.article)
    return {
        "statement": st,
        "article": st.article,
        "speaker": st.speaker,
        "speakeralias": st.speaker.aliases.first(),
        "speakerrole": role,
        "event": event,
        "tag": tag,
        "statementevent": st.statementevent_set.first(),
    }
