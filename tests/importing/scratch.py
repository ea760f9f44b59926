"""Throwaway databases for tests that run real import processes side by side or kill them.

Those processes cannot share the test run's transaction, so each test gets a
database of its own (a copy of one migrated template per run) and reads the
outcome with plain SQL.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]

# What an import leaves in the database, independent of ids and timestamps.
STATE_QUERIES = {
    "articles": "SELECT fingerprint, title, source_path FROM statements_article",
    "statements": """
        SELECT a.fingerprint, s.text, sp.name, s.kind, s.start, s."end", s.review_status
        FROM statements_statement s
        JOIN statements_article a ON a.id = s.article_id
        JOIN statements_speaker sp ON sp.id = s.speaker_id""",
    "speakers": "SELECT name, slug FROM statements_speaker",
    "aliases": "SELECT key, name FROM statements_speakeralias",
    "roles": """
        SELECT sp.name, r.title, r.reported_on FROM statements_speakerrole r
        JOIN statements_speaker sp ON sp.id = r.speaker_id""",
    "links": """
        SELECT s.text, e.slug, l.linked_by FROM statements_statementevent l
        JOIN statements_statement s ON s.id = l.statement_id
        JOIN statements_event e ON e.id = l.event_id""",
}

# What else an import writes, compared where the same input must give the very same rows:
# every history row (without its date) and every utterance with its reports.
HISTORY_QUERIES = {
    "article history": """
        SELECT fingerprint, title, history_type, history_change_reason
        FROM statements_historicalarticle""",
    "statement history": """
        SELECT a.fingerprint, h.text, sp.name, h.kind, h.dated_on, h.history_type,
               h.history_change_reason
        FROM statements_historicalstatement h
        JOIN statements_article a ON a.id = h.article_id
        JOIN statements_speaker sp ON sp.id = h.speaker_id""",
    "speaker history": """
        SELECT name, slug, country, history_type, history_change_reason
        FROM statements_historicalspeaker""",
    "alias history": """
        SELECT h.key, h.name, sp.name, h.history_type FROM statements_historicalspeakeralias h
        JOIN statements_speaker sp ON sp.id = h.speaker_id""",
    "role history": """
        SELECT sp.name, h.title, h.reported_on, a.fingerprint, h.history_type
        FROM statements_historicalspeakerrole h
        JOIN statements_speaker sp ON sp.id = h.speaker_id
        LEFT JOIN statements_article a ON a.id = h.article_id""",
    "link history": """
        SELECT s.text, e.slug, h.linked_by, h.history_type, h.history_change_reason
        FROM statements_historicalstatementevent h
        JOIN statements_statement s ON s.id = h.statement_id
        JOIN statements_event e ON e.id = h.event_id""",
    "article links": """
        SELECT a.fingerprint, e.slug FROM statements_article_events l
        JOIN statements_article a ON a.id = l.article_id
        JOIN statements_event e ON e.id = l.event_id""",
    "utterances": """
        SELECT sp.name, u.key, u.report_count, u.outlet_count, u.first_reported_on
        FROM statements_utterance u JOIN statements_speaker sp ON sp.id = u.speaker_id""",
    "reports": """
        SELECT a.fingerprint, s.text, u.key FROM statements_statement s
        JOIN statements_article a ON a.id = s.article_id
        LEFT JOIN statements_utterance u ON u.id = s.utterance_id""",
}


class ScratchDatabase:
    def __init__(self, vendor: str, folder: Path):
        self.vendor = vendor
        self.folder = folder
        self.name = f"scratch_{uuid.uuid4().hex[:10]}"

    @property
    def url(self) -> str:
        if self.vendor == "sqlite":
            return f"sqlite:///{self.folder / self.name}.sqlite3"
        return _postgres_url(self.name)

    def env(self) -> dict[str, str]:
        return {**os.environ, "DATABASE_URL": self.url, "DJANGO_ENV": "development"}

    def manage(self, *args: str, **kwargs) -> subprocess.Popen:
        """Start ``manage.py ARGS`` against this database."""
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            **kwargs,
        )

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=600,
        )

    def rows(self, sql: str) -> list[tuple]:
        if self.vendor == "sqlite":
            import sqlite3

            with sqlite3.connect(self.folder / f"{self.name}.sqlite3") as conn:
                return [tuple(r) for r in conn.execute(sql).fetchall()]
        import psycopg

        with psycopg.connect(self.url) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]

    def state(self, history: bool = False) -> dict[str, Counter]:
        """Every table that matters as a multiset of rows: equal states, equal archives.

        With ``history``, also the history rows and utterances (``HISTORY_QUERIES``).
        """
        queries = {**STATE_QUERIES, **(HISTORY_QUERIES if history else {})}
        return {name: Counter(self.rows(sql)) for name, sql in queries.items()}

    def drop(self) -> None:
        if self.vendor == "postgresql":
            _admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def migrated_template(vendor: str, folder: Path) -> ScratchDatabase:
    template = ScratchDatabase(vendor, folder)
    if vendor == "postgresql":
        _admin(f'CREATE DATABASE "{template.name}"')
    done = template.run("migrate", "--noinput", "-v0")
    assert done.returncode == 0, done.stderr
    return template


def copy_of(template: ScratchDatabase) -> ScratchDatabase:
    db = ScratchDatabase(template.vendor, template.folder)
    if template.vendor == "sqlite":
        shutil.copy(template.folder / f"{template.name}.sqlite3", db.folder / f"{db.name}.sqlite3")
    else:
        _admin(f'CREATE DATABASE "{db.name}" TEMPLATE "{template.name}"')
    return db


def _settings() -> dict:
    from django.db import connection

    return connection.settings_dict


def _postgres_url(name: str) -> str:
    s = _settings()
    auth = quote(s.get("USER") or "postgres")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"])
    return f"postgresql://{auth}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{name}"


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(_postgres_url("postgres"), autocommit=True) as conn:
        conn.execute(sql)
