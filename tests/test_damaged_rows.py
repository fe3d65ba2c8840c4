"""One bad stored row never breaks a page: a revision whose text does not load, or does not fit
its exercise's model (written by an older kit), is shown as a clear message with its text, and
the rest of the page and the facilitator view work. Rows are written with SQLite directly."""

from __future__ import annotations

import html
import json
import sqlite3

import pytest
from ekokit.content.i18n import Translator
from ekokit.errors import DamagedRevision
from ekokit.model.teams import Team
from ekokit.state.overview import progress_matrix
from ekokit.store.workbook import export_workbook
from ekokit.widgets.facilitator import FacilitatorView
from ekokit.widgets.session_app import SessionApp

fi, en = Translator("fi"), Translator("en")
NOT_JSON = '{"phenomenon": "Velat <kesken'  # cut off: not JSON
OLD_KIT = {"ratings": "luottamus: 3", "notes": "vanha muoto"}  # valid JSON, not today's model


def _insert(db_path, team: str, exercise: str, revision: int, text: str,
            created_at: str = "2024-01-10T12:00:00.000+00:00") -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO revisions (team_slug, exercise_id, revision, data, author, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                     (team, exercise, revision, text, "Aino", created_at))


@pytest.fixture()
def damaged(store, team, db_path):
    store.save(team.slug, "s1_phenomenon", {"phenomenon": "Velat"}, base_revision=0)
    _insert(db_path, team.slug, "s1_phenomenon", 2, NOT_JSON)
    _insert(db_path, team.slug, "s1_maturity", 1, json.dumps(OLD_KIT))
    _insert(db_path, team.slug, "s1_iceberg", 1, json.dumps({"events": ["Ulosotot"]}),
            created_at="not-a-date")  # a time no kit writes: shown as it is
    other = store.create_team(Team(slug="toinen", name="Toinen"))
    store.save(other.slug, "s1_phenomenon", {"phenomenon": "Toisen ilmiö"}, base_revision=0)
    return team


def test_the_session_page_builds_and_each_damaged_exercise_says_so(store, damaged):
    app = SessionApp("1", store=store, lang="fi").bind(team=damaged.slug)
    assert fi("progress.damaged") in app.sections["s1_phenomenon"].heading.value
    assert fi("progress.damaged") in app.sections["s1_maturity"].heading.value
    assert fi("progress.damaged") in app.progress.value
    for section in app.sections.values():  # every exercise of the page opens
        section.set_open(True)
        assert section.view.form is not None
    view = app.sections["s1_phenomenon"].view
    notice = view.body.children[1].value
    assert html.escape(fi("damaged.message", revision=2, next=3)) in notice
    assert html.escape(NOT_JSON) in notice  # the stored text, kept to copy from (escaped)
    assert html.escape(fi("status.damaged", revision=2)) in view.status.value
    assert view.form.value["phenomenon"] == ""  # the form starts empty
    old = app.sections["s1_maturity"].view.body.children[1].value
    assert "luottamus: 3" in old and "vanha muoto" in old
    assert "not-a-date" in app.sections["s1_iceberg"].view.status.value
    # a later exercise does not offer the damaged one as earlier work (s1_iceberg it does)
    assert app.sections["s1_lifecycle"].view.earlier.related == []
    network = app.sections["s1_network_map"].view.earlier
    assert [e.id for e, _rev in network.related] == ["s1_iceberg"]
    network.set_open(True)
    assert "Ulosotot" in network.panel.value


def test_typing_in_a_damaged_exercise_saves_the_next_revision_and_keeps_the_bad_one(
        store, damaged):
    app = SessionApp("1", store=store, lang="en").bind(team=damaged.slug)
    section = app.sections["s1_phenomenon"]
    section.set_open(True)
    assert html.escape(en("damaged.message", revision=2, next=3)) in (
        section.view.body.children[1].value)
    section.view.form.editors["phenomenon"].input.value = "Velat uudelleen"
    history = store.history(damaged.slug, "s1_phenomenon")
    assert [r.revision for r in history] == [1, 2, 3]
    assert history[1].raw == NOT_JSON and history[2].data["phenomenon"] == "Velat uudelleen"
    assert en("progress.damaged") not in section.heading.value


def test_the_facilitator_view_flags_the_cells_and_shows_every_other_answer(store, damaged):
    matrix = progress_matrix(store)
    assert matrix[damaged.slug]["s1_phenomenon"] == "damaged"
    assert matrix[damaged.slug]["s1_maturity"] == "damaged"
    assert matrix["toinen"]["s1_phenomenon"] == "started"
    view = FacilitatorView(store=store, lang="fi")
    assert 'class="ek-state-damaged"' in view.table.value
    assert "Toinen" in view.table.value
    view.exercise.value = "s1_phenomenon"
    assert html.escape(fi("facilitator.damaged", revision=2)) in view.answers.value
    assert "Toisen ilmiö" in view.answers.value


def test_an_export_refuses_rather_than_drop_a_damaged_row(store, damaged):
    with pytest.raises(DamagedRevision) as caught:
        export_workbook(store, damaged.slug)
    assert caught.value.params == {"team": damaged.slug, "exercise": "s1_phenomenon",
                                   "revision": 2}
    assert export_workbook(store, "toinen")["team"]["slug"] == "toinen"
