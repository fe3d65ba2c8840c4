"""Charts: each chart draws real answers, says what it shows in words, and escapes user text."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml
from ekokit.charts import CHARTS, Chart, render
from ekokit.charts.html import chart_html
from ekokit.content.exercises import Exercise, find_exercise
from ekokit.content.i18n import languages
from ekokit.content.i18n import t as message
from ekokit.model import answers
from ekokit.model.harvest import team_mean
from ekokit.paths import data_dir
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from matplotlib.text import Text
from tests.charts_once import drawn, forget_drawn  # noqa: F401 (forget_drawn: autouse)

NASTY = "$x$ <script>alert(1)</script> \\$y$"
CHARTS_DIR = Path(__file__).resolve().parent.parent / "ekokit" / "charts"


def get_exercise(exercise_id: str) -> Exercise:
    return find_exercise(exercise_id)


def all_ids() -> list[str]:
    return sorted(p.stem for p in (data_dir() / "exercises").glob("*.yaml"))


SAMPLES = {
    "s1_phenomenon": ({
        "phenomenon": f"Nuorten ylivelkaantuminen {NASTY}",
        "description": "Yhä useampi alle 30-vuotias päätyy ulosottoon pikavippien takia.",
        "affected_groups": ["Nuoret aikuiset", "Opiskelijat"],
    }, "Nuorten ylivelkaantuminen"),
    "s1_network_map": ({
        "factors": [
            {"name": "Pikavippien helppous", "kind": "factor", "direction": "to_phenomenon",
             "cluster": "Talous"},
            {"name": "Talousosaamisen puute", "kind": "viewpoint", "direction": "to_phenomenon",
             "cluster": "Osaaminen"},
            {"name": "Ulosottorekisteri", "kind": "description", "direction": "from_phenomenon",
             "cluster": "Seuraukset"},
            {"name": NASTY, "kind": "factor", "direction": "both", "cluster": "Talous"},
            {"name": "Mielenterveyden kuormitus", "kind": "factor", "direction": None},
        ],
        "actors": [
            {"name": "Takuusäätiö", "org_type": "ngo", "linked_factor": "Talousosaamisen puute"},
            {"name": "Kela", "org_type": "state", "linked_factor": "Pikavippien helppous"},
            {"name": "Jyväskylän yliopisto", "org_type": "research", "linked_factor": ""},
        ],
        "goals": ["Vähemmän maksuhäiriöitä"],
    }, "Pikavippien helppous"),
    "s1_actor_map": ({"actors": [
        {"name": "Kela", "org_type": "state", "ring": "core", "layer": "insider",
         "roles": ["orchestrator"], "in_team": True},
        {"name": "Helsingin kaupunki", "org_type": "municipality", "ring": "core",
         "layer": "activist", "roles": ["keystone"], "in_team": True},
        {"name": "Takuusäätiö", "org_type": "ngo", "ring": "partner", "layer": "activist",
         "roles": ["expert", "champion"], "in_team": False},
        {"name": "Pääkaupunkiseudun hyvinvointialue", "org_type": "wellbeing_area",
         "ring": "partner", "layer": None, "roles": [], "in_team": False},
        {"name": NASTY, "org_type": "company", "ring": "environment", "layer": "follower",
         "roles": ["supplier"], "in_team": False},
        {"name": "Nuorten Ääni ry", "org_type": "citizen", "ring": "environment",
         "layer": None, "roles": ["user"], "in_team": False},
    ]}, "Takuusäätiö"),
    "s1_power_interest": ({"stakeholders": [
        {"name": "Kela", "power": 5, "interest": 4, "disposition": "supportive",
         "target_power": None, "target_interest": None},
        {"name": "Ulosottolaitos", "power": 4, "interest": 2, "disposition": "neutral",
         "target_power": 4, "target_interest": 4},
        {"name": NASTY, "power": 2, "interest": 5, "disposition": "resisting",
         "target_power": None, "target_interest": None},
        {"name": "Nuorten Ääni ry", "power": 2, "interest": 5, "disposition": "supportive",
         "target_power": 3, "target_interest": None},
        {"name": "Pikavippiyhtiöt", "power": 3, "interest": 1, "disposition": None,
         "target_power": None, "target_interest": None},
    ]}, "Kela"),
    "s1_motivation": ({
        "actors": [
            {"name": "Kela", "ring": "core", "motivation": "Vähemmän toimeentulotukea velkoihin."},
            {"name": "Takuusäätiö", "ring": "partner", "motivation": "Tavoittaa nuoret ajoissa."},
            {"name": NASTY, "ring": None, "motivation": ""},
        ],
        "exchanges": [
            {"giver": "Kela", "receiver": "Takuusäätiö", "gives": "Tilastot nuorten veloista"},
            {"giver": "Takuusäätiö", "receiver": "Kela", "gives": "Neuvontaosaamista"},
            {"giver": "Takuusäätiö", "receiver": NASTY, "gives": "Koulutusta työntekijöille"},
        ],
        "gaps": [],
    }, "Takuusäätiö"),
    "s1_lifecycle": ({"current_phase": "cohesion", "evidence": f"Yhteiset tapaamiset {NASTY}",
                      "next_phase_needs": [], "orchestrator_tasks_now": []}, "2/4"),
    "s1_maturity": ({"ratings": [
        {"member": "Aino", "scores": {"shared_vision": 3, "trust": 4, "participation": 2}},
        {"member": "Bashir", "scores": {"shared_vision": 4, "trust": 4, "participation": 3,
                                        "experimentation": 1}},
        {"member": NASTY, "scores": {"shared_vision": 2, "trust": 5, "orchestration": 3}},
    ], "reflection": "Luottamus on vahvaa."}, "4,3"),
    "s1_impact_chain": ({
        "resources": ["Kaksi henkilötyövuotta", NASTY],
        "activities": [("Talousneuvonnan jalkautus oppilaitoksiin ja nuorisotiloihin koko "
                        "pääkaupunkiseudulla vuosina 2025–2026"), "Vertaisryhmät"],
        "outputs": ["40 työpajaa", "Verkkokurssi"],
        "outcomes": ["Nuoret tunnistavat velkaantumisen riskit"],
        "impacts": ["Maksuhäiriömerkinnät vähenevät"],
        "assumptions": ["Oppilaitokset antavat aikaa työpajoille"],
    }, "Vertaisryhmät"),
    "h1_team_meeting": ({"meetings": [
        {"date": "2024-10-02", "participants": "Aino, Bashir",
         "decisions": "Sovittiin työnjaosta ja kutsuttavista toimijoista.", "open_questions": ""},
        {"date": "2024-10-16", "participants": NASTY,
         "decisions": f"{NASTY} Päätettiin pilotoida työpaja.", "open_questions": "Rahoitus?"},
        {"date": "2024-11-06", "participants": "Aino, Célia",
         "decisions": "Kutsutaan Takuusäätiö mukaan.", "open_questions": ""},
    ]}, "Takuusäätiö"),
}


def chart_for(exercise_id: str, data: dict, lang: str = "fi") -> tuple[Exercise, Chart]:
    card = get_exercise(exercise_id)
    return card, drawn(card, data, lang)


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("exercise_id", sorted(SAMPLES))
def test_chart_draws_the_answer_and_says_what_it_shows(exercise_id, lang):
    data, fact = SAMPLES[exercise_id]
    card, chart = chart_for(exercise_id, data, lang)
    if card.spec.chart == "summary":
        assert chart.figure is None and not chart.table.empty
        assert message("charts.summary.alt", lang, filled=3, total=5) in chart.alt
    else:
        assert isinstance(chart.figure, Figure)
        assert fact.replace(",", ".") in chart.alt or fact in chart.alt
    assert chart.alt.strip() and "{" not in chart.alt


@pytest.mark.parametrize("exercise_id", sorted(SAMPLES))
def test_html_escapes_user_text_and_draws_dollars_literally(exercise_id):
    _, chart = chart_for(exercise_id, SAMPLES[exercise_id][0])
    page = chart_html(chart, "fi", title=f"Otsikko {exercise_id} <b>")
    assert "<script>" not in page and "<b>" not in page
    shows_user_text = exercise_id != "s1_lifecycle"  # phases only: the evidence is not charted
    assert ("&lt;script&gt;" in page) == shows_user_text
    assert '<figure class="ek-chart">' in page and "<figcaption>" in page
    assert '<th scope="col">' in page and "<caption>" in page and "Näytä taulukkona" in page
    if chart.figure is not None:
        assert 'alt="' in page and "data:image/png;base64," in page
        drawn = [t.get_text() for t in chart.figure.findobj(Text) if "$" in t.get_text()]
        assert bool(drawn) == shows_user_text, "the user's $x$ should be on the figure"
        assert not any(is_math_text(text) for text in drawn)


def test_radar_team_mean_is_exact():
    ratings = [{"member": "A", "scores": {"trust": 3, "shared_vision": 5}},
               {"member": "B", "scores": {"trust": 4}},
               {"member": "C", "scores": {"trust": 4, "shared_vision": 2}}]
    assert team_mean(ratings) == {"shared_vision": 3.5, "trust": 11 / 3}
    assert list(team_mean(ratings)) == ["shared_vision", "trust"]  # vocabulary order
    assert team_mean([]) == {} and team_mean(None) == {}


def test_radar_table_and_alt_give_means_strongest_and_weakest():
    _, chart = chart_for("s1_maturity", SAMPLES["s1_maturity"][0], "en")
    means = [v for v in chart.table.iloc[:, -1] if v is not None]
    assert sorted(means) == [1.0, 2.5, 3.0, 3.0, 4.3]
    assert list(chart.table.columns[1:4]) == ["Aino", "Bashir", NASTY]
    assert "4.3" in chart.alt and "1.0" in chart.alt


@pytest.mark.parametrize("exercise_id", all_ids())
def test_empty_answers_never_raise(exercise_id):
    card = get_exercise(exercise_id)
    for data in (answers.empty_answer(card), {}):
        for lang in languages():
            chart = CHARTS[card.spec.chart](card, data, lang)
            assert chart.alt.strip()
            assert chart_html(chart, lang, title=exercise_id).startswith("<figure")


@pytest.mark.parametrize(("exercise_id", "data"), [
    ("s1_power_interest", {"stakeholders": [{"name": "Kela", "power": None, "interest": 3}]}),
    ("s1_actor_map", {"actors": [{"name": "Kela", "ring": None, "org_type": None}]}),
    ("s1_motivation", {"exchanges": [{"giver": "Kela", "receiver": "", "gives": "x"}]}),
    ("s1_maturity", {"ratings": [{"member": "Aino", "scores": {}}]}),
    ("h1_team_meeting", {"meetings": [{"date": None, "participants": "Aino", "decisions": ""}]}),
    ("s1_lifecycle", {"current_phase": None}),
    ("s1_network_map", {"factors": [], "actors": [{"name": "Kela", "linked_factor": "x"}]}),
    ("s1_impact_chain", {"assumptions": ["Rahoitus jatkuu"]}),
])
def test_partial_answers_give_a_sensible_chart(exercise_id, data):
    card = get_exercise(exercise_id)
    chart = CHARTS[card.spec.chart](card, answers.validate(card, data), "fi")
    assert chart.alt.strip() and "{" not in chart.alt
    chart_html(chart, "fi", title="x")


def test_unknown_chart_name_is_a_clear_key_error():
    card = get_exercise("s1_phenomenon")
    odd = card.model_copy(update={"spec": card.spec.model_copy(update={"chart": "pie"})})
    with pytest.raises(KeyError, match="pie"):
        render(odd, {}, "fi")


def _keys(tree: dict, prefix: str = "") -> set[str]:
    keys: set[str] = set()
    for key, value in tree.items():
        keys |= _keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return keys


def test_the_chart_catalogue_covers_the_code():
    """(The catalogues' parity between languages is ``ekokit validate``'s ui_keys check.)"""
    fi = _keys(yaml.safe_load((data_dir() / "fi" / "ui" / "charts.yaml").read_text("utf-8")))
    code = "\n".join(p.read_text("utf-8") for p in CHARTS_DIR.glob("*.py"))
    used = set(re.findall(r'msg\(\s*"([a-z_.]+)"', code))
    used |= {f"power.{q}" for q in ("manage", "satisfy", "inform", "monitor")}
    used |= {f"impact.{s}" for s in ("resources", "activities", "outputs", "outcomes", "impacts")}
    # a counted message (msg picks "one" or "other" by its count) is its forms
    fi |= {key.rsplit(".", 1)[0] for key in fi if key.endswith(".other")}
    assert used <= fi, used - fi


def _all_words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[\w][\w'\u2019\-]*", text)}


@pytest.mark.parametrize("lang", languages())
def test_no_alt_text_cuts_a_word_of_the_demo_teams_answers(lang):
    """On the demo team in ``lang`` (what self-study in that language shows): every word in
    every chart's text alternative is a whole word: of the answer, of the catalogue or of a
    vocabulary label (a cut word like "palv…" is none of these)."""
    from ekokit.content.example import example_folder, example_workbook
    from ekokit.content.i18n import catalogue
    from ekokit.content.vocab import vocab_labels
    from ekokit.model.fields import display_value

    known = _all_words(" ".join(catalogue(lang).values()))
    known |= _all_words(" ".join(v for labels in vocab_labels(lang).values()
                                 for v in labels.values()))
    cut = {}
    for exercise_id, records in example_workbook(example_folder(lang))["exercises"].items():
        exercise = find_exercise(exercise_id)
        data = records[-1]["data"]
        words = known | _all_words(" ".join(display_value(f, data.get(f.name), lang)
                                            for f in exercise.spec.fields))
        alt = render(exercise, data, lang).alt
        bad = sorted(w for w in _all_words(alt) if w not in words and not w.isdigit())
        if bad:
            cut[exercise_id] = bad
    assert cut == {}


FILLER = ["Nuorten", "aikuisten", "ylivelkaantuminen", "vähenee,", "kun", "talousneuvonta",
          "tavoittaa", "heidät", "ajoissa", "ja", "hyvinvointialueen", "palvelut", "toimivat",
          "yhdessä", "Kelan", "kanssa."]


def _longer(text: str, limit: int) -> str:
    """``text`` with words added up to ``limit`` characters (the field's maximum)."""
    words, out = itertools.cycle(FILLER), text
    while len(candidate := f"{out} {next(words)}".strip()) <= limit:
        out = candidate
    return out


def _lengthened(fields, data: dict) -> dict:
    """Every prose text of the answer (long texts, list texts, texts of 160+ characters) made
    as long as its field allows; names and other short texts (which others refer to) kept."""
    data = dict(data)
    for f in fields:
        value = data.get(f.name)
        if not value:
            continue
        if f.type == "longtext" or (f.type == "text" and (f.max_length or 0) >= 160):
            data[f.name] = _longer(value, f.max_length)
        elif f.type == "textlist":
            data[f.name] = [_longer(v, f.max_length) for v in value]
        elif f.type == "list":
            data[f.name] = [_lengthened(f.item, r) if isinstance(r, dict) else r for r in value]
    return data


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [" ".join(value.split())] if isinstance(value, str) else []


@pytest.mark.parametrize("lang", languages())
def test_alt_texts_of_the_longest_answers_cut_only_after_whole_words(lang):
    """Every chart, on the demo team's answers in ``lang`` with every prose text at its field's
    maximum: each word of the alt text is a whole word of the answer or the catalogue, every
    "…" comes right after the end of a word of the answer, and a text of up to ALT_TEXT
    characters (a name, an item) is never cut at all."""
    from ekokit.charts._base import ALT_TEXT
    from ekokit.content.example import example_folder, example_workbook
    from ekokit.content.i18n import catalogue
    from ekokit.content.vocab import vocab_labels

    known = _all_words(" ".join(catalogue(lang).values()))
    known |= _all_words(" ".join(v for labels in vocab_labels(lang).values()
                                 for v in labels.values()))
    seen, bad = set(), {}
    for exercise_id, records in sorted(example_workbook(example_folder(lang))["exercises"].items()):
        exercise = find_exercise(exercise_id)
        data = answers.validate(exercise, _lengthened(exercise.spec.fields, records[-1]["data"]))
        texts = _strings(data)
        alt = render(exercise, data, lang).alt
        seen.add(exercise.spec.chart)
        words = known | _all_words(" ".join(texts))
        problems = sorted(w for w in _all_words(alt) if w not in words and not w.isdigit())
        for before in re.findall(r"((?:\S+ ){0,3}\S+)…", alt):  # the words before each "…"
            if not any(re.search(re.escape(before) + r"(?!\w)", t) for t in texts):
                problems.append(f"{before}…")
        for text in (t for t in texts if len(t) <= ALT_TEXT):  # quoted whole or not at all
            for cut in {text[:m.start()].rstrip(" .,;:–-") for m in re.finditer(" ", text)}:
                if len(cut) > 10 and f"{cut}…" in alt:
                    problems.append(f"{cut}… (of {len(text)} characters)")
        if problems:
            bad[exercise_id] = problems[:3]
    assert bad == {}
    assert seen == set(CHARTS)  # every chart the kit has was read
