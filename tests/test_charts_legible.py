"""Charts that kept their meaning (issue 25, item 5), on the demo team's answers in Finnish and
English: the motivation matrix keeps every text inside its cell and its headers apart; the actor
map, the backcasting timeline and the futures table draw names whole (no "…") when the figure has
room; the power–interest grid names its points beside the markers where they fit and keys only
the others; the network map has the team's phenomenon in its centre."""

from __future__ import annotations

import pytest
from ekokit.charts import CHARTS
from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import catalogue
from ekokit.model import answers
from matplotlib.patches import Rectangle
from tests.charts_once import drawn, forget_drawn  # noqa: F401 (forget_drawn: autouse)
from tests.test_charts_methods import Laid, _strings, demo, needless_cuts, outside, overlaps

LANGS = ["fi", "en"]


def chart(exercise_id: str, lang: str, data: dict | None = None):
    return drawn(find_exercise(exercise_id), demo(exercise_id) if data is None else data, lang)


def _sources(exercise_id: str) -> str:
    return " ".join(_strings(demo(exercise_id))).casefold()


def cut_words(view: Laid, sources: str, lang: str) -> list[str]:
    """Drawn texts ending a cut with "…" that is not in the answer or the catalogue."""
    said = {v.strip() for v in catalogue(lang).values()}
    return [t.get_text() for t in view.texts if "…" in t.get_text() and "…" not in sources
            and t.get_text().strip() not in said]


@pytest.mark.parametrize("lang", LANGS)
def test_motivation_matrix_keeps_every_text_in_its_cell_and_headers_apart(lang):
    fig = chart("s1_motivation", lang).figure
    view = Laid(fig)
    ax = fig.axes[0]
    cells = [p.get_window_extent(view.renderer) for p in ax.patches if isinstance(p, Rectangle)]
    assert len(cells) == 16  # four actors: a 4 × 4 matrix
    inside = 0
    for text in ax.texts:
        box = view.box(text)
        x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
        home = [c for c in cells if c.x0 <= x <= c.x1 and c.y0 <= y <= c.y1]
        if not home:
            continue  # a header or a giver's name, outside the grid
        inside += 1
        cell = home[0]
        assert (box.x0 >= cell.x0 - 1 and box.x1 <= cell.x1 + 1 and box.y0 >= cell.y0 - 1
                and box.y1 <= cell.y1 + 1), (text.get_text(), box, cell)
    assert inside >= 16
    assert not (found := overlaps(view)), found[:3]
    assert not (found := outside(view)), found[:3]
    assert not (found := needless_cuts(view, _sources("s1_motivation"))), found
    assert not any("Talouskunt-" in t.get_text() for t in view.texts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("exercise_id", ["s1_actor_map", "s2_futures_table", "s2_backcasting"])
def test_names_are_drawn_whole_when_the_figure_has_room(exercise_id, lang):
    view = Laid(chart(exercise_id, lang).figure)
    sources = _sources(exercise_id)
    cut = cut_words(view, sources, lang)
    if exercise_id == "s2_backcasting":  # the end state (prose) may end in "…" past 8 lines
        vision = catalogue(lang)["charts.backcasting_timeline.vision"]
        cut = [c for c in cut if not c.startswith(vision)]
    assert not cut, cut[:3]
    assert not (found := overlaps(view)), found[:3]


def _names(data: dict) -> list[str]:
    return [" ".join(s["name"].split()) for s in data["stakeholders"]]


@pytest.mark.parametrize("lang", LANGS)
def test_power_interest_names_points_beside_them_and_keys_only_the_rest(lang):
    data = demo("s1_power_interest")
    fig = chart("s1_power_interest", lang).figure
    view = Laid(fig)
    def words(texts) -> list[str]:  # a name wrapped at a space or after a hyphen is the name
        return ["".join(t.get_text().split()) for t in texts]

    on_grid = words(fig.axes[0].texts)
    in_key = words(fig.axes[1].texts) if len(fig.axes) > 1 else []
    beside = [n for n in _names(data) if "".join(n.split()) in on_grid]
    keyed = [n for n in _names(data) if "".join(n.split()) in in_key]
    assert len(beside) >= len(_names(data)) // 2, beside  # most are named at their markers
    assert set(beside) | set(keyed) == set(_names(data))  # every one is named somewhere
    assert not set(beside) & set(keyed)  # and once
    numbers = {t for t in on_grid if t.isdigit()}
    assert numbers == {t for t in in_key if t.isdigit()}  # a number only for a keyed point
    assert len(numbers) == len(keyed)
    assert not (found := overlaps(view)), found[:3]


def test_power_interest_with_room_has_no_key():
    data = {"stakeholders": [{"name": n, "power": p, "interest": i, "disposition": "neutral"}
                             for n, p, i in (("Kela", 5, 4), ("Takuusäätiö", 2, 5),
                                             ("Ulosottolaitos", 4, 2))]}
    fig = chart("s1_power_interest", "fi", data).figure
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert {"Kela", "Takuusäätiö", "Ulosottolaitos"} <= set(texts)
    assert len(fig.axes) == 1 and not any(t.isdigit() for t in texts)


@pytest.mark.parametrize("lang", LANGS)
def test_network_map_has_the_teams_phenomenon_in_its_centre(lang):
    data = demo("s1_network_map")
    result = chart("s1_network_map", lang)
    centre = [t for t in result.figure.axes[0].texts
              if abs(t.get_position()[0]) < 1e-9 and abs(t.get_position()[1]) < 1e-9]
    assert len(centre) == 1
    assert " ".join(centre[0].get_text().split()) == data["phenomenon"]
    assert data["phenomenon"] in result.alt
    word = catalogue(lang)["charts.network.phenomenon"]
    assert word not in [t.get_text() for t in result.figure.axes[0].texts]


def test_network_map_without_a_phenomenon_says_phenomenon():
    data = {k: v for k, v in demo("s1_network_map").items() if k != "phenomenon"}
    result = chart("s1_network_map", "en", data)
    assert "Phenomenon" in [t.get_text() for t in result.figure.axes[0].texts]


def test_the_network_map_takes_the_phenomenon_from_the_phenomenon_exercise():
    exercise = find_exercise("s1_network_map")
    rules = {s.exercise: s.rules() for s in exercise.spec.copy_from}
    assert rules["s1_phenomenon"]["phenomenon"].source == "phenomenon"
    assert "phenomenon" in {f.name for f in exercise.spec.fields}
    empty = answers.empty_answer(exercise)
    assert CHARTS["network_map"](exercise, empty, "fi").figure is None
