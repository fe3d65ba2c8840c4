"""A room you can trust when things break: real `ekokit serve`, real chromium, kill -9.

Server A (`--participants 3 --public`) is shared by the pool, template, log, tab-closing and
kernel-kill tests; server B (`--participants 2`, local) is killed during its warm-up and then,
once ready, killed itself while a participant types."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from ekokit.content.i18n import Translator
from ekokit.model.teams import Team
from ekokit.state.gate import key_for
from ekokit.store.database import Store
from playwright.sync_api import Page, expect
from tests.servers import (
    READY_TIMEOUT,
    Server,
    ServerFailed,
    descendants,
    ekokit_server,
    fetch,
    free_port,
)
from tests.test_browser import (
    SAVE_TIMEOUT,
    either,
    is_local,
    message,
    open_exercise,
    status,
    text_input,
)
from tests.test_voila_server import assert_clean_render

pytestmark = [pytest.mark.server, pytest.mark.browser]

TOKEN = "room-token-robust"
PAGE = "voila/render/01_ekosysteemit.ipynb"
ALERT_TIMEOUT = 15_000  # ms: generous; the page is built to say it within 3 s
FI = Translator("fi")
PATH = os.pathsep.join(p for p in (str(Path(__file__).resolve().parent.parent),
                                   os.environ.get("PYTHONPATH", "")) if p)


def start(db: Path, participants: int, *args: str) -> Server:
    server = ekokit_server("ekokit serve", db, free_port(), participants=participants,
                           session="1", extra_args=args, log_path=Path(f"{db}.serve.log"),
                           env={"PYTHONPATH": PATH})
    return server.start()


def kernel_pids(server: Server) -> dict[str, int]:
    """Kernel id → pid of the server's kernels (from their connection files' names)."""
    assert server.proc is not None
    found = {}
    for pid in descendants(server.proc.pid):
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        for arg in argv:
            match = re.search(rb"kernel-([-0-9a-f]{36})\.json$", arg)
            if match:
                found[match.group(1).decode()] = pid
    return found


def running(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False



@pytest.fixture(scope="module")
def room(tmp_path_factory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("robust-room") / "ekokit.sqlite"
    server = start(db, 3, "--public", "--token", TOKEN)
    try:
        server.wait_ready(READY_TIMEOUT)
        yield server
    finally:
        server.stop()


def new_team(db: str) -> Team:
    slug = f"kill-{uuid.uuid4().hex[:8]}"
    return Store(db).create_team(Team(slug=slug, name=f"Tiimi {slug}", phenomenon="Velat",
                                      members=["Aino"]))


def page_kernel(page: Page) -> str:
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")


def type_until_saved(page: Page, texts: list[str]) -> list[str]:
    """Type each text, waiting for 'saved' after each; returns the texts the status said saved."""
    saved = []
    field = text_input(page, "s1_phenomenon", "phenomenon")
    for revision, text in enumerate(texts, start=1):
        field.fill(text)
        expect(status(page, "s1_phenomenon")).to_contain_text(
            either(message("status.saved", revision=revision),
                   message("status.saved_incomplete", revision=revision)),
            timeout=SAVE_TIMEOUT)
        saved.append(text)
    return saved


def assert_lost_and_kept(page: Page, typed: str, kind: str = "lost") -> None:
    """The page says the connection is ``lost`` (its kernel is gone: final) or ``waiting`` (the
    server does not answer: retried), its status shows only that (the widget's own word is
    hidden, never wiped), and what was typed stays in the form."""
    section = page.locator(".ek-ex-s1_phenomenon")
    alert = section.locator(f"[role=alert].ek-{kind}")
    expect(alert).to_have_text(FI(f"connection.{kind}"), timeout=ALERT_TIMEOUT)
    expect(status(page, "s1_phenomenon")).to_have_text(FI(f"connection.{kind}_status"),
                                                      use_inner_text=True)
    expect(text_input(page, "s1_phenomenon", "phenomenon")).to_have_value(typed)


# -- server A: the pool, the query socket, templates, logs ---------------------------------------
def test_three_pooled_kernels_killed_after_ready_the_next_three_visitors_get_the_app(room):
    pooled = kernel_pids(room)
    assert len(pooled) == 3, pooled
    for pid in pooled.values():
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while any(running(pid) for pid in pooled.values()) and time.monotonic() < deadline:
        time.sleep(0.1)  # the visitors come after the kernels are dead
    assert not any(running(pid) for pid in pooled.values())
    for visitor in range(3):
        code, page = fetch(f"{room.url}{PAGE}?team=esimerkki&token={TOKEN}&v={visitor}")
        assert code == 200
        assert_clean_render(page, "01_ekosysteemit.ipynb")
        assert "ek-app" in page
    assert "pooled kernel(s) of 01_ekosysteemit.ipynb failed or died" in room.log_text()


def test_a_fake_query_socket_is_refused_even_with_the_room_token(room):
    from tornado.httpclient import HTTPClientError
    from tornado.websocket import websocket_connect

    async def connect() -> int:
        url = f"ws://127.0.0.1:{room.port}/voila/query/{uuid.uuid4()}?token={TOKEN}"
        try:
            conn = await websocket_connect(url)
        except HTTPClientError as exc:
            return exc.code
        conn.close()
        return 101

    assert asyncio.run(connect()) == 403


def test_template_override_redirects_to_the_kits_page_without_a_kernel(room):
    for template in ("lab", "classic", "reveal", "no-such-template"):
        started = room.count("Kernel started")
        request = urllib.request.Request(
            f"{room.url}{PAGE}?template={template}&team=esimerkki&token={TOKEN}")
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(request, timeout=30)
        assert refused.value.code == 302
        location = refused.value.headers["Location"]
        assert "template" not in location and "team=esimerkki" in location
        assert room.count("Kernel started") == started


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_template_lab_in_a_browser_gets_the_kits_page_and_nothing_from_other_hosts(room,
                                                                                   browser):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{room.url}{PAGE}?template=lab&team=esimerkki&token={TOKEN}", timeout=180_000)
    expect(page.locator(".ek-app")).to_be_visible(timeout=120_000)
    assert [u for u in requests if not is_local(u)] == []
    context.close()


def test_the_token_is_never_in_the_servers_request_log(room):
    for path in ("voila/files/nothing-here.txt", "voila/render/no-such.ipynb",
                 f"voila/query/{uuid.uuid4()}"):
        fetch(f"{room.url}{path}?token={TOKEN}&key=team-secret")
    text = room.log_text()
    assert "[secret]" in text
    leaks = [line for line in text.splitlines() if TOKEN in line or "team-secret" in line]
    printed_at_start = ("ekokit serving", "ekokit ready",  # the links, printed once at start
                        FI("access.room_link", url=""), FI("access.facilitator_link", url=""))
    assert all(line.startswith(printed_at_start) for line in leaks), leaks


def test_closing_a_tab_frees_its_kernel_within_a_minute(room, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{room.url}{PAGE}?team=esimerkki&token={TOKEN}", timeout=180_000)
    expect(page.locator(".ek-app")).to_be_visible(timeout=120_000)
    kernel = page_kernel(page)
    assert kernel in kernel_pids(room)
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 60
    while kernel in kernel_pids(room) and time.monotonic() < deadline:
        time.sleep(1)
    context.close()
    assert kernel not in kernel_pids(room)
    assert f"Kernel shutdown: {kernel}" in room.log_text()


def test_kill_9_of_the_kernel_while_typing_says_lost_and_keeps_what_was_saved(room, browser):
    db = str(room.env["EKOKIT_DB"])
    team = new_team(db)
    context = browser.new_context()
    page = context.new_page()
    key = key_for(Store(db), team.slug)  # the team's own link in a public room
    page.goto(f"{room.url}{PAGE}?team={team.slug}&key={key}&token={TOKEN}", timeout=180_000)
    expect(page.locator(".ek-app")).to_be_visible(timeout=120_000)
    open_exercise(page, "s1_phenomenon")
    saved = type_until_saved(page, ["Ensimmäinen", "Toinen versio"])
    os.kill(kernel_pids(room)[page_kernel(page)], signal.SIGKILL)
    typed = "Kolmas, kirjoitettu kun ydin kuoli"
    text_input(page, "s1_phenomenon", "phenomenon").fill(typed)
    assert_lost_and_kept(page, typed)
    history = [r.data.get("phenomenon") for r in Store(db).history(team.slug, "s1_phenomenon")]
    assert all(text in history for text in saved), (saved, history)
    context.close()


WATCH_ALERTS = """() => {
  window.ekAlertsSeen = 0;
  new MutationObserver(() => {
    if (document.querySelector('.ek-held-alert')) { window.ekAlertsSeen += 1; }
  }).observe(document.documentElement, {childList: true, subtree: true});
}"""


def stopped(server: Server, seconds: float) -> None:
    """The server process (not its kernels) frozen for ``seconds``, as a stalled machine is."""
    assert server.proc is not None
    os.kill(server.proc.pid, signal.SIGSTOP)
    try:
        time.sleep(seconds)
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)


def test_a_burst_of_fresh_kernel_visitors_puts_no_warning_on_a_page_already_open(room, browser):
    """Ten visitors opening a session that has no pool (fresh kernels) stalled the server for
    about 3 s, and every open page then said "not saved" for good. Now an open page says
    nothing and its next save says saved."""
    from concurrent.futures import ThreadPoolExecutor

    db = str(room.env["EKOKIT_DB"])
    team = new_team(db)
    context = browser.new_context()
    page = context.new_page()
    key = key_for(Store(db), team.slug)
    page.goto(f"{room.url}{PAGE}?team={team.slug}&key={key}&token={TOKEN}", timeout=180_000)
    expect(page.locator(".ek-app")).to_be_visible(timeout=120_000)
    open_exercise(page, "s1_phenomenon")
    type_until_saved(page, ["Ennen ryntäystä"])
    page.evaluate(WATCH_ALERTS)
    unpooled = f"{room.url}voila/render/02_tulevaisuusmuotoilu.ipynb?token={TOKEN}"
    with ThreadPoolExecutor(10) as visitors:
        answers = list(visitors.map(lambda _: fetch(unpooled, timeout=300)[0], range(10)))
    # one client (this test) may start 4 kernels at once; the others are told to wait (429)
    assert set(answers) <= {200, 429} and answers.count(200) >= 4, answers
    text_input(page, "s1_phenomenon", "phenomenon").fill("Ryntäyksen jälkeen")
    expect(status(page, "s1_phenomenon")).to_contain_text(
        either(message("status.saved", revision=2),
               message("status.saved_incomplete", revision=2)), timeout=SAVE_TIMEOUT)
    assert page.evaluate("window.ekAlertsSeen") == 0
    context.close()


def test_a_stall_says_nothing_and_a_longer_one_clears_with_reconnected_then_saves(room, browser):
    """A 3 s stall of the server (a burst of fresh kernels did that) puts no warning on an open
    page; a 12 s one does ("not saved yet: waiting"), what is typed meanwhile stays, and once
    the server answers again the warning clears, "the connection is back" is said, and the
    text typed during the stall is saved and said saved."""
    db = str(room.env["EKOKIT_DB"])
    team = new_team(db)
    context = browser.new_context()
    page = context.new_page()
    key = key_for(Store(db), team.slug)
    page.goto(f"{room.url}{PAGE}?team={team.slug}&key={key}&token={TOKEN}", timeout=180_000)
    expect(page.locator(".ek-app")).to_be_visible(timeout=120_000)
    open_exercise(page, "s1_phenomenon")
    type_until_saved(page, ["Ennen katkosta"])
    page.evaluate(WATCH_ALERTS)
    stopped(room, 3)
    text_input(page, "s1_phenomenon", "phenomenon").fill("Lyhyen katkon jälkeen")
    expect(status(page, "s1_phenomenon")).to_contain_text(
        either(message("status.saved", revision=2),
               message("status.saved_incomplete", revision=2)), timeout=SAVE_TIMEOUT)
    assert page.evaluate("window.ekAlertsSeen") == 0  # a short stall is not a lost connection

    assert room.proc is not None
    os.kill(room.proc.pid, signal.SIGSTOP)
    try:
        assert_lost_and_kept(page, "Lyhyen katkon jälkeen", "waiting")
        typed = "Kirjoitettu pitkän katkon aikana"
        text_input(page, "s1_phenomenon", "phenomenon").fill(typed)
        expect(status(page, "s1_phenomenon")).to_have_text(FI("connection.waiting_status"),
                                                          use_inner_text=True)
    finally:
        os.kill(room.proc.pid, signal.SIGCONT)
    expect(page.locator(".ek-held-alert")).to_have_count(0, timeout=3_000)
    expect(page.locator("#ek-connection-back")).to_have_text(FI("connection.back"))
    expect(status(page, "s1_phenomenon")).to_contain_text(
        either(message("status.saved", revision=3),
               message("status.saved_incomplete", revision=3)), timeout=SAVE_TIMEOUT)
    history = [r.data.get("phenomenon") for r in Store(db).history(team.slug, "s1_phenomenon")]
    assert typed in history
    context.close()


# -- server B: killed during warm-up, then itself ------------------------------------------------
def test_a_kernel_killed_in_warm_up_is_replaced_then_a_server_killed_mid_typing_is_honest(
        tmp_path, browser):
    db = tmp_path / "ekokit.sqlite"
    server = start(db, 2)
    try:
        deadline = time.monotonic() + 120
        while not kernel_pids(server) and time.monotonic() < deadline:
            time.sleep(0.2)
        victims = kernel_pids(server)
        assert victims
        os.kill(next(iter(victims.values())), signal.SIGKILL)
        try:
            server.wait_ready(240)
        except ServerFailed as exc:
            pytest.fail(str(exc))
        assert "pooled kernel(s) of 01_ekosysteemit.ipynb failed or died" in server.log_text()

        team = new_team(str(db))
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{server.url}{PAGE}?team={team.slug}", timeout=180_000)
        expect(page.locator(".ek-app")).to_be_visible(timeout=120_000)
        open_exercise(page, "s1_phenomenon")
        saved = type_until_saved(page, ["Eka", "Toka"])
        assert server.proc is not None
        orphans = list(kernel_pids(server).values())  # outside the server's tree once it dies
        typed = "Kolmas, palvelin kaatui ennen tallennusta"
        text_input(page, "s1_phenomenon", "phenomenon").fill(typed)
        # the kernel has it and (as a rule) waits for the typing pause: the server dies now
        expect(status(page, "s1_phenomenon")).to_contain_text(
            either(re.compile(re.escape(FI("status.pending"))),
                   message("status.saved", revision=3),
                   message("status.saved_incomplete", revision=3)))
        os.kill(server.proc.pid, signal.SIGKILL)
        assert_lost_and_kept(page, typed, "waiting")  # no server answers: it keeps asking
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the orphaned kernel saves what was pending
            history = [r.data.get("phenomenon")
                       for r in Store(str(db)).history(team.slug, "s1_phenomenon")]
            if typed in history:
                break
            time.sleep(0.2)
        assert all(text in history for text in [*saved, typed]), (saved, history)
        deadline = time.monotonic() + 30
        while any(running(pid) for pid in orphans) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(running(pid) for pid in orphans)  # orphaned kernels end themselves
        context.close()
    finally:
        for pid in locals().get("orphans", []):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        server.stop()
