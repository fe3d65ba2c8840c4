"""Checks of the exercises themselves: specs and card texts load and agree, related exercises
exist, vocabularies exist and have their labels."""

from __future__ import annotations

import contextlib

import yaml

from ekokit.validate._base import Content, Problems, read_yaml, walk


def exercises_load(content: Content) -> Problems:
    """Every spec and card text parses; every spec has a card text in every language and every
    card text a spec (a reflection has none: its texts come from its reading)."""
    found = []
    specs, texts = content.specs, content.texts
    for eid, spec in specs.items():
        for lang in content.languages:
            path = content.data / lang / "cards" / f"{eid}.yaml"
            if spec.kind == "reflection":
                if path.is_file():
                    found.append(f"{content.rel(path)}: exercises/{eid}.yaml is a reflection: its "
                                 f"texts are the questions of its reading, not a card")
            elif (eid, lang) not in texts and not path.is_file():
                found.append(f"{content.rel(path)}: missing (exercises/{eid}.yaml has no text)")
    for eid, lang in texts:
        if eid not in specs and not (content.data / "exercises" / f"{eid}.yaml").is_file():
            found.append(f"{lang}/cards/{eid}.yaml: no spec exercises/{eid}.yaml")
    return content.load_errors + found


def related_exist(content: Content) -> Problems:
    return [f"exercises/{eid}.yaml: related: {rel!r} is not an exercise"
            for eid, spec in content.specs.items() for rel in spec.related
            if rel not in content.exercise_ids]


def copy_sources(content: Content) -> Problems:
    """Every ``copy_from`` names an exercise and fields that exist on both sides: the target
    field in this spec, the source field in the source's spec, and list item fields likewise."""
    found = []
    for eid, spec in content.specs.items():
        own = {f.name: f for f in spec.fields}
        for source in spec.copy_from:
            where = f"exercises/{eid}.yaml: copy_from {source.exercise}"
            other = content.specs.get(source.exercise)
            if other is None:
                found.append(f"{where}: not an exercise")
                continue
            theirs = {f.name: f for f in other.fields}
            for target, rule in source.rules().items():
                if target not in own:
                    found.append(f"{where}: no field {target!r} in this exercise")
                if rule.source not in theirs:
                    found.append(f"{where}: no field {rule.source!r} in {source.exercise}")
                elif target in own and rule.items:
                    mine_items = {f.name for f in own[target].item}
                    their_items = {f.name for f in theirs[rule.source].item}
                    found += [f"{where}: {target}.items: {t!r} ← {s!r} is not an item field"
                              for t, s in rule.items
                              if t not in mine_items or s not in their_items]
    return found


def vocabularies_exist(content: Content) -> Problems:
    """Every ``vocab:`` and ``scale:`` names a vocabulary; a scale's ids are its numbers."""
    vocabs = content.vocabularies
    found = list(content.vocab_errors)
    for eid, spec in content.specs.items():
        for where, fs in walk(spec.fields):
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


def vocabulary_labels(content: Content) -> Problems:
    """Every vocabulary has a label for each id in every language, and no other labels."""
    from ekokit.content.vocab import vocab_labels

    found = []
    vocabs = content.vocabularies
    first = content.languages[0]
    home = {}  # vocabulary → the file of the first language that labels it
    for path in sorted((content.data / first / "vocab").glob("*.yaml")):
        with contextlib.suppress(OSError, AttributeError, yaml.YAMLError):
            home.update(dict.fromkeys(read_yaml(path) or {}, path.name))
    for lang in content.languages:
        labels = vocab_labels(lang)
        for name, ids in vocabs.items():
            own = labels.get(name)
            where = f"{lang}/vocab/{home.get(name, '')}"
            if own is None:
                found.append(f"{where}: {name}: no labels" + (
                    f" (shown in {first} until then)" if lang != first else ""))
                continue
            missing = [i for i in ids if not str(own.get(i, "")).strip()]
            extra = sorted(set(own) - set(ids))
            if missing:
                found.append(f"{where}: {name}: no label for {missing}")
            if extra:
                found.append(f"{where}: {name}: labels for unknown ids {extra}")
        for name in sorted(set(labels) - set(vocabs)):
            found.append(f"{lang}/vocab/: {name}: labels for a vocabulary not in vocab/")
    return found
