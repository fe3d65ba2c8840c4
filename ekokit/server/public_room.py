"""The public room's side of the server (``ekokit serve --public``): its token, the facilitator
key made at start (its hash told to the kernels through their environment,
:class:`ekokit.server.settings.RoomConfig`), the links printed once, and the refusal of the
facilitator's notebooks to a request without the key."""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlencode

from tornado import web

from ekokit.content.i18n import Translator, t
from ekokit.content.notebooks import FACILITATOR_NOTEBOOK
from ekokit.model.access import (
    FACILITATOR_PARAM,
    Access,
    facilitator_hash,
    facilitator_key_matches,
    is_facilitator_notebook,
    new_facilitator_key,
)
from ekokit.server.guards import KitPageHandler
from ekokit.server.settings import RoomConfig
from ekokit.server.voila_seam import swap_handlers
from ekokit.state.gate import room_token
from ekokit.store.database import Store


@dataclass(frozen=True)
class PublicRoom:
    token: str
    facilitator_key: str

    @property
    def facilitator_hash(self) -> str:
        return facilitator_hash(self.facilitator_key)


def open_public_room(db_url: str | None, token: str | None,
                     facilitator_key: str | None = None) -> PublicRoom:
    """The room's token (given, else the store's own) and the facilitator key (given, else a
    new one); the server gives the kernels its hash (:meth:`RoomConfig.kernel_env`)."""
    return PublicRoom(token or room_token(Store(db_url)),
                      facilitator_key or new_facilitator_key())


def room_access(room: RoomConfig, facilitator_key: str | None) -> Access:
    """What a request to the server may open, by the room's settings and the key it holds."""
    return Access(public=room.public, facilitator=room.public and facilitator_key_matches(
        room.facilitator_hash, facilitator_key))


def room_lines(url: str, room: PublicRoom, lang: str | None = None) -> list[str]:
    """What ``ekokit serve --public`` prints once at start: the room link and the facilitator
    link (never printed again: whoever holds it sees every team)."""
    base = url.split("?", 1)[0]
    query = urlencode({"token": room.token, FACILITATOR_PARAM: room.facilitator_key})
    facilitator = f"{base}voila/render/{FACILITATOR_NOTEBOOK}?{query}"
    return [t("access.room_link", Translator(lang).lang, url=url),
            t("access.facilitator_link", Translator(lang).lang, url=facilitator)]


def refused_html(lang: str | None) -> str:
    tr = Translator(lang)
    esc = html.escape
    return (f'<!DOCTYPE html><html lang="{tr.lang}"><head><meta charset="utf-8">'
            f"<title>{esc(tr('access.refused_title'))} – ekokit</title></head><body><main>"
            f"<h1>{esc(tr('access.refused_title'))}</h1>"
            f'<p role="alert">{esc(tr("access.facilitator_only"))}</p></main></body></html>')


class GatedVoilaHandler(KitPageHandler):
    """The kit's page handler (:mod:`ekokit.server.guards`) that, in a public room, answers a
    facilitator's notebook asked for without the facilitator key with 403 and a message: no
    kernel starts, nothing is shown."""

    @web.authenticated
    async def get(self, path=None):
        key = self.get_query_argument(FACILITATOR_PARAM, None)
        room: RoomConfig = self.settings["ekokit_room"]
        if is_facilitator_notebook(path or "") and not room_access(room, key).trusted:
            self.set_status(403)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(refused_html(self.get_query_argument("lang", None)))
            return
        await super().get(path)


class ClosedHandler(web.RequestHandler):
    """A path a room does not serve: 404, a plain line, nothing listed, no traceback."""

    def _closed(self, *args: object) -> None:
        self.set_status(404)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish("404: Not Found")

    get = head = post = put = patch = delete = _closed


def closed_handlers(base: str, public: bool) -> list:
    """Put before Voilà's handlers: a template's own files (conf.json: Voilà's handler fails on
    it with a traceback) always; in a public room also the notebook listing (``/voila/tree``)
    and the contents API (``/voila/api/contents``), which list every notebook."""
    rules: list = [(fr"{base}/voila/templates/[^/]+/[^/]+\.(?:json|j2)", ClosedHandler)]
    if public:
        rules += [(fr"{base}/voila/tree(?:/.*)?", ClosedHandler),
                  (fr"{base}/voila/api/contents(?:/.*)?", ClosedHandler)]
    return rules


def gate_handlers(handlers: list) -> list:
    """The guarded handlers (:func:`ekokit.server.guards.guarded_handlers`) with the kit's page
    handler replaced by :class:`GatedVoilaHandler` (not found: the server does not start)."""
    return swap_handlers(handlers, {KitPageHandler: GatedVoilaHandler})
