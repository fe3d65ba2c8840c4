"""Voilà's handlers, made safe for a room (swapped in by :func:`guarded_handlers`).

* :class:`KitPageHandler` serves a notebook only with the kit's template: a ``?template=`` or
  ``?theme=`` is dropped by a redirect to the same page without it (no other template, no extra
  kernel, no CDN). It sets the ``_xsrf`` cookie, so the page's shutdown call on closing the tab
  is accepted and the kernel is freed; and it heals the pool before drawing a kernel from it.
* :class:`QuerySocketHandler` is ``/voila/query/<kernel id>``, where a pre-warmed kernel waits
  for its visitor's query string. Only the server's own kernels may connect (they send the
  per-run key from their environment), and a query string is delivered once, never replayed.
* :class:`AliveHandler` answers the page's heartbeat: 204 while its kernel lives, 410 when not.
"""

from __future__ import annotations

import hmac
import os
from typing import Any
from urllib.parse import urlencode

from jupyter_server.base.handlers import JupyterHandler
from tornado import web
from voila.request_info_handler import RequestInfoSocketHandler
from voila.tornado.handler import TornadoVoilaHandler

QUERY_KEY_ENV = "EKOKIT_QUERY_KEY"
QUERY_KEY_HEADER = "X-Ekokit-Query-Key"
OVERRIDES = ("template", "theme")


class KitPageHandler(TornadoVoilaHandler):
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
            await warden.heal(path)
            self._warm = warden.warm_first(path)
        await super().get(path)

    def should_use_rendered_notebook(self, *args: Any, **kwargs: Any) -> bool:
        return self._warm and super().should_use_rendered_notebook(*args, **kwargs)


class QuerySocketHandler(RequestInfoSocketHandler):
    async def get(self, *args: Any, **kwargs: Any) -> None:
        expected = self.settings.get("ekokit_query_key", "")
        given = self.request.headers.get(QUERY_KEY_HEADER, "")
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            self.set_status(403)
            self.finish()
            return
        await super().get(*args, **kwargs)

    def open(self, kernel_id: str) -> None:
        RequestInfoSocketHandler._waiters[kernel_id] = self
        payload = RequestInfoSocketHandler._cache.pop(kernel_id, None)
        if payload is not None:
            self.write_message(payload)

    def on_close(self) -> None:
        waiters = RequestInfoSocketHandler._waiters
        for kernel_id, waiter in list(waiters.items()):
            if waiter is self:
                del waiters[kernel_id]


class AliveHandler(JupyterHandler):
    @web.authenticated
    async def get(self, kernel_id: str) -> None:
        self.set_header("Cache-Control", "no-store")
        warden = self.settings.get("ekokit_warden")
        alive = warden is not None and await warden._alive(kernel_id)
        self.set_status(204 if alive else 410)
        self.finish()


def guarded_handlers(handlers: list, base: str) -> list:
    """Voilà's handler list with the page and query handlers replaced, plus the heartbeat."""
    swap = {TornadoVoilaHandler: KitPageHandler, RequestInfoSocketHandler: QuerySocketHandler}
    guarded = [(rule[0], swap.get(rule[1], rule[1]), *rule[2:]) for rule in handlers]
    return [(f"{base}/ekokit/alive/([-0-9a-f]+)", AliveHandler), *guarded]


def new_query_key() -> str:
    """A per-run key the server's kernels inherit (their environment) to wait for requests."""
    key = os.urandom(24).hex()
    os.environ[QUERY_KEY_ENV] = key
    return key
