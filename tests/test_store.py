"""The store on a real SQLite file and a real PostgreSQL server: revisions and refusals; and
SQLite's own read-only and locked files."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading

import pytest
from ekokit.errors import (
    StaleRevision,
    StoreReadOnly,
    StoreUnavailable,
    TeamExists,
    UnknownTeam,
)
from ekokit.model.teams import Team, slugify
from ekokit.store.database import Store


@pytest.fixture()
def store(any_store):
    """Every test of this module on SQLite and on PostgreSQL (tests/conftest.py)."""
    return any_store


def test_every_save_is_a_new_revision_and_nothing_is_updated(store, team):
    first = store.save(team.slug, "s1_phenomenon", {"phenomenon": "A"}, base_revision=None,
                       author="Aino")
    second = store.save(team.slug, "s1_phenomenon", {"phenomenon": "B"}, base_revision=1)
    assert (first.revision, second.revision) == (1, 2)
    history = store.history(team.slug, "s1_phenomenon")
    assert [r.data["phenomenon"] for r in history] == ["A", "B"]
    assert history[0].author == "Aino"
    assert store.latest(team.slug, "s1_phenomenon").data == {"phenomenon": "B"}


def test_a_save_based_on_an_older_revision_is_refused_and_stores_nothing(store, team):
    store.save(team.slug, "s1_phenomenon", {"phenomenon": "Aino's"}, base_revision=0)
    with pytest.raises(StaleRevision) as caught:
        store.save(team.slug, "s1_phenomenon", {"phenomenon": "Bashir's"}, base_revision=0)
    assert caught.value.current_revision == 1
    assert [r.data for r in store.history(team.slug)] == [{"phenomenon": "Aino's"}]


def test_concurrent_writers_on_the_same_base_exactly_one_wins(store, team):
    barrier = threading.Barrier(8)
    results: list[str] = []

    def writer(n: int) -> None:
        own = Store(store.url)
        barrier.wait()
        try:
            own.save(team.slug, "s1_maturity", {"n": n}, base_revision=0)
            results.append("saved")
        except StaleRevision:
            results.append("refused")

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["refused"] * 7 + ["saved"]
    assert len(Store(store.url).history(team.slug, "s1_maturity")) == 1


def test_latest_all_gives_the_newest_revision_per_team_and_exercise(store, team):
    other = store.create_team(Team(slug="toinen", name="Toinen"))
    store.save(team.slug, "a", {"v": 1}, base_revision=0)
    store.save(team.slug, "a", {"v": 2}, base_revision=1)
    store.save(other.slug, "a", {"v": 9}, base_revision=0)
    latest = store.latest_all()
    assert latest[(team.slug, "a")].data == {"v": 2}
    assert latest[(other.slug, "a")].data == {"v": 9}
    assert set(store.latest_all(team.slug)) == {(team.slug, "a")}


def test_teams_unknown_and_duplicate(store, team):
    assert store.get_team(team.slug).members == ("Aino", "Bashir", "Célia")
    with pytest.raises(UnknownTeam):
        store.get_team("ei-ole")
    with pytest.raises(TeamExists):
        store.create_team(Team(slug=team.slug, name="Kopio"))
    with pytest.raises(UnknownTeam):
        store.save("ei-ole", "s1_phenomenon", {}, base_revision=0)


def test_slugs_are_ascii_and_stable():
    assert slugify("Nuoret & velat – Äänekoski") == "nuoret-velat-aanekoski"
    assert slugify("!!!") == "tiimi"


def test_the_file_uses_wal_mode(db_path, sqlite_team):
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_read_only_store_reads_but_refuses_saves_with_a_clear_error(db_path, sqlite_team):
    team = sqlite_team
    Store(str(db_path)).save(team.slug, "s1_phenomenon", {"phenomenon": "kept"}, base_revision=0)
    # SQLite's own read-only mode: the same refusal a read-only file gives, and it holds for root
    read_only = Store(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    assert read_only.latest(team.slug, "s1_phenomenon").data == {"phenomenon": "kept"}
    with pytest.raises(StoreReadOnly):
        read_only.save(team.slug, "s1_phenomenon", {"phenomenon": "new"}, base_revision=1)
    assert len(read_only.history(team.slug)) == 1


def test_a_locked_store_refuses_with_store_unavailable_and_loses_nothing(db_path, sqlite_team):
    team = sqlite_team
    store = Store(str(db_path))
    store.save(team.slug, "s1_phenomenon", {"phenomenon": "kept"}, base_revision=0)
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        fast = Store(f"sqlite:///{db_path}?timeout=0")
        fast.engine.dispose()
        with fast.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA busy_timeout=100")
        with pytest.raises(StoreUnavailable):
            fast.save(team.slug, "s1_phenomenon", {"phenomenon": "new"}, base_revision=1)
    finally:
        blocker.rollback()
        blocker.close()
    assert Store(str(db_path)).latest(team.slug, "s1_phenomenon").data == {"phenomenon": "kept"}


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_store_its_wal_and_shm_and_new_folders_are_private(tmp_path):
    old = os.umask(0o022)  # a usual umask, which would leave files world-readable
    try:
        db = tmp_path / "new" / "deeper" / "ekokit.sqlite"
        store = Store(str(db))
        store.create_team(Team(slug="t", name="T"))
        with store.engine.connect():  # a connection open: the WAL and SHM files exist
            assert _mode(db) == 0o600
            assert _mode(db.with_name("ekokit.sqlite-wal")) == 0o600
            assert _mode(db.with_name("ekokit.sqlite-shm")) == 0o600
        assert _mode(tmp_path / "new") == 0o700 and _mode(tmp_path / "new" / "deeper") == 0o700
    finally:
        os.umask(old)


def test_a_full_disk_is_its_own_error_not_busy():
    from ekokit.errors import StoreDiskFull
    from ekokit.store.engine import translate_error as _translate
    from sqlalchemy.exc import OperationalError

    full = sqlite3.OperationalError("database or disk is full")
    translated = _translate(OperationalError("INSERT INTO revisions", {}, full))
    assert isinstance(translated, StoreDiskFull) and translated.key == "error.disk_full"
    locked = sqlite3.OperationalError("database is locked")
    busy = _translate(OperationalError("INSERT", {}, locked))
    assert type(busy) is StoreUnavailable and busy.key == "error.store_unavailable"


def test_the_disk_full_message_exists_in_both_languages():
    from ekokit.content.i18n import Translator

    fi, en = Translator("fi")("error.disk_full"), Translator("en")("error.disk_full")
    assert "täynnä" in fi and "disk is full" in en


def test_a_team_with_the_same_name_case_and_accents_aside_is_refused_with_its_slug(store):
    first = store.create_team(Team(slug="nuorten-jengivakivalta", name="Nuorten jengiväkivalta"))
    for name, slug in [("nuorten jengivakivalta", "toinen"),
                       ("NUORTEN  JENGIVÄKIVALTA ", "kolmas")]:
        with pytest.raises(TeamExists) as caught:
            store.create_team(Team(slug=slug, name=name))
        assert (caught.value.slug, caught.value.name) == (first.slug, first.name)
        assert caught.value.params == {"slug": first.slug, "name": first.name}
    assert [t.slug for t in store.teams()] == [first.slug]
    store.create_team(Team(slug="nuorten-velat", name="Nuorten velat"))  # another name is fine
    assert len(store.teams()) == 2


@pytest.mark.parametrize("look_alike", [
    "\u0391lpha Tiimi",  # Greek capital Alpha
    "Alpha\u2800Tiimi",  # a braille blank for the space
    "Al\u200bpha Tiimi",  # a zero-width space inside
    "\u0410lp\u04bba \u0422iimi",  # Cyrillic A, shha and Te
], ids=["greek", "braille-blank", "zero-width", "cyrillic"])
def test_a_look_alike_of_a_teams_name_is_the_same_name(store, look_alike):
    """Unicode TR39's confusables: a name drawn like an existing team's is refused as that team,
    so nobody can set up a twin of "Alpha Tiimi" for a room to pick by mistake."""
    first = store.create_team(Team(slug="alpha-tiimi", name="Alpha Tiimi"))
    with pytest.raises(TeamExists) as caught:
        store.create_team(Team(slug="kaksoisolento", name=look_alike))
    assert caught.value.slug == first.slug
    store.create_team(Team(slug="alpha-tiimi-2", name="Alpha Tiimi 2"))  # a new name is fine


@pytest.mark.parametrize("field, value", [
    ("name", "Tiimi\x1b[2J"), ("name", "Kaksi\nriviä"), ("name", "Tab\tbed"),
    ("name", "Oikealta\u202evasemmalle"), ("phenomenon", "rivi\ntoinen"),
    ("members", ["Aino", "Bas\x1bhir"]),
])
def test_names_refuse_control_characters(field, value):
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        Team.model_validate({"slug": "t", "name": "T", field: value})
    assert caught.value.errors()[0]["type"] == "control_characters"
    # what people type stays possible: accents, emoji, punctuation; edges are trimmed
    assert Team(slug="t", name=" Äänekoski & co 🌱 ", members="Aino\nBashir").name == (
        "Äänekoski & co 🌱")
