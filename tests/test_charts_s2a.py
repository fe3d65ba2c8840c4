"""Session 2 futures charts: megatrend radar (and the h2 observations), megatrend relevance,
PESTEL grid and the weak signal / wildcard grid, drawn from the real exercise specs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from ekokit.charts import CHARTS, READS, Chart
from ekokit.charts.html import chart_html
from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import catalogue, languages, t
from ekokit.content.vocab import vocab_labels
from ekokit.model import answers
from ekokit.paths import data_dir
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from tests.chart_layout import overlaps
from tests.charts_once import drawn, forget_drawn  # noqa: F401 (forget_drawn: autouse)

NASTY = "<script>alert(1)</script> $x$"
LONG = "Sosiaali- ja terveysministeriön hallinnonalan ylivelkaantumisenehkäisyverkosto"
EMOJI = "Nuorten velkahuoli 😟💸 kasvaa"
CHART_NAMES = ("megatrend_radar", "megatrend_observations", "megatrend_relevance", "pestel_grid",
               "signal_grid")
MODULES = Path(__file__).resolve().parent.parent / "ekokit" / "charts"
TRENDS = ["nature", "people", "power", "technology", "economy"]
DISTANCES = ["close", "middle", "far"]
TYPES = ["news", "research", "service", "everyday", "social_media", "other"]
DIMS = ["political", "economic", "social", "technological", "ecological", "legal", "values"]

OBSERVATIONS = [
    ("Kela raportoi nuorten toimeentulotuen velkojen kasvusta", "people", "close", "research"),
    ("Pikavippimainonta siirtyy vaikuttajamarkkinointiin", "technology", "close", "social_media"),
    ("Korkotaso nousi nopeimmin vuosikymmeniin", "economy", "close", "news"),
    ("Ilmastoahdistus vähentää halua ottaa asuntolainaa", "nature", "far", "research"),
    ("Nuorten äänestysaktiivisuus laskee", "power", "middle", "news"),
    ("Osta nyt, maksa myöhemmin -palvelut yleistyvät", "economy", "middle", "service"),
    ("Tekoälyneuvoja auttaa budjetoinnissa", "technology", "far", "service"),
]


def observations(text=None, member=True, n=None):
    rows = [{"observation": o, "megatrend": m, "distance": d, "type": k, "source": "yle.fi"}
            for o, m, d, k in OBSERVATIONS]
    if n is not None:
        rows = [{"observation": f"{LONG} {i}", "megatrend": TRENDS[i % 5],
                 "distance": DISTANCES[(i // 5) % 3], "type": TYPES[i % 6]} for i in range(n)]
    if text is not None:
        rows[1]["observation"] = text
    for i, row in enumerate(rows):
        if member:
            row["member"] = ["Aino", "Bashir", "Célia"][i % 3]
    return {"observations": rows}


def factors(text=None, n=None):
    names = ["Korkotason nousu", "Ulosottolain uudistus", "Digitaalinen maksaminen arjessa",
             "Nuorten mielenterveyden kuormitus", "Kulutuskulttuurin muutos",
             "Pikavippien mainonnan rajoitukset", "Ilmastoahdistus"]
    scores = [(5, 4), (4, 2), (3, 3), (4, 4), (2, 1), (5, 5), (3, 2)]
    rows = [{"dimension": DIMS[i % 7], "factor": f, "valence": "negative", "impact": s[0],
             "uncertainty": s[1]} for i, (f, s) in enumerate(zip(names, scores, strict=False))]
    if n is not None:
        rows = [{"dimension": DIMS[i % 7], "factor": f"{LONG} {i}", "valence": "positive",
                 "impact": i % 5 + 1, "uncertainty": (i // 5) % 5 + 1} for i in range(n)]
    if text is not None:
        rows[0]["factor"] = text
    return {"focus": "Nuorten ylivelkaantuminen 2035", "factors": rows,
            "key_uncertainties": ["Korkotaso"]}


def signals(text=None, n=None, m=None):
    sig = [{"title": "Velkaneuvonta TikTokissa", "observation": "x", "impact": 4},
           {"title": "Maksa myöhemmin ruokakaupassa", "observation": "x", "impact": 5},
           {"title": "Kirpputorit säästökeinona", "observation": "x", "impact": 2}]
    wild = [{"title": "Käteinen poistuu kokonaan", "type": "improbable", "impact": 5,
             "likelihood": 2},
            {"title": "Velkojen yleinen anteeksianto", "type": "taboo", "impact": 4,
             "likelihood": 1}]
    if n is not None:
        sig = [{"title": f"{LONG[:100]} {i}", "observation": "x", "impact": i % 5 + 1}
               for i in range(n)]
        wild = [{"title": f"{LONG[:100]} v{i}", "type": ["improbable", "taboo"][i % 2],
                 "impact": i % 5 + 1, "likelihood": (2 * i) % 5 + 1} for i in range(m)]
    if text is not None:
        sig[0]["title"] = text
    return {"signals": sig, "wildcards": wild, "watch_list": ["BNPL-sääntely"]}


def relevance(text=None):
    data = {"relevance": {"nature": 2, "people": 5, "power": 3, "technology": 4, "economy": 5},
            "readings": [{"megatrend": "people", "visible_now": text or "Toimeentulotuki"}],
            "key_insight": "Talous ja hyvinvointi kietoutuvat."}
    return data


# exercise id → (chart, realistic answer builder, items the alt must name, table rows)
CASES = {
    "s2_megatrend_radar": ("megatrend_radar", lambda **k: observations(member=False, **k),
                           ["Korkotaso nousi nopeimmin vuosikymmeniin",
                            "Kilpailu digivallasta kiihtyy"], 7),
    "h2_megatrend_observations": ("megatrend_observations", observations,
                                  ["Bashir", "Talouden perusta rakoilee"], 7),
    "s2_megatrends": ("megatrend_relevance", relevance,
                      ["Hyvinvoinnin haasteet kasvavat", "Talouden perusta rakoilee"], 5),
    "s2_pestel": ("pestel_grid", factors,
                  ["Korkotason nousu", "Pikavippien mainonnan rajoitukset"], 7),
    "s2_weak_signals": ("signal_grid", signals,
                        ["Maksa myöhemmin ruokakaupassa", "Käteinen poistuu kokonaan"], 5),
}
MAXIMA = {
    "s2_megatrend_radar": lambda: observations(member=False, n=60),
    "h2_megatrend_observations": lambda: observations(n=80),
    "s2_pestel": lambda: factors(n=50),
    "s2_weak_signals": lambda: signals(n=20, m=10),
}
TEXTS_IN = {  # a builder's keyword that puts user text on the figure
    "s2_megatrend_radar": None, "h2_megatrend_observations": None,  # numbered markers only
    "s2_megatrends": None,  # vocabulary labels only
    "s2_pestel": "text", "s2_weak_signals": "text",
}
PARTIAL = {
    "s2_megatrend_radar": {"observations": [
        {"observation": "Korkotaso nousee", "megatrend": "economy", "distance": "close"},
        {"observation": "Ei vielä etäisyyttä", "megatrend": "people"}]},
    "h2_megatrend_observations": {"observations": [
        {"member": "Aino", "observation": "Korkotaso nousee", "megatrend": "economy",
         "distance": "far", "type": None, "source": ""}]},
    "s2_megatrends": {"relevance": {"people": 4}},
    "s2_pestel": {"factors": [{"dimension": "legal", "factor": "Ulosottolaki",
                               "valence": "neutral", "impact": 3},
                              {"dimension": None, "factor": "Arvot muuttuvat", "valence": None,
                               "impact": 4, "uncertainty": 5}]},
    "s2_weak_signals": {"signals": [{"title": "Signaali", "observation": "x"},
                                    {"title": "Toinen", "observation": "x", "impact": 3}],
                        "wildcards": [{"title": "Kortti", "type": None, "impact": 2,
                                       "likelihood": 4}]},
}


def draw(exercise_id: str, data: dict, lang: str = "fi") -> Chart:
    exercise = find_exercise(exercise_id)
    name = CASES[exercise_id][0]
    assert exercise.spec.chart == name
    return drawn(exercise, data, lang)


def drawn_texts(fig: Figure) -> list:
    return [x for ax in fig.axes for x in ax.texts if x.get_visible() and x.get_text().strip()]


STRIP = " .,:;()”“\"…!?"


def words(text: str) -> set[str]:
    return {w.strip(STRIP) for w in text.split()} - {""}


def cut_words(alt: str, data: dict, lang: str) -> set[str]:
    """Words of the alt text that are neither whole words of the answer nor of the catalogue."""
    known = words(json.dumps(data, ensure_ascii=False).replace('"', " "))
    known |= words(" ".join(catalogue(lang).values()))
    known |= words(" ".join(v for vocab in vocab_labels(lang).values() for v in vocab.values()))
    known |= {w.lower() for w in known}
    return {w for w in words(alt) if w not in known and not re.fullmatch(r"[\d/–]+", w)}


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_realistic_answer_draws_and_alt_names_key_items(exercise_id):
    _, build, facts, count = CASES[exercise_id]
    chart = draw(exercise_id, build())
    assert isinstance(chart.figure, Figure)
    for fact in facts:
        assert fact in chart.alt, (fact, chart.alt)
    assert len(chart.table) == count
    assert "{" not in chart.alt and chart.alt.endswith(".")
    assert not overlaps(chart.figure)


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_empty_answer_gives_no_data(exercise_id):
    exercise = find_exercise(exercise_id)
    for data in ({}, answers.empty_answer(exercise)):
        for lang in languages():
            chart = CHARTS[CASES[exercise_id][0]](exercise, data, lang)
            assert chart.figure is None
            assert chart.alt == t("charts.no_data", lang)
            assert chart_html(chart, lang, title="x").startswith("<figure")


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("exercise_id", sorted(MAXIMA))
def test_maximum_rows_of_long_words_draw_legibly(exercise_id, lang, tmp_path):
    data = MAXIMA[exercise_id]()
    exercise = find_exercise(exercise_id)
    listed = next(f for f in exercise.spec.fields if f.type == "list")
    assert len(data[listed.name]) == listed.max_items  # really the spec's maximum
    chart = draw(exercise_id, data, lang)
    assert isinstance(chart.figure, Figure)
    assert not overlaps(chart.figure)
    assert not cut_words(chart.alt, data, lang), cut_words(chart.alt, data, lang)
    chart.figure.savefig(tmp_path / "max.png", dpi=96, bbox_inches="tight")


def test_forty_observations_stay_numbered_and_apart():
    chart = draw("h2_megatrend_observations", observations(n=40))
    assert not overlaps(chart.figure)
    assert len(chart.table) == 40


def test_all_in_one_cell_still_draws_without_overlaps():
    data = factors(n=50)
    for row in data["factors"]:
        row.update(impact=5, uncertainty=5)
    chart = draw("s2_pestel", data)
    assert not overlaps(chart.figure)
    data = observations(n=80)
    for row in data["observations"]:
        row.update(megatrend="economy", distance="close")
    chart = draw("h2_megatrend_observations", data)
    assert isinstance(chart.figure, Figure) and not overlaps(chart.figure)


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_user_markup_and_dollars_are_literal_and_escaped(exercise_id):
    _, build, _, _ = CASES[exercise_id]
    data = build(text=NASTY)
    chart = draw(exercise_id, data)
    page = chart_html(chart, "fi", title="Otsikko")
    assert "<script>" not in page
    shows_user_text = exercise_id != "s2_megatrends"  # ratings and vocabulary labels only
    assert ("&lt;script&gt;" in page) == shows_user_text  # in the table, escaped
    texts = [x.get_text() for x in drawn_texts(chart.figure)]
    if TEXTS_IN[exercise_id]:
        assert any("$" in x for x in texts), texts
    assert not any(is_math_text(x) for x in texts)


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_emoji_draws(exercise_id, tmp_path):
    chart = draw(exercise_id, CASES[exercise_id][1](text=EMOJI))
    chart.figure.savefig(tmp_path / "emoji.png", dpi=96)


@pytest.mark.parametrize("exercise_id", sorted(PARTIAL))
def test_missing_optional_fields_still_draw(exercise_id):
    chart = draw(exercise_id, PARTIAL[exercise_id])
    assert isinstance(chart.figure, Figure)
    assert chart.alt.strip() and "{" not in chart.alt
    chart_html(chart, "fi", title="x")


def test_unplaced_items_are_named_as_left_out():
    radar = draw("s2_megatrend_radar", PARTIAL["s2_megatrend_radar"])
    assert "1 havainnolta" in radar.alt and len(radar.table) == 2
    pestel = draw("s2_pestel", PARTIAL["s2_pestel"])
    assert "Ulosottolaki" in pestel.alt.split("kuvassa:")[1]
    grid = draw("s2_weak_signals", PARTIAL["s2_weak_signals"])
    assert "Signaali" in grid.alt.split("kuvassa:")[1]
    relevance_ = draw("s2_megatrends", PARTIAL["s2_megatrends"])
    assert "Arvioimatta" in relevance_.alt and "Luonnon kantokyky murenee" in relevance_.alt


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_finnish_and_english_both_work_and_differ(exercise_id):
    data = CASES[exercise_id][1]()
    fi, en = draw(exercise_id, data, "fi"), draw(exercise_id, data, "en")
    assert fi.figure is not None and en.figure is not None
    assert fi.alt != en.alt
    assert list(fi.table.columns) != list(en.table.columns)


def test_relevance_is_sorted_by_score():
    chart = draw("s2_megatrends", relevance(), "en")
    ranking = chart.alt.split(": ", 1)[1]
    assert ranking.index("Well-being") < ranking.index("Competition") < ranking.index("Nature")


def test_catalogues_match_and_cover_the_code():
    for name in ("megatrend_radar", "megatrend_relevance", "pestel_grid", "signal_grid"):
        fi, en = (yaml.safe_load((data_dir() / lang / "ui" / "charts" / f"{name}.yaml")
                                 .read_text("utf-8")) for lang in ("fi", "en"))
        assert set(fi) == set(en)
        for key in fi:
            assert set(re.findall(r"{(\w+)}", fi[key])) == set(re.findall(r"{(\w+)}", en[key]))
        code = (MODULES / f"{name}.py").read_text("utf-8")
        used = set(re.findall(r'_m\(\s*"([a-z_]+)"', code))
        assert used and used <= set(fi), used - set(fi)


def test_each_exercise_has_the_fields_its_chart_reads():
    for exercise_id, (name, *_) in CASES.items():
        exercise = find_exercise(exercise_id)
        fields = {f.name: f for f in exercise.spec.fields}
        for path in READS[name]:
            top, *rest = path.split(".")
            assert top in fields, (exercise_id, path)
            if rest:
                assert rest[0] in {i.name for i in fields[top].item}, (exercise_id, path)
