"""The field types of an answer, in one registry: each type's model annotation and its value as
text. The form's half of the registry (one editor per type) is :mod:`ekokit.widgets.editors`;
``ekokit validate`` checks that both halves know the same types.

Adding a field type: add it to ``FieldType`` in :mod:`ekokit.content.exercises`, register a
:class:`FieldKind` here and an editor in the widgets registry."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from ekokit.content.exercises import FieldSpec, FieldType
from ekokit.content.i18n import t
from ekokit.content.vocab import label, vocabularies

# (type, default) of a field; a list field builds its row model with the callback.
ModelFn = Callable[[FieldSpec, Callable[[FieldSpec], Any]], tuple[Any, Any]]
TextFn = Callable[[FieldSpec, Any, str], str]


@dataclass(frozen=True)
class FieldKind:
    """What the model layer knows of one field type."""

    name: str
    model: ModelFn
    text: TextFn
    ranged: bool = False  # min/max bound the value (int, scores)
    counted: bool = False  # min_items/max_items count its entries (list, textlist, multichoice)


FIELD_KINDS: dict[str, FieldKind] = {}

# Characters a store cannot keep as text or a report cannot show: NUL and the other C0 controls
# but tab, newline and carriage return, and lone surrogates (half of a broken emoji pasted from
# somewhere): PostgreSQL refuses NUL, UTF-8 refuses a lone surrogate, so a save would fail
# later, with the status already saying "saved". They are refused as the user types instead.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` unchanged, or a field error ("invalid.unstorable")."""
    if _UNSTORABLE.search(text):
        raise PydanticCustomError("unstorable_text", "a character that cannot be stored")
    return text


Text = AfterValidator(storable)


def _kind(name: str, text: TextFn, *, ranged: bool = False, counted: bool = False):
    def decorate(model: ModelFn) -> ModelFn:
        FIELD_KINDS[name] = FieldKind(name, model, text, ranged, counted)
        return model

    return decorate


def _literal(vocab: str | None) -> Any:
    return Literal[vocabularies()[vocab or ""]]


def _plain(_spec: FieldSpec, value: Any, _lang: str) -> str:
    return str(value).strip()


def _choice(spec: FieldSpec, value: Any, lang: str) -> str:
    return label(spec.vocab or "", str(value), lang)


def _choices(spec: FieldSpec, value: Any, lang: str) -> str:
    return ", ".join(label(spec.vocab or "", str(v), lang) for v in value)


def _bool(_spec: FieldSpec, value: Any, lang: str) -> str:
    return t("form.yes" if value else "form.no", lang)


def _lines(_spec: FieldSpec, value: Any, _lang: str) -> str:
    return "; ".join(str(v).strip() for v in value if str(v).strip())


def _scores(spec: FieldSpec, value: Any, lang: str) -> str:
    return ", ".join(f"{label(spec.vocab or '', str(k), lang)} {v}" for k, v in value.items())


def _rows(spec: FieldSpec, value: Any, lang: str) -> str:
    rows = []
    for row in value:
        cells = [display_value(item, (row or {}).get(item.name), lang) for item in spec.item]
        rows.append(", ".join(cell for cell in cells if cell))
    return " | ".join(rows)


@_kind("text", _plain)
def _text_model(spec, _row):
    return Annotated[str, Field(max_length=spec.limit), Text], ""


@_kind("longtext", _plain)
def _longtext_model(spec, _row):
    return Annotated[str, Field(max_length=spec.limit), Text], ""


@_kind("int", _plain, ranged=True)
def _int_model(spec, _row):
    return Annotated[int, Field(ge=spec.min, le=spec.max)] | None, None


@_kind("choice", _choice)
def _choice_model(spec, _row):
    return _literal(spec.vocab) | None, None


@_kind("multichoice", _choices, counted=True)
def _multichoice_model(spec, _row):
    return Annotated[list[_literal(spec.vocab)], Field(max_length=spec.max_items)], []


@_kind("bool", _bool)
def _bool_model(_spec, _row):
    return bool, False


@_kind("date", _plain)
def _date_model(_spec, _row):
    return dt.date | None, None


@_kind("textlist", _lines, counted=True)
def _textlist_model(spec, _row):
    item = Annotated[str, Field(max_length=spec.limit), Text]
    return Annotated[list[item], Field(max_length=spec.max_items)], []


@_kind("scores", _scores, ranged=True)
def _scores_model(spec, _row):
    score = Annotated[int, Field(ge=spec.min, le=spec.max)]
    return dict[_literal(spec.vocab), score], {}


@_kind("list", _rows, counted=True)
def _list_model(spec, row):
    return Annotated[list[row(spec)], Field(max_length=spec.max_items)], []


def kind(spec: FieldSpec) -> FieldKind:
    return FIELD_KINDS[spec.type]


def is_empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or (
        isinstance(value, str) and not value.strip())


def display_value(spec: FieldSpec, value: Any, lang: str) -> str:
    """A field's value as one line of plain text (not escaped); '' when it is empty. The one
    value-to-text rule of the kit: answer tables, the summary chart and the reports use it."""
    if is_empty(value):
        return ""
    return kind(spec).text(spec, value, lang)


def registered_types() -> set[str]:
    return set(FIELD_KINDS)


def declared_types() -> set[str]:
    return set(get_args(FieldType))
