"""The server's settings as traitlets, in Voilà's style: :class:`RoomConfig` (what a room is
served with) and :class:`KitKernelSpecManager` (the environment every kernel gets). Each has its
``help``; ``ekokit serve`` and ``ekokit lab`` fill them from their options
(:func:`ekokit.server.app.build_config`, :func:`ekokit.server.lab.build_config`).

The kernels learn the room through their environment (the names in :mod:`ekokit.model.access`,
:mod:`ekokit.process_env`, :mod:`ekokit.paths`): the kernel spec's ``env``, which jupyter_client
puts over the environment Voilà starts each kernel with. The server's own ``os.environ`` is
left as it was."""

from __future__ import annotations

import os

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from traitlets import Bool, Dict, Int, Unicode, default
from traitlets.config import Configurable

from ekokit.content.calendar import CALENDAR_ENV
from ekokit.model.access import FACILITATOR_HASH_ENV, PUBLIC_ENV
from ekokit.paths import DB_ENV, WORKSPACE_ENV
from ekokit.process_env import QUERY_KEY_ENV
from ekokit.state.exercise import SELF_STUDY


class RoomConfig(Configurable):
    """What ``ekokit serve`` serves a room with, for the server's handlers and its kernels."""

    public = Bool(False, config=True, help="""A public room (``ekokit serve --public``): a
        team opens only with its key, the facilitator's notebooks only with the facilitator
        key. A local room (False) opens every team.""")
    facilitator_hash = Unicode("", config=True, help="""The hash of the facilitator key made
        at start (never the key itself): the server and the kernels check the key of a page's
        address against it.""")
    db_url = Unicode("", config=True, help="""The store the kernels save to (an SQLAlchemy
        URL); empty: each kernel's default, ekokit.sqlite in the workspace.""")
    self_study = Bool(False, config=True, help="""Self-study (``ekokit serve --demo``): the
        worked example team takes saves.""")
    calendar = Unicode("", config=True, help="""Another round's calendar file (``ekokit
        --calendar``); empty: the kit's own.""")
    workspace = Unicode("", config=True, help="""The team's folder (``ekokit lab
        --workspace``); empty: the kernels' default, workspace/ in the checkout.""")
    max_kernels = Int(20, config=True, help="""At most this many kernels started on demand
        (a visitor without a warm pooled kernel gets one of their own); over it a visitor gets
        the room-full page (503, it retries by itself). ``ekokit serve`` sets what the
        machine's available memory holds, or ``--max-kernels``.""")
    max_starting_per_client = Int(4, config=True, help="""At most this many kernels being
        started at once for one client address (the rest get the room-full page, 429). Behind
        a reverse proxy, the proxy's address unless the server trusts its X-Forwarded-For.""")
    query_key = Unicode(config=True, help="""The per-run key the server's own kernels present
        at Voilà's query socket (``/voila/query/<kernel id>``) to wait for their visitor's
        request; any other client is refused. Made at start.""")

    @default("query_key")
    def _new_query_key(self) -> str:
        return os.urandom(24).hex()

    def kernel_env(self, *, voila: bool = True) -> dict[str, str]:
        """The room as the kernels' environment: every name set, so that nothing the server
        was started with (an exported EKOKIT_PUBLIC, say) reaches a kernel by accident. The
        query key only for Voilà's kernels (``voila``), which wait for their visitor."""
        env = {PUBLIC_ENV: "1" if self.public else "0",
               FACILITATOR_HASH_ENV: self.facilitator_hash if self.public else "",
               SELF_STUDY: "1" if self.self_study else "0"}
        if voila:
            env[QUERY_KEY_ENV] = self.query_key
        for name, value in ((DB_ENV, self.db_url), (CALENDAR_ENV, self.calendar),
                            (WORKSPACE_ENV, self.workspace)):
            if value:
                env[name] = value
        return env


class KitKernelSpecManager(KernelSpecManager):
    """Jupyter's kernel spec manager, with :attr:`kernel_env` added to every kernel spec's
    ``env`` (``VoilaConfiguration.kernel_spec_manager_class``,
    ``ServerApp.kernel_spec_manager_class``)."""

    kernel_env = Dict(key_trait=Unicode(), value_trait=Unicode(), config=True,
                      help="""Environment variables every kernel gets, over the server's
        own (the room's settings: :meth:`RoomConfig.kernel_env`).""")

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        spec = super().get_kernel_spec(kernel_name)
        # jupyter_client substitutes ${NAME} in a spec's env: a literal $ is written $$.
        spec.env = {**spec.env, **{name: value.replace("$", "$$")
                                   for name, value in self.kernel_env.items()}}
        return spec
