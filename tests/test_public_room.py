"""A public room as a participant and an attacker would use it: a real `ekokit serve --public`
(no --token: the room's own, as `ekokit links` prints it), a real chromium, two teams' links.

Team B's browser must not reach Team A's work: not by ?team=, not through the picker, not by a
forged widget message sent from the page through its widget manager; A's revisions stay as
they were. The facilitator view needs the facilitator key; team creation too; the address
carries the team once it is created."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from ekokit.content.i18n import Translator
from ekokit.model.teams import Team
from ekokit.state.gate import key_for
from ekokit.store.database import Store
from playwright.sync_api import Page, expect
from tests.servers import READY_TIMEOUT, ekokit_server, fetch, free_port

pytestmark = [pytest.mark.server, pytest.mark.browser]

NOTEBOOK = "01_ekosysteemit.ipynb"
FKEY = "fasilitaattorin-avain-testeille"
APP_TIMEOUT = 90_000
SECRET_ANSWER = "ALFAN-SALAINEN-VASTAUS"
FI = Translator("fi")


@pytest.fixture(scope="module")
def room(tmp_path_factory) -> Iterator[tuple[str, Path, dict[str, str]]]:
    """The server's base URL, its store, and each team's link as `ekokit links` prints it."""
    folder = tmp_path_factory.mktemp("public-room")
    db = folder / "ekokit.sqlite"
    store = Store(str(db))
    store.create_team(Team(slug="tiimi-a", name="Alfa Tiimi", members=("Aino Alfanen",)))
    store.create_team(Team(slug="tiimi-b", name="Beta Tiimi", members=("Bashir Beta",)))
    store.save("tiimi-a", "s1_phenomenon", {"phenomenon": SECRET_ANSWER}, base_revision=None,
               author="Aino Alfanen")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    printed = subprocess.run(
        [sys.executable, "-m", "ekokit.cli", "--db", str(db), "links", "--url", base,
         "--session", "1", "-o", str(folder / "links.html")],
        capture_output=True, text=True, check=True, timeout=120).stdout
    links = {line.split("(tunnus ", 1)[1].split(")", 1)[0]: line.rsplit(": ", 1)[1]
             for line in printed.splitlines() if "(tunnus " in line}
    server = ekokit_server("ekokit serve --public", db, port, log_path=folder / "serve.log",
                           extra_args=("--public", "--facilitator-key", FKEY))
    server.start()
    try:
        server.wait_ready(READY_TIMEOUT)
        yield base, db, links
    finally:
        server.stop()



@pytest.fixture()
def page(browser) -> Iterator[Page]:
    context = browser.new_context(locale="fi-FI")
    context.set_default_timeout(APP_TIMEOUT)
    yield context.new_page()
    context.close()


def token_of(link: str) -> str:
    return parse_qs(urlsplit(link).query)["token"][0]


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(".ek-app")).to_be_visible(timeout=APP_TIMEOUT)
    page.wait_for_load_state("networkidle")


def assert_nothing_of_team_a(page: Page) -> None:
    text = page.locator("body").inner_text() + page.content()
    for secret in ("Alfa Tiimi", "Aino Alfanen", SECRET_ANSWER):
        assert secret not in text


def revisions_of_a(db: Path) -> int:
    return len(Store(str(db)).history("tiimi-a"))


def test_the_printed_links_hold_the_rooms_token_and_each_teams_key(room):
    base, db, links = room
    store = Store(str(db))
    for slug in ("tiimi-a", "tiimi-b"):
        assert links[slug] == (f"{base}voila/render/{NOTEBOOK}?" + urlencode(
            {"token": token_of(links["tiimi-a"]), "team": slug, "key": key_for(store, slug)}))


def test_team_b_reaches_only_its_own_team(room, page):
    base, db, links = room
    before = revisions_of_a(db)
    open_app(page, links["tiimi-b"])
    expect(page.locator(".ek-team h2")).to_have_text(FI("team.current", name="Beta Tiimi"))
    assert_nothing_of_team_a(page)
    # the share line holds B's own link, whole
    share = page.locator(".ek-share-link")
    expect(share).to_have_text(links["tiimi-b"])

    # ?team= of another team, without a key and with B's key: a clear message, nothing of A
    token = token_of(links["tiimi-b"])
    b_key = parse_qs(urlsplit(links["tiimi-b"]).query)["key"][0]
    for query in ({"token": token, "team": "tiimi-a"},
                  {"token": token, "team": "tiimi-a", "key": b_key}):
        open_app(page, f"{base}voila/render/{NOTEBOOK}?{urlencode(query)}")
        expect(page.locator(".ek-notice [role=alert]")).to_have_text(FI("access.denied"))
        expect(page.locator(".ek-team-picker-public")).to_be_visible()
        assert_nothing_of_team_a(page)
    assert revisions_of_a(db) == before


FORGE = """async () => {
  // What an attacker in Team B's page can do: change any widget's state through the page's
  // widget manager (each change is a comm message to the kernel), and press every button.
  const manager = window.jupyterapp.widgetManager;
  const models = await Promise.all(Object.values(manager._models));
  let sent = 0;
  for (const model of models) {
    const name = model.get("_model_name");
    if (name === "DropdownModel") {
      for (let i = 0; i < model.get("_options_labels").length; i++) {
        model.set("index", i); model.save_changes(); sent++;
      }
    } else if (name === "TextModel") {
      const cls = model.get("_dom_classes") || [];
      model.set("value", cls.includes("ek-field-team_id") ? "tiimi-a" : "FORGED");
      model.save_changes(); sent++;
    } else if (name === "ButtonModel") {
      model.send({event: "click"}, {}); sent++;
    }
  }
  return sent;
}"""


# A round trip after the forged messages: every widget model has sent what it held back (a
# model sends one change at a time, the next once the kernel is idle after it) and the kernel
# has said it is idle after each; then a kernel-info request, which the kernel takes after every
# message before it (button presses included) and answers after their output. No fixed wait.
HANDLED = """async () => {
  const manager = window.jupyterapp.widgetManager;
  const models = await Promise.all(Object.values(manager._models));
  const deadline = Date.now() + 60000;
  while (models.some((m) => m._pending_msgs > 0 || m._msg_buffer)) {
    if (Date.now() > deadline) { return false; }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await manager.kernel.requestKernelInfo();
  return true;
}"""


def test_neither_the_picker_nor_forged_widget_messages_open_team_a(room, page):
    _base, db, links = room
    before = revisions_of_a(db)
    open_app(page, links["tiimi-b"])
    page.locator(".ek-change-team button, button.ek-change-team").first.click()
    picker = page.locator(".ek-team-picker-public")
    expect(picker).to_be_visible()
    assert picker.locator("select").count() == 0  # no list of teams
    assert page.locator(".ek-create-team").count() == 0  # and no creating one
    assert_nothing_of_team_a(page)

    sent = page.evaluate(FORGE)
    assert sent > 0
    assert page.evaluate(HANDLED)  # the kernel has answered every forged message
    assert_nothing_of_team_a(page)
    expect(page.locator(".ek-team")).to_have_count(0)
    assert revisions_of_a(db) == before



def test_the_facilitator_view_needs_the_facilitator_key(room, page):
    base, _db, links = room
    token = token_of(links["tiimi-a"])
    view = f"{base}voila/render/00_fasilitaattori.ipynb"
    for notebook in ("00_fasilitaattori", "00_projektori"):  # the projector shows every team too
        for query in ({"token": token}, {"token": token, "fkey": "arvaus"}):
            status, body = fetch(f"{base}voila/render/{notebook}.ipynb?{urlencode(query)}")
            assert status == 403
            assert FI("access.facilitator_only") in body
            assert "Alfa Tiimi" not in body and "ek-app" not in body
    status, landing = fetch(f"{base}?token={token}")
    assert status == 200  # the landing page hides both
    assert "00_fasilitaattori" not in landing and "00_projektori" not in landing

    page.goto(f"{view}?{urlencode({'token': token, 'fkey': FKEY})}")
    expect(page.get_by_text("Alfa Tiimi").first).to_be_visible(timeout=APP_TIMEOUT)


def test_the_facilitator_creates_a_team_a_duplicate_is_refused_and_the_address_carries_it(
        room, page):
    base, db, links = room
    query = {"token": token_of(links["tiimi-a"]), "fkey": FKEY}
    open_app(page, f"{base}voila/render/{NOTEBOOK}?{urlencode(query)}")
    picker = page.locator(".ek-team-picker")
    picker.locator(".ek-field-team_name input").fill("ALFA tiimi")
    picker.locator(".ek-create-team").click()
    expect(page.locator(".ek-team-message")).to_contain_text(
        FI("error.team_exists", slug="tiimi-a", name="Alfa Tiimi"))
    assert [t.slug for t in Store(str(db)).teams()].count("tiimi-a") == 1
    expect(page.locator(".ek-open-existing")).to_be_visible()

    picker.locator(".ek-field-team_name input").fill("Gamma <b>tiimi</b>")
    picker.locator(".ek-create-team").click()
    expect(page.locator(".ek-team h2")).to_have_text(
        FI("team.current", name="Gamma <b>tiimi</b>"))
    key = key_for(Store(str(db)), "gamma-b-tiimi-b")
    page.wait_for_function(
        "k => new URLSearchParams(location.search).get('key') === k", arg=key)
    address = parse_qs(urlsplit(page.url).query)
    assert address["team"] == ["gamma-b-tiimi-b"] and address["key"] == [key]
    shared = page.locator(".ek-share-link").inner_text()
    assert "fkey" not in shared and f"key={key}" in shared

    page.reload()  # the address opens the same team again
    expect(page.locator(".ek-team h2")).to_have_text(
        FI("team.current", name="Gamma <b>tiimi</b>"), timeout=APP_TIMEOUT)


def test_the_start_prints_the_room_link_and_the_facilitator_link_once(room):
    _base, db, links = room
    lines = (db.parent / "serve.log").read_text(encoding="utf-8").splitlines()
    token = token_of(links["tiimi-a"])
    ready = next(i for i, line in enumerate(lines) if line.startswith("ekokit ready:"))
    facilitator = [i for i, line in enumerate(lines) if f"fkey={FKEY}" in line]
    assert len(facilitator) == 1 and facilitator[0] < ready
    url = lines[facilitator[0]].rsplit(" ", 1)[1]
    assert url.endswith(f"/voila/render/00_fasilitaattori.ipynb?token={token}&fkey={FKEY}")
    assert lines[facilitator[0]].startswith(FI("access.facilitator_link", url=""))
    assert any(line == FI("access.room_link", url=url.split("voila/")[0] + f"?token={token}")
               for line in lines)
