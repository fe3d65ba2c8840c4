"""Layout and style models shared by every widget of a kind.

Each ipywidgets widget makes its own Layout and Style model unless it is given one, and every
model is a message the kernel and the Voilà server pay for while a whole room opens its pages.
The kit's look comes from CSS classes, so one model of each kind serves every widget. They are
never changed after creation (a change would restyle every widget at once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

_MAKERS: dict[str, Callable[[], Any]] = {
    "layout": w.Layout,
    "layout_auto": lambda: w.Layout(width="auto"),
    "layout_wide": lambda: w.Layout(width="100%"),
    "text": lambda: TextStyle(description_width="initial"),
    "description": lambda: DescriptionStyle(description_width="initial"),
    "checkbox": lambda: CheckboxStyle(description_width="initial"),
    "html": HTMLStyle,
    "button": w.ButtonStyle,
}
_MODELS: dict[str, Any] = {}


def shared(kind: str) -> Any:
    """The one model of this kind (made on first use)."""
    if kind not in _MODELS:
        _MODELS[kind] = _MAKERS[kind]()
    return _MODELS[kind]


def html(value: str = "", *classes: str) -> w.HTML:
    return w.HTML(value, layout=shared("layout"), style=shared("html"), _dom_classes=classes)


def button(description: str, *classes: str, disabled: bool = False) -> w.Button:
    return w.Button(description=description, layout=shared("layout_auto"),
                    style=shared("button"), _dom_classes=classes, disabled=disabled)


def vbox(children: tuple[w.Widget, ...] | list[w.Widget] = (), *classes: str) -> w.VBox:
    return w.VBox(tuple(children), layout=shared("layout"), _dom_classes=classes)


def hbox(children: tuple[w.Widget, ...] | list[w.Widget] = (), *classes: str) -> w.HBox:
    return w.HBox(tuple(children), layout=shared("layout"), _dom_classes=classes)
