"""Earlier work carried forward: a later exercise can start from what the team saved in an
earlier one (``copy_from:`` in its spec). Copying fills only fields that are still empty; what
the team already wrote is never overwritten, and the earlier answer is only read."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ekokit.content.exercises import CopyRule, CopySource, Exercise, FieldSpec
from ekokit.model.answers import AnswerInvalid, validate
from ekokit.model.fields import is_empty


@dataclass(frozen=True)
class Carried:
    """The answer after copying, and the names of the fields that were filled."""

    data: dict[str, Any]
    filled: tuple[str, ...]


def _row(row: Mapping[str, Any], rule: CopyRule, target: FieldSpec) -> dict[str, Any]:
    names = {item.name for item in target.item}
    mapping = dict(rule.items) or {name: name for name in names}
    return {t: row.get(s) for t, s in mapping.items() if t in names and not is_empty(row.get(s))}


def _value(source: Mapping[str, Any], rule: CopyRule, target: FieldSpec) -> Any:
    value = source.get(rule.source)
    if rule.lines is not None:  # list rows (or list items) → one line each
        rows = value if isinstance(value, list) else []
        lines = [string.Formatter().vformat(rule.lines, (), _Blank(r if isinstance(r, dict)
                                                                   else {"item": r}))
                 for r in rows]
        text = [line.strip() for line in lines if line.strip()]
        return text if target.type == "textlist" else "\n".join(text)
    if target.type == "list" and isinstance(value, list):
        return [r for r in (_row(row, rule, target) for row in value if isinstance(row, dict))
                if r]
    return value


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def carry(exercise: Exercise, source: CopySource, current: Mapping[str, Any],
          earlier: Mapping[str, Any]) -> Carried:
    """Fill the empty fields of ``current`` from ``earlier`` (the source exercise's answer).
    A field whose copied value the answer model would refuse (too long, too many) is left
    empty rather than cut: nothing is saved that the team did not write."""
    fields = {f.name: f for f in exercise.spec.fields}
    data = dict(current)
    filled: list[str] = []
    for target, rule in source.rules().items():
        spec = fields.get(target)
        if spec is None or not is_empty(data.get(target)):
            continue
        value = _value(earlier, rule, spec)
        if is_empty(value):
            continue
        try:  # the field alone: the team's other, unsaved fields are not judged here
            value = validate(exercise, {target: value})[target]
        except AnswerInvalid:
            continue
        data, filled = {**data, target: value}, [*filled, target]
    return Carried(data, tuple(filled))
