"""Cross-checks of all content: ``python -m ekokit.validate`` (also run by the test suite)."""

from __future__ import annotations

import sys

import yaml

from ekokit.content.exercises import FieldSpec, all_exercises, load_exercise
from ekokit.content.i18n import languages
from ekokit.content.vocab import vocab_labels, vocabularies
from ekokit.paths import data_dir


def _field_problems(card_id: str, lang: str, specs, texts, prefix: str) -> list[str]:
    problems = []
    for spec in specs:
        where = f"{card_id} [{lang}] field {prefix}{spec.name}"
        text = texts.get(spec.name)
        if text is None:
            problems.append(f"{where}: no label")
            continue
        if spec.type == "list":
            problems += _field_problems(card_id, lang, spec.item, text.item, f"{spec.name}.")
    return problems


def _vocabs_used(specs: tuple[FieldSpec, ...]) -> set[str]:
    used = set()
    for spec in specs:
        if spec.vocab:
            used.add(spec.vocab)
        used |= _vocabs_used(spec.item)
    return used


def problems() -> list[str]:
    """Everything wrong with the content, as readable lines; empty when all is well."""
    found: list[str] = []
    for path in sorted((data_dir() / "exercises").glob("*.yaml")):
        try:
            load_exercise(path.stem)
        except (OSError, ValueError, yaml.YAMLError) as exc:  # report every broken card
            found.append(f"{path.stem}: {type(exc).__name__}: {exc}")
    if found:
        return found
    exercises = all_exercises()
    ids = {c.id for c in exercises}
    vocabs = vocabularies()
    for exercise in exercises:
        for rel in exercise.spec.related:
            if rel not in ids:
                found.append(f"{exercise.id}: related card {rel!r} does not exist")
        for vocab in _vocabs_used(exercise.spec.fields):
            if vocab not in vocabs:
                found.append(f"{exercise.id}: vocabulary {vocab!r} does not exist")
        for lang in languages():
            texts = exercise.texts[lang]
            found += _field_problems(exercise.id, lang, exercise.spec.fields, texts.fields, "")
            extra = set(texts.fields) - {f.name for f in exercise.spec.fields}
            if extra:
                found.append(f"{exercise.id} [{lang}]: labels for unknown fields {sorted(extra)}")
    for lang in languages():
        labels = vocab_labels(lang)
        for vocab, item_ids in vocabs.items():
            missing = [i for i in item_ids if i not in labels.get(vocab, {})]
            if missing:
                found.append(f"vocabulary {vocab} [{lang}]: no label for {missing}")
    return found


def main() -> int:
    found = problems()
    for line in found:
        print(line)
    print(f"{len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
