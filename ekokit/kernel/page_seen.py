"""Is this kernel's page still open? The page asks the server ``/ekokit/alive/<kernel id>``
every second; the server remembers the last time per kernel and tells the kernel at
``/ekokit/page-seen/<kernel id>`` (with the run's query key, as the query socket). The page's
presence (:class:`ekokit.state.live.Heartbeat`) follows the page this way, not the kernel, which
outlives a tab closed without its unload event until it is culled, ten minutes later."""

from __future__ import annotations

import json
import os
import urllib.request

from ekokit.kernel.ipykernel_seam import in_voila, own_kernel_id, server_url
from ekokit.process_env import QUERY_KEY_ENV, QUERY_KEY_HEADER

PAGE_GONE_SECONDS = 30.0  # a page whose heartbeat has not come for this long is gone
ASK_TIMEOUT = 1.0  # the server is on this machine: it answers in milliseconds, or not at all


def page_seen() -> bool | None:
    """True while the page beat within :data:`PAGE_GONE_SECONDS`, False once it has not, None
    when the server cannot say (no served page, no key, no answer, never beaten yet)."""
    key, kernel_id = os.environ.get(QUERY_KEY_ENV), own_kernel_id()
    if not (in_voila() and key and kernel_id):
        return None
    request = urllib.request.Request(server_url(f"ekokit/page-seen/{kernel_id}"),
                                     headers={QUERY_KEY_HEADER: key})
    try:
        with urllib.request.urlopen(request, timeout=ASK_TIMEOUT) as answer:
            seconds = json.loads(answer.read()).get("seconds")
    except Exception:  # noqa: BLE001 - the server cannot say: presence goes on as it was
        return None
    return None if seconds is None else float(seconds) < PAGE_GONE_SECONDS


def install() -> None:
    """Make the presence of this kernel's pages follow their page (a served page only)."""
    from ekokit.state import live

    if in_voila():
        live.page_check = page_seen
