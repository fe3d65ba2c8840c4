"""A round's calendar is read as outside input: every problem of a bad file is one line that
names where it is, in the user's language, and nothing ends in a traceback (the stress probe's
cases: a python tag, 2023-02-30, a file not in UTF-8, deep nesting, duplicate ids, "25:99", the
time zone "Mars/Olympus", the notebook "../../../../etc/passwd")."""

from __future__ import annotations

import pytest
from ekokit.content.calendar import parse_calendar, problem_lines
from ekokit.errors import CalendarError
from ekokit.paths import data_dir
from tests.cli_runner import run_cli

GOOD = (data_dir() / "calendar.yaml").read_bytes()


def broken(old: bytes, new: bytes) -> bytes:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


CASES = {
    "python-tag": (b"programme: !!python/object/apply:os.system ['echo x']\n", "line 1"),
    "no-such-day": (broken(b"date: 2023-10-09", b"date: 2023-02-30"), "every date exists"),
    "not-utf8": (broken(b"programme: ", b"programme: \xe4"), "is not UTF-8"),
    "deep": (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "YAML error"),
    "twice": (broken(b'id: "2"', b'id: "1"'), "sessions: the id “1” is used twice"),
    "time": (broken(b'start: "09:00"', b'start: "25:99"'), "sessions.0.start: “25:99”"),
    "zone": (broken(b"timezone: Europe/Helsinki", b"timezone: Mars/Olympus"),
             "timezone: “Mars/Olympus” is not a time zone"),
    "path": (broken(b"notebook: 01_ekosysteemit.ipynb", b"notebook: ../../../../etc/passwd"),
             "sessions.0.notebook: “../../../../etc/passwd” is not a notebook name"),
    "ends-first": (broken(b'end: "12:00"', b'end: "08:00"'), "ends (08:00) before it starts"),
    "homework-after-nothing": (broken(b'after: "1"', b'after: "9"'), "has no session “9”"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_calendar_is_refused_with_a_line_naming_the_problem(case):
    data, said = CASES[case]
    with pytest.raises(CalendarError) as caught:
        parse_calendar(data)
    lines = problem_lines(caught.value.problems, "en")
    assert any(said in line for line in lines), lines
    assert all("\n" not in line and "Traceback" not in line for line in lines)
    assert problem_lines(caught.value.problems, "fi") != lines  # said in Finnish too


def test_the_kits_own_calendar_passes():
    assert [s.id for s in parse_calendar(GOOD).sessions] == ["1", "2", "3", "4"]


def test_the_cli_says_each_problem_on_its_own_line_in_the_users_language(tmp_path, db_path):
    path = tmp_path / "kierros.yaml"
    path.write_bytes(broken(b"timezone: Europe/Helsinki", b"timezone: Mars/Olympus").replace(
        b'start: "09:00"', b'start: "25:99"', 1))
    result = run_cli("--db", str(db_path), "--calendar", str(path), "calendar", check=False)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert lines[0].startswith("ekokit: Kalenteritiedostoa") and len(lines) == 3, lines
    assert "Mars/Olympus" in lines[1] and "25:99" in lines[2]
