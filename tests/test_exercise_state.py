"""The exercise state without widgets: every save ends in exactly one outcome, and nothing is
stored unless the outcome says "saved"."""

from __future__ import annotations

import pytest
from ekokit.content.exercises import find_exercise
from ekokit.state.exercise import ExerciseState
from ekokit.store.database import Store


@pytest.fixture()
def store(any_store):
    """Every test of this module on SQLite and on PostgreSQL (tests/conftest.py)."""
    return any_store


PHENOMENON = "s1_phenomenon"


def state_for(store: Store, team, author: str = "Aino") -> ExerciseState:
    state = ExerciseState(find_exercise(PHENOMENON), store, team.slug, author=author)
    state.reload()
    return state


def test_a_first_save_is_revision_one_and_the_state_is_started(store, team):
    state = state_for(store, team)
    assert (state.base_revision, state.saved, state.state) == (0, None, "open")
    outcome = state.save({"phenomenon": "Velat"})
    assert outcome.kind == "saved" and outcome.revision.revision == 1
    assert store.latest(team.slug, PHENOMENON).author == "Aino"
    assert state.state == "started" and state.missing() == [("description",)]


def test_saving_the_same_answer_again_stores_nothing(store, team):
    state = state_for(store, team)
    state.save({"phenomenon": "Velat"})
    assert state.save({"phenomenon": "Velat"}).kind == "unchanged"
    assert len(store.history(team.slug, PHENOMENON)) == 1


def test_an_invalid_answer_stores_nothing_and_names_the_field(store, team):
    state = state_for(store, team)
    outcome = state.save({"phenomenon": "x" * 161})
    assert outcome.kind == "invalid"
    assert [p.path for p in outcome.problems] == [("phenomenon",)]
    assert store.history(team.slug, PHENOMENON) == []


def test_a_teammates_earlier_save_is_a_conflict_and_theirs_is_attached(store, team):
    mine, theirs = state_for(store, team), state_for(store, team, author="Bashir")
    theirs.save({"phenomenon": "Heidän"})
    outcome = mine.save({"phenomenon": "Minun"})
    assert outcome.kind == "conflict" and outcome.revision.data["phenomenon"] == "Heidän"
    assert [r.data["phenomenon"] for r in store.history(team.slug, PHENOMENON)] == ["Heidän"]
    kept = mine.keep_mine({"phenomenon": "Minun"})
    assert kept.kind == "saved" and kept.revision.revision == 2
    assert [r.data["phenomenon"] for r in store.history(team.slug, PHENOMENON)] == [
        "Heidän", "Minun"]


def test_taking_theirs_makes_their_revision_the_base(store, team):
    mine, theirs = state_for(store, team), state_for(store, team)
    theirs.save({"phenomenon": "Heidän"})
    assert mine.take_theirs().revision == 1
    assert mine.base_revision == 1 and mine.saved["phenomenon"] == "Heidän"
    assert mine.save({"phenomenon": "Minun"}).kind == "saved"


def test_a_read_only_store_is_unavailable_and_stores_nothing(db_path, sqlite_team):
    team = sqlite_team
    read_only = Store(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    state = ExerciseState(find_exercise(PHENOMENON), read_only, team.slug)
    outcome = state.save({"phenomenon": "Ei katoa"})
    assert outcome.kind == "unavailable" and outcome.error is not None
    assert outcome.error.key == "error.store_read_only"
    assert state.latest is None


@pytest.mark.parametrize("data, expected", [
    (None, "open"), ({}, "open"), ({"phenomenon": "Velat"}, "started"),
    ({"phenomenon": "Velat", "description": "Kuvaus"}, "done")])
def test_the_one_progress_rule(data, expected):
    from ekokit.model.progress import exercise_state

    assert exercise_state(find_exercise(PHENOMENON), data) == expected


def test_session_progress_counts_homework_apart():
    from ekokit.content.exercises import exercises_for_session
    from ekokit.model.progress import session_progress

    exercises = exercises_for_session("1")
    answers = {"s1_phenomenon": {"phenomenon": "Velat", "description": "Kuvaus"},
               "h1_team_meeting": {"meetings": []}}
    progress = session_progress(exercises, answers)
    own = sum(not e.is_homework for e in exercises)
    assert (progress.session.done, progress.session.total) == (1, own)
    assert (progress.homework.started, progress.homework.total) == (
        1, len(exercises) - own)


def test_the_demo_team_is_an_example_not_a_workspace(store, team, monkeypatch):
    from ekokit.model.teams import DEMO_TEAM
    from ekokit.state.exercise import SELF_STUDY
    from ekokit.store.demo import ensure_demo_team

    monkeypatch.delenv(SELF_STUDY, raising=False)
    ensure_demo_team(store)  # a room: the demo team beside a real one
    before = len(store.history(DEMO_TEAM, PHENOMENON))
    state = ExerciseState(find_exercise(PHENOMENON), store, DEMO_TEAM)
    state.reload()
    assert state.save({"phenomenon": "Kokeilu"}).kind == "example"
    assert len(store.history(DEMO_TEAM, PHENOMENON)) == before
    monkeypatch.setenv(SELF_STUDY, "1")  # ekokit serve --demo
    assert state.save({"phenomenon": "Kokeilu"}).kind == "saved"


def test_a_store_with_only_the_demo_team_is_self_study(tmp_path, monkeypatch):
    from ekokit.model.teams import DEMO_TEAM
    from ekokit.state.exercise import SELF_STUDY
    from ekokit.store.demo import ensure_demo_team

    monkeypatch.delenv(SELF_STUDY, raising=False)
    store = Store(str(tmp_path / "alone.sqlite"))
    ensure_demo_team(store)
    state = ExerciseState(find_exercise(PHENOMENON), store, DEMO_TEAM)
    state.reload()
    assert state.save({"phenomenon": "Kokeilu"}).kind == "saved"


@pytest.mark.parametrize("bad", ["Velat\x00", "Velat \ud83d", "\x07soittokello"],
                         ids=["nul", "lone-surrogate", "bell"])
def test_an_unstorable_character_is_a_field_error_and_later_saves_still_work(store, team, bad):
    """A NUL or a lone surrogate (half an emoji) would fail in the store or in a report after the
    status said "saved"; it is refused in the field, with the user's language's message, and
    the next clean save goes through."""
    from ekokit.content.i18n import t

    state = state_for(store, team)
    outcome = state.save({"phenomenon": bad, "description": "Kuvaus"})
    assert outcome.kind == "invalid"
    assert [(p.path, p.key) for p in outcome.problems] == [(("phenomenon",), "invalid.unstorable")]
    assert "tallentaa" in t("invalid.unstorable", "fi")
    assert store.history(team.slug, PHENOMENON) == []
    assert state.save({"phenomenon": "Velat", "description": "Kuvaus"}).kind == "saved"
    assert state.save({"phenomenon": "Velat", "description": "Rivi 1\n\tRivi 2"}).kind == "saved"


def test_a_save_over_a_teammates_offered_revision_clears_the_offer(store, team):
    """A teammate's newer revision is offered beside an unsaved edit; once the team keeps its
    own (saved on top of theirs), nothing is offered any more."""
    mine, theirs = state_for(store, team), state_for(store, team, author="Bashir")
    theirs.save({"phenomenon": "Heidän"})
    assert mine.catch_up({"phenomenon": "Minun"}) == "offered"
    assert mine.offered is not None and mine.offered.revision == 1
    kept = mine.keep_mine({"phenomenon": "Minun"})
    assert kept.kind == "saved" and kept.revision.revision == 2
    assert mine.offered is None
    # and a plain save after a catch-up that offered clears it too
    theirs.reload()
    mine.save({"phenomenon": "Minun", "description": "kuvaus"})
    assert theirs.catch_up({"phenomenon": "Toinen"}) == "offered"
    theirs.reload()
    assert theirs.save({"phenomenon": "Toinen"}).kind == "saved"
    assert theirs.offered is None


def test_saving_the_examples_own_answer_again_is_unchanged_not_refused(store, team, monkeypatch):
    """In a room the worked example takes no saves, but an answer the same as the saved one is
    "unchanged" (nothing to store), not "example": the form says nothing was changed."""
    from ekokit.model.teams import DEMO_TEAM
    from ekokit.state.exercise import SELF_STUDY
    from ekokit.store.demo import ensure_demo_team

    monkeypatch.delenv(SELF_STUDY, raising=False)
    ensure_demo_team(store)
    state = ExerciseState(find_exercise(PHENOMENON), store, DEMO_TEAM)
    state.reload()
    assert state.saved is not None
    assert state.save(dict(state.saved)).kind == "unchanged"
    assert state.save({**state.saved, "phenomenon": "Muu"}).kind == "example"
