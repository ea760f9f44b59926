"""Serving at scale: the health check, the public page cache, reads from replicas."""

from __future__ import annotations

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from tests.factories import make_statement
from tests.jobs.conftest import write_batch

CACHE_MIDDLEWARE = [
    "archive.page_cache.UpdateCacheMiddleware",
    "django.middleware.cache.FetchFromCacheMiddleware",
]


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_fails_when_the_broker_is_unreachable(client, db, settings):
    from archive.celery import app

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    previous, app.conf.broker_url = app.conf.broker_url, settings.CELERY_BROKER_URL
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")
    assert response.json()["database"] == "ok"


def _redis_url() -> str | None:
    try:
        import redis

        url = "redis://127.0.0.1:6379/13"
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return url
    except Exception:  # noqa: BLE001
        return None


LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture(params=["locmem", "files", "redis"])
def page_cache(request, settings, tmp_path):
    if request.param == "files":  # what a server without Redis uses
        backend = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages"),
        }
    elif request.param == "redis":
        url = _redis_url()
        if url is None:
            pytest.skip("needs Redis on 127.0.0.1:6379")
        backend = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url}
    else:
        backend = {"BACKEND": LOCMEM}
    default = backend if request.param != "files" else {"BACKEND": LOCMEM}
    pages = {**backend, "KEY_PREFIX": "pages-test", "KEY_FUNCTION": "archive.page_cache.make_key"}
    settings.CACHES = {"default": default, "pages": pages}
    settings.CACHE_MIDDLEWARE_ALIAS = "pages"
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    settings.MIDDLEWARE = [CACHE_MIDDLEWARE[0], *settings.MIDDLEWARE, CACHE_MIDDLEWARE[1]]
    from archive.page_cache import clear_pages

    clear_pages()
    yield
    clear_pages()


def test_public_pages_are_served_from_the_cache(client, db, page_cache, django_assert_num_queries):
    st = make_statement(text="The harbour bridge will open in spring")
    assert "harbour bridge" in client.get(st.get_absolute_url()).text
    with django_assert_num_queries(0):
        again = client.get(st.get_absolute_url())
    assert "harbour bridge" in again.text


def test_browsers_keep_a_page_briefly_while_the_server_keeps_it_until_a_change(
    client, db, page_cache, settings, django_assert_num_queries
):
    from django.utils.cache import get_max_age

    settings.CACHE_MIDDLEWARE_SECONDS = 600
    settings.PAGE_CACHE_BROWSER_SECONDS = 60
    st = make_statement(text="The harbour bridge will open in spring")
    first = client.get(st.get_absolute_url())
    with django_assert_num_queries(0):
        again = client.get(st.get_absolute_url())
    for response in (first, again):
        assert 0 < get_max_age(response) <= 60


def test_an_editors_change_empties_the_cache(
    client, db, page_cache, django_capture_on_commit_callbacks
):
    st = make_statement(text="The harbour bridge will open in spring")
    client.get(st.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        st.text = "The harbour bridge will open in autumn"
        st.save()
    assert "in autumn" in client.get(st.get_absolute_url()).text


def test_a_page_rendered_during_a_change_is_not_served_after_it(client, db, page_cache):
    """The page being rendered while an editor saves holds the old text: it must not be kept."""
    from django.test.signals import template_rendered

    from archive.page_cache import clear_pages

    st = make_statement(text="The harbour bridge will open in spring")

    def editor_saves_meanwhile(**kwargs):
        template_rendered.disconnect(editor_saves_meanwhile)
        type(st).objects.filter(pk=st.pk).update(text="The harbour bridge will open in autumn")
        clear_pages()  # what the save's on_commit does

    template_rendered.connect(editor_saves_meanwhile)
    try:
        assert "in spring" in client.get(st.get_absolute_url()).text
    finally:
        template_rendered.disconnect(editor_saves_meanwhile)
    assert "in autumn" in client.get(st.get_absolute_url()).text


def test_emptying_the_cache_is_one_write_whatever_it_holds(
    client, db, page_cache, django_assert_num_queries
):
    from django.core.cache import caches

    from archive.page_cache import clear_pages

    statements = [make_statement(text=f"Bridge number {n} opens") for n in range(5)]
    for st in statements:
        client.get(st.get_absolute_url())
    cache = caches["pages"]
    writes = []
    real_set, real_delete = cache.set, cache.delete
    cache.set = lambda *a, **k: writes.append(a[0]) or real_set(*a, **k)
    cache.delete = lambda *a, **k: writes.append(a[0]) or real_delete(*a, **k)
    try:
        clear_pages()
    finally:
        del cache.set, cache.delete
    assert writes == ["generation"]
    for st in statements:  # every page is rendered again, from the database
        with CaptureQueriesContext(connections["default"]) as queries:
            assert (
                f"Bridge number {st.text.split()[2]} opens"
                in client.get(st.get_absolute_url()).text
            )
        assert len(queries) > 0


def test_an_imported_file_empties_the_cache(client, db, page_cache, tmp_path):
    from statements.jobs.creating import create_job
    from statements.jobs.running import run_job_here

    client.get("/statements/")  # cached: no statements yet
    job = create_job([write_batch(tmp_path / "in", texts=1)])
    run_job_here(job)
    assert "Round 0 will not be the last one" in client.get("/statements/").text


def test_the_import_command_empties_the_cache_once(client, db, page_cache, tmp_path, monkeypatch):
    from django.core.management import call_command

    from archive import page_cache as cache_module

    client.get("/statements/")  # cached: no statements yet
    clears = []
    real_clear = cache_module.clear_pages
    monkeypatch.setattr(cache_module, "clear_pages", lambda: clears.append(1) or real_clear())
    call_command("import_articles", str(write_batch(tmp_path / "in", texts=3)), verbosity=0)
    assert "Round 0 will not be the last one" in client.get("/statements/").text
    assert len(clears) == 1


@pytest.mark.parametrize("command", ["link_events", "group_utterances"])
def test_commands_that_write_in_bulk_empty_the_cache(db, page_cache, monkeypatch, command):
    from django.core.management import call_command

    from archive import page_cache as cache_module

    clears = []
    monkeypatch.setattr(cache_module, "clear_pages", lambda: clears.append(command))
    call_command(command, verbosity=0)
    assert clears == [command]


@pytest.mark.django_db(databases=["default", "replica"], transaction=True)
def test_public_pages_read_from_a_replica_and_the_admin_from_the_primary(
    client, settings, django_user_model
):
    settings.DATABASE_REPLICAS = ["replica"]
    st = make_statement(text="The ferry runs twice a day")
    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        assert "ferry runs twice" in client.get(st.get_absolute_url()).text
    assert len(replica) > 0 and len(primary) == 0

    client.force_login(django_user_model.objects.create_superuser("chief", password="x"))
    with CaptureQueriesContext(connections["replica"]) as replica:
        assert client.get(f"/admin/statements/statement/{st.pk}/change/").status_code == 200
    assert len(replica) == 0
