"""The demo team ("esimerkki"): seeded from the worked example workbook in data/examples/."""

from __future__ import annotations

from ekokit.landing import DEMO_TEAM
from ekokit.paths import data_dir
from ekokit.store import Store
from ekokit.teams import Team
from ekokit.workbook import import_file

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
