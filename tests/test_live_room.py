"""A live room: `ekokit serve --participants N --public` — pre-warmed kernels and a token.

The pooled path is the one a workshop uses: the notebook waits for the request inside a kernel
that started before the participant arrived, then reads ?team= and ?lang= from it."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import Translator
from playwright.sync_api import expect, sync_playwright
from tests.servers import chromium_path, running_server
from tests.test_voila_server import assert_clean_render

pytestmark = [pytest.mark.server, pytest.mark.browser]

TOKEN = "room-token-for-tests"
PAGE = "voila/render/01_ekosysteemit.ipynb"


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    db = tmp_path_factory.mktemp("live-room") / "ekokit.sqlite"
    args = ("--public", "--token", TOKEN, "--session", "1")
    with running_server(db, participants=2, extra_args=args) as url:
        yield url, Path(f"{db}.serve.log")


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # let the 3xx come back as an HTTPError, Location and all


def fetch_once(url: str) -> tuple[int, str | None, str]:
    """One GET, redirects not followed: status, Location header, body."""
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=120) as response:
            return response.status, response.headers.get("Location"), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location"), exc.read().decode("utf-8", "replace")


def test_without_the_token_the_app_is_not_served(live):
    """Jupyter Server sends a request without the token to its login page (302), and the
    redirect carries no app: the notebook never ran for it."""
    base, _log = live
    query = "?team=esimerkki"
    status, location, body = fetch_once(f"{base}{PAGE}{query}")
    assert status == 302
    assert location == f"/login?next={quote(f'/{PAGE}{query}', safe='')}"
    assert "ek-app" not in body

    status, _location, login = fetch_once(f"{base}{location.lstrip('/')}")
    assert status == 200
    assert "ek-app" not in login
    assert 'name="password"' in login  # the login form asks for the token


def test_a_pooled_kernel_serves_the_team_page_cleanly(live):
    base, log = live
    status, page = fetch(f"{base}{PAGE}?team=esimerkki&token={TOKEN}")
    assert status == 200
    assert_clean_render(page)
    assert "Using pre-heated kernel" in log.read_text(encoding="utf-8")


def test_the_pooled_page_shows_the_team_from_the_query_string_in_english(live):
    base, _log = live
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(),
                                     args=["--no-sandbox", "--disable-gpu",
                                           "--disable-dev-shm-usage",
                                           "--disable-background-networking"])
        page = browser.new_page()
        page.goto(f"{base}{PAGE}?team=esimerkki&lang=en&token={TOKEN}")
        expect(page.locator(".ek-team")).to_contain_text("Esimerkkitiimi", timeout=60_000)
        en = Translator("en")
        expect(page.locator(".ek-app h1")).to_have_text(en("session.title_1"))
        expect(page.locator(".ek-ex-s1_actor_map .ek-toggle")).to_have_text(
            en("exercise.open", title=find_exercise("s1_actor_map").title("en")))
        browser.close()


def test_only_the_days_session_is_pooled_and_ready_says_what_it_holds(live):
    """--session 1: two warm kernels for Session 1 only; ready reports their measured memory;
    another session's page still opens, on a kernel of its own."""
    base, log = live
    text = log.read_text(encoding="utf-8")
    ready = next(line for line in text.splitlines() if line.startswith("ekokit ready:"))
    assert "2 warm kernels for 01_ekosysteemit.ipynb" in ready
    assert re.search(r"pool of 2 kernels × \d+ MB = \d+ MB", ready), ready
    before = text.count("Using pre-heated kernel")
    status, page = fetch(f"{base}voila/render/02_tulevaisuusmuotoilu.ipynb?team=esimerkki"
                         f"&token={TOKEN}")
    assert status == 200
    assert_clean_render(page)
    assert log.read_text(encoding="utf-8").count("Using pre-heated kernel") == before
