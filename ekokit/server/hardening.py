"""What makes ``ekokit serve`` hold up in a room, wired into the app in one place each:

* :func:`harden_config` – only the kit's template and theme; no kernel restarted blank after
  it died (the pool replaces it instead, and the page says the connection was lost); every
  cell's output waited for, however loaded the machine;
* :func:`hardened_settings` – the pool warden, the room's settings, the query socket's key and
  relay (pages before teams), the redacting request log;
* :class:`ReadyWatch` – heals the pool every second and prints "ekokit ready" once the
  server's own pool kernels wait warm, or a clear error after a time limit."""

from __future__ import annotations

import sys
import time
from typing import Any

from tornado.ioloop import PeriodicCallback
from traitlets.config import Config

from ekokit.server.guards import QueryRelay
from ekokit.server.limits import KernelBudget
from ekokit.server.logs import install_redaction, log_request
from ekokit.server.pool import CHECK_SECONDS, PoolWarden
from ekokit.server.settings import RoomConfig
from ekokit.server.voila_seam import KernelPools, waiting_kernels

READY_LIMIT_SECONDS = 600.0  # a pool not warm by then is reported, not waited for in silence


OUTPUT_WAIT_SECONDS = 300  # nbclient's default of 4 s drops a cell's output on a loaded machine


def harden_config(c: Config) -> None:
    c.VoilaConfiguration.allow_template_override = "NO"
    c.VoilaConfiguration.allow_theme_override = "NO"
    c.KernelManager.autorestart = False
    # Thirty kernels warming up at once on two cores can take longer than nbclient's 4 s
    # between a cell's reply and its output; it then renders the cell without it, and the
    # page lacks a reading or an exercise group. Wait for the output instead.
    c.VoilaExecutor.iopub_timeout = OUTPUT_WAIT_SECONDS


def hardened_settings(app: Any, settings: dict, room: RoomConfig) -> dict:
    """Add the warden, the room, the query key (which the kernels have in their environment,
    :meth:`RoomConfig.kernel_env`) and the redacting log function to the Tornado settings."""
    warden = PoolWarden(KernelPools(app.kernel_manager, app.preheated), waiting_kernels(),
                        app.log)
    settings["ekokit_warden"] = warden
    km = app.kernel_manager
    settings["ekokit_kernel_budget"] = KernelBudget(
        room.max_kernels, room.max_starting_per_client,
        lambda: len(set(km.list_kernel_ids()) - set(warden.pool_kernel_ids())))
    settings["ekokit_room"] = room
    settings["ekokit_query_key"] = room.query_key
    settings["ekokit_query_relay"] = QueryRelay()
    settings["log_function"] = log_request
    install_redaction(app.log)
    return settings


class ReadyWatch:
    """Every second: heal the pool; until ready, count the warm kernels of ``notebook``."""

    def __init__(self, app: Any, notebook: str | None, expected: int, message: str,
                 limit: float = READY_LIMIT_SECONDS) -> None:
        self.app, self.notebook, self.expected = app, notebook, expected
        self.message, self.limit = message, limit
        self.started = time.monotonic()
        self.done = False
        self.callback = PeriodicCallback(self.tick, CHECK_SECONDS * 1000)

    def start(self) -> None:
        self.callback.start()

    async def tick(self) -> None:
        warden: PoolWarden = self.app.app.settings["ekokit_warden"]
        await warden.check()
        if self.done:
            return
        warm = await warden.warm(self.notebook) if self.expected else 0
        if warm >= self.expected:
            self.done = True
            print(self.message + self.app.pool_memory(), flush=True)
        elif time.monotonic() - self.started > self.limit:
            self.done = True
            print(f"ekokit error: only {warm} of {self.expected} kernels for {self.notebook} "
                  f"got warm within {self.limit:.0f} s ({warden.replaced} failed and were "
                  "replaced); the room will wait for kernels. See the log above.",
                  file=sys.stderr, flush=True)
