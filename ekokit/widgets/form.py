"""The generic form: an exercise's field specs as labelled widgets, built with their values.

Values go in (at construction) and out (:attr:`Form.value`) as answer JSON; nothing here knows
about saving: the exercise view listens to ``on_change``. One editor per field type comes from
the registry in :mod:`ekokit.widgets.editors`."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ekokit.content.exercises import Exercise, FieldSpec
from ekokit.content.i18n import Translator
from ekokit.model.answers import Path, Problem
from ekokit.widgets.editors import EDITORS, Editor, Labelled, Listener
from ekokit.widgets.shared_models import button, vbox
from ekokit.widgets.shared_models import html as html_widget


def rows_needed(spec: FieldSpec, tr: Translator) -> str:
    """How many rows a list takes, e.g. "4 riviä", "2–10 riviä", "enintään 40 riviä"."""
    low, high = spec.min_items, spec.max_items
    if low and high:
        return tr("form.rows_exactly", n=low) if low == high else tr("form.rows_between",
                                                                    low=low, high=high)
    if high:
        return tr("form.rows_at_most", n=high)
    return tr("form.rows_at_least", n=low) if low else ""


class ListEditor(Labelled):
    """Rows of item fields with text buttons to add and remove rows."""

    def __init__(self, spec: FieldSpec, value: Any, label: str, help_text: str,
                 tr: Translator, on_change: Listener, *, exercise: Exercise) -> None:
        self.spec, self.exercise, self.tr, self.on_change = spec, exercise, tr, on_change
        self.rows: list[Form] = [self._row(data, number=i)
                                 for i, data in enumerate(value or [], start=1)]
        self.rows_box = vbox([r.widget for r in self.rows], "ek-rows")
        self.add_button = button(tr("form.add_row", what=label), "ek-add-row",
                                 f"ek-add-{spec.name}", disabled=self._full())
        self.add_button.on_click(lambda _b: self.add_row())
        rows = rows_needed(spec, tr)  # said in advance, not only when it is wrong
        heading = html_widget(f'<span class="ek-group-label">{html.escape(label)}</span>'
                              + (f' <span class="ek-rows-needed">({html.escape(rows)})</span>'
                                 if rows else ""))
        parts: list[w.Widget] = [heading]
        if help_text:
            parts.append(html_widget(f'<span class="ek-help">{html.escape(help_text)}</span>'))
        super().__init__(spec, [*parts, self.rows_box, self.add_button], "", "ek-list",
                         f"ek-field-{spec.name}")

    def _row(self, data: dict[str, Any] | None, *, number: int) -> Form:
        """Row ``number`` (from 1); the item fields' help is shown on the first row only."""
        remove = button(self.tr("form.remove_row", n=number), "ek-remove-row")
        row = Form(self.exercise, self.tr, self.on_change, data=data, fields=self.spec.item,
                   path=(self.spec.name,), show_help=number == 1, tail=(remove,),
                   classes=("ek-row",))
        remove.on_click(lambda _b: self.remove_row(row))
        return row

    def _full(self) -> bool:
        return bool(self.spec.max_items) and len(self.rows) >= (self.spec.max_items or 0)

    def _update_add_button(self) -> None:
        if self.add_button.disabled != self._full():
            self.add_button.disabled = self._full()

    def add_row(self) -> None:
        if self._full():
            self.show_error(self.tr("invalid.too_many", max=self.spec.max_items))
            return
        row = self._row(None, number=len(self.rows) + 1)
        self.rows.append(row)
        self.rows_box.children = tuple(r.widget for r in self.rows)
        self._update_add_button()
        first = next(iter(row.editors.values()), None)  # the keyboard goes to the new row
        focusable = getattr(first, "input", None) or next(
            iter(getattr(first, "inputs", {}).values()), None)
        if focusable is not None:
            focusable.focus()
        self.on_change()

    def remove_row(self, row: Form) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        for number, later in enumerate(self.rows[index:], start=index + 1):
            later.widget.children[-1].description = self.tr("form.remove_row", n=number)
        self.rows_box.children = tuple(r.widget for r in self.rows)
        self._update_add_button()
        if not self._full():
            self.show_error("")
        self.on_change()

    @property
    def value(self) -> list[dict[str, Any]]:
        return [row.value for row in self.rows]


class Form:
    """All fields of an exercise (or of one list row) as widgets, made with ``data``."""

    def __init__(self, exercise: Exercise, tr: Translator, on_change: Listener, *,
                 data: dict[str, Any] | None = None, fields: tuple[FieldSpec, ...] | None = None,
                 path: Path = (), show_help: bool = True, tail: tuple[w.Widget, ...] = (),
                 classes: tuple[str, ...] = ()) -> None:
        self.exercise, self.tr = exercise, tr
        data = data or {}
        self.editors: dict[str, Editor] = {}
        for spec in fields or exercise.spec.fields:
            names = [p for p in path if isinstance(p, str)] + [spec.name]
            text = exercise.field_text(tr.lang, *names)
            help_text = text.help if show_help else ""  # list rows: help once, on the first row
            value = data.get(spec.name)
            self.editors[spec.name] = EDITORS[spec.type](spec, value, text.label, help_text, tr,
                                                         on_change, exercise=exercise)
        self.widget = vbox([*(e.widget for e in self.editors.values()), *tail], "ek-form",
                           *classes)

    @property
    def value(self) -> dict[str, Any]:
        return {name: editor.value for name, editor in self.editors.items()}

    def editor_at(self, path: Path) -> Editor | None:
        """The editor of a field path such as ("actors", 2, "name"); None when not shown."""
        editor = self.editors.get(str(path[0])) if path else None
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


EDITORS["list"] = ListEditor  # the registry's last type: its rows are forms themselves
