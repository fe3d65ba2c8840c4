"""The shared ecosystem ("out of silos"): which actors two or more teams named, with the kit's
alias list and accents, on the worked example and two invented teams; its network chart (alt
text, table, literal names, labels that do not overlap); the facilitator's section."""

from __future__ import annotations

import itertools
import re

import pytest
from ekokit.charts.html import chart_html
from ekokit.charts.shared_network import shared_network
from ekokit.content.aliases import alias_table
from ekokit.content.i18n import Translator
from ekokit.model.actors import SharedActor, alias_index, normalise_name, shared_actors
from ekokit.model.teams import DEMO_TEAM, DEMO_TEAMS, Team, listed_teams
from ekokit.store.demo import ensure_demo_team
from ekokit.widgets.ecosystem import (
    SharedEcosystem,
    ecosystem,
    latest_by_team,
    participating_teams,
)
from ekokit.widgets.facilitator import FacilitatorView
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from matplotlib.text import Text

KIT = alias_index(alias_table())


# -- detection with the kit's alias list -------------------------------------------------------

@pytest.mark.parametrize(("one", "other", "shown"), [
    ("Kansaneläkelaitos", "KELA", "Kela"),
    ("Kela – Kansaneläkelaitos", "kansanelakelaitos", "Kela"),
    ("THL", "Terveyden ja hyvinvoinnin laitos", "Terveyden ja hyvinvoinnin laitos"),
    ("thl", "Terveyden- ja hyvinvoinnin laitos", "Terveyden ja hyvinvoinnin laitos"),
    ("TE-toimisto", "TE – toimisto", "Työllisyyspalvelut"),
    ("TE-palvelut", "Tyollisyyspalvelut", "Työllisyyspalvelut"),
    ("ELY-keskus", "Elinkeino-, liikenne- ja ympäristökeskus", "ELY-keskus"),
    ("Hyvinvointialueet", "hyvinvointialue", "Hyvinvointialue"),
    ("Sote-alue", "Wellbeing services county", "Hyvinvointialue"),
    ("AVI", "Aluehallintovirasto", "Aluehallintovirasto"),
    ("Verohallinto", "VERO", "Verohallinto"),
    ("Ulosotto", "Valtakunnanvouti", "Ulosottolaitos"),
    ("STM", "Sosiaali- ja terveysministeriö", "Sosiaali- ja terveysministeriö"),
    ("Järvimaan hyvinvointialue", "JARVIMAAN  HYVINVOINTIALUE", None),  # accents, case, spaces
])
def test_two_teams_writing_one_actor_differently_share_it(one, other, shown):
    found = shared_actors({"a": [one], "b": [other]}, KIT)
    assert len(found) == 1, (one, other)
    assert found[0].teams == ("a", "b")
    assert found[0].name == (shown or one)
    assert set(found[0].spellings) == {" ".join(one.split()), " ".join(other.split())}


@pytest.mark.parametrize(("one", "other"), [
    ("Kela", "Kelan nuorten palvelut"),
    ("THL", "TTL"),
    ("Järvimaan hyvinvointialue", "Hyvinvointialue"),  # a named area is not every area
    ("ELY-keskus", "KEHA-keskus"),
    ("OM", "OKM"),
])
def test_different_actors_stay_apart(one, other):
    assert shared_actors({"a": [one], "b": [other]}, KIT) == []


def test_the_kits_alias_list_names_each_spelling_for_one_actor_only():
    index = alias_index(alias_table())  # raises on a name listed for two actors
    assert len(set(index.values())) == len(alias_table())
    for name in ("Kela", "Terveyden ja hyvinvoinnin laitos", "Työllisyyspalvelut", "ELY-keskus",
                 "Hyvinvointialue", "Ulosottolaitos", "Talous- ja velkaneuvonta"):
        assert index[normalise_name(name)] == name


# -- the worked example and two invented teams -------------------------------------------------

def _actors(*names: str) -> dict:
    return {"actors": [{"name": n, "org_type": "state", "ring": "core"} for n in names]}


@pytest.fixture()
def room(store):
    """The worked example, "Ikääntyvät" and "Energiaköyhyys": names in three different maps."""
    ensure_demo_team(store)
    store.create_team(Team(slug="ikaantyvat", name="Ikääntyvät <yksin> & $alone$"))
    store.create_team(Team(slug="energia", name="Energiaköyhyys"))
    store.save("ikaantyvat", "s1_actor_map",
               _actors("KELA", "Jarvimaan  hyvinvointialue", "THL", "Ulosotto", "Oma kunta"),
               base_revision=0)
    store.save("energia", "s1_actor_map", _actors("Seurakunnat", "Energiayhtiöt"),
               base_revision=0)
    store.save("energia", "s3_mve", {"value_proposition": "Lämmin koti", "essential_actors": [
        {"name": "Kansaneläkelaitos", "activity": "Tuet", "ring": "core", "ready": True},
        {"name": "Terveyden ja hyvinvoinnin laitos", "activity": "Tieto", "ring": "partner"},
        {"name": "Talous- ja velkaneuvonta", "activity": "Neuvonta", "ring": "partner"},
        {"name": "Valtakunnanvouti", "activity": "Ulosotto", "ring": "partner"},
    ]}, base_revision=0)
    return store


EXPECTED = [  # (name shown, teams in the store's order: by name) — the most teams first
    ("Kela", ("energia", DEMO_TEAM, "ikaantyvat")),
    ("Ulosottolaitos", ("energia", DEMO_TEAM, "ikaantyvat")),
    ("Järvimaan hyvinvointialue", (DEMO_TEAM, "ikaantyvat")),
    ("Seurakunnat", ("energia", DEMO_TEAM)),  # the demo team's "Seurakuntien diakoniatyö"
    ("Talous- ja velkaneuvonta", ("energia", DEMO_TEAM)),  # "Oikeusaputoimiston talous- ja…"
    ("Terveyden ja hyvinvoinnin laitos", ("energia", "ikaantyvat")),
]


def test_the_example_and_two_teams_share_exactly_the_expected_actors(room):
    found = ecosystem(listed_teams(room.teams(), "fi"), latest_by_team(room))
    assert [(a.name, a.teams) for a in found] == EXPECTED
    spelt = {a.name: set(a.spellings) for a in found}
    assert spelt["Ulosottolaitos"] == {"Ulosottolaitos", "Ulosotto", "Valtakunnanvouti"}
    assert spelt["Järvimaan hyvinvointialue"] == {"Järvimaan hyvinvointialue",
                                                  "Jarvimaan hyvinvointialue"}


def test_the_room_leaves_the_example_out_unless_it_is_alone(room, store):
    for lang in DEMO_TEAMS:  # none of the demo teams is a team of the room
        slugs = [t.slug for t in participating_teams(room.teams(), lang)]
        assert slugs == ["energia", "ikaantyvat"]
    found = ecosystem(participating_teams(room.teams(), "fi"), latest_by_team(room))
    assert [a.name for a in found] == ["Kela", "Terveyden ja hyvinvoinnin laitos",
                                       "Ulosottolaitos"]


def test_a_store_with_only_the_example_shows_the_example_in_its_language(store):
    ensure_demo_team(store)
    assert [t.slug for t in participating_teams(store.teams(), "fi")] == [DEMO_TEAM]
    assert [t.slug for t in participating_teams(store.teams(), "en")] == [DEMO_TEAMS["en"]]


# -- the network chart -------------------------------------------------------------------------

TEAMS = [("a", "Nuoret & velat"), ("b", "Ikääntyvät <script>x</script>"), ("c", "$5 ja $6"),
         ("d", "Energiaköyhyys")]
SHARED = [SharedActor("Kela", ("a", "b", "c"), ("Kela", "KELA")),
          SharedActor("Terveyden ja hyvinvoinnin laitos", ("b", "d"), ("THL",)),
          SharedActor("$x$ <b>Säätiö</b>", ("a", "d"), ("$x$ <b>Säätiö</b>",))]


def _texts(fig: Figure) -> list:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def _overlaps(fig: Figure) -> list[tuple[str, str]]:
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer).expanded(0.98, 0.9))
             for t in _texts(fig)]
    return [(a, b) for (a, ba), (b, bb) in itertools.combinations(boxes, 2) if ba.overlaps(bb)]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_alt_text_names_every_actor_with_its_teams_and_the_table_lists_them(lang):
    chart = shared_network(TEAMS, SHARED, lang)
    assert isinstance(chart.figure, Figure)
    tr = Translator(lang)
    assert chart.alt.startswith(tr("charts.shared_network.alt", teams=4, actors=3))
    assert tr("charts.shared_network.alt_actor", actor="Kela", count=3,
              teams=f"Nuoret & velat, Ikääntyvät <script>x</script> {tr('charts.and')} $5 ja $6"
              ) in chart.alt
    assert "Terveyden ja hyvinvoinnin laitos: 2" in chart.alt
    assert list(chart.table.iloc[:, 1]) == [a.name for a in SHARED]
    assert list(chart.table.iloc[:, 2]) == [3, 2, 2]
    assert chart.table.iloc[0, 3] == "Nuoret & velat, Ikääntyvät <script>x</script>, $5 ja $6"
    assert chart.table.iloc[1, 4] == "THL"


def test_names_are_drawn_literally_and_escaped_in_html():
    chart = shared_network(TEAMS, SHARED, "fi")
    drawn = [t.get_text() for t in _texts(chart.figure)]
    assert not any(is_math_text(t) for t in drawn)
    assert any("<script>x</script>" in t for t in drawn)
    assert any(r"\$5 ja \$6" in t for t in drawn)  # a dollar sign, not mathtext
    page = chart_html(chart, "fi", title="x")
    assert "<script>x" not in page and "&lt;script&gt;x" in page and "<b>Säätiö" not in page


def test_teams_and_actors_look_different_and_the_legend_says_which_is_which():
    chart = shared_network(TEAMS, SHARED, "fi")
    ax = chart.figure.axes[0]
    markers = {(line.get_marker(), line.get_color()) for line in ax.lines
               if line.get_marker() not in (None, "None", "")}
    assert len(markers) == 2
    legend = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert legend == [Translator("fi")("charts.shared_network.team"),
                      Translator("fi")("charts.shared_network.actor")]


@pytest.mark.parametrize("size", [(2, 1), (11, 14), (11, 30)])
def test_labels_do_not_overlap_from_two_teams_to_a_full_programme(size):
    teams_n, actors_n = size
    teams = [(f"t{i}", f"Tiimi {i}: Nuorten ylivelkaantumisen ehkäisy") for i in range(teams_n)]
    shared = [SharedActor(f"Toimija {i} hyvinvointialueen palvelut",
                          tuple(f"t{(i + k) % teams_n}" for k in range(2 + i % 3)
                                if k < teams_n),
                          ("x",)) for i in range(actors_n)]
    shared = [a for a in shared if len(set(a.teams)) >= 2] or shared[:1]
    chart = shared_network(teams, shared, "fi")
    assert _overlaps(chart.figure) == []
    assert len(chart.table) == len(shared)


def test_without_a_shared_actor_there_is_no_figure_but_a_sentence():
    chart = shared_network(TEAMS, [], "fi")
    assert chart.figure is None
    assert chart.alt == Translator("fi")("charts.shared_network.none", teams=4)
    assert len(chart.table) == 0


# -- the section on the facilitator's view -----------------------------------------------------

def test_the_facilitator_view_shows_the_shared_ecosystem_and_links_the_projector(room):
    view = FacilitatorView(store=room, lang="fi")
    section = view.ecosystem.widget.value
    assert Translator("fi")("shared_ecosystem.title") in section
    assert re.search(r'<img src="data:image/png;base64,[^"]+" alt="[^"]*Kela', section)
    assert "Ikääntyvät &lt;yksin&gt; &amp; $alone$" in section  # the list, escaped
    assert "Ulosotto · Valtakunnanvouti" in section or "Valtakunnanvouti · Ulosotto" in section
    assert view.widget.children[-1].value.count('href="00_projektori.ipynb?lang=fi"') == 1


def test_the_section_redraws_only_when_the_shared_set_changes(room):
    section = SharedEcosystem(room, Translator("fi"))
    before = section.widget.value
    room.save("energia", "s1_phenomenon", {"phenomenon": "P"}, base_revision=0)
    assert section._html() is None  # no actor changed: nothing drawn, nothing sent
    room.save("ikaantyvat", "s3_mve", {"value_proposition": "V", "essential_actors": [
        {"name": "Seurakunta", "activity": "Apu"}]}, base_revision=0)
    section.refresh()
    assert section.widget.value != before and "Seurakunta" in section.widget.value


def test_the_facilitator_view_redraws_the_section_when_a_team_saves_an_actor(room):
    """The live look: a save to an exercise that names actors redraws it; another save not."""
    view = FacilitatorView(store=room, lang="fi", live=False)
    before = view.ecosystem.widget.value
    room.save("energia", "s1_phenomenon", {"phenomenon": "P"}, base_revision=0)
    view.tick()
    assert view.ecosystem.widget.value == before
    room.save("ikaantyvat", "s3_mve", {"value_proposition": "V", "essential_actors": [
        {"name": "Seurakunta", "activity": "Apu"}]}, base_revision=0)
    view.tick()
    assert view.ecosystem.widget.value != before and "Seurakunta" in view.ecosystem.widget.value
