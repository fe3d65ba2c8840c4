"""What the page was opened with: ``?team=…&lang=…&exercise=…`` in Voilà, nothing in JupyterLab.

In a pre-warmed Voilà kernel the query string is known only once a participant arrives. Two ways
to wait for it:

* :func:`when_requested` (the page's cells): the notebook runs to its end before anyone comes, so
  Voilà holds the whole page ready; a visitor's GET is answered from it at once, and the request
  reaches the kernel's loop as a callback that binds the team and the language (before the
  browser, which asks the kernel for its widgets only once the page has loaded, gets there);
* :func:`current_request` blocks the cell until the visitor comes (a cell that cannot wait).

Either way the kernel first prepares what it can (:mod:`ekokit.kernel.prewarm`)."""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from ekokit.kernel.ipykernel_seam import (
    in_voila,
    pre_warmed,
    query_url,
    take_request,
    wait_with_voila,
)


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
    request. In a pre-warmed kernel this waits for the visitor."""
    if not in_voila():
        return PageRequest(served=False)
    from ekokit.kernel import page_seen
    from ekokit.kernel.prewarm import below_server

    below_server()
    page_seen.install()
    if pre_warmed():
        _arrival.wait()
    query = parse_qs(os.environ.get("QUERY_STRING", ""), keep_blank_values=False)
    return PageRequest(served=True, params={k: v[0] for k, v in query.items() if v})


def waiting_for_request() -> bool:
    """True in a pre-warmed kernel whose visitor has not come yet (its request's parameters,
    team and language among them, are still unknown)."""
    return in_voila() and pre_warmed() and _arrival.pending()


def when_requested(callback: Callable[[PageRequest], None]) -> None:
    """Call ``callback(request)`` once the page's request is known: at once in JupyterLab and in
    a kernel started for its request; in a pre-warmed kernel, when its visitor comes, on the
    kernel's loop (where widgets are touched), callbacks in the order they were given."""
    if not waiting_for_request():
        callback(current_request())
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # no kernel loop to come back to: wait here
        callback(current_request())
        return
    _arrival.later(callback, loop)


class _Arrival:
    """A pre-warmed kernel's wait for its visitor: one listener thread on Voilà's query socket;
    the request's variables go into the environment, then the callbacks run on the loop."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.callbacks: list[Callable[[PageRequest], None]] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread: threading.Thread | None = None

    def listen(self) -> None:
        """Prepare, then start listening (once): the kernel counts as waiting from here."""
        if self.thread is not None:
            return
        from ekokit.kernel.prewarm import warm_up

        warm_up()
        self.thread = threading.Thread(target=self._receive, name="ekokit-request", daemon=True)
        self.thread.start()

    def pending(self) -> bool:
        """Not arrived, or arrived with callbacks still to run (a new one queues behind them)."""
        return not self.event.is_set() or bool(self.callbacks)

    def wait(self) -> None:
        self.listen()
        self.event.wait()

    def later(self, callback: Callable[[PageRequest], None],
              loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.callbacks.append(callback)
        self.listen()
        if self.event.is_set():  # arrived already (the listener may not have known the loop)
            loop.call_soon(self.deliver)

    def _receive(self) -> None:
        _wait_for_request()
        self.event.set()
        loop = self.loop
        if loop is not None:
            try:
                loop.call_soon_threadsafe(self.deliver)
            except RuntimeError:  # the loop has closed: nothing to bind
                return

    def deliver(self) -> None:
        """On the kernel's loop: run every callback given so far with the request."""
        request = current_request()
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            try:
                callback(request)
            except Exception:  # one part of the page failing must not keep the rest unbound
                logging.getLogger("ekokit").exception("ekokit: binding the page failed")


_arrival = _Arrival()


def _wait_for_request() -> None:
    """Wait on Voilà's ``/voila/query/<kernel id>`` socket until a visitor draws this kernel,
    then put the request's variables (QUERY_STRING…) into the environment. Under ``ekokit
    serve`` the socket admits only the server's own kernels: they send the run's key."""
    from ekokit.process_env import QUERY_KEY_ENV, QUERY_KEY_HEADER

    key = os.environ.get(QUERY_KEY_ENV)
    if not key:
        wait_with_voila()
        return
    url = query_url()
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
        try:
            asyncio.run(receive())
        except Exception:  # noqa: BLE001 - no request: the page opens with no parameters
            return

    thread = threading.Thread(target=inner, daemon=True)
    thread.start()
    thread.join()
    if found:
        take_request(found[0])
