"""What the page was opened with: ``?team=…&lang=…&exercise=…`` in Voilà, nothing in JupyterLab.

In a pre-warmed Voilà kernel the query string is known only once a participant arrives:
:func:`current_request` prepares what it can (:mod:`ekokit.server.prewarm`), then waits."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from urllib.parse import parse_qs


def in_voila() -> bool:
    return "voila" in os.environ.get("SERVER_SOFTWARE", "").lower() or "VOILA_PREHEAT" in os.environ


def pre_warmed() -> bool:
    return os.environ.get("VOILA_PREHEAT", "False") != "False"


@dataclass(frozen=True)
class PageRequest:
    """The request a page answers; ``served`` is False in JupyterLab (no request at all)."""

    served: bool
    params: dict[str, str] = field(default_factory=dict)

    @property
    def team(self) -> str | None:
        return self.params.get("team")

    @property
    def lang(self) -> str | None:
        return self.params.get("lang")

    @property
    def exercise(self) -> str | None:
        return self.params.get("exercise")


@functools.cache
def current_request() -> PageRequest:
    """The page's request (first value of each parameter). Cached: a kernel serves exactly one
    request, and waiting twice would block forever."""
    if not in_voila():
        return PageRequest(served=False)
    if pre_warmed():
        from ekokit.server.prewarm import warm_up

        warm_up()
        _wait_for_request()
    query = parse_qs(os.environ.get("QUERY_STRING", ""), keep_blank_values=False)
    return PageRequest(served=True, params={k: v[0] for k, v in query.items() if v})


def _wait_for_request() -> None:
    """Wait on Voilà's ``/voila/query/<kernel id>`` socket until a visitor draws this kernel,
    then put the request's variables (QUERY_STRING…) into the environment. Under ``ekokit
    serve`` the socket admits only the server's own kernels: they send the run's key."""
    import json
    import threading

    from ekokit.server.guards import QUERY_KEY_ENV, QUERY_KEY_HEADER

    key = os.environ.get(QUERY_KEY_ENV)
    if not key:
        from voila.utils import wait_for_request

        wait_for_request()
        return
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    url = (f"{os.environ.get('VOILA_WS_PROTOCOL', 'ws')}://"
           f"{os.environ.get('VOILA_APP_IP', '127.0.0.1')}:{port}{base}voila/query/"
           f"{os.environ.get('VOILA_KERNEL_ID', '')}")
    found: list[str] = []

    async def receive() -> None:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        conn = await websocket_connect(HTTPRequest(url, headers={QUERY_KEY_HEADER: key},
                                                   connect_timeout=5))
        message = await conn.read_message()
        if isinstance(message, str):
            found.append(message)
        conn.close()

    def inner() -> None:
        import asyncio

        try:
            asyncio.run(receive())
        except Exception:  # noqa: BLE001 - no request: the page opens with no parameters
            return

    thread = threading.Thread(target=inner, daemon=True)
    thread.start()
    thread.join()
    if found:
        for name, value in json.loads(found[0]).items():
            os.environ[name] = value
