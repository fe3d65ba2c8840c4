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
        from voila.utils import wait_for_request

        from ekokit.server.prewarm import warm_up

        warm_up()
        wait_for_request()
    query = parse_qs(os.environ.get("QUERY_STRING", ""), keep_blank_values=False)
    return PageRequest(served=True, params={k: v[0] for k, v in query.items() if v})
