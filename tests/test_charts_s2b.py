"""Session 2 futures-design charts: wheel, triangle, table, 2×2, the two timelines, vision actors.
Every answer goes through answers.validate, so each is one the app can save."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from ekokit.charts import CHARTS, READS, Chart
from ekokit.charts.html import chart_html
from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import catalogue, languages
from ekokit.content.vocab import vocab_labels
from ekokit.model import answers
from ekokit.paths import data_dir
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from matplotlib.text import Text
from tests.chart_layout import overlaps
from tests.charts_once import drawn, forget_drawn  # noqa: F401 (forget_drawn: autouse)

LONG = "Sosiaali- ja terveysministeriön hallinnonalan ylivelkaantumisenehkäisyverkosto"
NASTY = "$x$ <script>alert(1)</script>"
EMOJI = "Nuoret 💸🙂 ja velat"
CODE = Path(__file__).resolve().parent.parent / "ekokit" / "charts"

CHART_OF = {
    "s2_futures_wheel": "futures_wheel",
    "s2_futures_triangle": "futures_triangle",
    "s2_futures_table": "futures_table",
    "s2_scenarios_2x2": "scenarios_2x2",
    "s2_backcasting": "backcasting_timeline",
    "h2_preferred_future": "preferred_future_timeline",
    "s2_vision": "vision_actors",
}


def _wheel(text=lambda i: f"Vaikutus {i}", count=11, links=True):
    impacts = [{"impact": text(i), "ring": "first", "follows_from": "",
                "valence": "positive", "likelihood": "likely"} for i in range(3)]
    for i in range(3, count):
        impacts.append({"impact": text(i), "ring": "second" if i < 7 else "third",
                        "follows_from": text(i - 3), "valence": ["negative", "neutral", None,
                                                                 "positive"][i % 4],
                        "likelihood": None})
    return {"centre": "Positiivinen luottotietorekisteri", "impacts": impacts,
            "cross_links": [f"{text(count - 1)} -> {text(3)}", "ei löydy → mitään"] if links
            else [], "attention_points": ["Seurataan"]}


# exercise: (realistic answer, items the alt text must name)
REAL = {
    "s2_futures_wheel": (
        {**_wheel(), "impacts": [
            {"impact": "Luotonantajat näkevät kaikki luotot", "ring": "first", "follows_from": "",
             "valence": "neutral", "likelihood": "likely"},
            {"impact": "Hakemuksia hylätään useammin", "ring": "first", "follows_from": "",
             "valence": "positive", "likelihood": "likely"},
            {"impact": "Nuoria siirtyy epävirallisiin lainoihin", "ring": "second",
             "follows_from": "Hakemuksia hylätään useammin", "valence": "negative",
             "likelihood": "possible"},
            {"impact": "Perhesuhteet kuormittuvat", "ring": "third",
             "follows_from": "Nuoria siirtyy epävirallisiin lainoihin", "valence": "negative",
             "likelihood": "possible"},
            {"impact": "Riskin hinnoittelu tarkentuu", "ring": "second",
             "follows_from": "luotonantajat NÄKEVÄT kaikki luotot", "valence": "neutral"}],
         "cross_links": ["Riskin hinnoittelu tarkentuu → Perhesuhteet kuormittuvat"]},
        ["Positiivinen luottotietorekisteri", "Perhesuhteet kuormittuvat",
         "Riskin hinnoittelu tarkentuu"]),
    "s2_futures_triangle": (
        {"pull": ["Yksikään nuori ei jää yksin", "Ilmiölähtöinen hallinto"],
         "push": ["Elinkustannusten nousu", "Kitkaton digiluotonanto"],
         "weight": ["Hallinnonalakohtaiset budjetit"],
         "strength": {"pull": 3, "push": 5, "weight": 4},
         "plausible_future": "Työntö voittaa.", "levers": ""},
        ["Yksikään nuori ei jää yksin", "Hallinnonalakohtaiset budjetit", "5/5"]),
    "s2_futures_table": (
        {"variables": [
            {"name": "Kulutusluottojen sääntely", "states": ["Tiukkenee", "Ennallaan",
                                                           "Löystyy"]},
            {"name": "Palvelujen yhteistyö", "states": ["Yhteinen malli", "Siilot"]},
            {"name": "Asenne velkaan", "states": ["Avoin", "Häpeä"]}],
         "scenarios": [
            {"name": "Yhdessä ajoissa", "path": ["Tiukkenee", "Yhteinen malli", "Avoin"],
             "narrative": ""},
            {"name": "Klikkauksen päässä", "path": ["Löystyy", "Siilot", "Häpeä"]}],
         "consistency_flags": ["Avoin + Siilot"]},
        ["Yhdessä ajoissa", "Klikkauksen päässä", "Tiukkenee"]),
    "s2_scenarios_2x2": (
        {"uncertainties": ["Rahoitus"],
         "axes": [{"direction": "horizontal", "uncertainty": "Palvelujen yhteistyö",
                   "pole_low": "Siilot säilyvät", "pole_high": "Yhteinen malli"},
                  {"direction": "vertical", "uncertainty": "Taloudellinen liikkumavara",
                   "pole_low": "Kiristyy", "pole_high": "Paranee"}],
         "quadrants": [
            {"quadrant": "top_right", "name": "Vakaa pohja", "narrative": "x",
             "scenario_type": "utopia"},
            {"quadrant": "top_left", "name": "Onnekkaat pärjäävät", "narrative": "x"},
            {"quadrant": "bottom_left", "name": "Kukaan ei kysy", "narrative": "x",
             "scenario_type": "dystopia"},
            {"quadrant": "bottom_right", "name": "Niukkuus yhdistää", "narrative": "x"}]},
        ["Vakaa pohja", "Kukaan ei kysy", "Palvelujen yhteistyö", "Paranee"]),
    "s2_backcasting": (
        {"vision_year": 2030, "end_state": "Talousvalmennus on pysyvä palvelu.",
         "milestones": [{"year": 2026, "milestone": "Yhteinen ohjausmalli käytössä"},
                        {"year": 2030, "milestone": "Malli neljällä alueella"},
                        {"year": 2025, "milestone": "Kokeilu laajenee"}],
         "actions": [{"milestone": "2025: laajennus", "action": "Neuvojien koulutus",
                      "owner": "Kela"},
                     {"milestone": "Yhteinen ohjausmalli käytössä", "action": "Tietosuojaselvitys",
                      "owner": "Oikeusministeriö"},
                     {"milestone": "", "action": "Tiedote", "owner": ""}]},
        ["2030", "Talousvalmennus on pysyvä palvelu", "Malli neljällä alueella",
         "Oikeusministeriö"]),
    "h2_preferred_future": (
        {"year": 2030, "headline": "Apu alkaa siitä ovesta, josta nuori tulee",
         "description": "x", "signs_of_success": [],
         "milestones": [{"year": 2028, "milestone": "Talousvalmennus talousarviossa"},
                        {"year": 2025, "milestone": "Kokeilu kaikissa Ohjaamoissa"}],
         "first_steps": [{"step": "Talousvalmentajan kokeilu", "owner": "Tuomas",
                          "due": "2025-12-13"},
                         {"step": "Kokeilun mittarit", "owner": "", "due": None}]},
        ["Apu alkaa siitä ovesta", "Talousvalmennus talousarviossa", "Kokeilun mittarit"]),
    "s2_vision": (
        {"future_image": "x", "vision": "Yksikään nuori ei jää velkojensa kanssa yksin",
         "vision_year": 2030, "goals": [],
         "actors_needed": [{"name": "Järvilinnan Ohjaamo", "ring": "partner",
                            "contribution": "Tila"},
                           {"name": "Kela", "ring": "core", "contribution": ""},
                           {"name": "Luotonantajat", "ring": "environment"}]},
        ["Yksikään nuori ei jää velkojensa kanssa yksin", "Järvilinnan Ohjaamo", "Kela"]),
}


def _long(i: int) -> str:
    return f"{LONG} {i}"


MAXIMUM = {
    "s2_futures_wheel": {**_wheel(_long, 40), "centre": (LONG + " ") * 2,
                         "cross_links": [f"{_long(i)} -> {_long(39 - i)}" for i in range(15)]},
    "s2_futures_triangle": {c: [f"{_long(i)} {c}" for i in range(10)]
                            for c in ("pull", "push", "weight")} | {
        "strength": {"pull": 1, "push": 5, "weight": 3}, "plausible_future": LONG},
    "s2_futures_table": {
        "variables": [{"name": _long(r), "states": [f"{LONG} {r}.{c}" for c in range(5)]}
                      for r in range(8)],
        "scenarios": [{"name": f"{LONG[:100]} {s}",
                       "path": [f"{LONG} {r}.{(s + r) % 5}" for r in range(8)]}
                      for s in range(5)],
        "consistency_flags": [LONG] * 10},
    "s2_scenarios_2x2": {
        "uncertainties": [LONG] * 12,
        "axes": [{"direction": d, "uncertainty": (LONG + " ") * 2, "pole_low": LONG[:120],
                  "pole_high": (LONG + " " + LONG)[:120]} for d in ("horizontal", "vertical")],
        "quadrants": [{"quadrant": q, "name": (LONG + " " + LONG)[:120], "narrative": LONG,
                       "scenario_type": "upheaval"}
                      for q in ("top_left", "top_right", "bottom_left", "bottom_right")]},
    "s2_backcasting": {
        "vision_year": 2060, "end_state": (LONG + " ") * 20,
        "milestones": [{"year": 2025 + i % 3, "milestone": (LONG + " ") * 3} for i in range(10)],
        "actions": [{"milestone": f"{2025 + i % 4}: vaihe", "action": (LONG + " ") * 3,
                     "owner": LONG[:100]} for i in range(20)]},
    "h2_preferred_future": {
        "year": 2060, "headline": (LONG + " ") * 2, "description": LONG,
        "milestones": [{"year": 2025 + i, "milestone": (LONG + " ") * 3} for i in range(10)],
        "first_steps": [{"step": (LONG + " ") * 3, "owner": LONG[:100], "due": "2026-01-31"}
                        for _ in range(10)]},
    "s2_vision": {"future_image": LONG, "vision": (LONG + " ") * 3, "vision_year": 2040,
                  "actors_needed": [{"name": f"{LONG[:110]} {i}",
                                     "ring": ["core", "partner", "environment", None][i % 4],
                                     "contribution": LONG} for i in range(20)]},
}

# every text field a chart draws, for the payload tests: exercise -> function(answer, text)
INJECT = {
    "s2_futures_wheel": lambda a, t: {**a, "impacts": [{**a["impacts"][0], "impact": t},
                                                      *a["impacts"][1:]]},
    "s2_futures_triangle": lambda a, t: {**a, "pull": [t, *a["pull"]]},
    "s2_futures_table": lambda a, t: {**a, "variables": [
        {"name": t, "states": [t, *a["variables"][0]["states"][1:]]}, *a["variables"][1:]]},
    "s2_scenarios_2x2": lambda a, t: {**a, "quadrants": [{**a["quadrants"][0], "name": t},
                                                        *a["quadrants"][1:]]},
    "s2_backcasting": lambda a, t: {**a, "milestones": [{"year": 2027, "milestone": t},
                                                        *a["milestones"]]},
    "h2_preferred_future": lambda a, t: {**a, "headline": t},
    "s2_vision": lambda a, t: {**a, "actors_needed": [{"name": t, "ring": "core"},
                                                      *a["actors_needed"]]},
}

# the optional fields left out: still a chart
PARTIAL = {
    "s2_futures_wheel": {"impacts": [{"impact": "Yksi vaikutus", "ring": None,
                                      "follows_from": "ei ole", "valence": None}]},
    "s2_futures_triangle": {"weight": ["Budjetit"]},
    "s2_futures_table": {"variables": [{"name": "Sääntely", "states": ["Tiukka", "Löysä"]}],
                         "scenarios": [{"name": "Polku", "path": ["Tiukka", "Tuntematon"]}]},
    "s2_scenarios_2x2": {"axes": [{"direction": None, "uncertainty": "Rahoitus",
                                   "pole_low": "", "pole_high": "Riittää"}],
                         "quadrants": [{"quadrant": None, "name": "Nimetön lohko"}]},
    "s2_backcasting": {"milestones": [{"year": 2027, "milestone": "Kokeilu"}]},
    "h2_preferred_future": {"year": 2031},
    "s2_vision": {"actors_needed": [{"name": "Kela", "ring": "core"},
                                    {"name": "Ohjaamo", "ring": None}]},
}


def draw(exercise_id: str, data: dict, lang: str = "fi") -> Chart:
    exercise = find_exercise(exercise_id)
    return drawn(exercise, data, lang)


def drawn_texts(fig: Figure) -> list[Text]:
    return [t for ax in fig.axes for t in ax.texts if t.get_text().strip()]


def words(text: str) -> set[str]:
    return {w for w in re.split(r"[\s,;:.()”“\"→–—/+?!…]+", text) if w}


def test_every_exercise_names_its_chart_and_reads_fields_it_has():
    for exercise_id, name in CHART_OF.items():
        exercise = find_exercise(exercise_id)
        assert exercise.spec.chart == name
        fields = {f.name: f for f in exercise.spec.fields}
        for path in READS[name]:
            top, _, item = path.partition(".")
            assert top in fields, (exercise_id, path)
            if item:
                assert item in {f.name for f in fields[top].item}, (exercise_id, path)


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_realistic_answer_draws_and_says_what_it_shows(exercise_id, lang):
    data, facts = REAL[exercise_id]
    chart = draw(exercise_id, data, lang)
    assert isinstance(chart.figure, Figure)
    for fact in facts:
        assert fact in chart.alt, fact
    assert "{" not in chart.alt and chart.alt.strip()
    assert chart.table is not None and len(chart.table) >= 1
    first = set(map(str, chart.table.iloc[:, 0]))
    assert first, "the table's first column names the rows"


def test_table_rows_hold_the_answer_items():
    chart = draw("s2_futures_wheel", REAL["s2_futures_wheel"][0])
    assert len(chart.table) == 5
    assert "Nuoria siirtyy epävirallisiin lainoihin" in chart.table.iloc[:, 1].tolist()
    follows = chart.table.iloc[:, 3].tolist()  # resolved case-insensitively, else the centre
    assert follows[4] == "1 Luotonantajat näkevät kaikki luotot"
    assert follows[0] == "Keskellä oleva aihe"
    table = draw("s2_futures_table", REAL["s2_futures_table"][0]).table
    assert table.iloc[:, 0].tolist() == ["Kulutusluottojen sääntely", "Palvelujen yhteistyö",
                                         "Asenne velkaan"]
    assert table.iloc[:, -2].tolist() == ["Tiukkenee", "Yhteinen malli", "Avoin"]
    assert len(draw("s2_scenarios_2x2", REAL["s2_scenarios_2x2"][0]).table) == 4
    timeline = draw("s2_backcasting", REAL["s2_backcasting"][0]).table
    assert len(timeline) == 1 + 3 + 3  # the vision, milestones and actions
    owners = timeline.iloc[:, 3].tolist()
    # actions sit under the milestone they name (by text, or by year)
    assert owners.index("Kela") == timeline.iloc[:, 2].tolist().index("Kokeilu laajenee") + 1
    assert timeline.iloc[owners.index("Kela"), 0] == 2025  # linked by the year in "2025: …"
    assert timeline.iloc[-1, 0] is None  # the action naming no milestone comes last, yearless
    assert len(draw("h2_preferred_future", REAL["h2_preferred_future"][0]).table) == 1 + 2 + 2
    triangle = draw("s2_futures_triangle", REAL["s2_futures_triangle"][0]).table
    assert triangle.iloc[:, 1].tolist() == [3, 5, 4]


def test_wheel_draws_cross_links_naming_two_impacts_only():
    chart = draw("s2_futures_wheel", _wheel())
    assert "Vaikutus 10 → Vaikutus 3" in chart.alt  # the resolvable link
    assert "mitään" not in chart.alt  # the other is counted, not drawn
    dashed = [a for a in chart.figure.axes[0].texts if getattr(a, "arrow_patch", None)
              and a.arrow_patch.get_linestyle() == "--"]
    assert len(dashed) == 1


@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_empty_answer_gives_no_data(exercise_id):
    exercise = find_exercise(exercise_id)
    for data in (answers.empty_answer(exercise), {}):
        for lang in languages():
            chart = CHARTS[exercise.spec.chart](exercise, data, lang)
            assert chart.figure is None
            assert chart.alt == catalogue(lang)["charts.no_data"]


@pytest.mark.parametrize("ring", ["first", "second", "third"])
def test_wheel_with_all_40_impacts_on_one_ring_keeps_the_numbers_apart(ring):
    data = {"centre": LONG, "impacts": [{"impact": _long(i), "ring": ring, "valence": "negative"}
                                        for i in range(40)]}
    assert not (found := overlaps(draw("s2_futures_wheel", data).figure)), found


@pytest.mark.parametrize("exercise_id", sorted(MAXIMUM))
def test_maximum_rows_with_long_words_draw_without_overlap_or_cut_words(exercise_id):
    data = MAXIMUM[exercise_id]
    chart = draw(exercise_id, data)
    fig = chart.figure
    assert isinstance(fig, Figure)
    assert not (found := overlaps(fig)), found
    allowed = words(yaml.safe_dump(data, allow_unicode=True)) | words(
        " ".join(catalogue("fi").values())) | words(" ".join(
            str(v) for labels in vocab_labels("fi").values()
            for v in labels.values()))
    cut = {w for w in words(chart.alt) if w not in allowed and not w.isdigit()}
    assert not cut, cut


@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_html_payload_and_dollars_are_drawn_literally(exercise_id):
    data = INJECT[exercise_id](REAL[exercise_id][0], NASTY)
    chart = draw(exercise_id, data)
    drawn = [t.get_text() for t in drawn_texts(chart.figure)]
    with_dollar = [t for t in drawn if "$" in t]
    assert with_dollar, "the user's $x$ should be on the figure"
    assert not any(is_math_text(t) for t in with_dollar)
    page = chart_html(chart, "fi", title="Otsikko <b>")  # the PNG drawn: no mathtext error
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>" not in page


@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_emoji_in_user_text_draws(exercise_id):
    chart = draw(exercise_id, INJECT[exercise_id](REAL[exercise_id][0], EMOJI))
    chart_html(chart, "fi", title="x")  # the PNG drawn, emoji and all


@pytest.mark.parametrize("exercise_id", sorted(PARTIAL))
def test_missing_optional_fields_still_draw(exercise_id):
    chart = draw(exercise_id, PARTIAL[exercise_id])
    assert isinstance(chart.figure, Figure), chart.alt
    chart.figure.canvas.draw()
    assert chart.alt.strip() and "{" not in chart.alt


@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_finnish_and_english_differ(exercise_id):
    fi = draw(exercise_id, REAL[exercise_id][0], "fi")
    en = draw(exercise_id, REAL[exercise_id][0], "en")
    assert fi.alt != en.alt
    assert list(fi.table.columns) != list(en.table.columns)


def test_timeline_puts_today_in_range_and_is_deterministic_with_today_given():
    exercise = find_exercise("s2_backcasting")
    data = answers.validate(exercise, REAL["s2_backcasting"][0])
    one = CHARTS["backcasting_timeline"](exercise, data, "fi", today=2024)
    labels = [t.get_text() for t in drawn_texts(one.figure)]
    assert "2024 (nyt)" in labels and "2030" in labels


def test_catalogue_files_have_the_same_keys_and_placeholders_and_cover_the_code():
    for name in sorted(set(CHART_OF.values())):
        fi, en = (yaml.safe_load((data_dir() / lang / "ui" / "charts" / f"{name}.yaml")
                                 .read_text("utf-8")) for lang in ("fi", "en"))
        assert set(fi) == set(en), name
        for key in fi:
            assert set(re.findall(r"{(\w+)}", fi[key])) == set(re.findall(r"{(\w+)}", en[key]))
    everything = set(catalogue("fi"))
    for module in ("futures_wheel", "futures_triangle", "futures_table", "scenarios_2x2",
                   "vision_actors"):
        source = (CODE / f"{module}.py").read_text("utf-8")
        keys = set(re.findall(r'_m\(\s*"([a-z_]+)"', source))
        if 'f"alt_{' in source:  # alt_{valence} / alt_{direction}
            keys |= {f"alt_{v}" for v in ("negative", "positive", "horizontal", "vertical")
                     if f'"{v}"' in source}
        assert keys and {f"charts.{module}.{k}" for k in keys} <= everything, module
    source = (CODE / "timeline.py").read_text("utf-8")
    keys = set(re.findall(r'msg\(f"\{name\}\.([a-z_]+)"', source))
    keys |= {"vision", "vision_key", "now", "today", "milestone", "head", "more"}
    keys |= {f"col_{k}" for k in ("year", "kind", "text", "owner")}
    for name in ("backcasting_timeline", "preferred_future_timeline"):
        wanted = keys - ({"alt_steps"} if name == "backcasting_timeline"
                         else {"alt_actions", "alt_owners"})
        assert {f"charts.{name}.{k}" for k in wanted} <= everything, name
