"""The kit's styles outside Voilà: one HTML widget holding ekokit.css, first in the session app
and the facilitator view in JupyterLab, never in a page Voilà serves (its template has them)."""

from __future__ import annotations

import ekokit
import pytest
from ekokit.kernel.request import current_request
from ekokit.paths import jupyter_share_dir
from ekokit.widgets.styles import SCOPE, kit_css, styles_widget

CSS = jupyter_share_dir() / "voila" / "templates" / "ekokit" / "ekokit.css"


@pytest.fixture()
def page(monkeypatch):
    """``page(served)``: the kernel runs in JupyterLab (no request) or in a Voilà page."""

    def set_page(served: bool) -> None:
        if served:
            monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5")
            monkeypatch.setenv("QUERY_STRING", "lang=fi")
        else:
            monkeypatch.delenv("SERVER_SOFTWARE", raising=False)
        monkeypatch.delenv("VOILA_PREHEAT", raising=False)
        current_request.cache_clear()

    yield set_page
    current_request.cache_clear()


def styles_in(widget) -> list:
    return [c for c in widget.children if "ek-styles" in c._dom_classes]


def test_the_widget_holds_the_voila_templates_file_scoped_to_the_outputs():
    value = styles_widget().value
    assert value.startswith(f"<style>{SCOPE} {{") and value.endswith("}</style>")
    assert kit_css() == CSS.read_text(encoding="utf-8") and kit_css() in value
    assert "</style>" not in kit_css()


@pytest.mark.parametrize("served", [False, True], ids=["jupyterlab", "voila"])
def test_the_styles_come_first_in_jupyterlab_and_never_in_voila(page, served):
    page(served)
    for app in (ekokit.session("1"), ekokit.facilitator()):
        found = styles_in(app.widget)
        assert found == ([] if served else [app.widget.children[0]])
