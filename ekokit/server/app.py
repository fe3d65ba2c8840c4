"""``ekokit serve``: Voilà with the ekokit template, a landing page, kernel pools and culling."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import secrets
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from traitlets import Bool, Int, Unicode
from traitlets.config import Config

from ekokit.content.calendar import chosen_calendar
from ekokit.content.i18n import DEFAULT_LANG
from ekokit.content.notebooks import live_session_notebooks, session_notebook
from ekokit.paths import jupyter_share_dir, notebooks_dir
from ekokit.server.behind_proxy import remember_public_url
from ekokit.server.connections import claim, clean_stale, connection_root
from ekokit.server.guards import guarded_handlers
from ekokit.server.handlers import LandingHandler, StatementHandler
from ekokit.server.hardening import ReadyWatch, harden_config, hardened_settings
from ekokit.server.health import HealthHandler
from ekokit.server.limits import available_mb, default_max_kernels
from ekokit.server.page_texts import page_texts
from ekokit.server.public_room import (
    PublicRoom,
    closed_handlers,
    gate_handlers,
    open_public_room,
    room_lines,
)
from ekokit.server.settings import KitKernelSpecManager, RoomConfig
from ekokit.server.statement import STATEMENT_PATH
from ekokit.server.voila_seam import SeamVoila, check_server, configure_warm_kernels, kernel_pid
from ekokit.store.database import Store

POOL_REFILL_DELAY = 60  # seconds
CULL_IDLE_SECONDS = 600  # a closed tab's kernel goes after 10 idle minutes; open tabs stay


@dataclass(frozen=True)
class ServeOptions:
    port: int = 8866
    participants: int = 0
    public: bool = False
    db_url: str | None = None
    token: str | None = None
    session: str | None = None  # the day's session: its notebook gets the warm kernels
    facilitator_key: str | None = None  # --public: made at start unless given
    lang: str = DEFAULT_LANG  # the room's: the landing page without ?lang=, the lines at start
    self_study: bool = False  # --demo: the worked example team takes saves
    public_url: str | None = None  # --behind-proxy: the proxy's https address; listen locally

    @property
    def public_room(self) -> bool:
        """The room's token and keys apply: --public, or behind a proxy that opens it up."""
        return self.public or self.public_url is not None
    max_kernels: int | None = None  # kernels started on demand; None: what memory holds


def pooled_notebook(session: str | None, today: dt.date | None = None) -> str:
    """The notebook whose kernels are kept warm: the given session's, else the calendar's
    session for today or the next one. The other sessions start a kernel per visitor."""
    return session_notebook(session, today)


def rss_mb(pid: int) -> float | None:
    """A process's resident memory in MB (Linux /proc), None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class EkokitVoila(SeamVoila):
    """Voilà plus a landing page at ``/``, the room's guards (:mod:`ekokit.server.hardening`) and a
    'ready' line once the kernel pool is warm."""

    expected_warm = Int(0, config=True, help="""How many warm kernels of the pooled notebook
        make the room ready ("ekokit ready" is printed once they wait); 0: ready at once.""")
    ready_message = Unicode("", config=True, help="""The line printed once the room is ready
        (its address and pool).""")
    pooled_notebook = Unicode(None, allow_none=True, config=True, help="""The notebook whose
        kernels are kept warm (the day's session), None without a pool.""")
    room_lang = Unicode(DEFAULT_LANG, config=True, help="""The room's language: the landing page's
        and the accessibility statement's without ?lang= (ekokit serve --lang).""")
    behind_proxy = Bool(False, config=True, help="""Served behind a reverse proxy (ekokit serve
        --behind-proxy): trust its X-Forwarded-For and X-Forwarded-Proto headers.""")

    def ekokit_settings(self, settings: dict) -> dict:
        own = Path(self.connection_dir)  # made by Voilà's start, just before
        claim(own)
        for folder in clean_stale(own.parent, own):
            self.log.info("ekokit: removed the connection files of a server gone: %s", folder)
        self.room = RoomConfig(parent=self)
        settings = hardened_settings(self, settings, self.room)
        settings["ekokit_lang"] = self.room_lang
        return settings

    def ekokit_handlers(self, handlers: list) -> list:
        base = self.base_url.rstrip("/")
        guarded = guarded_handlers(handlers, base, preheated=self.preheated)
        public = RoomConfig(parent=self).public
        return [(f"{base}/?", LandingHandler),
                (f"{base}/{STATEMENT_PATH}/?", StatementHandler),
                (f"{base}/ekokit/health", HealthHandler, {"app": self}),
                *closed_handlers(base, public), *gate_handlers(guarded)]

    def before_listen(self) -> None:
        self._ready_watch = ReadyWatch(self, self.pooled_notebook, self.expected_warm,
                                       self.ready_message)
        self._ready_watch.start()
        if self.behind_proxy:  # the client's address and https, as the proxy saw them
            self.app.listen = functools.partial(self.app.listen, xheaders=True)

    def pool_memory(self) -> str:
        """What the warm kernels hold, measured: '; pool N × M MB = T MB'."""
        if not self.expected_warm:
            return ""
        sizes = []
        for kernel_id in self.kernel_manager.list_kernel_ids():
            pid = kernel_pid(self.kernel_manager, kernel_id)
            size = rss_mb(pid) if pid is not None else None
            if size is not None:
                sizes.append(size)
        if not sizes:
            return ""
        each = sum(sizes) / len(sizes)
        return (f"; pool of {self.expected_warm} kernels × {each:.0f} MB = "
                f"{each * self.expected_warm:.0f} MB")


def build_config(options: ServeOptions, room: PublicRoom | None = None) -> Config:
    """Voilà's, the room's and the kernels' settings for ``options`` (``room``: the public
    room's token and facilitator key's hash, :func:`open_public_room`)."""
    c = Config()
    c.Voila.ip = "0.0.0.0" if options.public and not options.public_url else "127.0.0.1"
    c.Voila.port = options.port
    c.Voila.port_retries = 0
    c.Voila.open_browser = False
    c.Voila.root_dir = str(notebooks_dir())
    c.VoilaConfiguration.template = "ekokit"
    c.VoilaExporter.language_code = DEFAULT_LANG  # <html lang>; ?lang= switches it in the page
    c.VoilaConfiguration.show_tracebacks = False
    c.VoilaConfiguration.resources = {"ekokit": page_texts()}  # the page's own texts, every lang
    c.MappingKernelManager.cull_idle_timeout = CULL_IDLE_SECONDS
    c.MappingKernelManager.cull_interval = 60
    c.MappingKernelManager.cull_connected = False
    harden_config(c)
    if options.participants > 0:
        pooled = pooled_notebook(options.session)
        # Refill the pool only after the room has arrived: kernels starting during the burst
        # would take the CPU from the pages being served.
        sizes = {pooled: options.participants} if pooled in live_session_notebooks() else {}
        configure_warm_kernels(c, sizes, refill_delay=POOL_REFILL_DELAY)
    if options.public_room:
        c.Voila.token = options.token or secrets.token_urlsafe(24)
    c.EkokitVoila.behind_proxy = options.public_url is not None
    c.EkokitVoila.room_lang = options.lang
    c.RoomConfig.public = options.public_room
    c.RoomConfig.db_url = options.db_url or ""
    c.RoomConfig.self_study = options.self_study
    c.RoomConfig.calendar = str(chosen_calendar() or "")  # ekokit --calendar
    if room is not None:
        c.RoomConfig.facilitator_hash = room.facilitator_hash
    room_config = RoomConfig(config=c)  # makes the run's query key, which both halves get
    c.RoomConfig.query_key = room_config.query_key
    c.VoilaConfiguration.kernel_spec_manager_class = KitKernelSpecManager
    c.KitKernelSpecManager.kernel_env = room_config.kernel_env()
    if options.participants:
        pooled = pooled_notebook(options.session)
        c.EkokitVoila.expected_warm = options.participants * (pooled in live_session_notebooks())
        c.EkokitVoila.pooled_notebook = pooled
    c.RoomConfig.max_kernels = (options.max_kernels if options.max_kernels is not None else
                                default_max_kernels(c.EkokitVoila.get("expected_warm", 0),
                                                    available_mb()))
    return c


def serve(options: ServeOptions) -> None:
    """Run until interrupted. Prints the URL, then a line with 'ready' once it can take a room.
    A shape of Voilà that the room's guards need and that is not there stops it before it
    listens (:class:`ekokit.errors.SeamError`)."""
    check_server()  # before anything is printed or started
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(jupyter_share_dir()), os.environ.get("JUPYTER_PATH", "")) if p
    )
    room = None
    if options.public_url is not None:  # before anything is printed: a bad address stops here
        options = dataclasses.replace(
            options, public_url=remember_public_url(Store(options.db_url), options.public_url))
    if options.public_room:  # the room's token and a facilitator key; the kernels learn its hash
        room = open_public_room(options.db_url, options.token, options.facilitator_key)
        options = dataclasses.replace(options, token=room.token)
    config = build_config(options, room)
    host = "0.0.0.0" if options.public and not options.public_url else "127.0.0.1"
    url = (options.public_url
           or f"http://{socket.getfqdn() if options.public else host}:{options.port}/")
    if options.public_room:
        url += f"?token={config.Voila.token}"
    pool = ""
    if options.participants:
        pool = f", {options.participants} warm kernels for {config.EkokitVoila.pooled_notebook}"
    pool += f"; at most {config.RoomConfig.max_kernels} kernels started on demand"
    config.EkokitVoila.ready_message = f"ekokit ready: {url}{pool}"
    print(f"ekokit serving {notebooks_dir()} at {url}", flush=True)
    if room is not None:
        print("\n".join(room_lines(url, room, options.lang)), flush=True)
    config.Voila.connection_dir_root = str(connection_root())
    app = EkokitVoila(config=config)
    app.initialize(argv=[])
    try:
        app.start()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(0)
