"""Save latency through the library, onto a real SQLite file in a temporary folder.

(a) ``Store.save`` alone: one new revision per call.
(b) the path of a keystroke: set a widget value in an ``ExerciseView`` → the form's observer →
    the Debouncer (outside an asyncio loop it saves at once) → validate → ``Store.save`` → status
    line and chart redrawn. In s1_phenomenon, whose chart is the summary table.
(c) the same keystroke in s1_actor_map (three actors), whose chart is a matplotlib ring map
    drawn again after every save (fewer iterations: each takes a drawing).

Usage: .venv/bin/python benchmarks/save_latency.py [--iterations 1000] [--chart-iterations 200]
Prints a Markdown table; writes benchmarks/results/save_latency.json."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import fmt, md_table, summary, write_result

NAME = "save_latency"
EXERCISE = "s1_phenomenon"
CHART_EXERCISE = "s1_actor_map"
TEAM = "bench-team"


def _team(store) -> None:
    from ekokit.model.teams import Team

    store.create_team(Team(slug=TEAM, name="Bench team", members=["Aino", "Bashir"]))


def bench_store(db: Path, iterations: int, warmup: int) -> list[float]:
    from ekokit.store.database import Store

    store = Store(str(db))
    _team(store)
    base = 0
    times = []
    for i in range(warmup + iterations):
        data = {"phenomenon": f"Nuorten ylivelkaantuminen {i}",
                "description": "Kuvaus " * 20, "affected_groups": ["Nuoret", "Opiskelijat"]}
        t0 = time.perf_counter()
        revision = store.save(TEAM, EXERCISE, data, base_revision=base, author="Aino")
        elapsed = time.perf_counter() - t0
        base = revision.revision
        if i >= warmup:
            times.append(elapsed * 1000)
    assert len(store.history(TEAM, EXERCISE)) == warmup + iterations
    return times


def bench_keystroke(db: Path, iterations: int, warmup: int) -> list[float]:
    from ekokit.content.exercises import find_exercise
    from ekokit.content.i18n import Translator
    from ekokit.state.exercise import ExerciseState
    from ekokit.store.database import Store
    from ekokit.widgets.exercise_view import ExerciseView

    store = Store(str(db))
    _team(store)
    state = ExerciseState(find_exercise(EXERCISE), store, TEAM, author="Aino")
    view = ExerciseView(state, Translator("fi"), delay=0)
    view.build()
    description = view.form.editors["description"].input
    phenomenon = view.form.editors["phenomenon"].input
    description.value = "Nuoret aikuiset velkaantuvat pikavipeistä."  # saves revision 1
    times = []
    for i in range(warmup + iterations):
        t0 = time.perf_counter()
        phenomenon.value = f"Nuorten ylivelkaantuminen {i}"  # a keystroke: save runs inside
        elapsed = time.perf_counter() - t0
        if i >= warmup:
            times.append(elapsed * 1000)
    saved = store.latest(TEAM, EXERCISE)
    assert saved is not None and saved.revision == warmup + iterations + 1, saved
    assert "ek-status-ok" in view.status.value, view.status.value
    return times


def bench_chart_keystroke(db: Path, iterations: int, warmup: int) -> list[float]:
    from ekokit.content.exercises import find_exercise
    from ekokit.content.i18n import Translator
    from ekokit.content.vocab import vocabularies
    from ekokit.state.exercise import ExerciseState
    from ekokit.store.database import Store
    from ekokit.widgets.exercise_view import ExerciseView

    store = Store(str(db))
    _team(store)
    state = ExerciseState(find_exercise(CHART_EXERCISE), store, TEAM, author="Aino")
    view = ExerciseView(state, Translator("fi"), delay=0)
    view.build()
    actors = view.form.editors["actors"]
    org_types, rings = vocabularies()["org_type"], vocabularies()["ring"]
    for i in range(3):
        actors.add_button.click()
        row = actors.rows[-1]
        row.editors["name"].input.value = f"Toimija {i}"
        row.editors["org_type"].input.value = org_types[i % len(org_types)]
        row.editors["ring"].input.value = rings[i % len(rings)]
    before = store.latest(TEAM, CHART_EXERCISE)
    assert before is not None and len(before.data["actors"]) == 3, before
    name = actors.rows[0].editors["name"].input
    times = []
    for i in range(warmup + iterations):
        t0 = time.perf_counter()
        name.value = f"Kela {i}"
        elapsed = time.perf_counter() - t0
        if i >= warmup:
            times.append(elapsed * 1000)
    saved = store.latest(TEAM, CHART_EXERCISE)
    assert saved.revision == before.revision + warmup + iterations, saved
    assert "<img" in view.chart.value
    return times


ROWS = (
    ("store_save", "`Store.save` alone"),
    ("keystroke", f"keystroke in {EXERCISE} → validate → save → status + summary table"),
    ("keystroke_chart", f"keystroke in {CHART_EXERCISE} → … → ring map redrawn (matplotlib)"),
)


def markdown(result: dict[str, Any]) -> str:
    rows = []
    for key, label in ROWS:
        s = result["results"].get(key)
        if s:
            rows.append([label, s["n"], fmt(s["median"]), fmt(s["p95"]), fmt(s["p99"]),
                         fmt(s["max"])])
    return md_table(["save path (SQLite file, ms)", "saves", "median", "p95", "p99", "max"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--chart-iterations", type=int, default=200,
                        help="saves in the exercise with a matplotlib chart (0: skip)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed saves first")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ekokit-bench-") as tmp:
        store_ms = bench_store(Path(tmp) / "store.sqlite", args.iterations, args.warmup)
        keystroke_ms = bench_keystroke(Path(tmp) / "view.sqlite", args.iterations, args.warmup)
        chart_ms = (bench_chart_keystroke(Path(tmp) / "chart.sqlite", args.chart_iterations,
                                          args.warmup) if args.chart_iterations else [])
    samples = {"store_save": store_ms, "keystroke": keystroke_ms, "keystroke_chart": chart_ms}
    result = {
        "args": vars(args),
        "unit": "ms",
        "exercises": {"keystroke": EXERCISE, "keystroke_chart": CHART_EXERCISE},
        "results": {key: summary(values) for key, values in samples.items() if values},
        "samples": samples,
    }
    path = write_result(NAME, result)
    print(markdown(result))
    print(f"\n(timed saves after {args.warmup} untimed each; {path})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
