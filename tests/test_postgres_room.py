"""A room served on PostgreSQL: ``ekokit serve --db postgresql+psycopg://…`` with real kernels
and a real chromium. A teammate's save appears on the other page without a reload, and each open
page's kernel listens for the store's NOTIFY (ekokit.store.notify)."""

from __future__ import annotations

import uuid

import pytest
from ekokit.content.i18n import Translator
from ekokit.model.teams import Team
from ekokit.state.gate import key_for
from ekokit.store.database import Store
from playwright.sync_api import expect
from sqlalchemy import text
from tests.servers import READY_TIMEOUT, ekokit_server, free_port

pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.postgres]

TOKEN = "room-token-for-tests"
PAGE = "voila/render/01_ekosysteemit.ipynb"
APP_TIMEOUT = 90_000  # ms: a page past the pool starts its kernel and runs the notebook first
LIVE_WAIT = 10_000  # ms
FI = Translator("fi")


def _listening(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                 "current_database() AND query LIKE 'LISTEN%'")).scalar_one()


def test_a_save_appears_on_a_teammates_page_served_from_postgresql(postgres, browser,
                                                                  tmp_path):
    url = postgres.new_database()
    server = ekokit_server("ekokit serve (PostgreSQL)", url, free_port(), participants=2,
                           log_path=tmp_path / "serve.log",
                           extra_args=("--public", "--token", TOKEN, "--session", "1"))
    server.start()
    contexts = []
    try:
        server.wait_ready(READY_TIMEOUT)
        store = Store(url)
        assert store.has_team("esimerkki")  # the demo team, seeded into PostgreSQL by serve
        slug = f"pg-{uuid.uuid4().hex[:8]}"
        store.create_team(Team(slug=slug, name=f"PG <{slug}>", members=["Aino", "Bashir"]))
        contexts = [browser.new_context(locale="fi-FI") for _ in range(2)]
        a, b = (c.new_page() for c in contexts)
        for page in (a, b):
            page.set_default_timeout(APP_TIMEOUT)
            page.goto(f"{server.url}{PAGE}?team={slug}&key={key_for(store, slug)}"
                      f"&exercise=s1_phenomenon&token={TOKEN}")
            expect(page.locator(".ek-ex-s1_phenomenon .ek-body")).to_be_visible()
        assert _listening(store) >= 2  # both pages' kernels listen for saves
        typed = "Ainon <i>ilmiö</i> PostgreSQLissä"
        a.locator(".ek-field-author select").select_option(label="Aino")
        a.locator(".ek-ex-s1_phenomenon .ek-field-phenomenon input").fill(typed)
        expect(a.locator(".ek-ex-s1_phenomenon .ek-status")).to_contain_text(
            FI("status.saved_incomplete").split(" {")[0], timeout=15_000)
        section = b.locator(".ek-ex-s1_phenomenon")
        expect(section.locator(".ek-field-phenomenon input")).to_have_value(
            typed, timeout=LIVE_WAIT)
        expect(section.locator(".ek-status")).to_contain_text("Aino")
        assert store.latest(slug, "s1_phenomenon").data["phenomenon"] == typed
    finally:
        for context in contexts:
            context.close()
        server.stop()
