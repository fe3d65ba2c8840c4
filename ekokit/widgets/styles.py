"""The kit's styles where Voilà's template does not bring them: JupyterLab, Notebook.

Voilà's ``ekokit`` template includes ekokit.css in the page. Outside Voilà the same file comes
as one HTML widget holding a ``<style>``, shown first in the app. Its rules are nested under
the notebook's output area, so the kit styles its own widgets and never JupyterLab itself (the
file's ``body``, ``html`` and ``.jp-Cell`` rules are for Voilà's page and match nothing here)."""

from __future__ import annotations

import functools

import ipywidgets as w

from ekokit.paths import jupyter_share_dir
from ekokit.widgets.shared_models import html

CSS_FILE = ("voila", "templates", "ekokit", "ekokit.css")
SCOPE = ".jp-OutputArea-output"  # every output of a notebook, in JupyterLab and Notebook 7


@functools.cache
def kit_css() -> str:
    """ekokit.css, the one file both Voilà's template and the widget read."""
    return jupyter_share_dir().joinpath(*CSS_FILE).read_text(encoding="utf-8")


def styles_widget() -> w.HTML:
    """One widget model: the kit's CSS, scoped to the notebook's outputs (CSS nesting)."""
    return html(f"<style>{SCOPE} {{\n{kit_css()}\n}}</style>", "ek-styles")
