"""The room on a real network: Debian's nginx with deploy/nginx/ekokit.conf (TLS with a
certificate made here, websockets, gzip, caching, HSTS, logs without secrets, sticky sessions)
in front of two ``ekokit serve --behind-proxy`` processes sharing one store, and chromium.

The store both servers share comes from one fixture, :func:`store_url`: a SQLite file (WAL)
here; point it at a PostgreSQL URL (``postgresql+psycopg://…``) to run the same room on it.
The tests run in file order: the last kills one server with SIGKILL."""

from __future__ import annotations

import json
import os
import re
import signal
import ssl
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from ekokit.content.exercises import find_exercise
from ekokit.model.teams import Team
from ekokit.server.behind_proxy import known_public_url
from ekokit.server.links import team_url
from ekokit.state.gate import key_for
from ekokit.store.database import Store
from playwright.sync_api import Browser, BrowserContext, Page, expect
from tests.cli_runner import run_cli
from tests.proxy_stack import Proxy
from tests.servers import READY_TIMEOUT, Server, ekokit_server, free_port
from tests.test_browser import SAVE_TIMEOUT, either, message, status, text_input
from tests.test_room_robust import assert_lost_and_kept

pytestmark = [pytest.mark.server, pytest.mark.browser]

TOKEN = "room-token-behind-the-proxy"
FKEY = "facilitator-key-behind-the-proxy"
NOTEBOOK = "01_ekosysteemit.ipynb"
FACILITATOR = "voila/render/00_fasilitaattori.ipynb"
APP_TIMEOUT = 120_000  # ms: a page without a pool starts its kernel and runs the notebook
LIVE_WAIT = 10_000  # ms: a teammate's save shows within about 5 s (2 s polls); waited generously
PATH = os.pathsep.join(p for p in (str(Path(__file__).resolve().parent.parent),
                                   os.environ.get("PYTHONPATH", "")) if p)
SAVED_OK = either(message("status.saved"), message("status.saved_incomplete"))


@dataclass
class Room:
    proxy: Proxy
    servers: list[Server]
    store_url: str
    secrets: set[str] = field(default_factory=set)  # every token and key the tests used

    @property
    def store(self) -> Store:
        return Store(self.store_url)

    def upstream(self, number: int) -> str:
        """``127.0.0.1:PORT`` of server 1 or 2, as the access log names it."""
        return f"127.0.0.1:{self.servers[number - 1].port}"

    def link(self, team: Team, **extra: str) -> str:
        key = key_for(self.store, team.slug)
        self.secrets.add(key)
        url = team_url(self.proxy.url, NOTEBOOK, TOKEN, team.slug, key)
        return url + "".join(f"&{k}={v}" for k, v in extra.items())


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    """The one store every server of the room opens (an SQLAlchemy URL)."""
    return f"sqlite:///{tmp_path_factory.mktemp('proxy-store') / 'ekokit.sqlite'}"


@pytest.fixture(scope="module")
def room(tmp_path_factory, store_url) -> Iterator[Room]:
    folder = tmp_path_factory.mktemp("proxy-room")
    https_port, http_port = free_port(), free_port()
    public = f"https://127.0.0.1:{https_port}/"
    servers = [ekokit_server(f"ekokit serve {n}", store_url, free_port(),
                             log_path=folder / f"serve-{n}.log", env={"PYTHONPATH": PATH},
                             extra_args=("--behind-proxy", public, "--token", TOKEN,
                                         "--facilitator-key", FKEY, "--session", "1"))
               for n in (1, 2)]
    proxy = Proxy(folder / "nginx", [s.port for s in servers if s.port], https_port, http_port)
    try:
        for server in servers:  # one after the other: the first seeds the demo team
            server.start().wait_ready(READY_TIMEOUT)
        proxy.start()
        yield Room(proxy, servers, store_url, {TOKEN, FKEY})
    finally:
        proxy.stop()
        for server in servers:
            server.stop()


def new_team(room: Room, prefix: str = "tls") -> Team:
    slug = f"{prefix}-{uuid.uuid4().hex[:8]}"
    return room.store.create_team(Team(slug=slug, name=f"Tiimi {slug}", phenomenon="Velat",
                                       members=["Aino", "Bashir"]))


@pytest.fixture(scope="module")
def browser(room) -> Iterator[Browser]:
    """Debian's chromium trusting the test's certificate as a CA-signed one (by its key's hash):
    no certificate error is ignored, and the browser caches as it would on a real site (it
    caches nothing loaded past a certificate error)."""
    from playwright.sync_api import sync_playwright
    from tests.servers import CHROMIUM_ARGS, chromium_path

    trust = f"--ignore-certificate-errors-spki-list={room.proxy.spki_hash()}"
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(),
                                      args=[*CHROMIUM_ARGS, trust])
        yield chromium
        chromium.close()


def new_context(browser: Browser, room: Room, server: int | None = None) -> BrowserContext:
    """A fresh browser profile; ``server`` pins it to server 1 or 2 through the proxy's route
    cookie, as an earlier answer would."""
    context = browser.new_context(locale="fi-FI")
    context.set_default_timeout(APP_TIMEOUT)
    if server is not None:
        context.add_cookies([{"name": "ekokit_server", "value": str(server),
                              "url": room.proxy.url}])
    return context


def access_lines(room: Room, path: str) -> list[str]:
    return [line for line in room.proxy.access_log.read_text(encoding="utf-8").splitlines()
            if f" {path}" in line]


def served_by(room: Room, path: str) -> str:
    """The server that answered the latest request for ``path`` (the access log's upstream)."""
    line = access_lines(room, path)[-1]
    return re.search(r"upstream=(?:[^ ]*, )?([0-9.:]+)/\d+", line).group(1)


def https_get(url: str) -> tuple[int, dict[str, str], bytes]:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, context=context, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def open_phenomenon(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(".ek-ex-s1_phenomenon .ek-body")).to_be_visible(timeout=APP_TIMEOUT)


def save_phenomenon(page: Page, text: str) -> None:
    text_input(page, "s1_phenomenon", "phenomenon").fill(text)
    expect(status(page, "s1_phenomenon")).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)


# -- the configuration -------------------------------------------------------------------------


def test_the_shipped_configuration_passes_nginx_t(room):
    checked = room.proxy.check()
    assert checked.returncode == 0, checked.stderr


def test_the_servers_listen_on_127_0_0_1_only_and_links_use_the_public_address(room):
    listening = Path("/proc/net/tcp").read_text().splitlines()[1:]
    for server in room.servers:
        local = [line.split()[1] for line in listening
                 if line.split()[3] == "0A" and line.split()[1].endswith(f":{server.port:04X}")]
        assert local == ["0100007F:" + f"{server.port:04X}"], local  # 127.0.0.1, LISTEN
        assert f"ekokit ready: {room.proxy.url}?token={TOKEN}" in server.log_text()
    assert known_public_url(room.store) == room.proxy.url
    team = new_team(room, "links")
    printed = run_cli("--db", room.store_url, "links", "-o",
                      str(room.proxy.folder / "team-links.html")).stdout
    assert f"{room.proxy.url}voila/render/" in printed
    assert team.slug in printed


def test_health_answers_through_the_proxy_without_a_token_and_without_team_data(room):
    status_code, headers, body = https_get(f"{room.proxy.url}ekokit/health")
    assert status_code == 200
    health = json.loads(body)
    assert health["store"] == "ok"
    assert health["status"] == "ok"
    assert health["pool"] == {"warm": 0, "size": 0}
    assert health["version"]
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert not any(team.slug in body.decode() for team in room.store.teams())


# -- one team over https ---------------------------------------------------------------------


@dataclass
class Visit:
    team: Team
    typed: str
    websockets: list[str]
    responses: list[dict[str, Any]]  # the first load's: url, status, headers, body size
    static_lines_before_reload: int
    static_lines_after_reload: int


def _static_lines(room: Room) -> int:
    return len(access_lines(room, "/voila/static/")) + len(
        access_lines(room, "/voila/labextensions/"))


@pytest.fixture(scope="module")
def visit(room, browser) -> Iterator[Visit]:
    """A team's own link opened over https: save, reload, the answer is there."""
    team = new_team(room)
    typed = "Yli <b>verkon</b> TLS:n kautta"
    websockets: list[str] = []
    responses: list[dict[str, Any]] = []
    context = new_context(browser, room)
    page = context.new_page()
    page.on("websocket", lambda ws: websockets.append(ws.url))

    def record(response) -> None:
        if urlsplit(response.url).path.startswith("/voila/") and response.status == 200:
            try:
                size = len(response.body())
            except Exception:  # noqa: BLE001 - a body no longer available
                size = -1
            responses.append({"url": response.url, "headers": response.headers, "size": size})

    page.on("response", record)
    try:
        open_phenomenon(page, room.link(team, exercise="s1_phenomenon"))
        save_phenomenon(page, typed)
        page.remove_listener("response", record)
        before = _static_lines(room)
        page.reload()
        expect(page.locator(".ek-ex-s1_phenomenon .ek-body")).to_be_visible(timeout=APP_TIMEOUT)
        expect(text_input(page, "s1_phenomenon", "phenomenon")).to_have_value(typed)
        yield Visit(team, typed, websockets, responses, before, _static_lines(room))
    finally:
        context.close()


def test_a_team_link_over_https_saves_and_the_reload_shows_the_answer(room, visit):
    assert [r.data["phenomenon"] for r in room.store.history(visit.team.slug, "s1_phenomenon")
            ] == [visit.typed]


def test_the_pages_websockets_are_wss_through_the_proxy(room, visit):
    channels = [url for url in visit.websockets if "/api/kernels/" in url]
    assert len(channels) >= 2, visit.websockets  # the first load's and the reload's kernels
    assert all(url.startswith(f"wss://127.0.0.1:{room.proxy.https_port}/")
               for url in visit.websockets), visit.websockets


def _static(visit: Visit) -> list[dict[str, Any]]:
    static = [r for r in visit.responses
              if re.search(r"/voila/(static|labextensions|templates/[^/]+/static)/", r["url"])]
    scripts = [r for r in static if urlsplit(r["url"]).path.endswith(".js")]
    assert len(scripts) > 20, [r["url"] for r in static]
    return static


def test_static_files_come_gzip_compressed(visit):
    for response in _static(visit):
        if response["size"] >= 1024 and re.search(r"\.(js|css)$", urlsplit(response["url"]).path):
            assert response["headers"].get("content-encoding") == "gzip", response["url"]


def test_static_files_are_cached_for_a_day_or_a_year_without_a_cookie(visit):
    for response in _static(visit):
        headers = response["headers"]
        max_age = re.search(r"max-age=(\d+)", headers.get("cache-control", ""))
        assert max_age and int(max_age.group(1)) >= 86400, (response["url"], headers)
        if "?v=" in response["url"] or re.search(r"\.[0-9a-f]{16,}\.js$", response["url"]):
            assert int(max_age.group(1)) >= 31536000, response["url"]  # names its content
        assert "set-cookie" not in headers, response["url"]  # cacheable: nothing per visitor


def test_the_reload_takes_the_static_files_from_the_browsers_cache(visit):
    assert visit.static_lines_before_reload > 20
    assert visit.static_lines_after_reload == visit.static_lines_before_reload


def test_every_answer_carries_hsts(visit):
    for response in visit.responses:
        assert response["headers"].get("strict-transport-security", "").startswith(
            "max-age="), response["url"]


# -- two servers, one room -------------------------------------------------------------------


def test_teammates_on_different_servers_and_the_facilitator_see_each_others_saves(room,
                                                                                browser):
    team = new_team(room, "two")
    contexts = [new_context(browser, room, server=n) for n in (1, 2, 2)]
    try:
        a, b, facilitator = (c.new_page() for c in contexts)
        open_phenomenon(a, room.link(team, exercise="s1_phenomenon"))
        assert served_by(room, f"/voila/render/{NOTEBOOK}") == room.upstream(1)
        facilitator.goto(f"{room.proxy.url}{FACILITATOR}?token={TOKEN}&fkey={FKEY}")
        assert served_by(room, f"/{FACILITATOR}") == room.upstream(2)
        # the team's only page is on server 1: the facilitator on server 2 counts it here
        expect(facilitator.locator(".ek-presence")).to_contain_text(team.name)
        open_phenomenon(b, room.link(team, exercise="s1_phenomenon"))
        assert served_by(room, f"/voila/render/{NOTEBOOK}") == room.upstream(2)
        facilitator.locator(".ek-field-exercise select").select_option(
            label=find_exercise("s1_phenomenon").title("fi"))

        save_phenomenon(a, "Tallennettu palvelimella 1")  # on server 1 …
        expect(text_input(b, "s1_phenomenon", "phenomenon")).to_have_value(  # … seen on 2
            "Tallennettu palvelimella 1", timeout=LIVE_WAIT)
        answer = facilitator.locator(".ek-team-answer", has_text=team.name)
        expect(answer).to_contain_text("Tallennettu palvelimella 1", timeout=LIVE_WAIT)

        save_phenomenon(b, "Ja palvelimella 2")  # and back
        expect(text_input(a, "s1_phenomenon", "phenomenon")).to_have_value(
            "Ja palvelimella 2", timeout=LIVE_WAIT)
        expect(answer).to_contain_text("Ja palvelimella 2", timeout=LIVE_WAIT)
    finally:
        for context in contexts:
            context.close()


def test_kill_9_of_a_server_loses_no_saved_answer_and_new_visitors_go_to_the_other(room,
                                                                                 browser):
    team = new_team(room, "kill")
    on_one = new_context(browser, room, server=1)
    newcomer = new_context(browser, room)
    try:
        page = on_one.new_page()
        open_phenomenon(page, room.link(team, exercise="s1_phenomenon"))
        assert served_by(room, f"/voila/render/{NOTEBOOK}") == room.upstream(1)
        save_phenomenon(page, "Kuitattu ennen kaatumista")  # acknowledged: "saved"
        victim = room.servers[0].proc
        assert victim is not None
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(timeout=30)
        # the page on the dead server says so (its heartbeat now reaches server 2, which has
        # no such kernel), and keeps what was typed
        assert_lost_and_kept(page, "Kuitattu ennen kaatumista")

        fresh = newcomer.new_page()  # a new visitor, and the one pinned to the dead server
        open_phenomenon(fresh, room.link(team, exercise="s1_phenomenon"))
        assert served_by(room, f"/voila/render/{NOTEBOOK}") == room.upstream(2)
        expect(text_input(fresh, "s1_phenomenon", "phenomenon")).to_have_value(
            "Kuitattu ennen kaatumista")
        page.reload()
        expect(text_input(page, "s1_phenomenon", "phenomenon")).to_have_value(
            "Kuitattu ennen kaatumista", timeout=APP_TIMEOUT)
        assert served_by(room, f"/voila/render/{NOTEBOOK}") == room.upstream(2)
        assert [r.data["phenomenon"] for r in room.store.history(team.slug, "s1_phenomenon")
                ] == ["Kuitattu ennen kaatumista"]
    finally:
        on_one.close()
        newcomer.close()


def test_no_token_or_key_in_any_of_the_proxys_logs(room):
    """Last: after the visits, the two servers, the facilitator view and a server's death
    (which makes nginx log failed connections)."""
    logs = room.proxy.logs()
    assert f"GET /voila/render/{NOTEBOOK}" in logs  # the visits are logged, their path only
    assert "upstream=" in logs and room.upstream(1) in logs
    assert {TOKEN, FKEY} < room.secrets  # and the keys of the teams whose links were opened
    leaked = [secret for secret in room.secrets if secret in logs]
    assert leaked == []
    assert "token=" not in logs and "key=" not in logs
