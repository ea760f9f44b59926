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


def change_form_data(response, **changes) -> dict:
    """What a browser would post back from an admin change form, with ``changes`` applied.

    Fields as the form shows them (model instances as their ids, dates as
    text) plus every inline's management form, so a test changes one thing only.
    """
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()  # already as the widget shows it
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else value
        if form.fields[name].show_hidden_initial:  # callable defaults post their initial too
            data[form[name].html_initial_name] = data[name]
    for inline in response.context.get("inline_admin_formsets", []):
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for sub in inline.formset.forms:
            for name in sub.fields:
                value = sub[name].value()
                if value is not None:
                    data[sub.add_prefix(name)] = value
    data.update(changes)
    return {k: ("" if v is None else v) for k, v in data.items()}
