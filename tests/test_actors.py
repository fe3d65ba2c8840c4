"""Actors named by several teams: names compared without case, accents, extra whitespace or
the kind of dash, and joined by the reviewable alias list (data/aliases.yaml)."""

from __future__ import annotations

import pytest
from ekokit.content.aliases import alias_table
from ekokit.model.actors import (
    ACTOR_SOURCES,
    alias_index,
    normalise_name,
    shared_actors,
    team_actor_names,
)

ALIASES = alias_index({"Kela": ["Kansaneläkelaitos", "FPA"], "Verohallinto": ["Vero"]})


@pytest.mark.parametrize(("one", "other"), [
    ("Kela", "KELA"),
    ("Järvilinnan Ohjaamo", "jarvilinnan ohjaamo"),  # accents
    ("Länsi-Suomen Säätiö", "Lansi – Suomen  saatio"),  # the dash and spaces around it
    ("  Takuusäätiö ", "Takuusäätiö"),
    ("Sosiaali- ja terveysministeriö", "sosiaali- ja  terveysministeriö"),
    ("Café Ohjaamo", "CAFE OHJAAMO"),
    ("\uff2b\uff45\uff4c\uff41", "Kela"),  # full-width letters (NFKC)
])
def test_the_same_name_written_differently_is_the_same_actor(one, other):
    assert normalise_name(one) == normalise_name(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Kela", "Kelan nuorten palvelut"),
    ("Sosiaali- ja terveysministeriö", "Sosiaali ja terveysministeriö"),  # the hyphen matters
    ("OM", "OKM"),
])
def test_different_names_stay_different(one, other):
    assert normalise_name(one) != normalise_name(other)


def test_an_alias_joins_two_teams_under_the_name_in_the_list():
    found = shared_actors({"a": ["Kansaneläkelaitos"], "b": ["kela"], "c": ["Vero"]}, ALIASES)
    assert [(s.name, s.teams, s.spellings) for s in found] == [
        ("Kela", ("a", "b"), ("Kansaneläkelaitos", "kela"))]


def test_an_actor_one_team_names_twice_is_not_shared():
    assert shared_actors({"a": ["Kela", "Kansaneläkelaitos", "KELA"], "b": ["Vero"]},
                         ALIASES) == []


def test_without_an_alias_the_spelling_most_teams_used_is_shown():
    found = shared_actors({"a": ["pohjois-savon osuuspankki"], "b": ["Pohjois-Savon Osuuspankki"],
                           "c": ["Pohjois-Savon Osuuspankki"]}, {})
    assert found[0].name == "Pohjois-Savon Osuuspankki" and found[0].teams == ("a", "b", "c")


def test_the_most_named_actor_comes_first_then_by_name():
    found = shared_actors({"a": ["Öljy", "Banaani", "Aapa"], "b": ["Banaani", "Aapa", "Öljy"],
                           "c": ["Öljy"]}, {})
    assert [s.name for s in found] == ["Öljy", "Aapa", "Banaani"]


def test_a_name_listed_for_two_actors_is_refused():
    with pytest.raises(ValueError, match="Kela"):
        alias_index({"Kela": ["KKV"], "Kilpailu- ja kuluttajavirasto": ["kkv"]})


def test_the_kits_alias_list_loads_and_joins_kela_and_kansanelakelaitos():
    index = alias_index(alias_table())
    assert index[normalise_name("Kansaneläkelaitos")] == "Kela"
    assert index[normalise_name("kela")] == "Kela"
    assert len(set(index.values())) == len(alias_table())


def test_team_actor_names_reads_every_actor_list_of_the_maps():
    answers = {exercise: {field: [{item: f"{exercise} toimija"}, {item: "  "}, "rubbish"]}
               for exercise, field, item in ACTOR_SOURCES}
    answers["s1_actor_map"] = {"actors": None}
    read = {name.removesuffix(" toimija") for name in team_actor_names(answers)}
    assert read == {"s1_network_map", "s1_power_interest", "s1_motivation", "s1_roles",
                    "s1_ecosystem_pie", "s2_vision", "s3_mve"}


def test_every_actor_source_is_a_list_of_named_rows_in_its_exercise():
    from ekokit.content.exercises import find_exercise

    for exercise, field, item in ACTOR_SOURCES:
        spec = next(f for f in find_exercise(exercise).spec.fields if f.name == field)
        assert spec.type == "list" and item in {i.name for i in spec.item}
