"""Concept texts, quizzes, glossary and the quiz widget, read from the real data files."""

from __future__ import annotations

import ipywidgets as w
import pytest
from ekokit.content.i18n import Translator, catalogue, languages
from ekokit.content.readings import (
    QUIZ_SESSIONS,
    Option,
    Question,
    UnknownContent,
    concept,
    concept_ids,
    glossary,
    quiz,
)
from ekokit.widgets.quiz import QuestionView, quiz_widget

LANGS = languages()


def _walk(widget: w.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _with_class(root: w.Widget, css: str) -> list[w.Widget]:
    return [x for x in _walk(root) if css in x._dom_classes]


def test_finnish_and_english_are_covered():
    assert {"fi", "en"} <= set(LANGS)


# -- concepts ----------------------------------------------------------------------------------
def test_concept_ids_are_the_required_ones():
    assert set(concept_ids()) == {
        "ecosystem", "impact", "phenomenon_administration", "futures_thinking", "experiment",
        "scaling", "learning_loops", "harvesting"}
    assert concept_ids("3") == ("experiment", "scaling", "learning_loops")


def test_unknown_concept_and_language_fallback():
    with pytest.raises(UnknownContent):
        concept("../ui", "fi")
    assert concept("ecosystem", "xx") == concept("ecosystem", "fi")


# -- quizzes -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("session", QUIZ_SESSIONS)
def test_quiz_loads_as_models(session, lang):
    loaded = quiz(session, lang)
    assert loaded.lang == lang and loaded.session == session
    assert 3 <= len(loaded.questions) <= 5
    for question in loaded.questions:
        assert question.correct in {o.id for o in question.options}
        assert question.text and question.explanation
        assert all(o.text for o in question.options)


def test_unknown_quiz_session():
    with pytest.raises(UnknownContent):
        quiz("9", "fi")


# -- glossary ----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_glossary_covers_the_kits_terms(lang):
    entries = glossary(lang)
    required = {
        "ecosystem", "network", "cluster", "orchestrator", "keystone", "core_network", "partner",
        "operating_environment", "phenomenon", "phenomenon_based_budgeting", "resources",
        "activities", "outputs", "outcomes", "impacts", "megatrend", "weak_signal", "wild_card",
        "futures_wheel", "backcasting", "experiment", "hypothesis", "scaling_out", "scaling_up",
        "scaling_deep", "learning_loops", "outcome_harvesting", "most_significant_change",
        "after_action_review", "retrospective", "minimum_viable_ecosystem", "value_proposition"}
    assert required <= set(entries)
    for entry in entries.values():
        assert entry.term.strip() and entry.definition.strip()


# -- quiz widget -------------------------------------------------------------------------------
def test_quiz_ui_messages_exist_in_every_language():
    for lang in LANGS:
        for key in ("check", "right", "wrong", "answer_label", "choose_first"):
            assert f"quiz.{key}" in catalogue(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_quiz_widget_checks_right_and_wrong_answers(lang):
    root = quiz_widget("1", lang)
    assert "ek-quiz" in root._dom_classes
    first = quiz("1", lang).questions[0]
    items = _with_class(root, "ek-quiz-item")
    assert len(items) == len(quiz("1", lang).questions)
    choice = _with_class(items[0], "ek-quiz-choice")[0]
    button = _with_class(items[0], "ek-quiz-check")[0]
    feedback = _with_class(items[0], "ek-quiz-feedback")[0]
    assert isinstance(choice, w.RadioButtons) and choice.description
    assert isinstance(button, w.Button) and button.description == catalogue(lang)["quiz.check"]
    assert not button.icon

    button.click()
    assert catalogue(lang)["quiz.choose_first"] in feedback.value

    choice.value = first.correct
    button.click()
    assert 'role="status"' in feedback.value
    assert catalogue(lang)["quiz.right"] in feedback.value
    assert catalogue(lang)["quiz.wrong"] not in feedback.value
    assert "ek-quiz-right" in feedback._dom_classes

    choice.value = next(o.id for o in first.options if o.id != first.correct)
    assert feedback.value == ""  # a new choice clears the old verdict
    button.click()
    assert catalogue(lang)["quiz.wrong"] in feedback.value
    assert catalogue(lang)["quiz.right"] not in feedback.value
    assert "ek-quiz-wrong" in feedback._dom_classes
    assert "ek-quiz-right" not in feedback._dom_classes


def test_quiz_widget_has_no_sliders():
    for session in QUIZ_SESSIONS:
        kinds = {type(x).__name__ for x in _walk(quiz_widget(session, "fi"))}
        assert not any("Slider" in kind for kind in kinds), kinds


def test_html_in_texts_is_escaped():
    from ekokit.content.i18n import Translator

    question = Question(
        id="x", text="<script>alert(1)</script> & <b>bold</b>",
        options=(Option(id="a", text="<i>a</i>"), Option(id="b", text="b")),
        correct="a", explanation="<img src=x onerror=alert(1)>")
    view = QuestionView(question, 1, 1, Translator("en"))
    assert "<script>" not in view.heading.value
    assert "&lt;script&gt;" in view.heading.value and "&amp;" in view.heading.value
    view.choice.value = "b"
    view.check.click()
    assert "<img" not in view.feedback.value and "<i>" not in view.feedback.value
    assert "&lt;img" in view.feedback.value and "&lt;i&gt;a&lt;/i&gt;" in view.feedback.value


def test_the_folded_quiz_builds_its_questions_only_when_started():
    from ekokit.widgets.quiz import folded_quiz

    box = folded_quiz("1", "fi")
    start = box.children[1]
    assert start.description == Translator("fi")("quiz.start")
    start.click()
    assert "ek-quiz" in box.children[0]._dom_classes


def test_a_yaml_text_read_again_gives_each_reader_its_own_tree_and_errors_name_the_file(
        tmp_path):
    """Inside yamlfile.reusing() a text is parsed once: a reader changing its tree changes nobody
    else's, and a syntax error still names the file as yaml.safe_load does."""
    import re

    import yaml
    from ekokit.content import yamlfile

    text = "a: [1, {b: 2}]\nc: !!set {x: null}\n"
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with yamlfile.reusing():
        first = yamlfile.load(text)
        first["a"][1]["b"] = 9
        first["c"].add("y")
        assert yamlfile.load(text) == {"a": [1, {"b": 2}], "c": {"x"}}
        with bad.open(encoding="utf-8") as fh, pytest.raises(yaml.YAMLError,
                                                             match=re.escape(f'"{bad}", line 2')):
            yamlfile.load(fh)
