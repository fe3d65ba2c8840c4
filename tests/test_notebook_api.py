"""The learner's functions: clear errors in the notebook's language that list what is valid, and
help(ekokit) that starts with the functions a learner uses."""

from __future__ import annotations

import ekokit
import pytest
from ekokit import notebook
from ekokit.content.i18n import Translator
from ekokit.errors import UnknownChoice

fi, en = Translator("fi"), Translator("en")


@pytest.fixture(autouse=True)
def _finnish():
    notebook._chosen_lang = None
    yield
    notebook._chosen_lang = None


@pytest.mark.parametrize("call, key, value, valid", [
    (lambda: ekokit.session("5"), "error.unknown_session", "5", "1, 2, 3, 4"),
    (lambda: ekokit.session("h1"), "error.unknown_session", "h1", "1, 2, 3, 4"),
    (lambda: ekokit.quiz(9), "error.unknown_session", "9", "1, 2, 3, 4"),
    (lambda: ekokit.concept("foresight"), "error.unknown_concept", "foresight", None),
    (lambda: ekokit.language("de"), "error.unknown_language", "de", "fi, sv, en"),
])
def test_an_unknown_choice_says_what_is_valid(call, key, value, valid):
    from ekokit.content.readings import concept_ids

    with pytest.raises(UnknownChoice) as caught:
        call()
    valid = valid or ", ".join(concept_ids())
    assert str(caught.value) == fi(key, value=value, valid=valid)


def test_swedish_is_a_language_of_the_kit():
    ekokit.language("sv")
    assert notebook._chosen_lang == "sv"
    with pytest.raises(UnknownChoice) as caught:
        ekokit.session("5")
    assert str(caught.value) == Translator("sv")("error.unknown_session", value="5",
                                                 valid="1, 2, 3, 4")


def test_a_language_with_some_texts_and_no_catalogue_is_incomplete(tmp_path):
    import shutil

    from ekokit.paths import data_dir, using_data

    data = shutil.copytree(data_dir(), tmp_path / "data")
    (data / "de" / "vocab").mkdir(parents=True)
    (data / "de" / "vocab" / "session1.yaml").write_text("ring: {core: Kern}\n", "utf-8")
    with using_data(data), pytest.raises(UnknownChoice) as caught:
        ekokit.language("de")
    assert str(caught.value) == fi("error.language_incomplete", value="de", valid="fi, sv, en")


def test_the_message_follows_the_notebooks_language():
    ekokit.language("en")
    with pytest.raises(UnknownChoice) as caught:
        ekokit.session("5")
    assert str(caught.value) == en("error.unknown_session", value="5", valid="1, 2, 3, 4")


def test_help_starts_with_the_learners_functions():
    import pydoc

    assert sorted(ekokit.__all__) == ["concept", "exercises", "facilitator", "harvest", "homework",
                                      "language", "projector", "quiz", "session"]
    text = pydoc.render_doc(ekokit, renderer=pydoc.plaintext)
    assert "CLASSES" not in text and "EkokitError" not in text
    said = ekokit.__doc__ or ""
    for words in ("ekokit.session(", "tapaamisen sovellus", "the session's app", "ekokit.harvest()",
                  "sadonkorjuu", "ekokit.homework()", "kotitehtävät", "ekokit.concept("):
        assert words in said, words
    assert len(said.splitlines()) <= 25  # short, for learners: no layers, no store
    assert not any(word in said for word in ("layer", "SQLAlchemy", "store", "kernel"))


def test_a_wrong_session_is_refused_before_the_running_app_is_touched(monkeypatch):
    """`ekokit.session("5")` stopped the app above from following its teammates' saves, and
    only then refused."""
    stopped = []
    running = type("App", (), {"stop_live": lambda self: stopped.append(self)})()
    monkeypatch.setattr(notebook, "_current_app", running)
    with pytest.raises(UnknownChoice):
        ekokit.session("5")
    assert stopped == [] and notebook._current_app is running


def test_exercises_and_homework_belong_to_the_session_above(store, team, monkeypatch):
    monkeypatch.setattr(notebook, "_current_app", None)
    with pytest.raises(UnknownChoice) as caught:
        ekokit.exercises("s1_phenomenon")
    assert str(caught.value) == fi("error.no_session")
    monkeypatch.setenv("EKOKIT_DB", store.url)
    ekokit.session("1", team=team.slug)
    box = ekokit.exercises("s1_phenomenon")
    assert box.children and "ek-ex-s1_phenomenon" in box.children[0]._dom_classes
    with pytest.raises(UnknownChoice) as caught:
        ekokit.exercises("s2_vision")
    assert fi("error.unknown_exercise_here", value="s2_vision", valid="").split(":")[0] in str(
        caught.value)
    assert "ek-homework" in ekokit.homework().children[0]._dom_classes
