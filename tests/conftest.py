"""Shared fixtures: a real SQLite file per test, a real team."""

from __future__ import annotations

import pytest
from ekokit.model.teams import Team
from ekokit.store.database import Store


@pytest.fixture()
def db_path(tmp_path):
    return tmp_path / "ekokit.sqlite"


@pytest.fixture()
def store(db_path) -> Store:
    return Store(str(db_path))


@pytest.fixture()
def team(store) -> Team:
    return store.create_team(
        Team(slug="nuoret-velat", name="Nuoret & velat", phenomenon="Nuorten ylivelkaantuminen",
             members=["Aino", "Bashir", "Célia"])
    )
