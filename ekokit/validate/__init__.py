"""The content gate: ``ekokit validate`` / ``python -m ekokit.validate``, also run by the tests.

Every cross-check of the content is a small function in :data:`CHECKS`, ``Content → [problem]``;
a problem is one readable line naming the file (relative to the data folder) and the key. The
checks run on any data folder (``problems(Path("my/data"))``): the folder is read fresh through
``EKOKIT_DATA`` (:func:`ekokit.paths.using_data`), so the answer models and vocabularies used by
the checks come from the same folder.

The checks live by family in this package (``content_checks``, ``language_checks``,
``reading_checks``, ``code_checks``, ``example_checks``, ``statement_checks``; what they share,
:class:`Content` included, in ``_base``); :data:`CHECKS` below lists them in the order they run.

:func:`notices` lists what is fine today but worth knowing (a calendar session whose notebook is
not written yet: the landing page shows it as coming); notices are printed, never counted."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path

from ekokit.content import yamlfile
from ekokit.errors import CalendarError
from ekokit.paths import data_dir, notebooks_dir, using_data
from ekokit.validate import (
    code_checks,
    content_checks,
    example_checks,
    language_checks,
    reading_checks,
    statement_checks,
)
from ekokit.validate._base import Check, Content, Problems, one_line

__all__ = ["CHECKS", "Check", "Content", "Problems", "main", "notices", "problems", "run_checks"]

# Every check, in the order they run and their problems print (the authoring guide's table).
# tests/test_validate.py fails on a public function of a *_checks module that is not here.
CHECKS: dict[str, Check] = {fn.__name__: fn for fn in (
    content_checks.exercises_load,
    content_checks.related_exist,
    content_checks.copy_sources,
    content_checks.vocabularies_exist,
    content_checks.vocabulary_labels,
    language_checks.ui_keys,
    language_checks.ui_placeholders,
    language_checks.ui_key_families,
    language_checks.field_labels,
    reading_checks.quizzes,
    reading_checks.concepts,
    reading_checks.reflections,
    reading_checks.glossary,
    code_checks.calendar_notebooks,
    code_checks.notebook_plan,
    code_checks.charts,
    code_checks.field_types,
    example_checks.example_covers,
    example_checks.example_answers,
    example_checks.example_translations,
    statement_checks.accessibility_statement,
)}


@contextlib.contextmanager
def _reading(data: Path | None) -> Iterator[Path]:
    if data is None:
        yield data_dir()
    else:
        with using_data(Path(data).resolve()) as folder:
            yield folder


def run_checks(data: Path | None = None, notebooks: Path | None = None) -> dict[str, Problems]:
    """Every check's problems, by check name, for the data folder ``data`` (default: the kit's)."""
    with _reading(data) as folder, yamlfile.reusing():  # the tests check many copies of data/
        content = Content(folder, Path(notebooks) if notebooks else notebooks_dir())
        results = {}
        for name, fn in CHECKS.items():
            try:
                results[name] = fn(content)
            except Exception as exc:  # noqa: BLE001 (a check tripping over broken content reports it)
                results[name] = [f"{name}: could not run: {one_line(exc)}"]
        return results


def problems(data: Path | None = None, notebooks: Path | None = None) -> Problems:
    """Everything wrong with the content, as readable lines; empty when all is well."""
    return [line for lines in run_checks(data, notebooks).values() for line in lines]


def notices(data: Path | None = None, notebooks: Path | None = None) -> list[str]:
    """What is fine but worth knowing: calendar sessions whose notebook is not written yet."""
    from ekokit.content.calendar import calendar

    folder = Path(notebooks) if notebooks else notebooks_dir()
    with _reading(data), contextlib.suppress(CalendarError):  # calendar_notebooks reports it
        return [f"notice: calendar.yaml: session {s.id}: notebooks/{s.notebook} is not written "
                f"yet (the landing page shows it as coming)"
                for s in calendar().sessions if not (folder / s.notebook).is_file()]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ekokit validate", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, help="the data folder to check (default: the kit's)")
    args = parser.parse_args(argv)
    found = problems(args.data)
    for line in notices(args.data):
        print(line)
    for line in found:
        print(line)
    print(f"{len(found)} problems")
    return 1 if found else 0
