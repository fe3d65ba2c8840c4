"""Cross-checks of all content: ``python -m ekokit.validate`` (also run by the test suite)."""

from __future__ import annotations

import sys

import yaml

from ekokit.cards import FieldSpec, all_cards, load_card, vocabularies
from ekokit.i18n import languages, vocab_labels
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
            load_card(path.stem)
        except (OSError, ValueError, yaml.YAMLError) as exc:  # report every broken card
            found.append(f"{path.stem}: {type(exc).__name__}: {exc}")
    if found:
        return found
    cards = all_cards()
    ids = {c.id for c in cards}
    vocabs = vocabularies()
    for card in cards:
        for rel in card.spec.related:
            if rel not in ids:
                found.append(f"{card.id}: related card {rel!r} does not exist")
        for vocab in _vocabs_used(card.spec.fields):
            if vocab not in vocabs:
                found.append(f"{card.id}: vocabulary {vocab!r} does not exist")
        for lang in languages():
            texts = card.texts[lang]
            found += _field_problems(card.id, lang, card.spec.fields, texts.fields, "")
            extra = set(texts.fields) - {f.name for f in card.spec.fields}
            if extra:
                found.append(f"{card.id} [{lang}]: labels for unknown fields {sorted(extra)}")
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
