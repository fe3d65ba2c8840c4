"""The programme report for the organisers, as plain data: every team's progress and harvest, the
actors the teams share (an actor × team grid with each team's ring and role), experiments and
outcomes by name with their decisions. The demo teams are left out everywhere. Made from the
store by :func:`programme_report`; laid out by the renderers as the team report is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ekokit.charts import Chart
from ekokit.charts.shared_network import shared_network
from ekokit.content.aliases import alias_table
from ekokit.content.exercises import all_exercises
from ekokit.content.i18n import Translator
from ekokit.content.vocab import vocabularies
from ekokit.model.actors import alias_index, normalise_name, shared_actors, team_actor_names
from ekokit.model.harvest import (
    VOCAB,
)
from ekokit.model.progress import session_progress as count_session
from ekokit.model.progress import tally as count_all
from ekokit.model.teams import Team, is_demo_team, participating_teams
from ekokit.reports.build import (
    ACTOR_MAP,
    _rows,
    _session_of,
    _text,
    _vocab,
    harvest,
    session_ids,
)
from ekokit.reports.model import (
    ActorPlace,
    ProgrammeReport,
    TeamRow,
)
from ekokit.store.database import Store


def _places(answers: Mapping[str, Any], aliases: Mapping[str, str],
            tr: Translator) -> dict[str, ActorPlace]:
    """{actor key: ring and roles} of the actors on a team's ecosystem map."""
    found: dict[str, ActorPlace] = {}
    for row in _rows(answers.get(ACTOR_MAP) or {}, "actors"):
        name = _text(row.get("name"))
        if not name:
            continue
        listed = row.get("roles")
        roles = listed if isinstance(listed, list) else []
        found.setdefault(actor_key(name, aliases), ActorPlace(
            _vocab(tr, "ring", row.get("ring")),
            tuple(_vocab(tr, "ecosystem_role", r) for r in roles if isinstance(r, str))))
    return found


def actor_key(name: str, aliases: Mapping[str, str]) -> str:
    """The key two teams' spellings of one actor share (as :func:`shared_actors` matches)."""
    key = normalise_name(name)
    return normalise_name(aliases.get(key, key))


def build_programme_report(teams: list[Team], answers: Mapping[str, Mapping[str, dict[str, Any]]],
                           lang: str, *, today: dt.date | None = None,
                           charts: bool = True) -> ProgrammeReport:
    """The programme report from every team's latest answers ({slug: {exercise id: data}}).
    The demo team is left out of everything: it is an example, not a participant."""
    tr = Translator(lang)
    teams = [team for team in teams if not is_demo_team(team.slug)]
    exercises = all_exercises()
    ids = session_ids()
    rows = []
    for team in teams:
        own = answers.get(team.slug, {})
        progress = tuple(count_session([e for e in exercises if _session_of(e) == sid], own)
                         for sid in ids)
        rows.append(TeamRow(team, progress, count_all(exercises, own), harvest(own, tr.lang)))
    rated = {m.dimension for row in rows for m in row.harvest.maturity}
    dims = [tr.label(VOCAB, d) for d in vocabularies().get(VOCAB, ())]
    dims = [d for d in dims if d in rated] + sorted(rated - set(dims))
    aliases = alias_index(alias_table())
    named = {team.slug: team_actor_names(answers.get(team.slug, {})) for team in teams}
    shared = tuple(shared_actors(named, aliases))
    places = {}
    for team in teams:
        mapped = _places(answers.get(team.slug, {}), aliases, tr)
        for actor in shared:
            if team.slug in actor.teams:
                key = actor_key(actor.spellings[0], aliases)
                places[(actor.name, team.slug)] = mapped.get(key, ActorPlace("", ()))
    totals = tuple(len([e for e in exercises if _session_of(e) == sid]) for sid in ids)

    def network() -> Chart | None:
        if not charts:
            return None
        return shared_network([(t.slug, t.name) for t in teams], shared, tr.lang)

    return ProgrammeReport(tr.lang, today or dt.date.today(),
                           tuple(tr(f"facilitator.session_{sid}") for sid in ids), tuple(rows),
                           tuple(dims), shared, places, totals, network)


def programme_report(store: Store, lang: str) -> ProgrammeReport:
    """Every team's progress and harvest, and the actors named by more than one team (the demo
    teams are no team of the room: :func:`ekokit.model.teams.participating_teams`)."""
    latest: dict[str, dict[str, dict[str, Any]]] = {}
    for (slug, exercise), revision in store.latest_all().items():
        latest.setdefault(slug, {})[exercise] = revision.data
    teams = participating_teams(store.teams(), Translator(lang).lang)
    return build_programme_report(teams, latest, lang)
