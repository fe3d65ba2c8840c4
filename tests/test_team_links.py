"""`ekokit links`: each team's link printed, and a printable sheet with one QR code per team
(inline SVG, nothing fetched); the facilitator view's own refusal in a kernel."""

from __future__ import annotations

import html
import os
import re
import stat
import subprocess
import sys
from urllib.parse import urlencode

import pytest
import qrcode
from bs4 import BeautifulSoup
from ekokit.content.i18n import Translator
from ekokit.kernel.request import PageRequest
from ekokit.model.access import FACILITATOR_HASH_ENV, PUBLIC_ENV, facilitator_hash
from ekokit.model.teams import Team
from ekokit.state.gate import key_for, room_token

HOSTILE = '<script>alert("x")</script> & Co'


def dark_modules(svg) -> set[tuple[int, int]]:
    """The dark squares a qrcode SVG path draws: "M x,y H x+1 V y+1 H x z" each."""
    path = svg.find("path")["d"]
    return {(int(x), int(y)) for x, y in re.findall(r"M(\d+),(\d+)H", path)}


def qr_modules(text: str) -> set[tuple[int, int]]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    return {(x, y) for y, row in enumerate(code.get_matrix()) for x, dark in enumerate(row)
            if dark}


def test_links_prints_every_team_and_writes_a_private_sheet_with_one_qr_code_each(
        store, db_path, tmp_path):
    store.create_team(Team(slug="tiimi-a", name=HOSTILE))
    store.create_team(Team(slug="tiimi-b", name="Beta"))
    sheet = tmp_path / "kortit" / "links.html"
    out = subprocess.run([sys.executable, "-m", "ekokit.cli", "--db", str(db_path), "links",
                          "--url", "http://huone.example:8866/", "--session", "2",
                          "-o", str(sheet)], capture_output=True, text=True, check=True,
                         timeout=120).stdout.splitlines()
    token = room_token(store)
    expected = {slug: "http://huone.example:8866/voila/render/02_tulevaisuusmuotoilu.ipynb?"
                + urlencode({"token": token, "team": slug, "key": key_for(store, slug)})
                for slug in ("tiimi-a", "tiimi-b")}
    fi = Translator("fi")
    assert out == [
        f"{fi('access.links_team', name=HOSTILE, slug='tiimi-a')}: {expected['tiimi-a']}",
        f"{fi('access.links_team', name='Beta', slug='tiimi-b')}: {expected['tiimi-b']}",
        fi("access.links_written", path=str(sheet))]
    assert stat.S_IMODE(os.stat(sheet).st_mode) == 0o600

    text = sheet.read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "html.parser")
    assert "<script>" not in text and soup.find("script") is None  # the name stays text
    cards = soup.select(".ek-card")
    assert [c["data-team"] for c in cards] == ["tiimi-a", "tiimi-b"]
    assert len(soup.find_all("svg")) == 2
    for card in cards:
        url = expected[card["data-team"]]
        assert card.find("a")["href"] == url
        assert card.select_one(".ek-link").get_text(strip=True) == url
        assert dark_modules(card.find("svg")) == qr_modules(url)  # the QR code is the link
    assert HOSTILE in cards[0].find("h2").get_text()
    # nothing from another host: no stylesheet, image or script source anywhere
    assert not soup.find_all(attrs={"src": True}) and not soup.find_all("link")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_links_in_swedish_and_english_and_with_no_team(db_path, tmp_path, lang):
    sheet = tmp_path / "links.html"
    out = subprocess.run([sys.executable, "-m", "ekokit.cli", "--db", str(db_path), "--lang",
                          lang, "links", "-o", str(sheet)], capture_output=True, text=True,
                         check=True, timeout=120).stdout.splitlines()
    tr = Translator(lang)
    assert out == [tr("access.links_none"), tr("access.links_written", path=str(sheet))]
    written = sheet.read_text(encoding="utf-8")
    assert tr("access.links_heading") in written and f'<html lang="{lang}"' in written


@pytest.mark.parametrize("view", ["facilitator", "projector"])
def test_a_kernel_of_a_public_room_refuses_the_facilitator_view_without_the_key(monkeypatch, view):
    """The facilitator view and the projector show every team: both need the key."""
    import ekokit
    from ekokit.kernel import request
    from ekokit.widgets.facilitator import FacilitatorView
    from ekokit.widgets.projector import Projector

    shown = {"facilitator": FacilitatorView, "projector": Projector}[view]
    opened = getattr(ekokit, view)
    monkeypatch.setenv(PUBLIC_ENV, "1")
    monkeypatch.setenv(FACILITATOR_HASH_ENV, facilitator_hash("oikea"))
    for params in ({}, {"fkey": "väärä"}):
        monkeypatch.setattr(request, "current_request",
                            lambda p=params: PageRequest(served=True, params=p))
        refused = opened(lang="en")
        assert not isinstance(refused, shown)
        assert html.escape(Translator("en")("access.facilitator_only")) in refused.value
    monkeypatch.setattr(request, "current_request",
                        lambda: PageRequest(served=True, params={"fkey": "oikea"}))
    assert isinstance(opened(lang="en"), shown)


def test_the_facilitators_link_to_the_projector_carries_the_rooms_keys(monkeypatch):
    """In a public room the projector needs the facilitator key too: the facilitator view's
    link to it carries the page's token and key (escaped), and nothing else of the address."""
    import ekokit
    from ekokit.kernel import request

    monkeypatch.setenv(PUBLIC_ENV, "1")
    monkeypatch.setenv(FACILITATOR_HASH_ENV, facilitator_hash("oikea&<x>"))
    params = {"fkey": "oikea&<x>", "token": "T0K", "team": "muu"}
    monkeypatch.setattr(request, "current_request",
                        lambda: PageRequest(served=True, params=params))
    view = ekokit.facilitator(lang="en")
    link = view.widget.children[-1].value
    assert 'href="00_projektori.ipynb?lang=en&amp;token=T0K&amp;fkey=oikea%26%3Cx%3E"' in link
    assert "team=" not in link
