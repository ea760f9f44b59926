"""Production settings refuse unsafe defaults and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

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
