"""The kit's styles where Voilà's template does not bring them: JupyterLab, Notebook.

Voilà's ``ekokit`` template includes ekokit.css in the page. Outside Voilà the same file comes
as one HTML widget holding a ``<style>``, shown first in the app. Its rules are nested under
the notebook's output area, so the kit styles its own widgets and never JupyterLab itself (the
file's ``body``, ``html`` and ``.jp-Cell`` rules are for Voilà's page and match nothing here)."""

from __future__ import annotations

import functools

import ipywidgets as w

from ekokit.content.i18n import Translator
from ekokit.paths import jupyter_share_dir
from ekokit.widgets.shared_models import html

CSS_FILE = ("voila", "templates", "ekokit", "ekokit.css")
SCOPE = ".jp-OutputArea-output"  # every output of a notebook, in JupyterLab and Notebook 7


@functools.cache
def kit_css() -> str:
    """ekokit.css, the one file both Voilà's template and the widget read."""
    return jupyter_share_dir().joinpath(*CSS_FILE).read_text(encoding="utf-8")


def css_string(text: str) -> str:
    """``text`` as a CSS string literal (for ``content:``)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{escaped}"'


def disconnected_css(lang: str) -> str:
    """What the page says when its kernel restarts or dies, in JupyterLab: ipywidgets' manager
    then marks every widget of the old kernel ``jupyter-widgets-disconnected`` (Voilà's page has
    the kit's heartbeat instead). The app says the connection is gone and nothing is saved, and
    each exercise's status stops saying "saved"; the form, with what was typed, stays to copy."""
    tr = Translator(lang)
    return (
        f".ek-app.jupyter-widgets-disconnected::before {{ content: "
        f"{css_string(tr('connection.lab_lost'))}; display: block; white-space: pre-wrap; "
        "color: #a4000f; font-weight: 600; border: 2px solid #a4000f; border-radius: 4px; "
        "padding: .5rem .75rem; margin: 0 0 .75rem; font-family: inherit; }\n"
        ".ek-status.jupyter-widgets-disconnected > .widget-html-content { display: none; }\n"
        f".ek-status.jupyter-widgets-disconnected::after {{ content: "
        f"{css_string(tr('connection.lost_status'))}; color: #a4000f; font-weight: 600; }}\n")


def styles_widget(lang: str = "fi") -> w.HTML:
    """One widget model: the kit's CSS, scoped to the notebook's outputs (CSS nesting), and what
    a page whose kernel is gone says, in ``lang``."""
    return html(f"<style>{SCOPE} {{\n{kit_css()}\n{disconnected_css(lang)}}}</style>",
                "ek-styles")
