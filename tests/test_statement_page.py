"""The accessibility statement (#26): its page in Finnish, Swedish and English, the facilitator's
feedback address, and the link to it from the landing page and every served page. The page
parts are quick; the browser parts open the real server in chromium and run axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ekokit.content.calendar import CALENDAR_ENV, calendar_path
from ekokit.content.i18n import Translator, languages
from ekokit.content.statement import NON_CONFORMITIES, statement_facts
from ekokit.paths import clear_data_caches
from ekokit.server.statement import statement_html
from markupsafe import escape
from tests.servers import running_server

LANGS = list(languages())


@pytest.mark.parametrize("lang", LANGS)
def test_the_statement_follows_the_authoritys_model_in_every_language(lang):
    tr = Translator(lang)
    page = statement_html(lang)
    assert f'<html lang="{lang}">' in page
    for key in ("statement.title", "statement.status_heading", "statement.status",
                "statement.problems_heading", "statement.method_heading",
                "statement.feedback_heading", "statement.enforcement_heading",
                "statement.enforcement", "statement.authority"):
        assert escape(tr(key)) in page, key
    for name in NON_CONFORMITIES:  # each known shortcoming with its WCAG criteria
        assert escape(tr(f"statement.problem_{name}")) in page
        assert escape(tr(f"statement.problem_{name}_criteria")) in page
    for test in statement_facts().tests:  # how it was made: the tests, and when
        assert f"<code>{test}</code>" in page
    assert f"{statement_facts().reviewed.day}.{statement_facts().reviewed.month}." in page
    assert "saavutettavuusvaatimukset.fi" in page
    assert "http" not in page.replace('href="/', "")  # text, never a link to another host
    others = [code for code in LANGS if code != lang]
    assert all(f'hreflang="{code}"' in page for code in others)
    assert f'<span lang="{lang}" aria-current="true">' in page


def test_the_statement_shows_the_facilitators_feedback_address(tmp_path, monkeypatch):
    without = statement_html("sv")
    assert escape(Translator("sv")("statement.feedback_none")) in without
    own = tmp_path / "calendar.yaml"
    own.write_text(calendar_path().read_text("utf-8").replace(
        "programme: ekosysteemikoulu-2023", "programme: x\nfeedback_email: palaute@virasto.fi"),
        "utf-8")
    monkeypatch.setenv(CALENDAR_ENV, str(own))
    clear_data_caches()
    try:
        page = statement_html("sv")
    finally:
        monkeypatch.delenv(CALENDAR_ENV)
        clear_data_caches()
    assert '<a href="mailto:palaute@virasto.fi">palaute@virasto.fi</a>' in page
    assert escape(Translator("sv")("statement.feedback_none")) not in page


def test_a_feedback_address_that_could_run_in_a_page_is_refused():
    from ekokit.content.calendar import Calendar, calendar

    data = calendar().model_dump()
    for bad in ('x"><script>@a.fi', "no-at-sign.fi", "a b@c.fi"):
        with pytest.raises(ValueError):
            Calendar.model_validate({**data, "feedback_email": bad})


# -- in the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("statement") / "ekokit.sqlite"
    with running_server(db, extra_args=("--lang", "sv")) as base_url:
        yield base_url


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(90_000)
    yield context.new_page()
    context.close()


@pytest.mark.server
@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_statement_page_is_served_and_axe_clean(server, page, lang):
    from playwright.sync_api import expect
    from tests.test_browser import is_local, serious_violations

    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}?lang={lang}")  # from the landing page's footer
    page.locator("footer a").click()
    expect(page).to_have_url(f"{server}ekokit/accessibility?lang={lang}")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).to_have_text(Translator(lang)("statement.title"))
    assert serious_violations(page) == []
    assert [url for url in requested if not is_local(url)] == []


@pytest.mark.server
@pytest.mark.browser
def test_serve_lang_sv_makes_the_room_swedish(server, page):
    from playwright.sync_api import expect

    page.goto(server)  # no ?lang=: the room's language
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("nav.ek-lang-switch")).to_have_text("suomi · svenska · English")
    expect(page.locator("footer a")).to_have_text(Translator("sv")("statement.link"))


@pytest.mark.server
@pytest.mark.browser
@pytest.mark.parametrize("notebook", ["00_fasilitaattori.ipynb", "00_projektori.ipynb"])
def test_the_facilitator_and_projector_pages_link_the_statement(server, page, notebook):
    from playwright.sync_api import expect

    page.goto(f"{server}voila/render/{notebook}?lang=en")
    expect(page.locator(".ek-app")).to_be_visible()
    link = page.locator("footer.ek-site-footer a")
    expect(link).to_have_text(Translator("en")("statement.link"))
    link.click()
    expect(page.locator("h1")).to_have_text(Translator("en")("statement.title"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_every_voila_page_has_the_footer_and_the_switch():
    """The footer and the switch are the Voilà template's, so every served page has them."""
    template = (Path(__file__).resolve().parent.parent / "ekokit" / "share" / "jupyter" / "voila"
                / "templates" / "ekokit" / "index.html.j2").read_text("utf-8")
    assert 'href="{{ resources.base_url }}ekokit/accessibility"' in template
    assert '<nav class="ek-lang-switch" id="ek-lang-switch">' in template
