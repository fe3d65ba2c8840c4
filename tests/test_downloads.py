"""Reports in the apps: a button per format makes the file in the page as a data: link (no
request anywhere), and the Session 4 page shows the harvest comparisons as their own section."""

from __future__ import annotations

import base64
import html
import io
import re

import pytest
from ekokit.content.i18n import Translator
from ekokit.model.teams import DEMO_TEAM
from ekokit.store.demo import ensure_demo_team
from ekokit.widgets.downloads import Downloads
from ekokit.widgets.facilitator import FacilitatorView
from ekokit.widgets.session_app import SessionApp

fi = Translator("fi")


@pytest.fixture()
def demo(store):
    ensure_demo_team(store)
    return store


def _file(link_html: str) -> tuple[str, bytes]:
    match = re.search(r'<a download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', link_html)
    assert match, link_html
    return html.unescape(match.group(1)), base64.b64decode(match.group(2))


@pytest.mark.parametrize("fmt, opens", [
    ("html", lambda data: b"<html" in data[:200]),
    ("md", lambda data: data.startswith(b"#")),
    ("xlsx", lambda data: __import__("openpyxl").load_workbook(io.BytesIO(data)).sheetnames),
    ("pptx", lambda data: len(__import__("pptx").Presentation(io.BytesIO(data)).slides) > 1),
])
def test_the_team_report_is_made_in_the_page_as_a_file_to_save(store, team, fmt, opens):
    # a small team: every format's full content is tested in test_reports.py on the demo team
    store.save(team.slug, "s1_phenomenon", {"phenomenon": "Velat <b>"}, base_revision=0)
    store.save(team.slug, "s1_maturity", {"ratings": [{"member": "Aino", "scores": {
        "trust": 3}}]}, base_revision=0)
    downloads = Downloads(store, fi, team=team.slug)
    assert downloads.link.value == ""  # nothing is made until asked
    said = downloads.make(fmt)
    name, data = _file(downloads.link.value)
    assert name.endswith(f".{fmt}") and opens(data)
    assert html.escape(said) in downloads.link.value


def test_the_session_4_page_shows_the_harvest_and_the_downloads(demo):
    app = SessionApp("4", store=demo, lang="fi").bind(team=DEMO_TEAM, lang="fi")
    box = app.harvest()
    section, downloads = box.children
    assert fi("report.harvest") in section.value and "<table" in section.value
    assert any("ek-download-pptx" in b._dom_classes for b in downloads.children[1].children)


def test_the_facilitator_offers_the_programme_report(demo):
    view = FacilitatorView(lang="fi", store=demo)
    downloads = view.downloads.widget
    formats = {c for b in downloads.children[1].children for c in b._dom_classes}
    assert {"ek-download-html", "ek-download-xlsx"} <= formats
