"""Production settings refuse unsafe defaults and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STRONG_KEY = "k" * 20 + "-Zq8!vR2#pL5@wN7$tY1%uI4^oP6&aS3*dF9(gH0)jK" + "x" * 10


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_the_development_secret_key():
    result = run_manage("check", DEBUG="0", ALLOWED_HOSTS="archive.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_deploy_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="archive.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_static_files_are_hashed_and_compressed(tmp_path):
    result = run_manage(
        "collectstatic",
        "--noinput",
        DEBUG="0",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="archive.example.org",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "css/archive." in manifest  # hashed name recorded
    hashed = [p for p in (tmp_path / "css").iterdir() if p.name.startswith("archive.")]
    assert any(p.suffix == ".gz" for p in hashed)


def test_servers_default_to_production_and_refuse_the_development_key():
    """archive.wsgi (what gunicorn loads) is production unless the environment says otherwise."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_ENV", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "-c", "import archive.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_mode_without_debug_variable_passes_deploy_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="archive.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


SHOW_PAGE_CACHE = (
    "from django.conf import settings; "
    "print(settings.CACHES.get('pages', {}).get('BACKEND'), "
    "'django.middleware.cache.FetchFromCacheMiddleware' in settings.MIDDLEWARE)"
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "django.core.cache.backends.filebased.FileBasedCache True"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/9"}, "django_redis.cache.RedisCache True"),
        ({"PAGE_CACHE": "off"}, "None False"),
        ({"DEBUG": "1"}, "None False"),
    ],
)
def test_production_caches_public_pages_unless_told_not_to(tmp_path, env, expected):
    """Servers cache whole public pages: in Redis when there is one, else in files."""
    base = {
        "DJANGO_ENV": "production",
        "DEBUG": "0",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "archive.example.org",
        "PAGE_CACHE_DIR": str(tmp_path / "pages"),
    }
    result = run_manage("shell", "-c", SHOW_PAGE_CACHE, **{**base, **env})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


def test_pages_carry_security_headers(client, db):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'self'" in script_src and "unsafe-inline" not in script_src
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _login(client, username: str, password: str, address: str):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_wrong_passwords_elsewhere_do_not_lock_an_editor_out(client, django_user_model, throttled):
    django_user_model.objects.create_superuser("chief", password="lantern-harbour-77")
    for _ in range(6):
        _login(client, "chief", "wrong", "203.0.113.9")
    assert _login(client, "chief", "lantern-harbour-77", "203.0.113.9").status_code == 429
    assert _logged_in(_login(client, "chief", "lantern-harbour-77", "198.51.100.4"))


def test_one_address_guessing_across_accounts_is_locked_out(client, django_user_model, throttled):
    django_user_model.objects.create_superuser("chief", password="lantern-harbour-77")
    for n in range(20):
        _login(client, f"user{n}", "wrong", "203.0.113.9")  # never 5 on one account
    assert _login(client, "chief", "lantern-harbour-77", "203.0.113.9").status_code == 429
    assert _logged_in(_login(client, "chief", "lantern-harbour-77", "198.51.100.4"))


def test_sessions_expire(client, django_user_model, settings):
    user = django_user_model.objects.create_superuser("chief", password="x")
    client.force_login(user)
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() <= 8 * 60 * 60


def test_database_gone_during_a_request_gives_503(client, db, monkeypatch):
    from django.db import OperationalError, connection

    def gone(*args, **kwargs):
        raise OperationalError("unable to open database file")

    monkeypatch.setattr(connection, "create_cursor", gone)
    response = client.get("/statements/")
    monkeypatch.undo()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Temporarily unavailable" in response.text
    assert "Traceback" not in response.text


class _LostDatabaseMiddleware:
    """Stands for any middleware that reads the database before the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.db import OperationalError

        raise OperationalError("unable to open database file")


def test_database_gone_before_the_view_gives_503_too(db, settings):
    from django.test import Client

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}._LostDatabaseMiddleware"]
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/statements/")
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.text


def test_a_bug_before_the_view_is_still_a_500(db, settings, monkeypatch):
    from django.test import Client

    monkeypatch.setattr(_LostDatabaseMiddleware, "__call__", lambda self, request: 1 / 0)
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}._LostDatabaseMiddleware"]
    response = Client(raise_request_exception=False).get("/statements/")
    assert response.status_code == 500


def test_each_request_is_logged_as_one_json_line(client, db, caplog):
    import json

    from archive.logging import JsonFormatter

    with caplog.at_level("INFO", logger="archive.request"):
        client.get("/statements/?q=harbour")
    (record,) = [r for r in caplog.records if r.name == "archive.request"]
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["path"] == "/statements/" and entry["status"] == 200
    assert entry["method"] == "GET" and entry["duration_ms"] >= 0
