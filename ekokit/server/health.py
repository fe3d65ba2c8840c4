"""``/ekokit/health``: what a proxy, a monitor or a systemd check needs to know of one server,
as JSON, without a token and without any team's data:

* ``store``: ``"ok"`` when one read of the store (the newest revision's id, an index read)
  answered within :data:`STORE_SECONDS`, else ``"unreachable"``;
* ``pool``: ``{"warm": k, "size": N}``, the day's pool kernels alive, rendered and waiting for
  a visitor, of the ``--participants N`` asked for (0 of 0 without a pool);
* ``version``: the kit's version; ``status``: ``"ok"``, ``"warming"`` (the store answers but the
  pool is not full: visitors still get pages, from fresh kernels) or ``"unavailable"``.

The answer is 200 while the store answers and 503 when it does not, so a check that only reads
the status code (nginx's ``proxy_next_upstream http_503``, ``curl --fail``) takes a server whose
store is gone out of the room."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from tornado import web

from ekokit.store.database import Store

STORE_SECONDS = 3.0


def _version() -> str:
    """The kit's installed version (the server does not import the learner's package)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ekokit")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"


def store_reachable(url: str | None) -> bool:
    """One cheap read of the store (blocking: run it in a thread)."""
    try:
        Store(url).newest_change()
    except Exception:  # noqa: BLE001 - whatever the reason, the store did not answer
        return False
    return True


async def health_report(url: str | None, warden: Any, notebook: str | None,
                        size: int) -> tuple[int, dict[str, Any]]:
    """The status code and the JSON body of ``/ekokit/health``."""
    try:
        reachable = await asyncio.wait_for(asyncio.to_thread(store_reachable, url),
                                           STORE_SECONDS)
    except TimeoutError:
        reachable = False
    warm = await warden.warm(notebook) if warden is not None and size else 0
    status = "unavailable" if not reachable else "ok" if warm >= size else "warming"
    body = {"status": status, "store": "ok" if reachable else "unreachable",
            "pool": {"warm": warm, "size": size}, "version": _version()}
    return (200 if reachable else 503), body


class HealthHandler(web.RequestHandler):
    """No authentication: the answer holds nothing of a team, a token or a key."""

    def initialize(self, app: Any) -> None:
        self.app = app  # the EkokitVoila that serves: its pool's notebook and size

    async def get(self) -> None:
        status, body = await health_report(
            None, self.settings.get("ekokit_warden"),
            getattr(self.app, "pooled_notebook", None), getattr(self.app, "expected_warm", 0))
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))
