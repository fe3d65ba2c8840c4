"""PostgreSQL as a store of its own: the command line on a PostgreSQL URL, the same reports as
from SQLite, and a test server that says how to install PostgreSQL when it is missing."""

from __future__ import annotations

import io
import zipfile

import pytest
from ekokit.reports import make_report
from ekokit.store import pgtools
from ekokit.store.database import Store
from ekokit.store.demo import ensure_demo_team, seed_synthetic_teams
from tests.cli_runner import run_cli


@pytest.mark.postgres
def test_the_command_line_works_on_a_postgresql_url(postgres, monkeypatch):
    url = postgres.new_database()
    added = run_cli("--db", url, "team", "add", "Nuoret & velat", "--member", "Aino")
    assert added.stdout.strip() == "nuoret-velat"
    monkeypatch.setenv("EKOKIT_DB", url)  # as a room is pointed at PostgreSQL
    listed = run_cli("team", "list", "--json")
    assert '"name": "Nuoret & velat"' in listed.stdout
    status = run_cli("--lang", "en", "db", "status")
    assert "Schema: 0001, up to date." in status.stdout


@pytest.mark.postgres
def test_the_reports_from_postgresql_are_those_from_sqlite(postgres, tmp_path):
    stores = [Store(str(tmp_path / "room.sqlite")), Store(postgres.new_database())]
    for store in stores:
        ensure_demo_team(store)
        seed_synthetic_teams(store, 1)
    for fmt, scope in [("md", {"team": "esimerkki"}), ("html", {"all_teams": True}),
                       ("xlsx", {"all_teams": True})]:
        sqlite_report, postgres_report = (make_report(s, fmt, "fi", **scope) for s in stores)
        if fmt == "xlsx":  # a zip: its entries' times and the file's creation time aside
            sqlite_report, postgres_report = map(_xlsx_parts, (sqlite_report, postgres_report))
        assert sqlite_report == postgres_report, (fmt, scope)


def _xlsx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {name: book.read(name) for name in book.namelist()
                if name != "docProps/core.xml"}


def test_the_test_server_says_how_to_install_postgresql_when_it_is_missing(monkeypatch,
                                                                          tmp_path):
    from tests.pg_server import PostgresServer

    monkeypatch.setattr(pgtools, "DEBIAN_BIN", tmp_path / "none")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("EKOKIT_PG_BIN", raising=False)
    with pytest.raises(RuntimeError, match="apt-get install postgresql"):
        PostgresServer()
