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
Widget = w.Widget  # what a page part is, for the layers above that import no ipywidgets


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


def close_tree(widget: w.Widget) -> None:
    """Close a widget that leaves the page, with everything inside it (children, and layout
    and style models of its own; the shared ones stay): a closed model is one the browser never
    asks for."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    for part in (getattr(widget, "layout", None), getattr(widget, "style", None)):
        if part is not None and not any(part is model for model in _MODELS.values()):
            part.close()
    widget.close()


class InLanguage:
    """A part of the page made by ``make(language)``, and made again (the old one closed) when
    the page turns out to be in another language: a pre-warmed kernel prepares its page before
    the visitor's ``?lang=`` is known."""

    def __init__(self, make: Callable[[str], w.Widget], lang: str) -> None:
        self.make, self.lang = make, lang
        self.widget = vbox([make(lang)], "ek-part")

    def use(self, lang: str) -> None:
        if lang == self.lang:
            return
        old = self.widget.children
        self.lang = lang
        self.widget.children = (self.make(lang),)
        for child in old:
            close_tree(child)
