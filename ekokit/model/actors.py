"""Actors named by several teams: the programme report's "out of silos" view.

A team names actors in its ecosystem maps (:data:`ACTOR_SOURCES`). Two names are the same actor
when they are equal after :func:`normalise_name` (case, accents, whitespace, the kind of dash),
or when the alias list (data/aliases.yaml, :func:`alias_index`) says so. Pure functions: the
caller gives the teams' answers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# (exercise, list field, item field naming an actor): where a team names its ecosystem's actors.
ACTOR_SOURCES: tuple[tuple[str, str, str], ...] = (
    ("s1_actor_map", "actors", "name"),
    ("s1_network_map", "actors", "name"),
    ("s1_power_interest", "stakeholders", "name"),
    ("s1_motivation", "actors", "name"),
    ("s1_roles", "actors", "name"),
    ("s1_ecosystem_pie", "actors", "name"),
    ("s2_vision", "actors_needed", "name"),
    ("s3_mve", "essential_actors", "name"),
)
_DASHES = re.compile(r"\s*[\u002d\u2010\u2011\u2012\u2013\u2014\u2015\u2212]\s*")


def normalise_name(name: str) -> str:
    """The comparison key of an actor's name: case-folded, accents removed (ä → a, é → e),
    every dash a hyphen without spaces around it, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", str(name)).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.split())
    return _DASHES.sub("-", text).strip(" -")


def alias_index(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """{key of any name of an actor: the name shown} from ``{name shown: (other names…)}``.
    A name listed for two actors is an error in the list (ValueError naming both)."""
    index: dict[str, str] = {}
    for shown, others in table.items():
        for name in (shown, *others):
            key = normalise_name(name)
            if not key:
                continue
            if index.get(key, shown) != shown:
                raise ValueError(f"alias {name!r} is listed for both {index[key]!r} and {shown!r}")
            index[key] = shown
    return index


def team_actor_names(answers: Mapping[str, Any]) -> list[str]:
    """Every actor name a team wrote in :data:`ACTOR_SOURCES`, in that order, as typed."""
    names = []
    for exercise, field, item in ACTOR_SOURCES:
        rows = (answers.get(exercise) or {}).get(field) or []
        for row in rows if isinstance(rows, list) else []:
            value = row.get(item) if isinstance(row, dict) else None
            if isinstance(value, str) and value.strip():
                names.append(value.strip())
    return names


@dataclass(frozen=True)
class SharedActor:
    """An actor and the teams that named it; ``spellings`` are the names as the teams wrote
    them (so an organiser can check the match)."""

    name: str
    teams: tuple[str, ...]
    spellings: tuple[str, ...]


def shared_actors(names_by_team: Mapping[str, Iterable[str]], aliases: Mapping[str, str],
                  *, minimum: int = 2) -> list[SharedActor]:
    """The actors named by at least ``minimum`` teams, the most teams first, then by name.

    ``names_by_team`` is {team: names as typed} (teams in the order to list them); ``aliases``
    is :func:`alias_index`. An actor is shown by its alias name, else by the spelling most teams
    used (the first of equals)."""
    teams: dict[str, list[str]] = {}
    spellings: dict[str, dict[str, set[str]]] = {}
    for team, names in names_by_team.items():
        for name in names:
            key = normalise_name(name)
            if not key:
                continue
            actor = normalise_name(aliases.get(key, key))
            if team not in teams.setdefault(actor, []):
                teams[actor].append(team)
            spellings.setdefault(actor, {}).setdefault(" ".join(name.split()), set()).add(team)
    found = []
    for actor, named_by in teams.items():
        if len(named_by) < minimum:
            continue
        spelt = spellings[actor]
        shown = aliases.get(actor) or max(spelt, key=lambda s: len(spelt[s]))
        found.append(SharedActor(shown, tuple(named_by), tuple(spelt)))
    return sorted(found, key=lambda a: (-len(a.teams), normalise_name(a.name)))
