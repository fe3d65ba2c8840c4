"""The demo team ("esimerkki"): seeded from the worked example in data/examples/demo_team/."""

from __future__ import annotations

from ekokit.content.example import TEAM_FILE, example_folder, example_workbook
from ekokit.model.teams import DEMO_TEAM, Team
from ekokit.store.database import Store
from ekokit.store.workbook import dumps, import_workbook


def ensure_demo_team(store: Store) -> bool:
    """Create the demo team if it is missing; True when it was created."""
    if store.has_team(DEMO_TEAM):
        return False
    if (example_folder() / TEAM_FILE).exists():
        import_workbook(store, dumps(example_workbook()), slug=DEMO_TEAM)
    else:  # the content is not there yet: an empty demo team still lets people try the app
        store.create_team(Team(slug=DEMO_TEAM, name="Esimerkkitiimi"))
    return True


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
