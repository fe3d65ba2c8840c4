"""Voilà's handlers, made safe for a room (swapped in by :func:`guarded_handlers`).

* :class:`KitPageHandler` serves a notebook only with the kit's template: a ``?template=`` or
  ``?theme=`` is dropped by a redirect to the same page without it (no other template, no extra
  kernel, no CDN). It sets the ``_xsrf`` cookie, so the page's shutdown call on closing the tab
  is accepted and the kernel is freed; and it heals the pool before drawing a kernel from it.
* :class:`QuerySocketHandler` is ``/voila/query/<kernel id>``, where a pre-warmed kernel waits
  for its visitor's query string. Only the server's own kernels may connect (they send the
  per-run key from their environment), and a query string is delivered once, never replayed.
* :class:`AliveHandler` answers the page's heartbeat: 204 while its kernel lives, 410 when not.
* :class:`QueryRelay` puts pages before teams: while a room's pooled pages are being served,
  the query strings that set their kernels binding their teams wait (a tenth of a second after
  the last page, half a second at most). Thirty kernels binding at once would take the two
  cores from the server that answers the pages; the browsers load the page's scripts for a
  second or more, while the kernels bind, before they ask for the widgets.
"""

from __future__ import annotations

import contextlib
import hmac
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from jupyter_server.base.handlers import JupyterHandler
from tornado import web
from tornado.ioloop import IOLoop
from tornado.websocket import WebSocketClosedError, WebSocketHandler

from ekokit.process_env import QUERY_KEY_HEADER
from ekokit.server.limits import CLIENT_BUSY, RETRY_SECONDS, room_full_html, visitor_lang
from ekokit.server.voila_seam import (
    SeamPageHandler,
    SeamQuerySocket,
    VoilaPageHandler,
    VoilaQueryHandler,
    swap_handlers,
)

OVERRIDES = ("template", "theme")


class QueryRelay:
    """Holds the query strings bound for pooled kernels while a room's pages are being served:
    until no pooled page has been asked for in ``QUIET_SECONDS`` and none is in flight, or
    until the first held one has waited ``HOLD_SECONDS``."""

    QUIET_SECONDS = 0.1  # a burst's GETs come closer together than this
    HOLD_SECONDS = 0.5  # never longer (the browser asks for the widgets after a second or more)

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 send: Callable[[WebSocketHandler, Any], Any] = WebSocketHandler.write_message
                 ) -> None:
        self.clock, self.send = clock, send
        self.pages = 0  # pooled pages in flight
        self.last_page = -1e9  # when the latest pooled page was asked for
        self.held: list[tuple[WebSocketHandler, Any]] = []
        self.held_since = 0.0
        self._timer: Any = None

    def page_started(self) -> None:
        self.pages += 1
        self.last_page = self.clock()

    def page_done(self) -> None:
        self.pages = max(0, self.pages - 1)

    def busy(self) -> bool:
        return bool(self.pages) or self.clock() - self.last_page < self.QUIET_SECONDS

    def hold(self, socket: WebSocketHandler, message: Any) -> bool:
        """True when the message waits (the room's pages come first); :meth:`check` sends it."""
        if not self.busy():
            return False
        if not self.held:
            self.held_since = self.clock()
        self.held.append((socket, message))
        if self._timer is None:
            self._timer = IOLoop.current().call_later(self.QUIET_SECONDS, self.check)
        return True

    def check(self) -> None:
        """Send what is held once the pages are out (or it has waited long enough)."""
        self._timer = None
        if self.held and self.busy() and self.clock() - self.held_since < self.HOLD_SECONDS:
            self._timer = IOLoop.current().call_later(self.QUIET_SECONDS, self.check)
            return
        held, self.held = self.held, []
        for socket, message in held:
            with contextlib.suppress(WebSocketClosedError):  # that kernel is gone
                self.send(socket, message)


class KitPageHandler(SeamPageHandler):
    _counted = False  # this GET counts as a pooled page in flight (QueryRelay)
    _ticket: Any = None  # this GET starts a kernel of its own (limits.KernelBudget)

    def _page_done(self) -> None:
        relay = self.settings.get("ekokit_query_relay")
        if self._counted and relay is not None:
            self._counted = False
            relay.page_done()

    def on_finish(self) -> None:
        self._page_done()
        if self._ticket is not None:
            self._ticket.done()

    def on_connection_close(self) -> None:
        self._page_done()
        if self._ticket is not None:
            self._ticket.done()
        super().on_connection_close()

    def flush(self, *args: Any, **kwargs: Any) -> Any:
        if self._ticket is not None:  # the page's first bytes: its kernel is listed by now
            self._ticket.listed()
        return super().flush(*args, **kwargs)

    def _refuse_room_full(self, why: str) -> None:
        self.set_status(429 if why == CLIENT_BUSY else 503)
        self.set_header("Retry-After", str(RETRY_SECONDS))
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(room_full_html(visitor_lang(self.get_query_argument("lang", None),
                                                self.request.headers.get("Accept-Language"))))

    async def get(self, path: str | None = None) -> None:
        if any(name in self.request.arguments for name in OVERRIDES):
            kept = [(k, v.decode("utf-8", "replace")) for k, values in
                    self.request.query_arguments.items() if k not in OVERRIDES for v in values]
            self.redirect(self.request.path + (f"?{urlencode(kept)}" if kept else ""))
            return
        self.xsrf_token  # noqa: B018 - sets the _xsrf cookie that the shutdown call sends back
        warden = self.settings.get("ekokit_warden")
        self._warm = True
        if warden is not None and path:
            self._warm = await warden.hand_out(path)
        budget = self.settings.get("ekokit_kernel_budget")
        if budget is not None and path and not self._warm:  # a kernel of its own: within limits
            admitted = budget.admit(self.request.remote_ip or "")
            if isinstance(admitted, str):
                self._refuse_room_full(admitted)
                return
            self._ticket = admitted
        relay = self.settings.get("ekokit_query_relay")
        if relay is not None and self._warm and warden is not None and path:
            self._counted = True
            relay.page_started()
        await super().get(path)

    def use_pooled_page(self) -> bool:
        """A pooled kernel's page only when a warm one is first in the pool."""
        return self._warm


class QuerySocketHandler(SeamQuerySocket):
    async def get(self, *args: Any, **kwargs: Any) -> None:
        expected = self.settings.get("ekokit_query_key", "")
        given = self.request.headers.get(QUERY_KEY_HEADER, "")
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            self.set_status(403)
            self.finish()
            return
        await super().get(*args, **kwargs)

    def write_message(self, message: Any, binary: bool = False) -> Any:
        relay = self.settings.get("ekokit_query_relay")
        if not binary and relay is not None and relay.hold(self, message):
            return None  # sent once the pages in flight are out
        return super().write_message(message, binary)


class AliveHandler(JupyterHandler):
    """The page's heartbeat; the time of its last beat is kept for :class:`PageSeenHandler`."""

    @web.authenticated
    async def get(self, kernel_id: str) -> None:
        self.set_header("Cache-Control", "no-store")
        warden = self.settings.get("ekokit_warden")
        alive = warden is not None and await warden.alive(kernel_id)
        beats = self.settings.setdefault("ekokit_page_beats", {})
        if alive:
            beats[kernel_id] = time.monotonic()
        else:
            beats.pop(kernel_id, None)
        self.set_status(204 if alive else 410)
        self.finish()


class PageSeenHandler(JupyterHandler):
    """``/ekokit/page-seen/<kernel id>``, asked by the server's own kernels (the run's query
    key): seconds since the kernel's page last beat, null when it never has."""

    def check_xsrf_cookie(self) -> None:  # a GET from a kernel, never a browser's form
        return

    def get(self, kernel_id: str) -> None:
        expected = self.settings.get("ekokit_query_key", "")
        given = self.request.headers.get(QUERY_KEY_HEADER, "")
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            raise web.HTTPError(403)
        self.set_header("Cache-Control", "no-store")
        beat = self.settings.get("ekokit_page_beats", {}).get(kernel_id)
        self.finish({"seconds": None if beat is None else time.monotonic() - beat})


def guarded_handlers(handlers: list, base: str, *, preheated: bool) -> list:
    """Voilà's handler list with the page handler (and, with pre-warmed kernels, the query
    socket) replaced, plus the heartbeat. A handler not found there stops the server."""
    swaps: dict[type, type] = {VoilaPageHandler: KitPageHandler}
    if preheated:
        swaps[VoilaQueryHandler] = QuerySocketHandler
    return [(f"{base}/ekokit/alive/([-0-9a-f]+)", AliveHandler),
            (f"{base}/ekokit/page-seen/([-0-9a-f]+)", PageSeenHandler),
            *swap_handlers(handlers, swaps)]
