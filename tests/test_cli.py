"""The CLI as a user runs it, on a real database file: its words, exit codes and output, in
this process (``tests/cli_runner.py``); the entry point and ``serve`` as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ekokit.content.i18n import Translator, languages
from tests.cli_runner import run_cli, run_process


def ekokit(*args: str, db, check: bool = True) -> subprocess.CompletedProcess:
    return run_cli("--db", str(db), *args, check=check)


def ekokit_process(*args: str, db, check: bool = True) -> subprocess.CompletedProcess:
    return run_process("--db", str(db), *args, check=check)


def test_team_add_and_list(db_path):  # as real processes: the entry point works
    out = ekokit_process("team", "add", "Nuoret & velat", "--phenomenon", "Velkaantuminen",
                         "--member", "Aino", "--member", "Bashir", db=db_path)
    assert out.stdout.strip() == "nuoret-velat"
    teams = json.loads(ekokit_process("team", "list", "--json", db=db_path).stdout)
    assert teams[0]["members"] == ["Aino", "Bashir"]


def test_duplicate_team_gives_a_clear_message_and_exit_2(db_path):
    ekokit("team", "add", "Tiimi", db=db_path)
    again = ekokit("team", "add", "Tiimi", db=db_path, check=False)
    assert again.returncode == 2
    assert Translator("fi")("error.team_exists", slug="tiimi", name="Tiimi") in again.stderr


def test_the_same_name_in_other_case_and_accents_is_refused_naming_the_existing_team(db_path):
    first = ekokit("team", "add", "Nuorten jengiväkivalta", db=db_path).stdout.strip()
    again = ekokit("team", "add", "nuorten  jengivakivalta", "--slug", "toinen", db=db_path,
                   check=False)
    assert again.returncode == 2
    assert again.stderr == "ekokit: " + Translator("fi")(
        "error.team_exists", slug=first, name="Nuorten jengiväkivalta") + "\n"
    assert [t["slug"] for t in json.loads(ekokit("team", "list", "--json", db=db_path).stdout)] \
        == [first]


def test_exercises_json_lists_ids_sessions_and_titles_in_every_language(db_path):
    rows = json.loads(ekokit("exercises", "--json", db=db_path).stdout)
    by_id = {r["id"]: r for r in rows}
    assert by_id["s1_phenomenon"]["session"] == "1"
    title = by_id["s1_phenomenon"]["title"]
    assert (title["fi"], title["en"]) == ("Ilmiön kuvaus", "Describing the phenomenon")
    assert title["sv"] not in (title["fi"], title["en"])  # its own Swedish title
    assert all(set(r["title"]) == {"fi", "sv", "en"} for r in rows)
    assert (by_id["s1_phenomenon"]["kind"], by_id["r1_ecosystem"]["kind"]) == (
        "exercise", "reflection")


def test_export_then_import_round_trips(db_path, tmp_path):
    ekokit("team", "add", "Tiimi", db=db_path)
    exported = ekokit("export", "tiimi", "--format", "json", db=db_path).stdout
    path = tmp_path / "tiimi.json"
    path.write_text(exported, encoding="utf-8")
    other = tmp_path / "other.sqlite"
    assert ekokit("import", str(path), db=other).stdout.strip() == "tiimi"
    assert ekokit("export", "tiimi", db=other).stdout == exported


def test_a_foreign_import_file_is_refused_in_english_when_asked(db_path, tmp_path):
    path = tmp_path / "foreign.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ekokit.cli", "--db", str(db_path), "--lang",
                             "en", "import", str(path)],
                            check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert Translator("en")("workbook.foreign") in result.stderr


def test_the_pooled_session_is_todays_or_the_next_or_the_last():
    import datetime as dt

    from ekokit.content.calendar import calendar
    from ekokit.server.app import pooled_notebook

    sessions = calendar().sessions
    assert pooled_notebook("3") == sessions[2].notebook
    assert pooled_notebook(None, today=sessions[1].date) == sessions[1].notebook
    day_after_first = sessions[0].date + dt.timedelta(days=1)
    assert pooled_notebook(None, today=day_after_first) == sessions[1].notebook
    assert pooled_notebook(None, today=sessions[-1].date + dt.timedelta(days=1)) == (
        sessions[-1].notebook)


def test_calendar_prints_the_programme_and_makes_a_new_round(db_path, tmp_path):
    from ekokit.content.calendar import calendar

    shown = ekokit("--lang", "en", "calendar", db=db_path).stdout
    en = Translator("en")
    for session in calendar().sessions:
        assert en(f"session.title_{session.id}") in shown and session.notebook in shown
    path = tmp_path / "round.yaml"
    ekokit("calendar", "new", "2027-01-18", "-o", str(path), db=db_path)
    again = ekokit("--calendar", str(path), "calendar", db=db_path).stdout
    assert "18.1.2027" in again and "9.10.2023" not in again  # first session moved
    original = calendar()
    gap = (original.sessions[1].date - original.sessions[0].date).days
    import datetime as dt
    second = dt.date(2027, 1, 18) + dt.timedelta(days=gap)
    assert f"{second.day}.{second.month}.{second.year}" in again  # the gaps kept


def test_a_bad_date_for_a_new_round_is_one_clear_line(db_path):
    result = ekokit("calendar", "new", "18.1.2027", db=db_path, check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == "ekokit: " + Translator("fi")("error.bad_date",
                                                                  value="18.1.2027")


def test_serve_refuses_an_unknown_session_with_the_valid_ones(db_path):
    result = ekokit_process("serve", "--session", "7", db=db_path, check=False)
    assert result.returncode == 2
    assert Translator("fi")("error.unknown_session", value="7", valid="1, 2, 3, 4") in (
        result.stderr)


def test_an_export_file_and_its_new_folder_are_private(db_path, tmp_path):
    import os
    import stat

    ekokit("team", "add", "Tiimi", db=db_path)
    target = tmp_path / "exports" / "tiimi.json"
    old = os.umask(0o022)
    try:
        ekokit("export", "tiimi", "-o", str(target), db=db_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(target.parent).st_mode) == 0o700
    assert json.loads(target.read_text(encoding="utf-8"))["team"]["slug"] == "tiimi"


def test_a_report_file_and_its_new_folder_are_private(db_path, tmp_path):
    import os
    import stat

    ekokit("team", "add", "Tiimi", db=db_path)
    target = tmp_path / "reports" / "tiimi.md"
    old = os.umask(0o022)
    try:
        ekokit("report", "tiimi", "--format", "md", "-o", str(target), db=db_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(target.parent).st_mode) == 0o700


def _one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "pydantic" not in result.stderr and "http" not in result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_a_bad_slug_is_one_localised_line_naming_the_field(db_path, tmp_path):
    ekokit("team", "add", "Tiimi", db=db_path)
    path = tmp_path / "tiimi.json"
    path.write_text(ekokit("export", "tiimi", db=db_path).stdout, encoding="utf-8")
    other = tmp_path / "other.sqlite"
    fi_line = _one_line(ekokit("import", str(path), "--as", "../Bad Slug", db=other, check=False))
    assert fi_line == ('ekokit: Tiimin tunnus "../Bad Slug": sallittuja ovat pienet kirjaimet '
                       "a–z, numerot ja väliviiva.")
    en_line = _one_line(ekokit("--lang", "en", "team", "add", "X", "--slug", "../Bad Slug",
                               db=db_path, check=False))
    assert en_line == ('ekokit: Team id "../Bad Slug": allowed are lowercase letters a–z, '
                       "digits and the hyphen.")
    assert ekokit("team", "list", "--json", db=other, check=False).stdout.strip() == "[]"


@pytest.mark.parametrize("args, field, problem", [
    (["team", "add", "   "], "team.name", "input.empty"),
    (["team", "add", "x" * 121], "team.name", "input.too_long"),
    (["team", "add", "Tiimi\x1b[31m"], "team.name", "input.control"),
    (["team", "add", "Tiimi", "--phenomenon", "rivi\ntoinen"], "team.phenomenon",
     "input.control"),
    (["team", "add", "Tiimi", "--member", "Ai\tno"], "team.members", "input.control"),
])
def test_bad_team_fields_are_one_line_in_each_language(db_path, args, field, problem):
    for lang in languages():
        tr = Translator(lang)
        line = _one_line(ekokit("--lang", lang, *args, db=db_path, check=False))
        assert line.startswith(f"ekokit: {tr(field)} \"")
        assert line.endswith(tr(problem, max=120) + ".")
        assert "\x1b" not in line  # an escape is shown escaped, never raw
    assert ekokit("team", "list", db=db_path).stdout == ""


def test_team_list_never_prints_raw_control_characters(db_path):
    import sqlite3

    ekokit("team", "add", "Tiimi", db=db_path)
    with sqlite3.connect(db_path) as conn:  # a name stored before names were checked
        conn.execute("UPDATE teams SET name = ?, phenomenon = ?",
                     ("Tiimi\x1b]0;pwned\x07", "rivi\ntoinen"))
    out = ekokit("team", "list", db=db_path).stdout
    assert out == "tiimi\tTiimi\\x1b]0;pwned\\x07\trivi\\ntoinen\n"


@pytest.mark.parametrize("lang", languages())
def test_bad_imports_are_one_line_each_and_store_nothing(db_path, tmp_path, lang):
    ekokit("team", "add", "Tiimi", db=db_path)
    book = json.loads(ekokit("export", "tiimi", db=db_path).stdout)
    other = tmp_path / "other.sqlite"
    tr = Translator(lang)
    cases = {
        "date.json": ({**book, "created_at": "not-a-date"},
                      tr("workbook.bad_time", value="not-a-date", where="created_at")),
        "future.json": ({**book, "created_at": "9999-01-01T00:00:00+00:00"},
                        tr("workbook.bad_time", value="9999-01-01T00:00:00+00:00",
                           where="created_at")),
    }
    for name, (content, expected) in cases.items():
        path = tmp_path / name
        path.write_text(json.dumps(content), encoding="utf-8")
        line = _one_line(ekokit("--lang", lang, "import", str(path), db=other, check=False))
        assert line == "ekokit: " + tr("error.workbook", reason=expected)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    line = _one_line(ekokit("--lang", lang, "import", str(deep), db=other, check=False))
    assert line == "ekokit: " + tr("error.workbook", reason=tr("workbook.too_deep", limit=64))
    assert ekokit("team", "list", "--json", db=other).stdout.strip() == "[]"


def test_import_merge_brings_homework_home_and_reports_per_exercise(tmp_path):
    from ekokit.store.database import Store

    room_db, home_db = tmp_path / "room.sqlite", tmp_path / "home.sqlite"
    ekokit("team", "add", "Tiimi", "--member", "Aino", db=room_db)
    room = Store(str(room_db))
    room.save("tiimi", "s1_phenomenon", {"phenomenon": "Alku"}, base_revision=0, author="Aino")
    taken_home = tmp_path / "to-home.json"
    ekokit("export", "tiimi", "-o", str(taken_home), db=room_db)
    assert ekokit("import", str(taken_home), db=home_db).stdout.strip() == "tiimi"
    home = Store(str(home_db))
    home.save("tiimi", "s1_phenomenon", {"phenomenon": "Kotona"}, base_revision=1)
    home.save("tiimi", "s1_iceberg", {"events": ["Kotona"]}, base_revision=0)
    room.save("tiimi", "s1_phenomenon", {"phenomenon": "Tapaamisessa"}, base_revision=1)
    back = tmp_path / "from-home.json"
    ekokit("export", "tiimi", "-o", str(back), db=home_db)

    refused = ekokit("import", str(back), db=room_db, check=False)  # without --merge
    assert _one_line(refused) == "ekokit: " + Translator("fi")("import.exists", slug="tiimi",
                                                              name="Tiimi")
    out = ekokit("--lang", "en", "import", str(back), "--merge", db=room_db).stdout
    en = Translator("en")
    assert out.splitlines() == [
        en("merge.added", exercise="s1_iceberg", added=1, already=0),
        en("merge.both", exercise="s1_phenomenon", kept=1, first=3, last=3, already=1),
        en("merge.summary", name="Tiimi", slug="tiimi", added=1, kept=1, already=1),
    ]
    assert [r.data["phenomenon"] for r in room.history("tiimi", "s1_phenomenon")] == [
        "Alku", "Tapaamisessa", "Kotona"]
    again = ekokit("import", str(back), "--merge", db=room_db).stdout.splitlines()
    assert again[-1] == Translator("fi")("merge.summary", name="Tiimi", slug="tiimi", added=0,
                                         kept=0, already=3)


def test_a_file_that_cannot_be_written_is_one_localised_line(db_path, tmp_path):
    ekokit("team", "add", "Tiimi", db=db_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "tiimi.json"  # a folder that is a file
    line = _one_line(ekokit("export", "tiimi", "-o", str(target), db=db_path, check=False))
    assert line.startswith("ekokit: " + Translator("fi")("error.file", path=str(target),
                                                          detail="").rstrip("."))


def test_the_common_options_work_after_the_command_too(db_path, tmp_path):
    """`ekokit lab --calendar FILE` failed: the option had to come before `lab`."""
    from ekokit.cli import build_parser

    args = build_parser().parse_args(["lab", "--calendar", "k.yaml", "--lang", "en", "--db", "x"])
    assert (args.calendar, args.lang, args.db) == ("k.yaml", "en", "x")
    before = build_parser().parse_args(["--lang", "en", "lab"])
    assert (before.lang, before.calendar, before.db) == ("en", None, None)
    result = ekokit("export", "nosuch", "--lang", "en", db=db_path, check=False)
    assert "There is no team" in result.stderr  # English, though --lang came after the command


def test_export_takes_the_teams_name_and_says_where_it_wrote(db_path, tmp_path):
    ekokit("team", "add", "Nuoret & velat", "--slug", "nuoret-velat", db=db_path)
    out = tmp_path / "tiimi.json"
    said = ekokit("--lang", "en", "export", "nuoret  &  VELAT", "-o", str(out), db=db_path)
    assert said.stdout.strip() == f"Team nuoret-velat's workbook written to {out}."
    assert json.loads(out.read_text())["team"]["slug"] == "nuoret-velat"


def test_a_team_that_is_not_there_is_one_line_in_the_command_lines_terms(db_path):
    ekokit("team", "add", "Nuoret & velat", "--slug", "nuoret-velat", db=db_path)
    for command in (["export", "Kotitehtävätiimi C"], ["report", "nosuch"]):
        result = ekokit("--lang", "en", *command, db=db_path, check=False)
        assert result.returncode == 2 and result.stdout == ""
        line, = result.stderr.splitlines()
        assert "nuoret-velat (Nuoret & velat)" in line and "below" not in line, line


def test_lab_allow_root_reaches_the_jupyter_server():
    from ekokit.server.lab import LabOptions, build_config

    assert build_config(LabOptions(allow_root=True), Path(".")).ServerApp.allow_root is True
    assert "allow_root" not in build_config(LabOptions(), Path(".")).ServerApp  # Jupyter's say


def test_the_lang_option_offers_the_kits_languages_and_names_a_wrong_one(db_path):
    result = ekokit("--lang", "de", "calendar", db=db_path, check=False)
    assert result.returncode == 2
    assert "'fi', 'sv', 'en'" in result.stderr
    shown = ekokit("--lang", "sv", "calendar", db=db_path).stdout
    assert Translator("sv")("session.title_1") in shown
