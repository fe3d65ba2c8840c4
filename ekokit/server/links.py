"""Team links for a room: each team's address with its key (``ekokit links``), and a printable
sheet with one card per team and a QR code drawn as inline SVG (the ``qrcode`` library; nothing
is fetched from anywhere). The sheet is a Jinja template (templates/links.html.j2, autoescaped)."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlencode

import jinja2
import qrcode
import qrcode.image.svg

from ekokit.content.i18n import DEFAULT_LANG, Translator
from ekokit.model.access import KEY_PARAM
from ekokit.model.teams import is_demo_team, visible
from ekokit.server.landing import _environment
from ekokit.state.gate import key_for
from ekokit.store.database import Store


@dataclass(frozen=True)
class TeamLink:
    slug: str
    name: str
    key: str
    url: str


def room_base_url(port: int = 8866, host: str | None = None) -> str:
    """The room's address as ``ekokit serve --public`` prints it."""
    return f"http://{host or socket.getfqdn()}:{port}/"


def team_url(base_url: str, notebook: str, token: str | None, slug: str, key: str,
             lang: str = DEFAULT_LANG) -> str:
    query = {"token": token} if token else {}
    query.update({"team": slug, KEY_PARAM: key})
    if lang != DEFAULT_LANG:
        query["lang"] = lang
    return f"{base_url.rstrip('/')}/voila/render/{notebook}?{urlencode(query)}"


def team_links(store: Store, base_url: str, notebook: str, token: str | None,
               lang: str = DEFAULT_LANG) -> list[TeamLink]:
    """Every team's link (the demo teams need none), in the order teams are listed."""
    return [TeamLink(team.slug, team.name, key,
                     team_url(base_url, notebook, token, team.slug, key, lang))
            for team in store.teams() if not is_demo_team(team.slug)
            for key in (key_for(store, team.slug),)]


def qr_svg(text: str) -> str:
    """``text`` as a QR code: one inline ``<svg>`` element (no XML declaration)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage,
                        error_correction=qrcode.constants.ERROR_CORRECT_M)
    return image.to_string(encoding="unicode")


def links_sheet(links: list[TeamLink], lang: str | None = None) -> str:
    """The printable sheet: one card per team with its name, link, key and QR code."""
    tr = Translator(lang)
    cards = [{"link": link, "qr": jinja2.filters.Markup(qr_svg(link.url)),
              "title": tr("access.links_team", name=link.name, slug=link.slug),
              "key": tr("access.links_key", value=link.key),
              "alt": tr("access.qr_alt", name=link.name)} for link in links]
    return _environment().get_template("links.html.j2").render(lang=tr.lang, tr=tr, cards=cards)


def session_notebook(session: str | None) -> str:
    """The notebook team links open: the given session's, else today's or the next one's."""
    import datetime as dt

    from ekokit.content.calendar import calendar

    cal = calendar()
    return (cal.session(session) if session else cal.session_for(dt.date.today())).notebook


def write_links(store: Store, *, base_url: str, session: str | None, token: str | None,
                lang: str, output: str) -> list[str]:
    """``ekokit links``: each team's link as lines to print, and the printable sheet written to
    ``output`` (readable by its owner only: the links open the teams)."""
    from ekokit.paths import write_private
    from ekokit.state.gate import room_token

    tr = Translator(lang)
    links = team_links(store, base_url, session_notebook(session),
                       token or room_token(store), tr.lang)
    write_private(output, links_sheet(links, tr.lang))
    lines = [f"{tr('access.links_team', name=visible(link.name), slug=link.slug)}: {link.url}"
             for link in links] or [tr("access.links_none")]
    return [*lines, tr("access.links_written", path=output)]
