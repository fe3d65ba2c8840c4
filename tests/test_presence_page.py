"""Presence follows the page, not its kernel: a tab closed without its unload event (Voilà
shuts a kernel down from its beforeunload) leaves "Here now" within 45 s, while its kernel
lives on until culled (before: about 10 minutes, 609–658 s). Real ``ekokit serve``, real
chromium."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator

import pytest
from ekokit.model.teams import Team
from ekokit.state.overview import here_now
from ekokit.store.database import Store
from playwright.sync_api import expect
from tests.servers import READY_TIMEOUT, Server
from tests.test_room_robust import PAGE, kernel_pids, page_kernel, start

pytestmark = [pytest.mark.server, pytest.mark.browser]

LEAVES_WITHIN = 45.0


@pytest.fixture
def local_room(tmp_path) -> Iterator[Server]:
    server = start(tmp_path / "ekokit.sqlite", 1)
    try:
        server.wait_ready(READY_TIMEOUT)
        yield server
    finally:
        server.stop()


def test_a_tab_closed_without_unload_leaves_here_now_within_45_s(local_room, browser):
    db = str(local_room.env["EKOKIT_DB"])
    slug = f"here-{uuid.uuid4().hex[:8]}"
    Store(db).create_team(Team(slug=slug, name=f"Tiimi {slug}", phenomenon="Velat",
                               members=["Aino"]))
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{local_room.url}{PAGE}?team={slug}", timeout=180_000)
    expect(page.locator(".ek-app")).to_be_visible(timeout=120_000)
    kernel = page_kernel(page)
    deadline = time.monotonic() + 30
    while slug not in here_now(Store(db)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert slug in here_now(Store(db))  # the open page is here
    page.wait_for_timeout(2_000)  # its heartbeat has beaten
    page.close(run_before_unload=False)  # gone: no beforeunload (no kernel shutdown), no beat
    closed = time.monotonic()
    while slug in here_now(Store(db)) and time.monotonic() - closed < LEAVES_WITHIN + 15:
        time.sleep(1)
    left_after = time.monotonic() - closed
    assert kernel in kernel_pids(local_room)  # the kernel lives on: presence left without it
    context.close()
    assert left_after <= LEAVES_WITHIN, f"still here {left_after:.0f} s after the tab closed"


def test_the_projector_drops_the_facilitator_key_from_its_address_once_checked(tmp_path,
                                                                               browser):
    server = start(tmp_path / "ekokit.sqlite", 0, "--public", "--token", "tok-proj",
                   "--facilitator-key", "fac-key-proj")
    try:
        server.wait_ready(READY_TIMEOUT)
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{server.url}voila/render/00_projektori.ipynb?token=tok-proj"
                  "&fkey=fac-key-proj&lang=fi", timeout=180_000)
        expect(page.locator(".ek-projector")).to_be_visible(timeout=120_000)
        expect(page).to_have_url(re.compile(r"^(?!.*fac-key-proj).*lang=fi"), timeout=5_000)
        assert "fkey" not in page.url
        context.close()
    finally:
        server.stop()
