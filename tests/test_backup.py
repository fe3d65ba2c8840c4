"""Backups of a running store and their restores, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import stat
import threading
from collections import defaultdict
from pathlib import Path

import pytest
from ekokit.errors import BackupError
from ekokit.model.teams import Team
from ekokit.store.backup import make_backup, read_backup
from ekokit.store.database import Store
from ekokit.store.demo import seed_synthetic_teams
from ekokit.store.restore import restore_backup
from tests.cli_runner import run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "store-2026-12-08.sqlite"


def _new_url(store_url: str, request, tmp_path: Path, name: str) -> str:
    """Another new empty store of the same kind as ``store_url``."""
    if "://" in store_url:
        return request.getfixturevalue("postgres").new_database()
    return str(tmp_path / name)


def _everything(store: Store) -> list[tuple]:
    return sorted((r.team, r.exercise_id, r.revision, repr(r.data), r.author, r.created_at)
                  for team in store.teams() for r in store.history(team.slug))


def test_backup_and_restore_on_the_command_line(any_store, store_url, request, tmp_path):
    seed_synthetic_teams(any_store, 2)
    backup = tmp_path / "copies" / "room.backup"
    made = run_cli("--db", store_url, "--lang", "en", "backup", "-o", str(backup))
    assert "2 teams, 144 revisions" in made.stdout
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    target = _new_url(store_url, request, tmp_path, "restored.sqlite")
    done = run_cli("--db", target, "--lang", "en", "restore", str(backup))
    assert "2 teams and 144 revisions, checked against the backup" in done.stdout
    assert _everything(Store(target)) == _everything(any_store)
    # never over a file, never into a store that holds anything; nothing changes
    again = run_cli("--db", store_url, "--lang", "en", "backup", "-o", str(backup), check=False)
    assert again.returncode == 2 and "never overwrites" in again.stderr
    into = run_cli("--db", target, "--lang", "en", "restore", str(backup), check=False)
    assert into.returncode == 2 and "not empty" in into.stderr
    assert _everything(Store(target)) == _everything(any_store)


def test_a_restore_refuses_a_file_that_is_no_backup(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    result = run_cli("--db", str(tmp_path / "x.sqlite"), "--lang", "en", "restore", str(text),
                     check=False)
    assert result.returncode == 2 and "is not an ekokit backup" in result.stderr
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(FIXTURE.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of the file overwritten
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupError) as caught:
        restore_backup(damaged, tmp_path / "y.sqlite")
    assert caught.value.params["reason"] == "damaged"


def test_the_default_backup_name_says_when_and_what(tmp_path, db_path):
    Store(str(db_path))
    result = run_cli("--db", str(db_path), "backup", cwd=tmp_path)
    made = [p.name for p in tmp_path.glob("ekokit-backup-*.sqlite")]
    assert len(made) == 1 and made[0] in result.stdout


@pytest.mark.postgres
def test_a_postgresql_dump_is_not_restored_into_sqlite(postgres, tmp_path):
    url = postgres.new_database()
    Store(url).create_team(Team(slug="a", name="A"))
    dump = make_backup(url, tmp_path / "room.dump").path
    assert read_backup(dump).teams == {"a": 0}
    with pytest.raises(BackupError) as caught:
        restore_backup(dump, tmp_path / "x.sqlite")
    assert caught.value.params["reason"] == "dump_into_sqlite"


@pytest.mark.load
def test_a_backup_taken_while_four_writers_save_has_every_save_acknowledged_before_it(
        any_store, store_url, request, tmp_path):
    store = any_store
    seed_synthetic_teams(store, 20)  # some pages to copy while the writers go on
    teams = [f"kirjoittaja-{n}" for n in range(4)]
    for slug in teams:
        store.create_team(Team(slug=slug, name=slug))
    acknowledged: list[list[tuple[str, str, int]]] = [[] for _ in teams]
    stop = threading.Event()

    def write(number: int) -> None:
        numbers: dict[str, int] = defaultdict(int)
        n = 0
        while not stop.is_set():
            exercise = ("s1_phenomenon", "s1_maturity", "s2_actors")[n % 3]
            rev = store.save(teams[number], exercise, {"n": n}, base_revision=numbers[exercise])
            numbers[exercise] = rev.revision
            acknowledged[number].append((teams[number], exercise, rev.revision))
            n += 1

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    while sum(map(len, acknowledged)) < 200:  # the writers are well under way
        threading.Event().wait(0.01)
    before = {ack for acks in acknowledged for ack in acks}  # acknowledged before it began
    backup = make_backup(store.url, tmp_path / "during.backup")
    during = sum(map(len, acknowledged))
    while sum(map(len, acknowledged)) < during + 50:  # and they went on after it
        threading.Event().wait(0.01)
    stop.set()
    for thread in threads:
        thread.join(60)
    target = _new_url(store_url, request, tmp_path, "restored.sqlite")
    Store(target)  # a store the kit has made (its tables empty) is empty too
    restore_backup(backup.path, target)
    restored = Store(target)
    found = {(r.team, r.exercise_id, r.revision) for slug in teams
             for r in restored.history(slug)}
    assert before <= found  # every save acknowledged before the backup began
    every = {ack for acks in acknowledged for ack in acks}
    assert found <= every  # nothing that was never saved
    for slug in teams:  # one moment of the store: each exercise's history without gaps
        numbers: dict[str, list[int]] = defaultdict(list)
        for r in restored.history(slug):
            numbers[r.exercise_id].append(r.revision)
        assert all(n == list(range(1, len(n) + 1)) for n in numbers.values())
    assert len(restored.teams()) == 24


@pytest.mark.postgres
def test_restore_moves_an_sqlite_room_to_postgresql_and_a_backup_of_it_back(
        postgres, tmp_path):
    url = postgres.new_database()
    copy = tmp_path / "room.sqlite"
    shutil.copy(FIXTURE, copy)
    restore_backup(copy, url)  # a store from before versions: made at its own version
    from ekokit.store.migrate import status, upgrade

    assert status(url).state == "out_of_date"
    upgrade(url)
    dump = make_backup(url, tmp_path / "room.dump")
    assert dump.contents.teams == {"esimerkki": 72, "nuoret-velat": 6}
    again = postgres.new_database()
    assert restore_backup(dump.path, again).current
    assert _everything(Store(again)) == _everything(Store(url))
