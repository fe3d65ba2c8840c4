"""The demo team ("esimerkki"): seeded from the worked example in data/examples/demo_team/."""

from __future__ import annotations

from ekokit.content.example import TEAM_FILE, example_folder, example_workbook
from ekokit.model.teams import DEMO_TEAM, Team
from ekokit.store.database import Store
from ekokit.store.merge import merge_workbook
from ekokit.store.workbook import dumps, import_workbook


def ensure_demo_team(store: Store) -> bool:
    """Create the demo team if it is missing; True when it was created. A demo team seeded
    before an exercise was added to the kit (e.g. a reading's questions) gets the example's
    answer to it; the exercises it already has stay as they are."""
    if store.has_team(DEMO_TEAM):
        _add_new_examples(store)
        return False
    if (example_folder() / TEAM_FILE).exists():
        import_workbook(store, dumps(example_workbook()), slug=DEMO_TEAM)
    else:  # the content is not there yet: an empty demo team still lets people try the app
        store.create_team(Team(slug=DEMO_TEAM, name="Esimerkkitiimi"))
    return True


def _add_new_examples(store: Store) -> None:
    if not (example_folder() / TEAM_FILE).exists():
        return
    have = {exercise for _team, exercise in store.latest_all(DEMO_TEAM)}
    book = example_workbook()
    missing = {eid: records for eid, records in book["exercises"].items() if eid not in have}
    if missing:
        merge_workbook(store, dumps({**book, "exercises": missing}), slug=DEMO_TEAM)


def seed_synthetic_teams(store: Store, count: int, *, prefix: str = "synth") -> list[str]:
    """Scale the worked example to ``count`` teams (load tests, facilitator view, benchmarks).

    Each copy is the example workbook under its own slug and name, with the answers' authors
    kept; all copies are imported with the same all-or-nothing import as a real workbook."""
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
