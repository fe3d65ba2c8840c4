"""The real server over plain HTTP: the landing page and every notebook rendered by Voilà.

One ``ekokit serve`` for the whole module (it takes a few seconds to start)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from ekokit.content.calendar import calendar
from ekokit.content.i18n import Translator
from ekokit.paths import notebooks_dir
from tests.servers import displaying_cells, fetch, running_server

pytestmark = pytest.mark.server

SESSION_NOTEBOOK = "01_ekosysteemit.ipynb"
NOTEBOOKS = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))
OUTPUT_MIME = "application/vnd.voila.cell-output+json"
LOCAL_HOSTS = {"127.0.0.1"}


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("voila-server") / "ekokit.sqlite"
    with running_server(db) as base_url:
        yield base_url


class PageParts(HTMLParser):
    """What a rendered page refers to and what its cells output."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.fetched: list[tuple[str, str]] = []  # (tag, URL) the browser loads by itself
        self.outputs: list[dict] = []
        self.stderr_blocks: list[str] = []
        self._in_output = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = attr.get("lang")
        if "src" in attr:
            self.fetched.append((tag, attr["src"]))
        if tag == "link" and "href" in attr:
            self.fetched.append((tag, attr["href"]))
        if tag == "script" and attr.get("type") == OUTPUT_MIME:
            self._in_output, self._buffer = True, []
        if attr.get("data-mime-type") == "application/vnd.jupyter.stderr":
            self.stderr_blocks.append(self.get_starttag_text() or tag)

    def handle_data(self, data: str) -> None:
        if self._in_output:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_output:
            self._in_output = False
            self.outputs.append(json.loads("".join(self._buffer)))


def parse(page: str) -> PageParts:
    parts = PageParts()
    parts.feed(page)
    parts.close()
    return parts


def foreign_references(parts: PageParts) -> list[tuple[str, str]]:
    """src= and <link href> pointing at any host but this server (data: and relative are fine)."""
    bad = []
    for tag, url in parts.fetched:
        split = urlsplit(url)
        remote = split.scheme in ("http", "https") or url.startswith("//")
        if remote and split.hostname not in LOCAL_HOSTS:
            bad.append((tag, url))
    return bad


def output_problems(parts: PageParts) -> list[str]:
    problems = []
    for output in parts.outputs:
        if output.get("output_type") == "error":
            problems.append(f"error output {output.get('ename')}: {output.get('evalue')}")
        if output.get("name") == "stderr":
            problems.append(f"stderr output: {output.get('text', '')[:500]}")
    return problems


def assert_clean_render(page: str, notebook: str | None = None) -> PageParts:
    """No error, traceback, stderr or foreign reference; with ``notebook``, every cell that
    shows something has its widget in the page (a page that lost a cell's output to a loaded
    machine lacks a reading or an exercise group)."""
    parts = parse(page)
    if notebook is not None:
        assert page.count("application/vnd.jupyter.widget-view+json") == \
            displaying_cells(notebook), f"a cell's output is missing from {notebook}"
    assert "voila-error" not in page, "Voilà's error template was rendered"
    # errors and stderr come as rendered HTML (stream/error blocks) or as output JSON
    assert parts.stderr_blocks == [], stderr_text(page)
    assert output_problems(parts) == []
    assert "Traceback" not in page
    assert '"ename"' not in page
    assert foreign_references(parts) == []
    assert parts.outputs, "no cell outputs in the page: did the notebook run?"
    return parts


def stderr_text(page: str) -> str:
    found = re.findall(r'data-mime-type="application/vnd.jupyter.stderr">(.*?)</div>', page,
                       re.DOTALL)
    return "\n".join(found)[:3000]


def session_items(page: str) -> list[str]:
    listing = re.search(r'<ol class="ek-sessions">(.*?)</ol>', page, re.DOTALL)
    assert listing, "no session list on the landing page"
    return re.findall(r"<li>(.*?)</li>", listing.group(1), re.DOTALL)


# -- the landing page ------------------------------------------------------------------------


def test_landing_page_lists_the_sessions_in_finnish(server):
    status, page = fetch(server)
    assert status == 200
    assert '<html lang="fi">' in page
    assert parse(page).html_lang == "fi"
    fi = Translator("fi")
    items = session_items(page)
    assert len(items) == 4
    for number, item in enumerate(items, start=1):
        assert fi(f"session.title_{number}") in item
    for item, when in zip(items, calendar().sessions, strict=True):  # every session is live
        assert f"voila/render/{when.notebook}" in item
        assert fi("app.landing_coming") not in item
    assert "<main>" in page
    assert foreign_references(parse(page)) == []


def test_landing_page_in_english(server):
    status, page = fetch(server + "?lang=en")
    assert status == 200
    assert '<html lang="en">' in page
    en = Translator("en")
    items = session_items(page)
    assert en("session.title_1") in items[0]
    assert not any(en("app.landing_coming") in item for item in items)
    assert Translator("fi")("app.landing_coming") not in page
    assert f"voila/render/{SESSION_NOTEBOOK}?lang=en" in items[0]


# -- every notebook through Voilà --------------------------------------------------------------


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_notebook_renders_without_errors(server, notebook):
    query = "" if notebook.startswith("00_") else "?team=esimerkki"
    status, page = fetch(f"{server}voila/render/{notebook}{query}")
    assert status == 200, page[:2000]
    assert_clean_render(page, notebook)
    assert "<main" in page


def test_the_session_notebook_is_served_in_english(server):
    status, page = fetch(f"{server}voila/render/{SESSION_NOTEBOOK}?team=esimerkki&lang=en")
    assert status == 200
    assert_clean_render(page, SESSION_NOTEBOOK)


def test_an_unknown_team_renders_without_a_traceback(server):
    status, page = fetch(f"{server}voila/render/{SESSION_NOTEBOOK}?team=ei-ole-olemassa")
    assert status == 200
    assert_clean_render(page)


def test_there_are_notebooks_to_render():
    assert SESSION_NOTEBOOK in NOTEBOOKS
    assert all(Path(notebooks_dir(), n).is_file() for n in NOTEBOOKS)
