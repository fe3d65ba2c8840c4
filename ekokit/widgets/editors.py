"""The form's half of the field-type registry: one editor per field type.

An editor is made with its value, label, classes and shared layout/style models at construction,
so opening a filled exercise sends no updates; its error line is made only when there is an
error. Every input carries ``ek-field-<name>``. The model's half is :mod:`ekokit.model.fields`."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any, Protocol

import ipywidgets as w

from ekokit.content.exercises import Exercise, FieldSpec
from ekokit.content.i18n import Translator
from ekokit.content.vocab import vocabularies
from ekokit.widgets.shared_models import html as html_widget
from ekokit.widgets.shared_models import shared, vbox

Listener = Callable[[], None]
UNSET = ""  # the "— choose —" option of a dropdown


class Editor(Protocol):
    widget: w.Widget

    @property
    def value(self) -> Any: ...

    def show_error(self, message: str) -> None: ...


def error_html(message: str) -> str:
    return f'<span class="ek-error-text" role="alert">{html.escape(message)}</span>'


class Labelled:
    """A field's box: its input, its help line, and an error line made on the first error."""

    def __init__(self, spec: FieldSpec, parts: list[w.Widget], help_text: str,
                 *classes: str) -> None:
        if help_text:
            parts.append(html_widget(f'<span class="ek-help">{html.escape(help_text)}</span>'))
        self.error: w.HTML | None = None
        self.widget = vbox(parts, "ek-field", *classes)

    def show_error(self, message: str) -> None:
        if self.error is None:
            if not message:
                return
            self.error = html_widget(error_html(message), "ek-error")
            self.widget.children = (*self.widget.children, self.error)
        elif self.error.value != (new := error_html(message) if message else ""):
            self.error.value = new


def _options(vocab: str | None, tr: Translator) -> list[tuple[str, str]]:
    return [(tr.label(vocab or "", i), i) for i in vocabularies()[vocab or ""]]


def _dropdown(options: list[tuple[str, Any]], value: Any, label: str, tr: Translator,
              *classes: str) -> w.Dropdown:
    options = [(tr("form.choose"), UNSET), *options]
    known = {v for _, v in options}
    return w.Dropdown(options=options, value=value if value in known and value is not None
                      else UNSET, description=label, layout=shared("layout_wide"),
                      style=shared("description"), _dom_classes=classes)


class InputEditor(Labelled):
    """One input widget for a one-value field."""

    def __init__(self, spec: FieldSpec, value: Any, label: str, help_text: str,
                 tr: Translator, on_change: Listener, *, exercise: Exercise) -> None:
        self.spec = spec
        classes = (f"ek-field-{spec.name}", "ek-input")
        self.input = _INPUTS[spec.type](spec, value, label, tr, classes)
        self.input.observe(lambda _change: on_change(), names="value")
        super().__init__(spec, [self.input], help_text)

    @property
    def value(self) -> Any:
        raw = self.input.value
        kind = self.spec.type
        if kind == "textlist":
            return [line.strip() for line in (raw or "").splitlines() if line.strip()]
        if kind == "date":
            return raw.isoformat() if raw else None
        if kind in ("int", "choice"):
            return None if raw == UNSET else raw
        return raw


def _text(spec, value, label, _tr, classes):
    return w.Text(value=value or "", description=label, continuous_update=True,
                  layout=shared("layout_wide"), style=shared("text"), _dom_classes=classes)


def _textarea(spec, value, label, _tr, classes):
    if spec.type == "textlist":
        value = "\n".join(value or [])
    return w.Textarea(value=value or "", description=label, continuous_update=True,
                      rows=3 if spec.type == "textlist" else 4, layout=shared("layout_wide"),
                      style=shared("text"), _dom_classes=classes)


def _int(spec, value, label, tr, classes):
    numbers = [(str(n), n) for n in range(spec.min, spec.max + 1)]
    return _dropdown(numbers, value, label, tr, *classes)


def _choice(spec, value, label, tr, classes):
    return _dropdown(_options(spec.vocab, tr), value, label, tr, *classes)


def _multichoice(spec, value, label, tr, classes):
    """A long list as a multi-select showing every option (nothing scrolls out of sight)."""
    options = _options(spec.vocab, tr)
    known = {v for _, v in options}
    return w.SelectMultiple(options=options, value=tuple(v for v in value or [] if v in known),
                            rows=len(options), description=label,
                            layout=shared("layout_wide"), style=shared("description"),
                            _dom_classes=classes)


FEW = 8  # up to this many options, a choice of several is a group of checkboxes


class ChoicesEditor(Labelled):
    """A choice of several among a few options: one labelled checkbox per option (a plain click,
    no Ctrl-click); a longer list is a multi-select with a hint on how to choose several."""

    def __init__(self, spec: FieldSpec, value: Any, label: str, help_text: str,
                 tr: Translator, on_change: Listener, *, exercise: Exercise) -> None:
        self.spec = spec
        options = _options(spec.vocab, tr)
        chosen = set(value or [])
        if len(options) > FEW:
            self.input: w.Widget | None = _multichoice(spec, value, label, tr,
                                                       (f"ek-field-{spec.name}", "ek-input"))
            self.input.observe(lambda _c: on_change(), names="value")
            hint = f"{help_text} {tr('form.multi_hint')}".strip()
            super().__init__(spec, [self.input], hint)
            return
        self.input = None
        self.boxes = {item: w.Checkbox(value=item in chosen, description=text, indent=False,
                                       layout=shared("layout"), style=shared("checkbox"),
                                       _dom_classes=(f"ek-field-{spec.name}-{item}",))
                      for text, item in options}
        for box in self.boxes.values():
            box.observe(lambda _c: on_change(), names="value")
        heading = html_widget(f'<span class="ek-group-label">{html.escape(label)}</span>')
        super().__init__(spec, [heading, *self.boxes.values()], help_text, "ek-choices",
                         f"ek-field-{spec.name}")

    @property
    def value(self) -> list[str]:
        if self.input is not None:
            return list(self.input.value)
        return [item for item, box in self.boxes.items() if box.value]


def _bool(_spec, value, label, _tr, classes):
    return w.Checkbox(value=bool(value), indent=False, description=label,
                      layout=shared("layout"), style=shared("checkbox"), _dom_classes=classes)


def _date(_spec, value, label, _tr, classes):
    return w.DatePicker(value=dt.date.fromisoformat(value) if value else None,
                        description=label, layout=shared("layout_wide"),
                        style=shared("description"), _dom_classes=classes)


_INPUTS: dict[str, Callable[..., w.Widget]] = {
    "text": _text, "longtext": _textarea, "textlist": _textarea, "int": _int,
    "choice": _choice, "multichoice": _multichoice, "bool": _bool, "date": _date,
}


class ScoresEditor(Labelled):
    """A rating per vocabulary item, each a dropdown (sliders have no accessible name)."""

    def __init__(self, spec: FieldSpec, value: Any, label: str, help_text: str,
                 tr: Translator, on_change: Listener, *, exercise: Exercise) -> None:
        self.spec = spec
        levels = [(tr.label(spec.scale, str(n)) if spec.scale else str(n), n)
                  for n in range(spec.min or 0, (spec.max or 0) + 1)]
        self.inputs: dict[str, w.Dropdown] = {}
        for item in vocabularies()[spec.vocab or ""]:
            box = _dropdown(levels, (value or {}).get(item), tr.label(spec.vocab or "", item),
                            tr, f"ek-field-{spec.name}-{item}")
            box.observe(lambda _c: on_change(), names="value")
            self.inputs[item] = box
        heading = html_widget(f'<span class="ek-group-label">{html.escape(label)}</span>')
        super().__init__(spec, [heading, *self.inputs.values()], help_text,
                         f"ek-field-{spec.name}")

    @property
    def value(self) -> dict[str, int]:
        return {k: box.value for k, box in self.inputs.items() if box.value != UNSET}


# (spec, value, label, help, translator, on_change, exercise=…) → editor
EditorFactory = Callable[..., Editor]
EDITORS: dict[str, EditorFactory] = dict.fromkeys(_INPUTS, InputEditor)
EDITORS["scores"] = ScoresEditor
EDITORS["multichoice"] = ChoicesEditor
# "list" is registered by ekokit.widgets.form: its rows are forms themselves.
