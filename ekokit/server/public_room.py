"""The public room's side of the server (``ekokit serve --public``): its token, the facilitator
key made at start (its hash told to the kernels through their environment), the links printed
once, and the refusal of the facilitator's notebooks to a request without the key."""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from urllib.parse import urlencode

from tornado import web

from ekokit.content.i18n import Translator, t
from ekokit.model.access import (
    FACILITATOR_HASH_ENV,
    FACILITATOR_NOTEBOOKS,
    FACILITATOR_PARAM,
    PUBLIC_ENV,
    access_from_env,
    facilitator_hash,
    is_facilitator_notebook,
    new_facilitator_key,
)
from ekokit.server.guards import KitPageHandler
from ekokit.state.gate import room_token
from ekokit.store.database import Store


@dataclass(frozen=True)
class PublicRoom:
    token: str
    facilitator_key: str


def open_public_room(db_url: str | None, token: str | None,
                     facilitator_key: str | None = None) -> PublicRoom:
    """The room's token (given, else the store's own) and a new facilitator key; tells the
    kernels, which inherit this environment, that the room is public and the key's hash."""
    room = PublicRoom(token or room_token(Store(db_url)),
                      facilitator_key or new_facilitator_key())
    os.environ[PUBLIC_ENV] = "1"
    os.environ[FACILITATOR_HASH_ENV] = facilitator_hash(room.facilitator_key)
    return room


def room_lines(url: str, room: PublicRoom, lang: str | None = None) -> list[str]:
    """What ``ekokit serve --public`` prints once at start: the room link and the facilitator
    link (never printed again: whoever holds it sees every team)."""
    base = url.split("?", 1)[0]
    query = urlencode({"token": room.token, FACILITATOR_PARAM: room.facilitator_key})
    facilitator = f"{base}voila/render/{FACILITATOR_NOTEBOOKS[0]}?{query}"
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
        if is_facilitator_notebook(path or "") and not access_from_env(os.environ, key).trusted:
            self.set_status(403)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(refused_html(self.get_query_argument("lang", None)))
            return
        await super().get(path)


def gate_handlers(handlers: list) -> list:
    """The guarded handlers (:func:`ekokit.server.guards.guarded_handlers`) with the kit's page
    handler replaced by :class:`GatedVoilaHandler`."""
    gated = []
    for spec in handlers:
        if isinstance(spec, tuple) and len(spec) >= 2 and spec[1] is KitPageHandler:
            spec = (spec[0], GatedVoilaHandler, *spec[2:])
        gated.append(spec)
    return gated
