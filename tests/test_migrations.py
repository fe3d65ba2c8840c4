"""The store's schema version and its migrations (Alembic), on SQLite and PostgreSQL.

tests/fixtures/store-2026-12-08.sqlite is a store made by the kit before the schema had a
version (see tests/fixtures/README.md): every test that upgrades it checks every team, every
revision and every answer afterwards, against the file itself."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from ekokit.errors import StoreOutOfDate, StoreTooNew
from ekokit.store import migrate
from ekokit.store.database import Store
from ekokit.store.restore import restore_backup
from ekokit.store.schema import SCHEMA_VERSION, metadata
from tests.cli_runner import run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "store-2026-12-08.sqlite"


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Everything a store holds that must survive, read with sqlite3 itself."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        return {
            "teams": conn.execute("SELECT slug, name, phenomenon, members, created_at FROM teams"
                                  " ORDER BY slug").fetchall(),
            "revisions": conn.execute("SELECT team_slug, exercise_id, revision, data, author,"
                                      " created_at FROM revisions ORDER BY id").fetchall(),
            "room": conn.execute("SELECT name, value FROM room").fetchall(),
        }


def _schema_differences(url: str) -> list:
    store = Store(url, check_schema=False)
    with store.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


@pytest.fixture()
def old_store(store_url, tmp_path) -> str:
    """The fixture store, on SQLite as a copy, on PostgreSQL loaded by the kit's own restore
    (which makes the schema as the fixture's version had it, then copies every row)."""
    if store_url.startswith("postgresql"):
        restore_backup(FIXTURE, store_url)
        return store_url
    copy = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, copy)
    return str(copy)


def test_the_schema_version_is_the_newest_migration():
    assert migrate.head() == SCHEMA_VERSION
    assert migrate.known_versions()[-1] == SCHEMA_VERSION


def test_a_new_store_is_made_at_the_kits_schema_exactly_as_the_migrations_make_it(
        store_url, request, tmp_path):
    Store(store_url)  # made by the kit when first opened
    assert migrate.status(store_url).state == "current"
    assert _schema_differences(store_url) == []
    empty = (request.getfixturevalue("postgres").new_database() if "://" in store_url
             else str(tmp_path / "empty.sqlite"))  # the migrations alone, from nothing
    assert migrate.status(empty).state == "new"
    migrate.upgrade(empty)
    assert migrate.status(empty).state == "current"
    assert _schema_differences(empty) == []


def test_the_store_of_2026_12_08_upgrades_keeping_every_team_revision_and_answer(old_store):
    before = _rows(FIXTURE)
    assert len(before["revisions"]) == 78 and len(before["teams"]) == 2
    status = migrate.status(old_store)
    assert (status.version, status.state, status.pending) == ("none", "out_of_date", ("0001",))
    with pytest.raises(StoreOutOfDate):
        Store(old_store)
    done = migrate.upgrade(old_store)
    assert (done.before.version, done.after.version) == ("none", SCHEMA_VERSION)
    assert _schema_differences(old_store) == []
    store = Store(old_store)
    teams = {t.slug: t for t in store.teams()}
    for slug, name, phenomenon, members, _created in before["teams"]:
        assert (teams[slug].name, teams[slug].phenomenon) == (name, phenomenon)
        assert list(teams[slug].members) == json.loads(members)
    after = [(r.team, r.exercise_id, r.revision, r.data, r.author, r.created_at)
             for slug in teams for r in store.history(slug)]
    expected = [(team, exercise, number, json.loads(data), author, created)
                for team, exercise, number, data, author, created in before["revisions"]]
    assert sorted(after, key=repr) == sorted(expected, key=repr)  # every answer, as it was
    assert store.room_value("team_key_secret", lambda: "new") == before["room"][0][1]
    # and the store goes on: a save after the upgrade gets the next number and the next id
    newest = store.history("nuoret-velat")[-1]
    saved = store.save("nuoret-velat", newest.exercise_id, {"text": "jatkuu"},
                       base_revision=newest.revision)
    assert saved.revision == newest.revision + 1
    assert store.changes_since(0)[-1].revision == saved.revision
    assert migrate.upgrade(old_store).before.state == "current"  # twice: nothing more to do


def test_a_store_from_before_the_room_and_presence_tables_upgrades(tmp_path):
    old = tmp_path / "older.sqlite"
    shutil.copy(FIXTURE, old)
    with sqlite3.connect(old) as conn:  # the kit before 05d295c made only these two tables
        conn.execute("DROP TABLE room")
        conn.execute("DROP TABLE presence")
    migrate.upgrade(str(old))
    assert _schema_differences(str(old)) == []
    assert len(Store(str(old)).history("esimerkki")) == 72


def test_a_store_upgraded_by_a_newer_kit_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite"
    Store(str(path))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    from ekokit.store.engine import forget_checks

    forget_checks()
    with pytest.raises(StoreTooNew):
        Store(str(path))
    with pytest.raises(StoreTooNew):
        migrate.upgrade(str(path))
    assert migrate.status(str(path)).state == "too_new"


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


@pytest.mark.parametrize("command", [["serve", "--port", "1"], ["lab", "--no-browser",
                                                                 "--port", "1"]])
def test_serve_and_lab_refuse_an_out_of_date_store_in_one_line_and_change_nothing(
        tmp_path, command):
    old = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, old)
    before = _dump(old)
    result = run_cli("--db", str(old), "--lang", "en", *command, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "ekokit db upgrade" in result.stderr and "schema none" in result.stderr
    assert _dump(old) == before  # no table added, no demo team, nothing


def test_db_status_and_upgrade_on_the_command_line(tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, old)
    status = run_cli("--db", str(old), "--lang", "en", "db", "status", check=False)
    assert status.returncode == 1
    assert "Schema: none" in status.stdout and "ekokit db upgrade" in status.stdout
    assert str(old) in status.stdout
    upgraded = run_cli("--db", str(old), "--lang", "en", "db", "upgrade")
    assert f"from schema none to {SCHEMA_VERSION}" in upgraded.stdout
    status = run_cli("--db", str(old), "db", "status")  # Finnish by default
    assert f"Skeema: {SCHEMA_VERSION}, ajan tasalla." in status.stdout
    again = run_cli("--db", str(old), "--lang", "en", "db", "upgrade")
    assert "already at schema" in again.stdout


def test_the_status_shows_no_password():
    from ekokit.store.backup import shown_url

    shown = shown_url("postgresql+psycopg://ekokit:s3cret@db.example:5432/room")
    assert "s3cret" not in shown and "db.example:5432/room" in shown
