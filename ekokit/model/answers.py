"""Answer models: a pydantic model per exercise, generated from the card's field specs.

Saving accepts drafts (required fields may still be empty: the exercise is then "in progress"),
but never a structurally invalid answer (too long, out of range, unknown choice, duplicate)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from pydantic import BaseModel, ConfigDict, ValidationError, create_model, model_validator

from ekokit.content.exercises import Exercise, ExerciseSpec, FieldSpec
from ekokit.model.fields import is_empty, kind

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


def _unique_checker(fields: tuple[FieldSpec, ...]) -> Callable[[BaseModel], BaseModel]:
    uniques = [(f.name, f.unique) for f in fields if f.type == "list" and f.unique]

    def check(self: BaseModel) -> BaseModel:
        for list_name, key in uniques:
            seen: set[str] = set()
            for index, row in enumerate(getattr(self, list_name)):
                value = str(getattr(row, key) or "").strip().casefold()
                if value and value in seen:
                    raise ValueError(f"duplicate|{list_name}|{index}|{key}|{getattr(row, key)}")
                seen.add(value)
        return self

    return check


def _build(name: str, fields: tuple[FieldSpec, ...]) -> type[BaseModel]:
    def row_model(spec: FieldSpec) -> type[BaseModel]:
        return _build(f"{name}_{spec.name}", spec.item)

    # {field name: (type, default)}. Typed Any because mypy checks a **dict against every keyword
    # of create_model, __config__ and __doc__ included, and a tuple is neither.
    definitions: dict[str, Any] = {f.name: kind(f).model(f, row_model) for f in fields}
    # pydantic documents __validators__ as decorated validators, which are descriptor proxies,
    # not the plain callables its stub names.
    validators = cast(dict[str, Callable[..., Any]],
                      {"_unique": model_validator(mode="after")(_unique_checker(fields))})
    return create_model(name, __base__=_Strict, __validators__=validators, **definitions)


@functools.lru_cache(maxsize=512)
def _model_for(spec: ExerciseSpec) -> type[BaseModel]:
    """Built once per spec *value* (a frozen spec hashes by its content): the same spec read
    again from another data folder (``ekokit validate`` of a copy) reuses its model."""
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
    "unstorable_text": "invalid.unstorable",
    "string_unicode": "invalid.unstorable",
}


def _problems(exc: ValidationError, spec: ExerciseSpec) -> list[Problem]:
    problems = []
    for err in exc.errors():
        path = tuple(err["loc"])
        message = str(err.get("msg", ""))
        if "duplicate|" in message:
            list_name, index, key, value = message.split("duplicate|", 1)[1].split("|", 3)
            problems.append(Problem((*path, list_name, int(index), key), "invalid.duplicate",
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
    return {"min": node.min, "max": node.max if kind(node).ranged else node.limit}


def validate(exercise: Exercise, data: dict[str, Any]) -> dict[str, Any]:
    """Validate a draft answer; return it as plain JSON-ready data or raise AnswerInvalid."""
    try:
        model = answer_model(exercise).model_validate(data)
    except ValidationError as exc:
        raise AnswerInvalid(_problems(exc, exercise.spec)) from None
    return model.model_dump(mode="json")


def empty_answer(exercise: Exercise) -> dict[str, Any]:
    return answer_model(exercise)().model_dump(mode="json")


def missing_required(exercise: Exercise, data: dict[str, Any]) -> list[Path]:
    """Paths of required fields (and required item fields of list rows) still empty."""
    missing: list[Path] = []

    def walk(fields: tuple[FieldSpec, ...], values: dict[str, Any], prefix: Path) -> None:
        for spec in fields:
            value = values.get(spec.name)
            if spec.required and is_empty(value):
                missing.append((*prefix, spec.name))
            if (kind(spec).counted and spec.min_items and isinstance(value, list)
                    and 0 < len(value) < spec.min_items):
                missing.append((*prefix, spec.name))
            if spec.type == "list" and isinstance(value, list):
                for index, row in enumerate(value):
                    walk(spec.item, row or {}, (*prefix, spec.name, index))

    walk(exercise.spec.fields, data, ())
    return missing


def is_complete(exercise: Exercise, data: dict[str, Any]) -> bool:
    """A saved answer with every required field filled (an empty answer is never complete)."""
    return bool(data) and not missing_required(exercise, data)
