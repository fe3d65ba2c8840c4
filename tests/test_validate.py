"""The content gate: each check of ekokit.validate fires on its own kind of broken content (in a
copy of data/ with one thing broken) and on nothing else; the real content has no problems."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from ekokit import validate
from ekokit.charts import render
from ekokit.content.exercises import ExerciseSpec, FieldSpec, all_exercises, load_exercise
from ekokit.content.i18n import languages
from ekokit.paths import data_dir, notebooks_dir, using_data

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data(tmp_path) -> Path:
    return shutil.copytree(data_dir(), tmp_path / "data")


def fired(folder: Path, notebooks: Path | None = None) -> dict[str, list[str]]:
    return {name: lines for name, lines in validate.run_checks(folder, notebooks).items() if lines}


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def edit_yaml(path: Path, change) -> None:
    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(tree)
    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")


def only(found: dict[str, list[str]], check: str, *words: str) -> None:
    assert set(found) == {check}, found
    text = "\n".join(found[check])
    assert all(word in text for word in words), (words, text)


# -- the real content --------------------------------------------------------------------------
def test_the_real_content_has_no_problems():
    assert validate.problems() == []


def test_an_unchanged_copy_has_no_problems_and_the_kit_reads_its_own_data_again(data):
    assert validate.problems(data) == []
    assert data_dir() == ROOT / "data"
    assert len(all_exercises()) == len(list((ROOT / "data" / "exercises").glob("*.yaml")))


def test_the_command_prints_one_line_per_problem_and_exits_1(data, capsys):
    assert validate.main(["--data", str(data)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 problems"
    edit(data / "exercises" / "s1_iceberg.yaml", "related: [", "related: [s9_nothing, ")
    assert validate.main(["--data", str(data)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "1 problems"
    assert lines[-2] == "exercises/s1_iceberg.yaml: related: 's9_nothing' is not an exercise"


def test_the_cli_runs_the_same_gate(data, capsys):
    from ekokit.cli import main

    (data / "en" / "concepts" / "impact.md").unlink()
    assert main(["validate", "--data", str(data)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == ["en/concepts/impact.md: missing", "1 problems"]


def test_every_check_has_a_test_here():
    source = Path(__file__).read_text(encoding="utf-8")
    untested = [name for name in validate.CHECKS if f'"{name}"' not in source]
    assert untested == []


def test_every_function_of_a_check_module_is_a_registered_check():
    import importlib
    import inspect
    import pkgutil

    unlisted = []
    for info in pkgutil.iter_modules(validate.__path__):
        if info.name.endswith("_checks"):
            module = importlib.import_module(f"ekokit.validate.{info.name}")
            unlisted += [f"{info.name}.{name}" for name, fn in inspect.getmembers(
                module, inspect.isfunction) if fn.__module__ == module.__name__
                and not name.startswith("_") and validate.CHECKS.get(name) is not fn]
    assert unlisted == []


# -- one test per check ------------------------------------------------------------------------
def test_exercises_load_an_invalid_spec(data):
    edit(data / "exercises" / "s1_iceberg.yaml", "fields:", "colour: red\nfields:")
    only(fired(data), "exercises_load", "exercises/s1_iceberg.yaml", "colour")


def test_exercises_load_a_card_text_without_its_title(data):
    edit_yaml(data / "en" / "cards" / "s1_iceberg.yaml", lambda t: t.pop("title"))
    only(fired(data), "exercises_load", "en/cards/s1_iceberg.yaml", "title")


def test_exercises_load_a_missing_card_text(data):
    (data / "en" / "cards" / "s1_iceberg.yaml").unlink()
    only(fired(data), "exercises_load", "en/cards/s1_iceberg.yaml: missing")


def test_related_exist(data):
    edit(data / "exercises" / "s1_iceberg.yaml", "related: [", "related: [s9_nothing, ")
    only(fired(data), "related_exist", "s9_nothing")


def test_copy_sources(data):
    edit(data / "exercises" / "s3_experiment_plan.yaml", "items: {step: action,",
         "items: {step: deed,")
    only(fired(data), "copy_sources", "exercises/s3_experiment_plan.yaml",
         "first_steps.items: 'step' ← 'deed'")
    edit(data / "exercises" / "s2_futures_wheel.yaml", "fields: {centre: phenomenon}",
         "fields: {centre: phenomena}")
    assert "no field 'phenomena' in s1_phenomenon" in " ".join(fired(data)["copy_sources"])


def test_notebook_plan(data):
    edit(data / "notebooks.yaml", "s1_iceberg]", "s1_iceberg, s1_phenomenon]")
    only(fired(data), "notebook_plan", "1: listed twice: ['s1_phenomenon']")
    edit(data / "notebooks.yaml", "reading: impact", "reading: harvesting")
    assert "reading 'harvesting' is not a concept of session 1" in " ".join(
        fired(data)["notebook_plan"])


def test_vocabularies_exist(data):
    edit(data / "exercises" / "s1_actor_map.yaml", "vocab: ring", "vocab: rings")
    only(fired(data), "vocabularies_exist", "exercises/s1_actor_map.yaml", "fields.actors.ring",
         "'rings'")


def test_vocabulary_labels(data):
    edit_yaml(data / "en" / "vocab" / "session1.yaml", lambda t: t["ring"].pop("partner"))
    only(fired(data), "vocabulary_labels", "en/vocab/session1.yaml: ring: no label for ['partner']")


def test_ui_keys(data):
    with (data / "en" / "ui.yaml").open("a", encoding="utf-8") as fh:
        fh.write("zz_only_in_english: Hello\n")
    only(fired(data), "ui_keys", "en/ui: zz_only_in_english: not in fi")


def test_ui_placeholders(data):
    for lang, text in (("fi", "'{count} kpl'"), ("sv", "'{count} st.'"), ("en", "'{number} pcs'")):
        with (data / lang / "ui.yaml").open("a", encoding="utf-8") as fh:
            fh.write(f"zz_counted: {text}\n")
    only(fired(data), "ui_placeholders", "en/ui: zz_counted: placeholders ['number']")


def test_ui_key_families(data):
    for lang in languages():
        edit_yaml(data / lang / "ui.yaml", lambda t: t["session"].pop("title_4"))
    only(fired(data), "ui_key_families", "fi/ui: session.title_4: missing")


def test_field_labels_an_item_field_without_a_label(data):
    edit_yaml(data / "en" / "cards" / "s1_actor_map.yaml",
              lambda t: t["fields"]["actors"]["item"].pop("ring"))
    only(fired(data), "field_labels", "en/cards/s1_actor_map.yaml: fields.actors.item.ring")


def test_field_labels_a_label_for_an_unknown_field(data):
    edit_yaml(data / "fi" / "cards" / "s1_iceberg.yaml",
              lambda t: t["fields"].update(colour={"label": "Väri"}))
    only(fired(data), "field_labels", "fi/cards/s1_iceberg.yaml: fields.colour: label for a field")


def test_quizzes_a_correct_option_that_is_not_an_option(data):
    edit_yaml(data / "quiz" / "session1.yaml",
              lambda t: t["questions"][0].update(correct="zz"))
    only(fired(data), "quizzes", "quiz/session1.yaml", "'zz' is not an option")


def test_quizzes_an_option_without_a_text(data):
    def drop(tree):
        question = next(iter(tree["questions"].values()))
        question["options"].pop(next(iter(question["options"])))

    edit_yaml(data / "en" / "quiz" / "session2.yaml", drop)
    only(fired(data), "quizzes", "en/quiz/session2.yaml: questions.", "no text")


def test_quizzes_too_few_questions(data):
    edit_yaml(data / "quiz" / "session3.yaml", lambda t: t.update(questions=t["questions"][:2]))
    only(fired(data), "quizzes", "quiz/session3.yaml: questions: 2, expected 3–5")


def test_concepts(data):
    (data / "en" / "concepts" / "scaling.md").unlink()
    only(fired(data), "concepts", "en/concepts/scaling.md: missing")


def test_reflections_a_question_without_a_field(data):
    edit(data / "en" / "concepts" / "ecosystem.md", "\n\n### Sources",
         "\n- And one question more?\n\n### Sources")
    only(fired(data), "reflections", "en/concepts/ecosystem.md: 3 questions to discuss",
         "exercises/r1_ecosystem.yaml has 2 fields")


def test_reflections_a_reading_with_questions_and_no_reflection(data):
    edit(data / "fi" / "concepts" / "harvesting.md", "\n\n### Lähteitä",
         "\n\n### Pohdittavaksi\n\n- Mitä korjaatte satona?\n\n### Lähteitä")
    only(fired(data), "reflections", "fi/concepts/harvesting.md: 1 questions to discuss",
         "no exercise has kind: reflection, reading: harvesting")


def test_reflections_not_first_after_their_reading(data):
    edit(data / "notebooks.yaml", "[r1_impact, s1_impact_chain,", "[s1_impact_chain, r1_impact,")
    only(fired(data), "reflections", "r1_impact does not come first after its reading 'impact'")


def test_exercises_load_a_card_file_for_a_reflection(data):
    shutil.copy(data / "en" / "cards" / "s1_iceberg.yaml", data / "en" / "cards" / "r1_impact.yaml")
    only(fired(data), "exercises_load", "en/cards/r1_impact.yaml", "is a reflection")


def test_glossary(data):
    edit_yaml(data / "en" / "glossary.yaml", lambda t: t.pop("keystone"))
    only(fired(data), "glossary", "en/glossary.yaml: missing ['keystone']")


def test_calendar_notebooks_a_misnamed_notebook(data):
    edit(data / "calendar.yaml", "notebook: 01_ekosysteemit", "notebook: 1_ekosysteemit")
    only(fired(data), "calendar_notebooks", "at sessions.0.notebook: “1_ekosysteemit.ipynb” is "
         "not a notebook name")


def test_calendar_notebooks_a_session_numbered_unlike_its_notebook(data):
    edit(data / "calendar.yaml", "notebook: 01_ekosysteemit", "notebook: 07_ekosysteemit")
    only(fired(data), "calendar_notebooks", "sessions.1.notebook: '07_ekosysteemit.ipynb'",
         "no session names notebooks/01_ekosysteemit.ipynb")


def test_calendar_notebooks_a_notebook_the_calendar_does_not_name(data, tmp_path):
    notebooks = shutil.copytree(notebooks_dir(), tmp_path / "notebooks",
                                ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(notebooks / "01_ekosysteemit.ipynb", notebooks / "05_jatko.ipynb")
    only(fired(data, notebooks), "calendar_notebooks", "notebooks/05_jatko.ipynb")


def test_a_notebook_not_written_yet_is_a_notice_not_a_problem(data, tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    assert fired(data, notebooks) == {}
    notes = validate.notices(data, notebooks)
    assert len(notes) == 4 and "01_ekosysteemit.ipynb is not written yet" in notes[0]


def test_charts_an_unregistered_chart(data):
    edit(data / "exercises" / "s1_actor_map.yaml", "chart: ring_map", "chart: pie")
    only(fired(data), "charts", "exercises/s1_actor_map.yaml: chart: 'pie' is not a registered")


def test_charts_a_chart_whose_fields_the_spec_lacks(data):
    edit(data / "exercises" / "s1_phenomenon.yaml", "chart: summary", "chart: ring_map")
    only(fired(data), "charts", "exercises/s1_phenomenon.yaml: fields: no field 'actors.ring'")


def test_field_types(data, monkeypatch):
    from ekokit.widgets.editors import EDITORS

    monkeypatch.delitem(EDITORS, "date")
    only(fired(data), "field_types", "ekokit.widgets.editors.EDITORS", "['date']")


def test_example_covers(data):
    (data / "examples" / "demo_team" / "s1_iceberg.yaml").unlink()
    only(fired(data), "example_covers", "examples/demo_team/s1_iceberg.yaml: missing")


def test_example_answers_an_invalid_latest_answer(data):
    edit(data / "examples" / "demo_team" / "s1_actor_map.yaml", "ring: core", "ring: nowhere", -1)
    only(fired(data), "example_answers", "examples/demo_team/s1_actor_map.yaml: revision")


def test_example_answers_an_incomplete_latest_answer(data):
    path = data / "examples" / "demo_team" / "s1_phenomenon.yaml"
    edit_yaml(path, lambda t: t["revisions"][-1]["data"].pop("phenomenon"))
    only(fired(data), "example_answers", "required fields empty: ['phenomenon']")


def test_example_covers_every_language(data):
    (data / "sv" / "examples" / "demo_team" / "team.yaml").unlink()
    (data / "en" / "examples" / "demo_team" / "s2_vision.yaml").unlink()
    only(fired(data), "example_covers", "sv/examples/demo_team/team.yaml: missing",
         "en/examples/demo_team/s2_vision.yaml: missing")


def test_example_answers_in_a_translation(data):
    edit(data / "sv" / "examples" / "demo_team" / "s1_actor_map.yaml", "ring: core",
         "ring: nowhere", -1)
    only(fired(data), "example_answers", "sv/examples/demo_team/s1_actor_map.yaml: revision")


def test_example_translations_a_choice_that_is_not_the_finnish_one(data):
    # a valid ring, but not the one the Finnish demo team chose: only text is translated
    edit(data / "en" / "examples" / "demo_team" / "s1_actor_map.yaml", "ring: core",
         "ring: partner")
    only(fired(data), "example_translations",
         "en/examples/demo_team/s1_actor_map.yaml: revision 1: actors.0.ring is not")


def test_example_translations_a_score_a_revision_and_the_slug(data):
    folder = data / "sv" / "examples" / "demo_team"
    edit(folder / "s2_megatrends.yaml", "nature: 2", "nature: 3")
    edit_yaml(folder / "h2_preferred_future.yaml", lambda t: t["revisions"].pop(0))
    edit(folder / "team.yaml", "slug: exempel", "slug: exempel-2")
    only(fired(data), "example_translations", "s2_megatrends.yaml: revision 1: relevance is not",
         "h2_preferred_future.yaml: 2 revisions, the Finnish has 3",
         "team.yaml: team.slug is 'exempel-2', not the demo team's 'exempel'")


def test_example_translations_a_text_left_empty(data):
    path = data / "en" / "examples" / "demo_team" / "s1_phenomenon.yaml"
    edit_yaml(path, lambda t: t["revisions"][0]["data"].update(description=""))  # not the latest
    only(fired(data), "example_translations", "s1_phenomenon.yaml: revision 1: description is not")


# -- the default chart ---------------------------------------------------------------------------
def test_a_spec_without_chart_gets_the_summary_table(data):
    path = data / "exercises" / "s1_actor_map.yaml"
    path.write_text(re.sub(r"(?m)^chart: .*\n", "", path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    assert validate.problems(data) == []
    with using_data(data):
        exercise = load_exercise("s1_actor_map")
        assert exercise.spec.chart == "summary"
        chart = render(exercise, {"actors": [{"name": "Kela", "ring": "core"}]}, "fi")
    assert chart.figure is None and not chart.table.empty and chart.alt.strip()


# -- the authoring guide -------------------------------------------------------------------------
def test_the_authoring_guide_lists_every_spec_field():
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    spec_section = guide.split("## Spec", 1)[1].split("\n## ", 1)[0]
    names = set(ExerciseSpec.model_fields) | set(FieldSpec.model_fields)
    assert sorted(n for n in names if not re.search(rf"\b{n}\b", spec_section)) == []
    check_section = guide.split("## Check", 1)[1].split("\n## ", 1)[0]
    assert "ekokit validate" in check_section
    assert [name for name in validate.CHECKS if f"`{name}`" not in check_section] == []


# -- Swedish, as strong as English --------------------------------------------------------------
def test_swedish_is_checked_like_english(data):
    """A missing Swedish card, reading, quiz text, vocabulary label and UI key: each named by
    its file (the app shows Finnish there until the file exists, so validate must say so)."""
    (data / "sv" / "cards" / "s1_iceberg.yaml").unlink()
    (data / "sv" / "concepts" / "scaling.md").unlink()
    (data / "sv" / "quiz" / "session2.yaml").unlink()
    edit_yaml(data / "sv" / "vocab" / "session1.yaml", lambda t: t.pop("ring"))
    edit(data / "sv" / "ui.yaml", "  pending: Sparar…\n", "")
    found = "\n".join(validate.problems(data))
    for line in ("sv/cards/s1_iceberg.yaml: missing", "sv/concepts/scaling.md: missing",
                 "sv/quiz/session2.yaml: missing", "sv/vocab/session1.yaml: ring: no labels",
                 "sv/ui: status.pending: missing (it is in fi)"):
        assert line in found, (line, found)


def test_swedish_placeholders_and_plural_forms(data):
    edit(data / "sv" / "ui" / "charts" / "retro_board.yaml", 'votes_one: "1 röst"\n', "")
    edit(data / "sv" / "ui.yaml", '"Sparat {time} (version {revision})."',
         '"Sparat {tid} (version {revision})."')
    found = fired(data)
    assert set(found) == {"ui_keys", "ui_placeholders"}, found
    assert found["ui_keys"] == ["sv/ui: charts.retro_board.votes_one: missing (it is in fi)"]
    wrong = "sv/ui: status.saved: placeholders ['revision', 'tid'], fi has ['revision', 'time']"
    assert found["ui_placeholders"] == [wrong]


# -- the accessibility statement -------------------------------------------------------------------
@pytest.fixture()
def cited(tmp_path, monkeypatch) -> Path:
    """A copy of the repository's cited tests, for the statement check to read."""
    from ekokit.content import statement

    repo = tmp_path / "repo"
    for test in statement.statement_facts().tests:
        (repo / test).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(statement.REPOSITORY / test, repo / test)
    monkeypatch.setattr(statement, "REPOSITORY", repo)
    return repo


def test_the_statement_is_reviewed_when_a_test_it_cites_changes(data, cited):
    assert fired(data) == {}
    with (cited / "tests" / "test_browser_keyboard.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# a changed test\n")
    only(fired(data), "accessibility_statement",
         "accessibility.yaml: tests: tests/test_browser_keyboard.py changed since the statement "
         "was reviewed", "record sha256 ")


def test_the_statement_cites_only_tests_that_exist(data, cited):
    (cited / "tests" / "test_statement_page.py").unlink()
    only(fired(data), "accessibility_statement", "tests/test_statement_page.py: no such file")


def test_the_statement_is_not_reviewed_in_the_future_nor_before_it_was_made(data):
    edit(data / "accessibility.yaml", "reviewed: 2026-12-08", "reviewed: 2099-01-01")
    only(fired(data), "accessibility_statement", "reviewed 2099-01-01 is in the future")
    edit(data / "accessibility.yaml", "reviewed: 2099-01-01", "reviewed: 2020-01-01")
    only(fired(data), "accessibility_statement", "is before published 2026-12-08")
