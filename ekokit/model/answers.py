"""Answer models: a pydantic model per exercise, generated from the card's field specs.

Saving accepts drafts (required fields may still be empty: the exercise is then "in progress"),
but never a structurally invalid answer (too long, out of range, unknown choice, duplicate)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, model_validator

from ekokit.content.exercises import Exercise, ExerciseSpec, FieldSpec
from ekokit.content.vocab import vocabularies

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an answer: where (field path), what (message key) and its params."""

    path: Path
    key: str
    params: dict[str, Any] = field(default_factory=dict)


class AnswerInvalid(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, p.path))}: {p.key}" for p in problems))
        self.problems = problems


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _literal(vocab: str) -> Any:
    return Literal[vocabularies()[vocab]]  # type: ignore[valid-type]


def _annotation(spec: FieldSpec, owner: str) -> tuple[Any, Any]:
    """(type, default) of one field."""
    kind = spec.type
    if kind in ("text", "longtext"):
        return Annotated[str, Field(max_length=spec.limit)], ""
    if kind == "int":
        return Annotated[int, Field(ge=spec.min, le=spec.max)] | None, None
    if kind == "choice":
        return _literal(spec.vocab) | None, None
    if kind == "multichoice":
        return Annotated[list[_literal(spec.vocab)], Field(max_length=spec.max_items)], []
    if kind == "bool":
        return bool, False
    if kind == "date":
        return dt.date | None, None
    if kind == "textlist":
        item = Annotated[str, Field(max_length=spec.limit)]
        return Annotated[list[item], Field(max_length=spec.max_items)], []
    if kind == "scores":
        score = Annotated[int, Field(ge=spec.min, le=spec.max)]
        return dict[_literal(spec.vocab), score], {}
    if kind == "list":
        sub = _build(f"{owner}_{spec.name}", spec.item)
        return Annotated[list[sub], Field(max_length=spec.max_items)], []
    raise ValueError(kind)  # pragma: no cover - FieldSpec's Literal forbids it


def _unique_checker(fields: tuple[FieldSpec, ...]):
    uniques = [(f.name, f.unique) for f in fields if f.type == "list" and f.unique]

    def check(self):
        for list_name, key in uniques:
            seen: set[str] = set()
            for index, row in enumerate(getattr(self, list_name)):
                value = str(getattr(row, key) or "").strip().casefold()
                if value and value in seen:
                    raise ValueError(f"duplicate|{list_name}|{index}|{key}|{getattr(row, key)}")
                seen.add(value)
        return self

    return check


def _build(name: str, fields: tuple[FieldSpec, ...]):
    definitions = {f.name: _annotation(f, name) for f in fields}
    validators = {"_unique": model_validator(mode="after")(_unique_checker(fields))}
    return create_model(name, __base__=_Strict, __validators__=validators, **definitions)


@functools.cache
def _model_for(spec: ExerciseSpec) -> type[BaseModel]:
    return _build(f"Answer_{spec.id}", spec.fields)


def answer_model(exercise: Exercise) -> type[BaseModel]:
    """The pydantic model of this exercise's answer."""
    return _model_for(exercise.spec)


_KEYS = {
    "string_too_long": "invalid.too_long",
    "too_long": "invalid.too_many",
    "less_than_equal": "invalid.range",
    "greater_than_equal": "invalid.range",
    "literal_error": "invalid.choice",
    "int_parsing": "invalid.number",
    "int_type": "invalid.number",
    "int_from_float": "invalid.number",
    "date_parsing": "invalid.date",
    "date_from_datetime_parsing": "invalid.date",
    "date_type": "invalid.date",
    "extra_forbidden": "invalid.unknown_field",
}


def _problems(exc: ValidationError, spec: ExerciseSpec) -> list[Problem]:
    problems = []
    for err in exc.errors():
        path = tuple(err["loc"])
        message = str(err.get("msg", ""))
        if "duplicate|" in message:
            list_name, index, key, value = message.split("duplicate|", 1)[1].split("|", 3)
            problems.append(Problem(path + (list_name, int(index), key), "invalid.duplicate",
                                    {"value": value}))
            continue
        ctx = err.get("ctx") or {}
        params = {"max": ctx.get("max_length", ctx.get("le")), "min": ctx.get("ge")}
        limits = _limits(spec, path)
        params.update({k: v for k, v in limits.items() if v is not None})
        problems.append(Problem(path, _KEYS.get(err["type"], "invalid.generic"), params))
    return problems


def _limits(spec: ExerciseSpec, path: Path) -> dict[str, Any]:
    node: FieldSpec | None = None
    fields = spec.fields
    for part in path:
        if isinstance(part, int):
            continue
        node = next((f for f in fields if f.name == part), None)
        if node is None:
            break
        fields = node.item
    if node is None:
        return {}
    return {"min": node.min, "max": node.max if node.type in ("int", "scores") else node.limit}


def validate(exercise: Exercise, data: dict[str, Any]) -> dict[str, Any]:
    """Validate a draft answer; return it as plain JSON-ready data or raise AnswerInvalid."""
    try:
        model = answer_model(exercise).model_validate(data)
    except ValidationError as exc:
        raise AnswerInvalid(_problems(exc, exercise.spec)) from None
    return model.model_dump(mode="json")


def empty_answer(exercise: Exercise) -> dict[str, Any]:
    return answer_model(exercise)().model_dump(mode="json")


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {} or (
        isinstance(value, str) and not value.strip()
    )


def missing_required(exercise: Exercise, data: dict[str, Any]) -> list[Path]:
    """Paths of required fields (and required item fields of list rows) still empty."""
    missing: list[Path] = []

    def walk(fields: tuple[FieldSpec, ...], values: dict[str, Any], prefix: Path) -> None:
        for spec in fields:
            value = values.get(spec.name)
            if spec.required and _is_empty(value):
                missing.append(prefix + (spec.name,))
            if spec.type == "list" and isinstance(value, list):
                if spec.min_items and len(value) < spec.min_items and not _is_empty(value):
                    missing.append(prefix + (spec.name,))
                for index, row in enumerate(value):
                    walk(spec.item, row or {}, prefix + (spec.name, index))
            elif (spec.type in ("textlist", "multichoice") and spec.min_items
                  and isinstance(value, list) and 0 < len(value) < spec.min_items):
                missing.append(prefix + (spec.name,))

    walk(exercise.spec.fields, data, ())
    return missing


def is_complete(exercise: Exercise, data: dict[str, Any] | None) -> bool:
    return bool(data) and not missing_required(exercise, data)
