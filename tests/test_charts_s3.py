"""Session 3 charts (experimentation and scaling): real specs, answers the app can save, the
demo team's Finnish answers, the largest answers the specs allow, hostile and partial text."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import itertools
import json
import re
from pathlib import Path

import pytest
import yaml
from ekokit.charts import CHARTS, Chart
from ekokit.charts.html import chart_html
from ekokit.content.example import example_workbook
from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import catalogue, languages
from ekokit.content.vocab import vocab_labels, vocabularies
from ekokit.model import answers
from ekokit.paths import data_dir
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from tests.chart_layout import overlaps
from tests.charts_once import drawn, forget_drawn  # noqa: F401 (forget_drawn: autouse)

ROOT = Path(__file__).resolve().parent.parent
LONG = "Sosiaali- ja terveysministeriön hallinnonalan ylivelkaantumisenehkäisyverkosto"
NASTY = "$x$ <script>alert(1)</script>"
EMOJI = "Nuoret 🙂 ja 💸 velat 🚀"

# exercise → (chart, the list field whose rows the table shows, or None)
EXERCISES = {
    "s3_assumptions": ("assumption_map", "assumptions"),
    "s3_experiment_cycle": ("experiment_cycles", "cycles"),
    "h3_experiment_log": ("experiment_log", "entries"),
    "s3_portfolio": ("portfolio", "experiments"),
    "s3_scaling": ("scaling", None),
    "s3_learning_loops": ("learning_loops", "learnings"),
    "s3_mve": ("mve_rings", "essential_actors"),
}
# a text field of each exercise that the chart draws, for the hostile and emoji cases
DRAWN = {
    "s3_assumptions": ("assumptions", "text"),
    "s3_experiment_cycle": ("cycles", "hypothesis"),
    "h3_experiment_log": ("entries", "what_happened"),
    "s3_portfolio": ("experiments", "name"),
    "s3_scaling": ("target_actors", None),
    "s3_learning_loops": ("learnings", "learning"),
    "s3_mve": ("essential_actors", "name"),
}
# a Finnish item of the demo answer the alt text must name
KEY_ITEM = {
    "s3_assumptions": "Kelan palveluneuvojat ja sosiaalityöntekijät ohjaavat nuoria valmentajalle",
    "s3_experiment_cycle": "Kelan palveluneuvojien suora ajanvaraus lisää ohjattuja nuoria",
    "h3_experiment_log": "Kelan palveluneuvojille pidettiin 15 minuutin etäinfo",
    "s3_portfolio": "Velkaneuvonnan chat-ajanvaraus nuorille",
    "s3_scaling": "Kelan nuorten palveluneuvojat",
    "s3_learning_loops": "Suunnittelimme palvelua nuorille kysymättä nuorilta itseltään",
    "s3_mve": "Valtiokonttori",
}


@functools.cache
def _workbook() -> dict:
    return example_workbook()


def demo(exercise_id: str) -> dict:
    """The demo team's latest answer (a copy: the workbook is read once)."""
    return copy.deepcopy(_workbook()["exercises"][exercise_id][-1]["data"])


def draw(exercise_id: str, data: dict, lang: str = "fi") -> Chart:
    exercise = find_exercise(exercise_id)
    assert exercise.spec.chart == EXERCISES[exercise_id][0]
    return drawn(exercise, data, lang)


def _day(n: int) -> str:
    return (dt.date(2024, 1, 8) + dt.timedelta(days=7 * n)).isoformat()


def largest(exercise_id: str) -> dict:
    """The most rows the spec allows, every text a long Finnish compound."""
    exercise = find_exercise(exercise_id)
    spec = {f.name: f for f in exercise.spec.fields}
    n = {name: f.max_items for name, f in spec.items()}
    voc = vocabularies()
    text = [f"{LONG} {i}" for i in range(1, 41)]
    if exercise_id == "s3_assumptions":
        cats = itertools.cycle(voc["assumption_category"])
        data = {"assumptions": [{"text": text[i], "category": next(cats),
                                 "importance": 5 - i % 5, "evidence": 1 + (i * 2) % 5}
                                for i in range(n["assumptions"])],
                "riskiest": text[0], "we_believe": LONG}
    elif exercise_id == "s3_experiment_cycle":
        phases = itertools.cycle(voc["experiment_phase"])
        data = {"experiment": LONG, "cycles": [
            {"cycle_no": i + 1, "phase": next(phases), "started": _day(2 * i),
             "ended": _day(2 * i + 1) if i < n["cycles"] - 1 else None, "hypothesis": text[i],
             "notes": LONG} for i in range(n["cycles"])]}
    elif exercise_id == "h3_experiment_log":
        data = {"experiment": LONG, "entries": [
            {"date": _day(i), "what_happened": text[i], "data": LONG,
             "surprises": LONG if i % 3 == 0 else ""} for i in range(n["entries"])]}
    elif exercise_id == "s3_portfolio":
        phases, decisions = voc["experiment_phase"], voc["experiment_decision"]
        data = {"shared_goal": LONG, "experiments": [
            {"name": text[i], "owner": LONG, "phase": phases[i % 5] if i % 6 else None,
             "decision": decisions[i % 3] if i % 4 else None,
             "purposes": list(voc["experiment_purpose"])} for i in range(n["experiments"])]}
    elif exercise_id == "s3_scaling":
        data = {"experiment": LONG, "scaling_types": list(voc["scaling_type"]),
                "scaling_form": "practice", "decision": "scale", "rationale": LONG,
                "target_actors": text[: n["target_actors"]], "barriers": text[: n["barriers"]]}
    elif exercise_id == "s3_learning_loops":
        loops = itertools.cycle(voc["learning_loop"])
        data = {"learnings": [{"learning": text[i], "loop": next(loops), "experiment": LONG,
                               "consequence": LONG} for i in range(n["learnings"])],
                "questioned_assumptions": text[: n["questioned_assumptions"]]}
    else:
        rings = itertools.cycle(voc["ring"])
        data = {"value_proposition": LONG, "essential_actors": [
            {"name": text[i], "activity": LONG, "ring": next(rings), "ready": i % 2 == 0}
            for i in range(n["essential_actors"])], "can_wait": text[: n["can_wait"]],
            "first_evidence": LONG}
    return answers.validate(exercise, data)


def with_text(exercise_id: str, value: str) -> dict:
    """The demo answer with ``value`` in the first drawn text field."""
    data = json.loads(json.dumps(demo(exercise_id)))
    field, key = DRAWN[exercise_id]
    if key is None:
        data[field][0] = value
    else:
        data[field][0][key] = value
    return data


def drawn_texts(fig: Figure) -> list:
    return [t for ax in fig.axes for t in [*ax.texts, ax.title] if t.get_text().strip()]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text.casefold()))


# -- the demo team's answers ----------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_demo_answer_draws_and_alt_names_key_items(exercise_id):
    chart = draw(exercise_id, demo(exercise_id))
    assert isinstance(chart.figure, Figure)
    assert KEY_ITEM[exercise_id] in chart.alt
    assert "{" not in chart.alt and chart.alt.strip().endswith((".", "…"))
    rows = EXERCISES[exercise_id][1]
    if rows:
        names = [str(v) for v in chart.table.to_numpy().ravel()]
        for row in demo(exercise_id)[rows]:
            first = next(v for k, v in row.items() if k in (
                "text", "name", "hypothesis", "what_happened", "learning"))
            assert any(first.strip() in n for n in names), first
    assert chart.table.columns[0] and not any("{" in str(c) for c in chart.table.columns)


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_fi_and_en_both_work_and_differ(exercise_id):
    fi, en = (draw(exercise_id, demo(exercise_id), lang) for lang in ("fi", "en"))
    assert fi.figure is not None and en.figure is not None
    assert fi.alt != en.alt and list(fi.table.columns) != list(en.table.columns)


# -- empty, partial, hostile ----------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_empty_answer_gives_no_data(exercise_id):
    exercise = find_exercise(exercise_id)
    for data in (answers.empty_answer(exercise), {}):
        for lang in languages():
            chart = CHARTS[exercise.spec.chart](exercise, data, lang)
            assert chart.figure is None
            assert chart.alt == catalogue(lang)["charts.no_data"]


PARTIAL = {
    "s3_assumptions": {"assumptions": [{"text": "Nuoret tulevat", "importance": 5},
                                       {"text": "Kela ohjaa", "importance": 4, "evidence": 1}]},
    "s3_experiment_cycle": {"cycles": [{"cycle_no": 1, "phase": None, "hypothesis": "Tulevat"},
                                       {"cycle_no": 2, "phase": "run"}]},
    "h3_experiment_log": {"entries": [{"date": None, "what_happened": "Aloitettiin"},
                                      {"date": "2024-01-04", "what_happened": ""}]},
    "s3_portfolio": {"experiments": [{"name": "Valmentaja"}, {"name": "Chat", "phase": "run"}]},
    "s3_scaling": {"scaling_types": ["up"]},
    "s3_learning_loops": {"learnings": [{"learning": "Opimme", "loop": None},
                                        {"learning": "Kysykää nuorilta", "loop": "triple"}]},
    "s3_mve": {"essential_actors": [{"name": "Ohjaamo", "ring": None},
                                    {"name": "Säätiö", "ring": "core", "ready": True}]},
}


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_missing_optional_fields_still_draw(exercise_id):
    for lang in languages():
        chart = draw(exercise_id, PARTIAL[exercise_id], lang)
        assert isinstance(chart.figure, Figure), exercise_id
        assert chart.alt.strip() and "{" not in chart.alt
        chart_html(chart, lang, title=exercise_id)


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_hostile_text_is_drawn_literally_and_escaped(exercise_id):
    chart = draw(exercise_id, with_text(exercise_id, NASTY))
    texts = [t.get_text() for t in drawn_texts(chart.figure)]
    assert any("<script>" in t for t in texts), "the user's text should be on the figure"
    assert not any(is_math_text(t) for t in texts)
    page = chart_html(chart, "fi", title="x")
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_emoji_draws(exercise_id):
    chart = draw(exercise_id, with_text(exercise_id, EMOJI))
    chart.figure.canvas.draw()
    assert "🙂" in chart.alt or "🙂" in chart.table.to_string()


# -- the largest answers --------------------------------------------------------------------

@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_largest_answer_draws_without_overlap_or_cut_words(exercise_id, lang):
    data = largest(exercise_id)
    chart = draw(exercise_id, data, lang)
    assert isinstance(chart.figure, Figure)
    assert overlaps(chart.figure) == []
    allowed = _words(json.dumps(data, ensure_ascii=False))
    allowed |= _words(" ".join(catalogue(lang).values()))
    labels = vocab_labels(lang).values()
    allowed |= _words(" ".join(v for group in labels for v in group.values()))
    cut = [w for w in _words(chart.alt) if w not in allowed and not w.isdigit()]
    assert cut == [], cut
    rows = EXERCISES[exercise_id][1]
    if rows:
        assert len(chart.table) == len(data[rows]) + (
            len(data["can_wait"]) if exercise_id == "s3_mve" else 0)


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_demo_answer_has_no_overlapping_labels(exercise_id):
    assert overlaps(draw(exercise_id, demo(exercise_id)).figure) == []


def test_assumption_map_names_only_the_riskiest_corner():
    chart = draw("s3_assumptions", demo("s3_assumptions"), "en")
    assert "number 2:" in chart.alt
    assert "Aiemmin saatu apu estää velkojen etenemisen ulosottoon" not in chart.alt
    corner = chart.table.iloc[:, 5].tolist()
    assert corner.count("yes") == 2


def test_timeline_without_dates_follows_the_order():
    chart = draw("s3_experiment_cycle", {"cycles": [
        {"cycle_no": 2, "phase": "plan"}, {"cycle_no": 1, "phase": "analyse"}]})
    assert list(chart.table.iloc[:, 0]) == [1, 2]
    assert isinstance(chart.figure, Figure)


# -- catalogues -----------------------------------------------------------------------------

MODULES = {"assumption_map": ["assumption_map"], "portfolio": ["portfolio"],
           "scaling": ["scaling"], "learning_loops": ["learning_loops"],
           "mve_rings": ["mve_rings"],
           "experiment_timeline": ["experiment_cycles", "experiment_log"]}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_catalogue_files_match_and_cover_the_code(module):
    code = (ROOT / "ekokit" / "charts" / f"{module}.py").read_text("utf-8")
    used = set(re.findall(r'_m\((?:c, )?"([a-z_]+)"', code))
    known: set[str] = set()
    for chart in MODULES[module]:
        fi, en = (yaml.safe_load((data_dir() / lang / "ui" / "charts" / f"{chart}.yaml")
                                 .read_text("utf-8")) for lang in ("fi", "en"))
        assert fi.keys() == en.keys(), chart
        for key in fi:
            fields = [set(re.findall(r"{(\w+)}", str(d[key]))) for d in (fi, en)]
            assert fields[0] == fields[1], (chart, key)
        known |= set(fi)
    assert used and used <= known, used - known
