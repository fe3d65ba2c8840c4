"""A live room: `ekokit serve --participants N --public` — pre-warmed kernels and a token.

The pooled path is the one a workshop uses: the notebook waits for the request inside a kernel
that started before the participant arrived, then reads ?team= and ?lang= from it."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from ekokit.content.example import example_folder, example_workbook
from ekokit.content.exercises import exercises_for_session, find_exercise
from ekokit.content.i18n import Translator
from ekokit.content.readings import concept
from ekokit.model.teams import DEMO_TEAMS, Team
from ekokit.state.gate import key_for
from ekokit.store.database import Store
from playwright.sync_api import expect, sync_playwright
from tests.servers import CHROMIUM_ARGS, chromium_path, running_server
from tests.test_voila_server import assert_clean_render

pytestmark = [pytest.mark.server, pytest.mark.browser]

TOKEN = "room-token-for-tests"
FKEY = "facilitator-key-for-tests"  # the public room's facilitator link (ekokit.model.access)
PAGE = "voila/render/01_ekosysteemit.ipynb"
FACILITATOR = "voila/render/00_fasilitaattori.ipynb"
APP_TIMEOUT = 90_000  # ms: a page past the pool starts its kernel and runs the notebook first
LIVE_WAIT = 10_000  # ms: a teammate's save shows within about 5 s; waited for generously
FI = Translator("fi")


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    db = tmp_path_factory.mktemp("live-room") / "ekokit.sqlite"
    args = ("--public", "--token", TOKEN, "--facilitator-key", FKEY, "--session", "1")
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
    assert_clean_render(page, "01_ekosysteemit.ipynb")
    assert "Using pre-heated kernel" in log.read_text(encoding="utf-8")


def test_the_pooled_page_shows_the_team_from_the_query_string_in_english(live):
    base, _log = live
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{base}{PAGE}?team=esimerkki&lang=en&token={TOKEN}")  # from the pool
        # ?team=esimerkki in English: the demo team in English, opened without a key
        english = example_workbook(example_folder("en"))["team"]
        assert english["slug"] == DEMO_TEAMS["en"]
        expect(page.locator(".ek-team")).to_contain_text(english["name"], timeout=60_000)
        expect(page.locator(".ek-team")).not_to_contain_text("Esimerkkitiimi")
        en = Translator("en")
        expect(page.locator(".ek-app h1")).to_have_text(en("session.title_1"))
        expect(page.locator(".ek-ex-s1_actor_map .ek-toggle")).to_have_text(
            en("exercise.open", title=find_exercise("s1_actor_map").title("en")))
        # the page was made in Finnish before the visitor came: every part is remade in English
        # and none of the Finnish ones is left on the page
        title = concept("ecosystem", "en").strip().splitlines()[0].lstrip("#").strip()
        expect(page.locator(".ek-reading")).to_have_count(3)
        expect(page.locator(".ek-reading summary").first).to_contain_text(title)
        expect(page.locator(".ek-quiz-start")).to_have_text(en("quiz.start"))
        expect(page.locator(".ek-exercise")).to_have_count(len(exercises_for_session("1")))
        # self-study in English: the demo team's answers are the English ones
        section = page.locator(".ek-ex-s1_phenomenon")
        section.locator(".ek-toggle").click()
        expect(section.locator(".ek-field-phenomenon input")).to_have_value(
            "Over-indebtedness of young adults", timeout=30_000)
        expect(section.locator(".ek-field-description textarea")).to_have_value(
            re.compile("^More and more 18–29-year-olds slide into a debt spiral"))
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
    assert_clean_render(page, "02_tulevaisuusmuotoilu.ipynb")
    assert log.read_text(encoding="utf-8").count("Using pre-heated kernel") == before


# -- live updates: teammates and the facilitator see a save without reloading ------------------


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} {[n.get('target') for n in v['nodes'][:3]]}"
            for v in found if v.get("impact") in ("serious", "critical")]


def test_a_save_appears_on_a_teammates_page_and_in_the_facilitator_view(live, browser):
    base, log = live
    store = Store(str(log).removesuffix(".serve.log"))
    slug = f"live-{uuid.uuid4().hex[:8]}"
    team = store.create_team(Team(slug=slug, name=f"Live <{slug}>", members=["Aino", "Maija"]))
    typed = "Ainon <i>ilmiö</i>"
    contexts = [browser.new_context(locale="fi-FI") for _ in range(3)]
    try:
        a, b, facilitator = (c.new_page() for c in contexts)
        for page in (a, b):
            page.set_default_timeout(APP_TIMEOUT)
            page.goto(f"{base}{PAGE}?team={slug}&key={key_for(store, slug)}"
                      f"&exercise=s1_phenomenon&token={TOKEN}")  # the team's own link
            expect(page.locator(".ek-ex-s1_phenomenon .ek-body")).to_be_visible()
        facilitator.set_default_timeout(APP_TIMEOUT)
        facilitator.goto(f"{base}{FACILITATOR}?token={TOKEN}&fkey={FKEY}")
        expect(facilitator.locator(".ek-presence")).to_contain_text(team.name)  # here now
        facilitator.locator(".ek-field-exercise select").select_option(
            label=find_exercise("s1_phenomenon").title("fi"))

        a.locator(".ek-field-author select").select_option(label="Aino")
        a.locator(".ek-ex-s1_phenomenon .ek-field-phenomenon input").fill(typed)
        expect(a.locator(".ek-ex-s1_phenomenon .ek-status")).to_contain_text(
            FI("status.saved_incomplete").split(" {")[0], timeout=15_000)

        # B typed nothing: Aino's version simply appears, without a reload
        section = b.locator(".ek-ex-s1_phenomenon")
        expect(section.locator(".ek-field-phenomenon input")).to_have_value(
            typed, timeout=LIVE_WAIT)
        expect(section.locator(".ek-status")).to_contain_text("Aino")
        expect(section.locator(".ek-saved-by")).to_contain_text(
            FI("exercise.saved_by_today", author="Aino", time="").strip())
        # the facilitator's progress and answers follow, the team's text shown literally
        row = facilitator.locator(".ek-facilitator-table tr", has_text=team.name)
        expect(row.locator(".ek-state-started")).to_have_count(1, timeout=LIVE_WAIT)
        answer = facilitator.locator(".ek-team-answer", has_text=team.name)
        expect(answer).to_contain_text(typed, timeout=LIVE_WAIT)
        assert serious_violations(facilitator) == []  # the live view passes axe

        # B's next save builds on Aino's: no conflict
        section.locator(".ek-field-description textarea").fill("Bashirin kuvaus")
        expect(section.locator(".ek-status")).to_contain_text(
            FI("status.saved").split(" {")[0], timeout=15_000)
        assert [r.data.get("description") for r in store.history(slug, "s1_phenomenon")] == [
            "", "Bashirin kuvaus"]
    finally:
        for context in contexts:
            context.close()
