"""Session 4 (the harvest) charts, with the real exercise specs and answers the app can save:
they draw real answers, say what they show, survive empty, full and hostile answers, and never
overlap their labels. Also the power–interest grid's labels with a whole team on it."""

from __future__ import annotations

import itertools
import math
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
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from matplotlib.text import Text
from tests.chart_layout import Laid, laid, overlaps
from tests.charts_once import drawn, forget_drawn  # noqa: F401 (forget_drawn: autouse)

ROOT = Path(__file__).resolve().parent.parent
LONG = "Sosiaali- ja terveysministeriön hallinnonalan ylivelkaantumisenehkäisyverkosto"
HTML = "<script>alert(1)</script>"
DOLLAR = "maksaa $x$ euroa"
EMOJI = "Nuoret 🎉 mukana 💬"
NEW = {"s4_outcome_harvesting": "outcome_harvest", "s4_msc_stories": "msc_votes",
       "s4_retrospective": "retro_board", "s4_theory_of_change": "theory_of_change",
       "s4_aar": "after_action"}


def _msc(title="Velkaneuvoja koulussa", teller="Opinto-ohjaaja", votes=7, **extra) -> dict:
    return {"title": title, "teller": teller, "domain": "Palvelut", "votes": votes,
            "what_changed": "Nuoret kysyvät neuvoa ennen kuin velka kasvaa.",
            "why_significant": "Apua haetaan ajoissa.", "consent": True, **extra}


def _outcome(actor, kind, significance, day, text="Ohjaa nuoret velkaneuvontaan") -> dict:
    return {"statement": text, "social_actor": actor, "change_type": kind,
            "significance": significance, "contribution": "Yhteiset työpajat",
            "first_observed": day, "anticipated": True, "substantiated": day is not None}


def _link(a, b, status, text="Koska nuoret luottavat vertaisiin") -> dict:
    return {"from_step": a, "to_step": b, "assumption": text, "status": status,
            "evidence": "Kokeilun kysely"}


REAL = {
    "s4_msc_stories": ({
        "domains": ["Palvelut", "Yhteistyö"],
        "stories": [
            _msc(),
            _msc("Kela ja Takuusäätiö samaan pöytään", "Takuusäätiön asiantuntija", 11),
            _msc("Vertaisryhmä löysi äänensä", "Nuorten Ääni ry", 4),
            _msc("Ulosoton kirjeet selkokielelle", "Ulosottolaitoksen kehittäjä", None),
        ],
        "selected_story": "kela ja takuusäätiö samaan pöytään",
        "selection_reason": "Yhteistyö jatkuu ilman hanketta.",
    }, ["Kela ja Takuusäätiö samaan pöytään", "11", "Velkaneuvoja koulussa"]),
    "s4_retrospective": ({
        "format": "sailboat",
        "notes": [
            {"column": "wind", "text": "Kelan ja Takuusäätiön yhteiset työpajat", "votes": 5},
            {"column": "wind", "text": "Nuorten oma ääni ohjausryhmässä", "votes": 3},
            {"column": "anchor", "text": "Tietosuojasäännöt hidastivat tiedonvaihtoa",
             "votes": 4},
            {"column": "anchor", "text": "Liian harvat tapaamiset", "votes": 1},
            {"column": "rocks", "text": "Rahoitus päättyy vuoden lopussa", "votes": 2},
            {"column": "island", "text": "Yksi yhteinen neuvontapolku", "votes": None},
        ],
        "actions": [{"action": "Sovitaan tietojen vaihdosta sopimuksella", "owner": "Aino",
                     "due": "2025-03-01"}],
    }, ["Kelan ja Takuusäätiön yhteiset työpajat", "Aino"]),
    "s4_aar": ({
        "event": "Velkaneuvonnan työpaja ammattiopistossa",
        "expected": "Noin 60 opiskelijaa osallistuu, ja ainakin kymmenen varaa ajan neuvojalle.",
        "actual": "Paikalla oli 25 opiskelijaa. Neuvojalle varattiin neljä aikaa samana päivänä.",
        "gaps": [{"divergence": "Osallistujia oli alle puolet odotetusta",
                  "cause": "Työpaja oli samaan aikaan kuin koeviikko."},
                 {"divergence": "Ajanvaraukset jäivät vähiin", "cause": ""}],
        "sustain": ["Vertaisohjaajat mukana työpajassa"],
        "change": [{"action": "Sovitaan ajankohta opinto-ohjaajan kanssa", "owner": "Bashir"}],
    }, ["Velkaneuvonnan työpaja ammattiopistossa", "Osallistujia oli alle puolet odotetusta",
        "Bashir"]),
    "s4_outcome_harvesting": ({
        "harvest_questions": ["Miten toimijoiden yhteistyö muuttui?"],
        "outcomes": [
            _outcome("Kela", "practice", "high", "2024-11-04"),
            _outcome("Takuusäätiö", "relationship", "medium", "2024-11-06"),
            _outcome("Kela", "policy", "low", "2025-01-20"),
            _outcome("Helsingin kaupungin nuorisopalvelut", "behaviour", None, None),
            _outcome("Ulosottolaitos", "action", "high", "2025-02-14"),
        ],
    }, ["Helsingin kaupungin nuorisopalvelut", "Ulosottolaitos", "Takuusäätiö"]),
    "s4_theory_of_change": ({
        "desired_change": "Nuoret eivät päädy ulosottoon kulutusluottojen takia.",
        "links": [
            _link("Työpajat oppilaitoksissa", "Nuoret tunnistavat velkariskit", "holds"),
            _link("Nuoret tunnistavat velkariskit", "Nuoret hakevat apua ajoissa", "unknown"),
            _link("Vertaisryhmät", "Nuoret hakevat apua ajoissa", "holds"),
            _link("Nuoret hakevat apua ajoissa", "Maksuhäiriöt vähenevät", "broken"),
            _link("Kelan ja Takuusäätiön yhteinen neuvontapolku", "Maksuhäiriöt vähenevät",
                  None),
        ],
    }, ["Nuoret hakevat apua ajoissa", "Maksuhäiriöt vähenevät", "Vertaisryhmät"]),
}


def maximal(exercise_id: str, text: str = LONG) -> dict:
    """The spec's maximum rows, every text a long Finnish compound."""
    if exercise_id == "s4_msc_stories":
        return {"domains": [text], "selected_story": f"{text} 3", "selection_reason": text,
                "stories": [_msc(f"{text} {i}", text, i % 31) for i in range(15)]}
    if exercise_id == "s4_retrospective":
        columns = ("start", "stop", "continue", "liked")
        return {"format": "start_stop_continue",
                "notes": [{"column": columns[i % 4], "text": f"{text} {i}", "votes": i % 21}
                          for i in range(40)],
                "actions": [{"action": f"{text} {i}", "owner": text} for i in range(3)]}
    if exercise_id == "s4_aar":
        return {"event": text, "expected": " ".join([text] * 18), "actual": " ".join([text] * 18),
                "gaps": [{"divergence": f"{text} {i}", "cause": " ".join([text] * 7)}
                         for i in range(10)],
                "sustain": [f"{text} {i}" for i in range(10)],
                "change": [{"action": f"{text} {i}", "owner": text} for i in range(10)]}
    if exercise_id == "s4_outcome_harvesting":
        kinds = ("behaviour", "relationship", "action", "policy", "practice")
        return {"harvest_questions": [text] * 5, "outcomes": [
            _outcome(f"{text} {i % 12}", kinds[i % 5], ("high", "medium", "low", None)[i % 4],
                     f"2024-{1 + i % 12:02d}-{1 + i % 3:02d}" if i % 7 else None, text)
            for i in range(20)]}
    if exercise_id == "s4_theory_of_change":
        statuses = ("holds", "broken", "unknown", None)
        return {"desired_change": " ".join([text] * 12), "to_test_next": [text],
                "links": [_link(f"{text} {i}", f"{text} {i + 1}", statuses[i % 4], text)
                          for i in range(12)]}
    raise KeyError(exercise_id)


def hostile(exercise_id: str) -> dict:
    """Realistic data with HTML, dollars and emoji in the user's texts."""
    data = REAL[exercise_id][0]  # its shape; the texts replaced below
    variants = [f"{DOLLAR} {HTML}", EMOJI, "Takuusäätiö", "Kela"]
    texts = (f"{t} {i}" for i, t in enumerate(itertools.cycle(variants)))
    return _retext(data, texts)


def _retext(value, texts):
    if isinstance(value, dict):
        return {k: _retext(v, texts) if k not in ("column", "status", "change_type",
                                                  "significance", "format") else v
                for k, v in value.items()}
    if isinstance(value, list):
        return [_retext(v, texts) for v in value]
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return next(texts)
    return value


MINIMAL = {  # required fields only; every optional field left out
    "s4_msc_stories": {"stories": [{"title": "Velkaneuvoja koulussa", "teller": "Aino",
                                    "what_changed": "x", "why_significant": "y"}]},
    "s4_aar": {"event": "Työpaja", "expected": "Paljon osallistujia", "actual": "Vähän",
               "change": [{"action": "Parempi ajankohta"}]},
    "s4_outcome_harvesting": {"harvest_questions": ["Mikä muuttui?"], "outcomes": [
        {"statement": "Kela ohjaa", "social_actor": "Kela", "change_type": "practice",
         "contribution": "Työpajat"}]},
    "s4_theory_of_change": {"desired_change": "Vähemmän velkoja", "links": [
        {"from_step": "Työpajat", "to_step": "Tieto", "assumption": "Koska", "status": "holds"}]},
    "s4_retrospective": {"format": "four_l",
                         "notes": [{"column": "learned", "text": "Yhteinen kieli"}],
                         "actions": [{"action": "Jatketaan", "owner": "Aino"}]},
}


def chart_for(exercise_id: str, data: dict, lang: str = "fi") -> Chart:
    exercise = find_exercise(exercise_id)
    return drawn(exercise, data, lang)


def drawn_texts(fig: Figure | Laid) -> list[Text]:
    return laid(fig).texts


def whole_words(alt: str, sources: str) -> list[str]:
    """Words of ``alt`` that are not whole words of the input or of the catalogue."""
    known = set(re.findall(r"\w+", sources.casefold()))
    return [w for w in re.findall(r"\w+", alt.casefold()) if w not in known and not w.isdigit()]


def catalogue_text(lang: str) -> str:
    labels = [v for vocab in vocab_labels(lang).values() for v in vocab.values()]
    return " ".join([*catalogue(lang).values(), *labels])


@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_specs_point_at_their_charts_and_charts_read_real_fields(exercise_id):
    exercise = find_exercise(exercise_id)
    assert exercise.spec.chart == NEW[exercise_id]
    fields = {f.name: f for f in exercise.spec.fields}
    for path in READS[exercise.spec.chart]:
        top, *item = path.split(".")
        assert top in fields, path
        if item:
            assert item[0] in {f.name for f in fields[top].item}, path


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_realistic_answer_draws_and_says_what_it_shows(exercise_id, lang):
    data, facts = REAL[exercise_id]
    chart = chart_for(exercise_id, data, lang)
    assert isinstance(chart.figure, Figure)
    for fact in facts:
        assert fact in chart.alt, (fact, chart.alt)
    assert "{" not in chart.alt and chart.table is not None and len(chart.table) >= 1
    first = [str(v) for v in chart.table.iloc[:, 0]]
    assert any(facts[0] in v for v in first) or facts[0] in chart.table.to_string()
    assert not overlaps(chart.figure)


@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_alt_differs_between_languages(exercise_id):
    data = REAL[exercise_id][0]
    assert chart_for(exercise_id, data, "fi").alt != chart_for(exercise_id, data, "en").alt


@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_empty_answer_is_no_data(exercise_id):
    exercise = find_exercise(exercise_id)
    for data in (answers.empty_answer(exercise), {}):
        for lang in languages():
            chart = CHARTS[exercise.spec.chart](exercise, data, lang)
            assert chart.figure is None
            assert chart.alt == catalogue(lang)["charts.no_data"]


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_maximum_rows_of_long_compounds_draw_without_overlaps(exercise_id, lang):
    data = maximal(exercise_id)
    chart = chart_for(exercise_id, data, lang)
    assert isinstance(chart.figure, Figure)
    assert whole_words(chart.alt, f"{LONG} {catalogue_text(lang)}") == []
    assert not (found := overlaps(chart.figure)), found[:3]


@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_html_dollars_and_emoji_are_drawn_literally_and_escaped(exercise_id):
    chart = chart_for(exercise_id, hostile(exercise_id))
    texts = [t.get_text() for t in drawn_texts(chart.figure)]
    assert any("$" in t for t in texts) and any("script" in t for t in texts)
    assert not any(is_math_text(t) for t in texts)
    page = chart_html(chart, "fi", title="x")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert not overlaps(chart.figure)


@pytest.mark.parametrize("exercise_id", sorted(REAL))
def test_missing_optional_fields_draw(exercise_id):
    chart = chart_for(exercise_id, MINIMAL[exercise_id])
    assert isinstance(chart.figure, Figure) and chart.alt.strip() and "{" not in chart.alt
    chart_html(chart, "fi", title="x")


def test_new_catalogue_files_agree_and_cover_the_code():
    for name in NEW.values():
        fi, en = (yaml.safe_load((ROOT / "data" / lang / "ui" / "charts" / f"{name}.yaml")
                                 .read_text("utf-8")) for lang in ("fi", "en"))
        assert set(fi) == set(en), name
        for key in fi:
            assert set(re.findall(r"{(\w+)}", fi[key])) == set(re.findall(r"{(\w+)}", en[key]))
        code = (ROOT / "ekokit" / "charts" / f"{name}.py").read_text("utf-8")
        used = set(re.findall(r'_m\(\s*"([a-z_]+)"', code))
        assert used <= set(fi), (name, used - set(fi))


TEAM = [("Kela", 5, 4, "supportive"), ("Verohallinto", 5, 4, "neutral"),
        ("Ulosottolaitos", 4, 2, "resisting"), ("Takuusäätiö", 2, 5, None),
        ("Helsingin kaupunki", 2, 5, "supportive"), ("Pääkaupunkiseudun hyvinvointialue", 4, 4,
                                                     "neutral"),
        ("Nuorten Ääni ry", 2, 5, "resisting"), ("Sosiaali- ja terveysministeriö", 5, 5, None),
        ("Kilpailu- ja kuluttajavirasto", 3, 2, "supportive")]


@pytest.mark.parametrize("lang", languages())
def test_power_interest_labels_of_a_nine_actor_team_do_not_overlap(lang):
    rows = [{"name": n, "power": p, "interest": i, "disposition": d} for n, p, i, d in TEAM]
    rows[2].update(target_power=4, target_interest=4)
    chart = chart_for("s1_power_interest", {"stakeholders": rows}, lang)
    view = Laid(chart.figure)
    drawn = {t.get_text() for t in drawn_texts(view)}
    assert {"Kela", "Verohallinto", "Takuusäätiö", "Nuorten Ääni ry"} <= drawn
    assert not overlaps(view), overlaps(view)
    assert misread(view) == []


@pytest.mark.parametrize("count", [10, 11, 30])
def test_power_interest_labels_up_to_the_spec_maximum_do_not_overlap(count):
    assert find_exercise("s1_power_interest").spec.fields[0].max_items == 30
    rows = [{"name": f"{LONG} {k}", "power": (5, 5, 4, 2, 1)[k % 5],
             "interest": (4, 5, 4, 5, 1)[k % 5 if k < 20 else 0], "disposition": None}
            for k in range(count)]
    chart = chart_for("s1_power_interest", {"stakeholders": rows})
    assert not (found := overlaps(chart.figure)), found


def strays(fig: Figure | Laid) -> list[str]:
    """Texts that leave the figure, wholly or in part."""
    view = laid(fig)
    frame = view.fig.bbox
    return [t.get_text() for t in view.texts
            if not frame.padded(0.5).contains(*view.box(t).p0)
            or not frame.padded(0.5).contains(*view.box(t).p1)]


def over_arrows(fig: Figure | Laid) -> list[str]:
    """Labels that cover an arrow (from a stakeholder to its target position): the arrow's line
    sampled every pixel from its start to its target."""
    view = laid(fig)
    ax = view.fig.axes[0]
    arrows = [a for a in ax.texts if not a.get_text() and getattr(a, "arrow_patch", None)]
    labels = [(t.get_text(), view.box(t).padded(-1)) for t in ax.texts if t.get_text()]
    found = []
    for arrow in arrows:
        (u0, v0), (u1, v1) = ax.transData.transform([arrow.xyann, arrow.xy])
        steps = int(max(abs(u1 - u0), abs(v1 - v0))) + 1
        for k in range(steps + 1):
            u, v = u0 + (u1 - u0) * k / steps, v0 + (v1 - v0) * k / steps
            found += [text for text, box in labels if box.contains(u, v) and text not in found]
    return found


def misread(fig: Figure | Laid) -> list[str]:
    """Labels drawn without a line to their marker that stand as near to another marker as to
    their own (read as the other's)."""
    view = laid(fig)
    ax = view.fig.axes[0]
    labels = [a for a in ax.texts if a.get_text() and hasattr(a, "xyann")]
    anchors = [ax.transData.transform(a.xy) for a in labels]
    found = []
    for label, (u, v) in zip(labels, anchors, strict=True):
        if label.arrow_patch is not None:
            continue
        box = view.box(label)

        def gap(p, box=box):
            return math.hypot(max(box.x0 - p[0], 0, p[0] - box.x1),
                              max(box.y0 - p[1], 0, p[1] - box.y1))
        own = gap((u, v))
        if any(gap(p) <= own for p in anchors if tuple(p) != (u, v)):
            found.append(label.get_text())
    return found


def demo_power_interest(lang: str = "fi") -> dict:
    """The demo team's stakeholders in ``lang`` (the Finnish ones, translated)."""
    from ekokit.content.example import example_folder

    path = example_folder(lang) / "s1_power_interest.yaml"
    return yaml.safe_load(path.read_text("utf-8"))["revisions"][-1]["data"]


@pytest.mark.parametrize("lang", languages())
def test_power_interest_labels_of_the_demo_team_stay_clear_and_inside(lang):
    """Twelve stakeholders, several sharing a cell, most with an arrow to a target position:
    no label over another text or over an arrow, none leaving the figure."""
    chart = chart_for("s1_power_interest", demo_power_interest(lang), lang)
    view = Laid(chart.figure)  # laid out once, every check below reads it
    drawn = {t.get_text() for t in drawn_texts(view)}
    # a name wrapped at a space or after a hyphen is the name: compared without the spaces
    names = {"".join(s["name"].split()) for s in demo_power_interest(lang)["stakeholders"]}
    shown = {"".join(t.split()) for t in drawn}
    assert names <= shown  # each named: beside its marker, or by its number in the key
    assert overlaps(view) == []
    assert over_arrows(view) == []
    assert misread(view) == []
    assert strays(view) == []


NAME_120 = (LONG + " ja sen alueelliset kumppanit Järvimaalla")[:117]
LAYOUTS = {  # (power, interest) of the k-th stakeholder
    "one_cell": lambda k: (5, 5),
    "one_quadrant": lambda k: ((5, 5), (4, 5), (5, 4), (4, 4))[k % 4],
    "everywhere": lambda k: (1 + k * 2 % 5, 1 + k * 3 % 5),
}


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("count", [2, 6, 9, 13, 15])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_power_interest_labels_never_overlap_or_leave_the_figure(layout, count, lang):
    """2–15 stakeholders with the longest names the field takes (or HTML, dollars and emoji),
    all in one cell, in one quadrant or everywhere, some with targets and every disposition:
    every label is drawn, none over another text or an arrow, none outside the figure."""
    rows = []
    for k in range(count):
        power, interest = LAYOUTS[layout](k)
        name = f"{NAME_120} {k:02}" if k % 3 else f"{DOLLAR} {HTML} {EMOJI} {k}"
        rows.append({"name": name, "power": power, "interest": interest,
                     "disposition": ("supportive", "neutral", "resisting", None)[k % 4]})
        if k % 4 == 1:
            rows[-1].update(target_power=2, target_interest=(k % 5) + 1)
    assert max(len(r["name"]) for r in rows) == 120
    chart = chart_for("s1_power_interest", {"stakeholders": rows}, lang)
    view = Laid(chart.figure)  # laid out once, every check below reads it
    texts = [t.get_text() for t in drawn_texts(view)]
    numbers = {int(n) for t in texts for n in re.findall(r"\b\d+\b", t) if len(t) < 60}
    assert numbers >= set(range(1, count + 1)) or any(NAME_120[:8] in t for t in texts)
    assert not any(is_math_text(t) for t in texts)
    assert overlaps(view) == []
    assert over_arrows(view) == []
    assert misread(view) == []
    assert strays(view) == []
