"""The content gate: ``ekokit validate`` / ``python -m ekokit.validate``, also run by the tests.

Every cross-check of the content is a small function in :data:`CHECKS`, ``Content → [problem]``;
a problem is one readable line naming the file (relative to the data folder) and the key. The
checks run on any data folder (``problems(Path("my/data"))``): the folder is read fresh through
``EKOKIT_DATA`` (:func:`ekokit.paths.using_data`), so the answer models and vocabularies used by
the checks come from the same folder.

:func:`notices` lists what is fine today but worth knowing (a calendar session whose notebook is
not written yet: the landing page shows it as coming); notices are printed, never counted."""

from __future__ import annotations

import argparse
import contextlib
import re
import string
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ekokit.content.exercises import CardText, Exercise, ExerciseSpec, FieldSpec
from ekokit.errors import WorkbookError
from ekokit.paths import data_dir, notebooks_dir, using_data

Problems = list[str]


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _error(exc: Exception) -> str:
    """An exception as one line."""
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or '(top)'}: {e['msg']}"
                         for e in exc.errors())
    return " ".join(f"{type(exc).__name__}: {exc}".split())


@dataclass
class Content:
    """One data folder, read leniently: what loads is here, what does not is in ``load_errors``."""

    data: Path
    notebooks: Path
    load_errors: Problems = field(default_factory=list)
    vocab_errors: Problems = field(default_factory=list)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.data).as_posix()

    @cached_property
    def languages(self) -> tuple[str, ...]:
        from ekokit.content.i18n import languages

        return languages()

    @cached_property
    def exercise_ids(self) -> set[str]:
        """Every exercise file's id, whether its spec loads or not."""
        return {path.stem for path in (self.data / "exercises").glob("*.yaml")}

    @cached_property
    def specs(self) -> dict[str, ExerciseSpec]:
        specs = {}
        for path in sorted((self.data / "exercises").glob("*.yaml")):
            try:
                specs[path.stem] = ExerciseSpec.model_validate(_read(path) or {})
            except (OSError, ValueError, yaml.YAMLError) as exc:
                self.load_errors.append(f"{self.rel(path)}: {_error(exc)}")
                continue
            if specs[path.stem].id != path.stem:
                self.load_errors.append(f"{self.rel(path)}: id: {specs[path.stem].id!r} is not "
                                        f"the file's name")
        return specs

    @cached_property
    def texts(self) -> dict[tuple[str, str], CardText]:
        texts = {}
        for lang in self.languages:
            folder = self.data / lang / "cards"
            for path in sorted(folder.glob("*.yaml")):
                try:
                    texts[path.stem, lang] = CardText.model_validate(_read(path) or {})
                except (OSError, ValueError, yaml.YAMLError) as exc:
                    self.load_errors.append(f"{self.rel(path)}: {_error(exc)}")
        return texts

    @cached_property
    def exercises(self) -> dict[str, Exercise]:
        """The exercises whose spec and every card text load."""
        texts = self.texts
        return {
            eid: Exercise(spec=spec, texts={lang: texts[eid, lang] for lang in self.languages})
            for eid, spec in self.specs.items()
            if all((eid, lang) in texts for lang in self.languages)
        }

    @cached_property
    def vocabularies(self) -> dict[str, tuple[str, ...]]:
        from ekokit.content.vocab import vocabularies

        try:
            return vocabularies()
        except (OSError, ValueError, AttributeError, yaml.YAMLError) as exc:
            self.vocab_errors.append(f"vocab/: {_error(exc)}")
            return {}

    def catalogue(self, lang: str) -> dict[str, str]:
        from ekokit.content.i18n import catalogue

        return catalogue(lang)


# -- the checks --------------------------------------------------------------------------------
CHECKS: dict[str, Callable[[Content], Problems]] = {}


def check(fn: Callable[[Content], Problems]) -> Callable[[Content], Problems]:
    CHECKS[fn.__name__] = fn
    return fn


def _walk(fields: tuple[FieldSpec, ...], prefix: str = "") -> Iterator[tuple[str, FieldSpec]]:
    """Every field and item field, with its dotted path."""
    for spec in fields:
        yield prefix + spec.name, spec
        yield from _walk(spec.item, f"{prefix}{spec.name}.")


@check
def exercises_load(content: Content) -> Problems:
    """Every spec and card text parses; every spec has a card text in every language and every
    card text a spec."""
    found = []
    specs, texts = content.specs, content.texts
    for eid in specs:
        for lang in content.languages:
            path = content.data / lang / "cards" / f"{eid}.yaml"
            if (eid, lang) not in texts and not path.is_file():
                found.append(f"{content.rel(path)}: missing (exercises/{eid}.yaml has no text)")
    for eid, lang in texts:
        if eid not in specs and not (content.data / "exercises" / f"{eid}.yaml").is_file():
            found.append(f"{lang}/cards/{eid}.yaml: no spec exercises/{eid}.yaml")
    return content.load_errors + found


@check
def related_exist(content: Content) -> Problems:
    return [f"exercises/{eid}.yaml: related: {rel!r} is not an exercise"
            for eid, spec in content.specs.items() for rel in spec.related
            if rel not in content.exercise_ids]


@check
def vocabularies_exist(content: Content) -> Problems:
    """Every ``vocab:`` and ``scale:`` names a vocabulary; a scale's ids are its numbers."""
    vocabs = content.vocabularies
    found = list(content.vocab_errors)
    for eid, spec in content.specs.items():
        for where, fs in _walk(spec.fields):
            for key in ("vocab", "scale"):
                name = getattr(fs, key)
                if name and name not in vocabs:
                    found.append(f"exercises/{eid}.yaml: fields.{where}.{key}: no vocabulary "
                                 f"{name!r} in vocab/")
            if fs.scale in vocabs and fs.min is not None and fs.max is not None:
                wanted = [str(n) for n in range(fs.min, fs.max + 1)]
                if list(vocabs[fs.scale]) != wanted:
                    found.append(f"exercises/{eid}.yaml: fields.{where}.scale: {fs.scale!r} "
                                 f"has ids {list(vocabs[fs.scale])}, not {wanted}")
    return found


def _vocabularies_known(spec: ExerciseSpec, content: Content) -> bool:
    return all(name in content.vocabularies for _, fs in _walk(spec.fields)
               for name in (fs.vocab, fs.scale) if name)


@check
def vocabulary_labels(content: Content) -> Problems:
    """Every vocabulary has a label for each id in every language, and no other labels."""
    from ekokit.content.vocab import vocab_labels

    found = []
    vocabs = content.vocabularies
    for lang in content.languages:
        labels = vocab_labels(lang)
        for name, ids in vocabs.items():
            own = labels.get(name)
            if own is None:
                found.append(f"{lang}/vocab/: {name}: no labels")
                continue
            missing = [i for i in ids if not str(own.get(i, "")).strip()]
            extra = sorted(set(own) - set(ids))
            if missing:
                found.append(f"{lang}/vocab/: {name}: no label for {missing}")
            if extra:
                found.append(f"{lang}/vocab/: {name}: labels for unknown ids {extra}")
        for name in sorted(set(labels) - set(vocabs)):
            found.append(f"{lang}/vocab/: {name}: labels for a vocabulary not in vocab/")
    return found


@check
def ui_keys(content: Content) -> Problems:
    """The UI catalogues (``<lang>/ui.yaml`` and ``<lang>/ui/``) have the same keys."""
    found = []
    first = content.languages[0]
    base = set(content.catalogue(first))
    for lang in content.languages[1:]:
        own = set(content.catalogue(lang))
        found += [f"{lang}/ui: {key}: missing (it is in {first})" for key in sorted(base - own)]
        found += [f"{lang}/ui: {key}: not in {first}" for key in sorted(own - base)]
    return found


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"<unbalanced braces>"}


@check
def ui_placeholders(content: Content) -> Problems:
    """A message has the same ``{placeholder}`` names in every language."""
    found = []
    first = content.languages[0]
    base = content.catalogue(first)
    for lang in content.languages[1:]:
        for key, text in content.catalogue(lang).items():
            if key in base and _placeholders(text) != _placeholders(base[key]):
                found.append(f"{lang}/ui: {key}: placeholders {sorted(_placeholders(text))}, "
                             f"{first} has {sorted(_placeholders(base[key]))}")
    return found


@check
def ui_key_families(content: Content) -> Problems:
    """Keys the code builds from the content: a title per calendar session, a facilitator heading
    per exercise session, a word per progress state."""
    from ekokit.content.calendar import calendar

    first = content.languages[0]
    messages = content.catalogue(first)
    wanted = {f"progress.{state}" for state in ("done", "started", "open")}
    with contextlib.suppress(OSError, ValueError, yaml.YAMLError):
        wanted |= {f"session.title_{s.id}" for s in calendar().sessions}
    wanted |= {f"facilitator.session_{spec.session}" for spec in content.specs.values()}
    return [f"{first}/ui: {key}: missing" for key in sorted(wanted - set(messages))]


def _label_problems(where: str, specs: tuple[FieldSpec, ...], texts: dict, prefix: str) -> Problems:
    found = []
    names = {s.name for s in specs}
    for spec in specs:
        text = texts.get(spec.name)
        if text is None:
            found.append(f"{where}: fields.{prefix}{spec.name}: no label")
        elif spec.type == "list":
            found += _label_problems(where, spec.item, text.item, f"{prefix}{spec.name}.item.")
    found += [f"{where}: fields.{prefix}{name}: label for a field not in the spec"
              for name in sorted(set(texts) - names)]
    return found


@check
def field_labels(content: Content) -> Problems:
    """Every field and item field has a label in every language; no label for unknown fields."""
    found = []
    for eid, spec in content.specs.items():
        for lang in content.languages:
            text = content.texts.get((eid, lang))
            if text is not None:
                found += _label_problems(f"{lang}/cards/{eid}.yaml", spec.fields, text.fields, "")
    return found


@check
def quizzes(content: Content) -> Problems:
    """quiz/session<N>.yaml (3–5 questions, the correct option among the options) agrees with
    <lang>/quiz/session<N>.yaml (a title, and texts for every question and option)."""
    from ekokit.content.readings import QUIZ_SESSIONS

    found = []
    for session in QUIZ_SESSIONS:
        where = f"quiz/session{session}.yaml"
        try:
            specs = (_read(content.data / where) or {})["questions"]
        except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
            found.append(f"{where}: {_error(exc)}")
            continue
        if not 3 <= len(specs) <= 5:
            found.append(f"{where}: questions: {len(specs)}, expected 3–5")
        ids = [str(q.get("id")) for q in specs]
        if len(ids) != len(set(ids)):
            found.append(f"{where}: questions: duplicate ids")
        for q in specs:
            options = q.get("options") or []
            if len(options) < 2:
                found.append(f"{where}: {q.get('id')}: fewer than two options")
            if q.get("correct") not in options:
                found.append(f"{where}: {q.get('id')}.correct: {q.get('correct')!r} is not "
                             f"an option")
        for lang in content.languages:
            lwhere = f"{lang}/quiz/session{session}.yaml"
            try:
                texts = _read(content.data / lwhere) or {}
            except (OSError, yaml.YAMLError) as exc:
                found.append(f"{lwhere}: {_error(exc)}")
                continue
            if not str(texts.get("title") or "").strip():
                found.append(f"{lwhere}: title: missing")
            questions = texts.get("questions") or {}
            found += [f"{lwhere}: questions.{qid}: not in {where}"
                      for qid in sorted(set(questions) - set(ids))]
            for q in specs:
                text = questions.get(q.get("id"))
                key = f"{lwhere}: questions.{q.get('id')}"
                if not isinstance(text, dict):
                    found.append(f"{key}: no text")
                    continue
                for part in ("text", "explanation"):
                    if not str(text.get(part) or "").strip():
                        found.append(f"{key}.{part}: missing")
                option_texts = text.get("options") or {}
                for oid in q.get("options") or []:
                    if not str(option_texts.get(oid) or "").strip():
                        found.append(f"{key}.options.{oid}: no text")
                found += [f"{key}.options.{oid}: not an option in {where}"
                          for oid in sorted(set(option_texts) - set(q.get("options") or []))]
    return found


URL = re.compile(r"https?://\S+")
SOURCES_HEADING = {"fi": "### Lähteitä", "en": "### Sources", "sv": "### Källor"}


@check
def concepts(content: Content) -> Problems:
    """Every concept of ekokit.content.readings.CONCEPTS has a text in every language (a ``## ``
    heading, 150–600 words, a sources heading with a URL), and there are no other concept files."""
    from ekokit.content.readings import CONCEPTS

    found = []
    for lang in content.languages:
        folder = content.data / lang / "concepts"
        found += [f"{lang}/concepts/{p.name}: not a concept of ekokit.content.readings.CONCEPTS"
                  for p in sorted(folder.glob("*.md")) if p.stem not in CONCEPTS]
        for cid in CONCEPTS:
            path = folder / f"{cid}.md"
            where = content.rel(path)
            if not path.is_file():
                found.append(f"{where}: missing")
                continue
            text = path.read_text(encoding="utf-8")
            words = len(text.split())
            heading = SOURCES_HEADING.get(lang, "### ")
            if not text.startswith("## "):
                found.append(f"{where}: does not start with a '## ' heading")
            if not 150 <= words <= 600:
                found.append(f"{where}: {words} words, expected 150–600")
            if heading not in text or not URL.search(text.split(heading, 1)[1]):
                found.append(f"{where}: no {heading!r} section with a URL")
    return found


@check
def glossary(content: Content) -> Problems:
    """The glossary has the same ids, in the same order, in every language; every entry has a
    term and a definition."""
    found, ids = [], {}
    for lang in content.languages:
        where = f"{lang}/glossary.yaml"
        try:
            raw = _read(content.data / where) or {}
        except (OSError, yaml.YAMLError) as exc:
            found.append(f"{where}: {_error(exc)}")
            continue
        ids[lang] = [str(k) for k in raw]
        for key, entry in raw.items():
            if not isinstance(entry, dict) or not all(
                    str(entry.get(part) or "").strip() for part in ("term", "definition")):
                found.append(f"{where}: {key}: needs a term and a definition")
    first = content.languages[0]
    for lang, own in ids.items():
        if lang == first or first not in ids or own == ids[first]:
            continue
        missing, extra = sorted(set(ids[first]) - set(own)), sorted(set(own) - set(ids[first]))
        if missing:
            found.append(f"{lang}/glossary.yaml: missing {missing}")
        if extra:
            found.append(f"{lang}/glossary.yaml: not in {first}: {extra}")
        if not missing and not extra:
            found.append(f"{lang}/glossary.yaml: ids in another order than in {first}")
    return found


SESSION_NOTEBOOK = re.compile(r"^(\d\d)_[a-z0-9_]+\.ipynb$")


@check
def calendar_notebooks(content: Content) -> Problems:
    """Each calendar session names a notebook ``NN_name.ipynb`` (NN its session number), and every
    session notebook in notebooks/ is named in the calendar. A named notebook that is not written
    yet is not a problem (the landing page shows only existing notebooks as live): see
    :func:`notices`."""
    from ekokit.content.calendar import calendar

    try:
        sessions = calendar().sessions
    except (OSError, ValueError, yaml.YAMLError) as exc:
        return [f"calendar.yaml: {_error(exc)}"]
    found, named = [], set()
    for session in sessions:
        named.add(session.notebook)
        match = SESSION_NOTEBOOK.match(session.notebook)
        if not match or int(match.group(1)) != int(session.id):
            found.append(f"calendar.yaml: sessions.{session.id}.notebook: {session.notebook!r} "
                         f"is not {int(session.id):02d}_<name>.ipynb")
    for path in sorted(content.notebooks.glob("*.ipynb")):
        match = SESSION_NOTEBOOK.match(path.name)
        if match and int(match.group(1)) > 0 and path.name not in named:
            found.append(f"calendar.yaml: sessions: no session names notebooks/{path.name}")
    return found


@check
def charts(content: Content) -> Problems:
    """Every ``chart:`` is registered in ekokit.charts, and the fields the chart reads
    (``READS``: ``"actors"``, ``"actors.ring"``) exist in the exercise's spec."""
    from ekokit.charts import CHARTS, READS

    found = []
    for eid, spec in content.specs.items():
        if spec.chart not in CHARTS:
            found.append(f"exercises/{eid}.yaml: chart: {spec.chart!r} is not a registered chart "
                         f"(known: {', '.join(sorted(CHARTS))})")
            continue
        paths = {where for where, _ in _walk(spec.fields)}
        found += [f"exercises/{eid}.yaml: fields: no field {read!r}, which chart {spec.chart!r} "
                  f"reads" for read in READS.get(spec.chart, ()) if read not in paths]
    return found


@check
def field_types(_content: Content) -> Problems:
    """The field types agree: declared (FieldType), modelled (ekokit.model.fields) and edited
    (ekokit.widgets.editors.EDITORS)."""
    from ekokit.model.fields import declared_types, registered_types
    from ekokit.widgets import form  # noqa: F401  (registers the list editor)
    from ekokit.widgets.editors import EDITORS

    declared = declared_types()
    found = []
    for where, known in (("ekokit.model.fields", registered_types()),
                         ("ekokit.widgets.editors.EDITORS", set(EDITORS))):
        if known - declared:
            found.append(f"{where}: types not in FieldType: {sorted(known - declared)}")
        if declared - known:
            found.append(f"{where}: no entry for the types {sorted(declared - known)}")
    return found


@check
def example_covers(content: Content) -> Problems:
    """The worked example (examples/demo_team/) has an answer for every exercise, and only for
    exercises."""
    from ekokit.content.example import example_exercise_ids

    have = example_exercise_ids(content.data / "examples" / "demo_team")
    return ([f"examples/demo_team/{eid}.yaml: missing (every exercise has a demo answer)"
             for eid in sorted(content.exercise_ids - have)]
            + [f"examples/demo_team/{eid}.yaml: not an exercise"
               for eid in sorted(have - content.exercise_ids)])


@check
def example_answers(content: Content) -> Problems:
    """The worked example loads, and each exercise's latest demo answer validates and is
    complete (every required field filled)."""
    from ekokit.content.example import example_workbook
    from ekokit.model import answers

    try:
        book = example_workbook(content.data / "examples" / "demo_team")
    except WorkbookError as exc:
        return [f"examples/demo_team: {_error(exc)}"]
    found = []
    for eid, records in book["exercises"].items():
        exercise = content.exercises.get(eid)
        if exercise is None or not _vocabularies_known(exercise.spec, content):
            continue  # exercises_load or vocabularies_exist reports it
        where = f"examples/demo_team/{eid}.yaml: revision {len(records)}"
        try:
            data = answers.validate(exercise, records[-1]["data"])
        except answers.AnswerInvalid as exc:
            found.append(f"{where}: {exc}")
            continue
        missing = [".".join(map(str, p)) for p in answers.missing_required(exercise, data)]
        if missing:
            found.append(f"{where}: required fields empty: {missing}")
    return found


# -- running -----------------------------------------------------------------------------------
@contextlib.contextmanager
def _reading(data: Path | None) -> Iterator[Path]:
    if data is None:
        yield data_dir()
    else:
        with using_data(Path(data).resolve()) as folder:
            yield folder


def run_checks(data: Path | None = None, notebooks: Path | None = None) -> dict[str, Problems]:
    """Every check's problems, by check name, for the data folder ``data`` (default: the kit's)."""
    with _reading(data) as folder:
        content = Content(folder, Path(notebooks) if notebooks else notebooks_dir())
        results = {}
        for name, fn in CHECKS.items():
            try:
                results[name] = fn(content)
            except Exception as exc:  # noqa: BLE001 (a check tripping over broken content reports it)
                results[name] = [f"{name}: could not run: {_error(exc)}"]
        return results


def problems(data: Path | None = None, notebooks: Path | None = None) -> Problems:
    """Everything wrong with the content, as readable lines; empty when all is well."""
    return [line for lines in run_checks(data, notebooks).values() for line in lines]


def notices(data: Path | None = None, notebooks: Path | None = None) -> list[str]:
    """What is fine but worth knowing: calendar sessions whose notebook is not written yet."""
    from ekokit.content.calendar import calendar

    folder = Path(notebooks) if notebooks else notebooks_dir()
    with _reading(data), contextlib.suppress(OSError, ValueError, yaml.YAMLError):
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


if __name__ == "__main__":
    sys.exit(main())
