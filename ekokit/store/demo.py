"""The demo teams, one per language ("esimerkki", "example", "exempel"): each seeded from the
worked example in its language (:mod:`ekokit.content.example`)."""

from __future__ import annotations

from pathlib import Path

from ekokit.content.example import SOURCE_LANG, TEAM_FILE, example_folder, example_workbook
from ekokit.model.teams import DEMO_TEAMS, Team
from ekokit.store.database import Store
from ekokit.store.merge import merge_workbook
from ekokit.store.workbook import dumps, import_workbook

EMPTY_NAME = "Esimerkkitiimi"  # a demo team whose answers are not in the data folder


def ensure_demo_team(store: Store) -> bool:
    """Create the demo team of every language if it is missing; True when one was created. A
    demo team seeded before an exercise was added to the kit (e.g. a reading's questions) gets
    the example's answer to it; the exercises it already has stay as they are."""
    created = False
    for lang, slug in DEMO_TEAMS.items():
        folder = example_folder(lang)
        if store.has_team(slug):
            _add_new_examples(store, slug, folder)
        elif (folder / TEAM_FILE).exists():
            import_workbook(store, dumps(example_workbook(folder)), slug=slug)
            created = True
        elif lang == SOURCE_LANG:  # the content is not there yet: an empty demo team still
            store.create_team(Team(slug=slug, name=EMPTY_NAME))  # lets people try the app
            created = True
    return created


def _add_new_examples(store: Store, slug: str, folder: Path) -> None:
    if not (folder / TEAM_FILE).exists():
        return
    book = example_workbook(folder)
    if list(store.get_team(slug).members) != list(book["team"].get("members", ())):
        return  # a team of the room took this name before it was a demo team's: not ours
    have = {exercise for _team, exercise in store.latest_all(slug)}
    missing = {eid: records for eid, records in book["exercises"].items() if eid not in have}
    if missing:
        merge_workbook(store, dumps({**book, "exercises": missing}), slug=slug)


def seed_synthetic_teams(store: Store, count: int, *, prefix: str = "synth") -> list[str]:
    """Scale the worked example to ``count`` teams (load tests, facilitator view, benchmarks).

    Each copy is the (Finnish) example workbook under its own slug and name, with the answers'
    authors kept; all copies are imported with the same all-or-nothing import as a real
    workbook."""
    book = example_workbook()
    base = book["team"]
    created = []
    for number in range(1, count + 1):
        slug = f"{prefix}-{number:03d}"
        if store.has_team(slug):
            continue
        book["team"] = {**base, "slug": slug, "name": f"{base['name']} {number:03d}"}
        import_workbook(store, dumps(book))
        created.append(slug)
    return created
