"""The demo team ("esimerkki"): seeded from the worked example workbook in data/examples/."""

from __future__ import annotations

from ekokit.model.teams import Team
from ekokit.paths import data_dir
from ekokit.server.landing import DEMO_TEAM
from ekokit.store.database import Store
from ekokit.store.workbook import import_file

EXAMPLE_WORKBOOK = "examples/demo_team.json"


def ensure_demo_team(store: Store) -> bool:
    """Create the demo team if it is missing; True when it was created."""
    if store.has_team(DEMO_TEAM):
        return False
    path = data_dir() / EXAMPLE_WORKBOOK
    if path.exists():
        import_file(store, path, slug=DEMO_TEAM)
    else:  # the content is not there yet: an empty demo team still lets people try the app
        store.create_team(Team(slug=DEMO_TEAM, name="Esimerkkitiimi"))
    return True


def seed_synthetic_teams(store: Store, count: int, *, prefix: str = "synth") -> list[str]:
    """Scale the worked example to ``count`` teams (load tests, facilitator view, benchmarks).

    Each copy is the example workbook under its own slug and name, with the answers' authors
    kept; all copies are imported with the same all-or-nothing import as a real workbook."""
    from ekokit.store.workbook import dumps, import_workbook, parse_workbook

    text = (data_dir() / EXAMPLE_WORKBOOK).read_text(encoding="utf-8")
    book = parse_workbook(text).model_dump(mode="json")
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
