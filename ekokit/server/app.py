"""``ekokit serve``: Voilà with the ekokit template, a landing page, kernel pools and culling."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import secrets
import socket
import sys
from dataclasses import dataclass

from traitlets.config import Config
from voila.app import Voila

from ekokit.content.calendar import calendar
from ekokit.content.i18n import DEFAULT_LANG
from ekokit.model.access import PUBLIC_ENV
from ekokit.paths import jupyter_share_dir, notebooks_dir
from ekokit.server.guards import guarded_handlers, new_query_key
from ekokit.server.handlers import LandingHandler, StatementHandler
from ekokit.server.page_texts import page_texts
from ekokit.server.public_room import gate_handlers, open_public_room, room_lines
from ekokit.server.room import ReadyWatch, harden_config, room_settings
from ekokit.server.statement import STATEMENT_PATH

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


def live_session_notebooks() -> list[str]:
    present = {p.name for p in notebooks_dir().glob("*.ipynb")}
    return [s.notebook for s in calendar().sessions if s.notebook in present]


def pooled_notebook(session: str | None, today: dt.date | None = None) -> str:
    """The notebook whose kernels are kept warm: the given session's, else the calendar's
    session for today or the next one. The other sessions start a kernel per visitor."""
    cal = calendar()
    if session is None:
        return cal.session_for(today or dt.date.today()).notebook
    return cal.session(session).notebook


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


class EkokitVoila(Voila):
    """Voilà plus a landing page at ``/``, the room's guards (:mod:`ekokit.server.room`) and a
    'ready' line once the kernel pool is warm."""

    expected_warm = 0
    ready_message = ""
    pooled_notebook: str | None = None

    room_lang = DEFAULT_LANG  # the landing page's and the statement's without ?lang=

    def init_settings(self) -> dict:
        new_query_key()  # before the pool's kernels start: they inherit it
        settings = room_settings(self, super().init_settings())
        settings["ekokit_lang"] = self.room_lang
        return settings

    def init_handlers(self) -> list:
        base = self.base_url.rstrip("/")
        handlers = gate_handlers(guarded_handlers(super().init_handlers(), base))
        return [(f"{base}/?", LandingHandler),
                (f"{base}/{STATEMENT_PATH}/?", StatementHandler), *handlers]

    def listen(self) -> None:
        self._ready_watch = ReadyWatch(self, self.pooled_notebook, self.expected_warm,
                                       self.ready_message)
        self._ready_watch.start()
        super().listen()

    def _pool_memory(self) -> str:
        """What the warm kernels hold, measured: '; pool N × M MB = T MB'."""
        if not self.expected_warm:
            return ""
        sizes = []
        for kernel_id in self.kernel_manager.list_kernel_ids():
            process = getattr(self.kernel_manager.get_kernel(kernel_id).provisioner, "process",
                              None)
            size = rss_mb(process.pid) if process is not None else None
            if size is not None:
                sizes.append(size)
        if not sizes:
            return ""
        each = sum(sizes) / len(sizes)
        return (f"; pool of {self.expected_warm} kernels × {each:.0f} MB = "
                f"{each * self.expected_warm:.0f} MB")


def build_config(options: ServeOptions) -> Config:
    c = Config()
    c.Voila.ip = "0.0.0.0" if options.public else "127.0.0.1"
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
        c.VoilaConfiguration.preheat_kernel = True
        pooled = pooled_notebook(options.session)
        pools = {"default": {"pool_size": 0}}
        if pooled in live_session_notebooks():
            pools[pooled] = {"pool_size": options.participants}
        c.VoilaKernelManager.kernel_pools_config = pools
        # Refill the pool only after the room has arrived: kernels starting during the burst
        # would take the CPU from the pages being served.
        c.VoilaKernelManager.fill_delay = POOL_REFILL_DELAY
    if options.public:
        c.Voila.token = options.token or secrets.token_urlsafe(24)
    return c


def serve(options: ServeOptions) -> None:
    """Run until interrupted. Prints the URL, then a line with 'ready' once it can take a room."""
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(jupyter_share_dir()), os.environ.get("JUPYTER_PATH", "")) if p
    )
    if options.db_url:
        os.environ["EKOKIT_DB"] = options.db_url  # kernels inherit the environment
    room = None
    if options.public:  # the room's token and a facilitator key; the kernels learn its hash
        room = open_public_room(options.db_url, options.token, options.facilitator_key)
        options = dataclasses.replace(options, token=room.token)
    else:  # a local room is open: no kernel may think it is public
        os.environ.pop(PUBLIC_ENV, None)
    config = build_config(options)
    host = "0.0.0.0" if options.public else "127.0.0.1"
    url = f"http://{socket.getfqdn() if options.public else host}:{options.port}/"
    if options.public:
        url += f"?token={config.Voila.token}"
    pool = ""
    if options.participants:
        pooled = pooled_notebook(options.session)
        EkokitVoila.expected_warm = options.participants * (pooled in live_session_notebooks())
        EkokitVoila.pooled_notebook = pooled
        pool = f", {options.participants} warm kernels for {pooled}"
    EkokitVoila.ready_message = f"ekokit ready: {url}{pool}"
    EkokitVoila.room_lang = options.lang
    print(f"ekokit serving {notebooks_dir()} at {url}", flush=True)
    if room is not None:
        print("\n".join(room_lines(url, room, options.lang)), flush=True)
    app = EkokitVoila(config=config)
    app.initialize(argv=[])
    try:
        app.start()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(0)
