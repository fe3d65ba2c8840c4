"""Checks across languages: the UI catalogues have the same keys and placeholders, the keys the
code builds from the content exist, every field has its label."""

from __future__ import annotations

import contextlib
import string

from ekokit.content.exercises import FieldSpec
from ekokit.errors import CalendarError
from ekokit.validate._base import Content, Problems


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


def ui_key_families(content: Content) -> Problems:
    """Keys the code builds from the content: a title per calendar session, a facilitator heading
    per exercise session, a word per progress state."""
    from ekokit.content.calendar import calendar

    first = content.languages[0]
    messages = content.catalogue(first)
    wanted = {f"progress.{state}" for state in ("done", "started", "open")}
    with contextlib.suppress(CalendarError):  # calendar_notebooks reports it
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


def field_labels(content: Content) -> Problems:
    """Every field and item field has a label in every language; no label for unknown fields
    (a reflection's labels are its reading's questions: ``reading_checks.reflections``)."""
    found = []
    for eid, spec in content.specs.items():
        if spec.kind == "reflection":
            continue
        for lang in content.languages:
            text = content.texts.get((eid, lang))
            if text is not None:
                found += _label_problems(f"{lang}/cards/{eid}.yaml", spec.fields, text.fields, "")
    return found
