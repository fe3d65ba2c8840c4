"""The generic form: renders an exercise's field specs as labelled ipywidgets.

Every input carries ``ek-field-<name>``; values go in and out as answer JSON (see answers.py).
Nothing here knows about saving; the exercise view listens to ``on_change``."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ekokit.content.exercises import Exercise, FieldSpec
from ekokit.content.i18n import Translator
from ekokit.content.vocab import vocabularies
from ekokit.model.answers import Path, Problem

Listener = Callable[[], None]
UNSET = ""  # the "— choose —" option of a dropdown
WIDE = w.Layout(width="100%")


class FieldEditor:
    """One labelled input plus its help and error lines."""

    def __init__(self, spec: FieldSpec, label: str, help_text: str, tr: Translator,
                 on_change: Listener) -> None:
        self.spec = spec
        self.tr = tr
        self.input = self._make_input(label)
        self.input.add_class(f"ek-field-{spec.name}")
        self.input.add_class("ek-input")
        self.error = w.HTML("")
        self.error.add_class("ek-error")
        parts = [self.input]
        if help_text:
            hint = w.HTML(f'<span class="ek-help">{html.escape(help_text)}</span>')
            parts.append(hint)
        parts.append(self.error)
        self.widget = w.VBox(parts)
        self.widget.add_class("ek-field")
        self.input.observe(lambda _change: on_change(), names="value")

    # -- construction -------------------------------------------------------------------------
    def _make_input(self, label: str) -> w.Widget:
        spec, tr = self.spec, self.tr
        common = {"description": label, "style": {"description_width": "initial"}}
        if spec.type == "text":
            return w.Text(continuous_update=True, layout=WIDE, **common)
        if spec.type in ("longtext", "textlist"):
            rows = 3 if spec.type == "textlist" else 4
            return w.Textarea(continuous_update=True, rows=rows, layout=WIDE, **common)
        if spec.type == "int":
            options = [(tr("form.choose"), UNSET)] + [
                (str(n), n) for n in range(spec.min, spec.max + 1)
            ]
            return w.Dropdown(options=options, value=UNSET, **common)
        if spec.type == "choice":
            return w.Dropdown(options=[(tr("form.choose"), UNSET)] + self._options(spec.vocab),
                              value=UNSET, **common)
        if spec.type == "multichoice":
            options = self._options(spec.vocab)
            return w.SelectMultiple(options=options, rows=min(6, len(options)), **common)
        if spec.type == "bool":
            return w.Checkbox(value=False, indent=False, description=label)
        if spec.type == "date":
            return w.DatePicker(**common)
        raise ValueError(f"{spec.type} is not a single input")  # pragma: no cover

    def _options(self, vocab: str) -> list[tuple[str, str]]:
        return [(self.tr.label(vocab, i), i) for i in vocabularies()[vocab]]

    # -- values -------------------------------------------------------------------------------
    @property
    def value(self) -> Any:
        raw = self.input.value
        if self.spec.type == "textlist":
            return [line.strip() for line in (raw or "").splitlines() if line.strip()]
        if self.spec.type == "multichoice":
            return list(raw)
        if self.spec.type == "date":
            return raw.isoformat() if raw else None
        if self.spec.type in ("int", "choice"):
            return None if raw == UNSET else raw
        return raw

    @value.setter
    def value(self, data: Any) -> None:
        kind = self.spec.type
        if kind == "textlist":
            data = "\n".join(data or [])
        elif kind == "multichoice":
            data = tuple(v for v in (data or []) if v in vocabularies()[self.spec.vocab])
        elif kind == "date":
            data = dt.date.fromisoformat(data) if data else None
        elif kind in ("text", "longtext"):
            data = data or ""
        elif kind == "bool":
            data = bool(data)
        elif kind in ("int", "choice"):
            known = [value for _, value in self.input.options]
            data = data if data in known and data is not None else UNSET
        self.input.value = data

    def show_error(self, message: str) -> None:
        self.error.value = (
            f'<span class="ek-error-text" role="alert">{html.escape(message)}</span>' if message else ""
        )


class ScoresEditor:
    """A rating (dropdown, not slider: sliders have no accessible name) per vocabulary item."""

    def __init__(self, spec: FieldSpec, label: str, help_text: str, tr: Translator,
                 on_change: Listener) -> None:
        self.spec = spec
        levels: list[tuple[str, Any]] = [(tr("form.choose"), UNSET)]
        for n in range(spec.min, spec.max + 1):
            text = tr.label(spec.scale, str(n)) if spec.scale else str(n)
            levels.append((text, n))
        self.inputs: dict[str, w.Dropdown] = {}
        for item in vocabularies()[spec.vocab]:
            box = w.Dropdown(options=levels, value=UNSET, description=tr.label(spec.vocab, item),
                             style={"description_width": "initial"})
            box.add_class(f"ek-field-{spec.name}-{item}")
            box.observe(lambda _c: on_change(), names="value")
            self.inputs[item] = box
        heading = w.HTML(f'<span class="ek-group-label">{html.escape(label)}</span>')
        self.error = w.HTML("")
        self.error.add_class("ek-error")
        parts = [heading, *self.inputs.values()]
        if help_text:
            parts.insert(1, w.HTML(f'<span class="ek-help">{html.escape(help_text)}</span>'))
        self.widget = w.VBox([*parts, self.error])
        self.widget.add_class("ek-field")
        self.widget.add_class(f"ek-field-{spec.name}")

    @property
    def value(self) -> dict[str, int]:
        return {k: box.value for k, box in self.inputs.items() if box.value != UNSET}

    @value.setter
    def value(self, data: dict[str, int] | None) -> None:
        for key, box in self.inputs.items():
            score = (data or {}).get(key)
            box.value = score if score in [v for _, v in box.options[1:]] else UNSET

    def show_error(self, message: str) -> None:
        self.error.value = (
            f'<span class="ek-error-text" role="alert">{html.escape(message)}</span>' if message else ""
        )


class ListEditor:
    """Rows of item fields with text buttons to add and remove rows."""

    def __init__(self, spec: FieldSpec, card: Exercise, tr: Translator, on_change: Listener) -> None:
        self.spec, self.card, self.tr, self.on_change = spec, card, tr, on_change
        text = card.field_text(tr.lang, spec.name)
        self.label = text.label
        self.rows: list[Form] = []
        self.rows_box = w.VBox([])
        self.add_button = w.Button(description=tr("form.add_row", what=text.label),
                                   layout=w.Layout(width="auto"))
        self.add_button.add_class("ek-add-row")
        self.add_button.add_class(f"ek-add-{spec.name}")
        self.add_button.on_click(lambda _b: self._add(user=True))
        self.error = w.HTML("")
        self.error.add_class("ek-error")
        heading = w.HTML(f'<span class="ek-group-label">{html.escape(text.label)}</span>')
        parts = [heading]
        if text.help:
            parts.append(w.HTML(f'<span class="ek-help">{html.escape(text.help)}</span>'))
        self.widget = w.VBox([*parts, self.rows_box, self.add_button, self.error])
        self.widget.add_class("ek-list")
        self.widget.add_class(f"ek-field-{spec.name}")

    def _add(self, user: bool = False, data: dict | None = None) -> None:
        if self.spec.max_items and len(self.rows) >= self.spec.max_items:
            self.show_error(self.tr("invalid.too_many", max=self.spec.max_items))
            return
        row = Form(self.card, self.tr, self.on_change, fields=self.spec.item,
                   path=(self.spec.name,), show_help=not self.rows)
        if data:
            row.load(data)
        remove = w.Button(description=self.tr("form.remove_row", n=len(self.rows) + 1),
                          layout=w.Layout(width="auto"))
        remove.add_class("ek-remove-row")
        remove.on_click(lambda _b, r=row: self._remove(r))
        row.widget.children = (*row.widget.children, remove)
        row.widget.add_class("ek-row")
        self.rows.append(row)
        self._refresh()
        if user:
            self.on_change()

    def _remove(self, row: Form) -> None:
        self.rows.remove(row)
        self._refresh()
        self.on_change()

    def _refresh(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.widget.children[-1].description = self.tr("form.remove_row", n=number)
        self.rows_box.children = tuple(r.widget for r in self.rows)
        if not self.spec.max_items or len(self.rows) < self.spec.max_items:
            self.show_error("")

    @property
    def value(self) -> list[dict[str, Any]]:
        return [row.value for row in self.rows]

    @value.setter
    def value(self, data: list[dict[str, Any]] | None) -> None:
        self.rows = []
        for item in data or []:
            self._add(data=item)
        self._refresh()

    def show_error(self, message: str) -> None:
        self.error.value = (
            f'<span class="ek-error-text" role="alert">{html.escape(message)}</span>' if message else ""
        )


class Form:
    """All fields of a card (or of one list row) as widgets."""

    def __init__(self, card: Exercise, tr: Translator, on_change: Listener, *,
                 fields: tuple[FieldSpec, ...] | None = None, path: Path = (),
                 show_help: bool = True) -> None:
        self.card, self.tr = card, tr
        self._loading = False

        def changed() -> None:
            if not self._loading:
                on_change()

        self.editors: dict[str, FieldEditor | ScoresEditor | ListEditor] = {}
        for spec in fields or card.spec.fields:
            names = [p for p in path if isinstance(p, str)] + [spec.name]
            text = card.field_text(tr.lang, *names)
            help_text = text.help if show_help else ""  # list rows: help once, on the first row
            if spec.type == "list":
                editor = ListEditor(spec, card, tr, changed)
            elif spec.type == "scores":
                editor = ScoresEditor(spec, text.label, help_text, tr, changed)
            else:
                editor = FieldEditor(spec, text.label, help_text, tr, changed)
            self.editors[spec.name] = editor
        self.widget = w.VBox([e.widget for e in self.editors.values()])
        self.widget.add_class("ek-form")

    @property
    def value(self) -> dict[str, Any]:
        return {name: editor.value for name, editor in self.editors.items()}

    def load(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name, editor in self.editors.items():
                if name in data:
                    editor.value = data[name]
        finally:
            self._loading = False

    def editor_at(self, path: Path):
        """The editor of a field path such as ("actors", 2, "name"); None when not shown."""
        editor = self.editors.get(path[0]) if path else None
        if (isinstance(editor, ListEditor) and len(path) >= 3 and isinstance(path[1], int)
                and path[1] < len(editor.rows)):
            return editor.rows[path[1]].editor_at(path[2:])
        return editor

    def clear_errors(self) -> None:
        for editor in self.editors.values():
            editor.show_error("")
            if isinstance(editor, ListEditor):
                for row in editor.rows:
                    row.clear_errors()

    def show_problems(self, problems: list[Problem]) -> list[str]:
        """Put each problem next to its field; return the messages shown (for the status line)."""
        self.clear_errors()
        shown = []
        for problem in problems:
            message = self.tr(problem.key, **problem.params)
            editor = self.editor_at(problem.path)
            if editor is not None:
                editor.show_error(message)
            shown.append(message)
        return shown
