"""The methods drawn as on paper (issue 25, item 6): iceberg, ecosystem pie, role map, value
blueprint, six pillars, futures frequency and experiment plan. Each draws the demo team's answer
and answers built from its spec: the largest the app saves (every list full, every text at its
length limit in long compounds), hostile texts (HTML, dollars, emoji), required fields only, and
nothing. Every answer gives a figure, an alt text quoting the user's words, and a table; no two
labels overlap, no text leaves the figure, no word is hyphenated that its box had room for, and
the demo answers are drawn whole (no "…")."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml
from ekokit.charts import CHARTS, Chart
from ekokit.charts.html import chart_html
from ekokit.content.exercises import Exercise, FieldSpec, find_exercise
from ekokit.content.i18n import catalogue
from ekokit.content.vocab import vocabularies
from ekokit.model import answers
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from tests.charts_once import drawn, forget_drawn  # noqa: F401 (forget_drawn: autouse)
from tests.test_charts_s4 import Laid, drawn_texts, overlaps

ROOT = Path(__file__).resolve().parent.parent
METHODS = {"s1_iceberg": "iceberg", "s1_ecosystem_pie": "ecosystem_pie", "s1_roles": "role_map",
           "s1_value_proposition": "value_blueprint", "s2_six_pillars": "six_pillars",
           "s2_futures_frequency": "futures_frequency", "s3_experiment_plan": "experiment_plan"}
LONG = ("Sosiaali- ja terveysministeriön hallinnonalan ylivelkaantumisenehkäisyverkosto "
        "Pääkaupunkiseudun hyvinvointialueiden talousneuvontayhteistyö")
HOSTILE = ("<script>alert(1)</script>", "maksaa $x$ euroa \\$y$", "Nuoret 🎉 mukana 💬")


def demo(exercise_id: str) -> dict:
    doc = yaml.safe_load((ROOT / "data" / "examples" / "demo_team" / f"{exercise_id}.yaml")
                         .read_text("utf-8"))
    return doc["revisions"][-1]["data"]


def _value(spec: FieldSpec, text: str, i: int, full: bool):
    """A value of ``spec``: ``text`` cut to the field's length for texts, the ``i``-th item of a
    vocabulary, the largest number."""
    if spec.type in ("text", "longtext"):
        limit = spec.max_length or 300
        return (text * (limit // len(text) + 1))[:limit].rstrip() if full else text[:limit]
    if spec.type == "textlist":
        count = (spec.max_items or 10) if full else 2
        return [_value(FieldSpec(name="x", type="text", max_length=spec.max_length),
                       f"{i + k} {text}", 0, full) for k in range(count)]
    if spec.type == "choice":
        items = vocabularies()[spec.vocab or ""]
        return items[i % len(items)]
    if spec.type == "multichoice":
        items = vocabularies()[spec.vocab or ""]
        return [items[(i + k) % len(items)] for k in range(min(spec.max_items or 3, 3))]
    if spec.type == "int":
        return spec.max if full else spec.min
    if spec.type == "date":
        return f"2024-0{1 + i % 9}-1{i % 9}"
    if spec.type == "bool":
        return bool(i % 2)
    raise AssertionError(spec.type)


def build(exercise: Exercise, texts, *, full: bool, required_only: bool = False) -> dict:
    """An answer to every field of the spec (or its required ones) from the ``texts`` given in
    turn: lists at their most items when ``full``."""
    data: dict = {}
    counter = itertools.count()
    for spec in exercise.spec.fields:
        if required_only and not spec.required:
            continue
        if spec.type == "list":
            count = (spec.max_items or 10) if full else max(spec.min_items, 2)
            key = next((f for f in spec.item if f.name == spec.unique), None)
            if key is not None and key.vocab:  # a row per vocabulary item at most
                count = min(count, len(vocabularies()[key.vocab]))
            rows = []
            for r in range(count):
                row = {}
                for item in spec.item:
                    if required_only and not item.required:
                        continue
                    text = next(texts)
                    unique = item.name == spec.unique
                    value = _value(item, f"{r} {text}" if unique else text,
                                   r if unique else r + next(counter), full)
                    row[item.name] = value
                rows.append(row)
            data[spec.name] = rows
        else:
            data[spec.name] = _value(spec, next(texts), next(counter), full)
    return data


def maximal(exercise_id: str) -> dict:
    return build(find_exercise(exercise_id), itertools.repeat(LONG), full=True)


def hostile(exercise_id: str) -> dict:
    return build(find_exercise(exercise_id), itertools.cycle(HOSTILE), full=False)


def minimal(exercise_id: str) -> dict:
    return build(find_exercise(exercise_id), itertools.repeat("Kela"), full=False,
                 required_only=True)


def chart_for(exercise_id: str, data: dict, lang: str = "fi") -> Chart:
    return drawn(find_exercise(exercise_id), data, lang)


def outside(view: Laid) -> list[str]:
    """Texts that reach past the figure's edge."""
    frame = view.fig.bbox
    return [t.get_text() for t in view.texts
            if (b := view.box(t)).x0 < frame.x0 - 1 or b.x1 > frame.x1 + 1
            or b.y0 < frame.y0 - 1 or b.y1 > frame.y1 + 1]


def needless_cuts(view: Laid, sources: str) -> list[str]:
    """Words hyphenated at a line's end (not at a hyphen of their own) although the whole word
    is no wider than the widest line of its text: a word broken that its box had room for."""
    found = []
    for text in view.texts:
        lines = text.get_text().split("\n")
        font = FontProperties(size=text.get_fontsize(), weight=text.get_fontweight(),
                              style=text.get_fontstyle())
        widest = max(view.renderer.get_text_width_height_descent(line, font, ismath=False)[0]
                     for line in lines)
        for line, after in itertools.pairwise(lines):
            if not line.endswith("-") or not after:
                continue
            head, tail = line.split()[-1], after.split()[0]
            if (f"{head}{tail}".casefold() in sources  # a compound's own hyphen
                    or f"{head} {tail}".casefold() in sources):  # "talous- ja velka…"
                continue
            word = head[:-1] + tail
            width = view.renderer.get_text_width_height_descent(word, font, ismath=False)[0]
            if width <= widest:
                found.append(f"{head}|{tail}")
    return found


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if isinstance(value, str) else []


@pytest.mark.parametrize("exercise_id", sorted(METHODS))
def test_the_spec_names_the_chart_and_the_chart_reads_its_fields(exercise_id):
    exercise = find_exercise(exercise_id)
    assert exercise.spec.chart == METHODS[exercise_id]
    fields = {f.name: f for f in exercise.spec.fields}
    from ekokit.charts import READS
    for path in READS[METHODS[exercise_id]]:
        top, *item = path.split(".")
        assert top in fields, path
        if item:
            assert item[0] in {f.name for f in fields[top].item}, path


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("exercise_id", sorted(METHODS))
def test_the_demo_answer_is_drawn_whole_and_quoted(exercise_id, lang):
    data = demo(exercise_id)
    chart = chart_for(exercise_id, data, lang)
    assert isinstance(chart.figure, Figure)
    assert chart.table is not None and len(chart.table) >= 1
    assert "{" not in chart.alt
    # the alt text quotes the team's own words: some whole text of the answer is in it
    quoted = [s for s in _strings(data) if len(s) > 3 and " ".join(s.split()) in chart.alt]
    assert quoted, chart.alt
    view = Laid(chart.figure)
    assert not (found := overlaps(view)), found[:3]
    assert not (found := outside(view)), found[:3]
    sources = " ".join(_strings(data)).casefold()
    said = set(catalogue(lang).values())
    cut = [t.get_text() for t in view.texts if "…" in t.get_text()
           and "…" not in sources and t.get_text().strip() not in said]
    assert not cut, cut[:3]
    assert not (found := needless_cuts(view, sources)), found[:5]


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("exercise_id", sorted(METHODS))
def test_the_largest_answer_of_long_compounds_draws_without_overlap(exercise_id, lang):
    data = maximal(exercise_id)
    chart = chart_for(exercise_id, data, lang)
    assert isinstance(chart.figure, Figure)
    view = Laid(chart.figure)
    assert not (found := overlaps(view)), found[:3]
    assert not (found := outside(view)), found[:3]
    assert not (found := needless_cuts(view, LONG.casefold())), found[:5]
    width, height = chart.figure.get_size_inches()
    assert width <= 11 and height <= 13, (width, height)  # a page, not a poster
    assert chart.table is not None and len(chart.table) >= 1


@pytest.mark.parametrize("exercise_id", sorted(METHODS))
def test_html_dollars_and_emoji_are_drawn_literally_and_escaped(exercise_id):
    chart = chart_for(exercise_id, hostile(exercise_id))
    texts = [t.get_text() for t in drawn_texts(chart.figure)]
    assert any("$" in t for t in texts) and any("script" in t for t in texts)
    assert not any(is_math_text(t) for t in texts)
    assert "<script>" in chart.alt  # the alt text is plain text: the page escapes it
    page = chart_html(chart, "fi", title="x")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert not overlaps(chart.figure)


@pytest.mark.parametrize("exercise_id", sorted(METHODS))
def test_required_fields_only_draw(exercise_id):
    chart = chart_for(exercise_id, minimal(exercise_id))
    assert isinstance(chart.figure, Figure), chart.alt
    assert chart.alt.strip() and "{" not in chart.alt and "Kela" in chart.alt
    assert chart.table is not None
    chart_html(chart, "fi", title="x")


@pytest.mark.parametrize("exercise_id", sorted(METHODS))
def test_an_empty_answer_is_no_data(exercise_id):
    exercise = find_exercise(exercise_id)
    for data in (answers.empty_answer(exercise), {}):
        for lang in ("fi", "en"):
            chart = CHARTS[exercise.spec.chart](exercise, data, lang)
            assert chart.figure is None
            assert chart.alt == catalogue(lang)["charts.no_data"]


def test_the_chart_texts_agree_between_languages_and_cover_the_code():
    for name in METHODS.values():
        langs = [p.name for p in (ROOT / "data").iterdir()
                 if (p / "ui" / "charts").is_dir()]
        loaded = {lang: yaml.safe_load((ROOT / "data" / lang / "ui" / "charts" / f"{name}.yaml")
                                       .read_text("utf-8")) for lang in langs}
        fi = loaded["fi"]
        for lang, other in loaded.items():
            assert set(other) == set(fi), (name, lang)
            for key in fi:
                assert (set(re.findall(r"{(\w+)}", fi[key]))
                        == set(re.findall(r"{(\w+)}", other[key]))), (name, lang, key)
        code = (ROOT / "ekokit" / "charts" / f"{name}.py").read_text("utf-8")
        used = set(re.findall(r'_m\(\s*(?:f?)"([a-z_{}]+)"', code))
        plain = {u for u in used if "{" not in u}
        assert plain <= set(fi), (name, plain - set(fi))


def test_a_word_is_never_broken_beside_its_own_hyphen():
    chart = chart_for("s1_value_proposition", demo("s1_value_proposition"))
    texts = [t.get_text() for t in drawn_texts(chart.figure)]
    assert not any("Talouskunt-" in t or "- oon" in t for t in texts), texts
    assert any("Talouskuntoon-\nsäätiö" in t or "Talouskuntoon-säätiö" in t for t in texts)


def _text(fig: Figure, needle: str) -> Text:
    return next(t for t in drawn_texts(fig) if needle in t.get_text())
