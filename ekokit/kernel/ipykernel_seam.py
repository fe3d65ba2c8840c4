"""The one place where a page's kernel touches what ipykernel and Voilà do not document: the
parent poller that ipykernel runs in a kernel started by a Jupyter server
(``IPKernelApp.instance().poller.parent_pid``), and Voilà's pre-heat protocol (the environment
names a pre-warmed kernel is started with, and the ``/voila/query/<kernel id>`` socket where it
waits for its visitor's request: one JSON message, environment name → value).

:func:`check_kernel` checks every shape before ``ekokit serve`` starts (the CLI calls it: the
server cannot import the kernel's code); a shape that is not there stops it with one line
naming the installed version (:class:`ekokit.errors.SeamError`). ``tests/test_voila_seam.py``
checks them against the installed versions; docs/architecture.md, "Upgrading Voilà", says what
to do when it fails."""

from __future__ import annotations

import inspect
import os
from collections.abc import Mapping

from ekokit.errors import SeamError

# What this seam was written and tested against (constraints.txt pins the same; a test checks).
TESTED = {"ipykernel": "7.4.0", "voila": "0.5.13"}

# Voilà's pre-heat environment names (voila.utils.ENV_VARIABLE) that ekokit's kernels read.
PREHEAT = "VOILA_PREHEAT"  # "True" in a pre-warmed kernel, "False" in one started for its page
KERNEL_ID = "VOILA_KERNEL_ID"  # set by the first cell Voilà runs in a pre-warmed kernel
APP_IP, APP_PORT = "VOILA_APP_IP", "VOILA_APP_PORT"
WS_PROTOCOL, WS_BASE_URL, SERVER_URL = "VOILA_WS_PROTOCOL", "VOILA_WS_BASE_URL", "VOILA_SERVER_URL"
SERVER_SOFTWARE, QUERY_STRING = "SERVER_SOFTWARE", "QUERY_STRING"
PREHEAT_NAMES = (PREHEAT, KERNEL_ID, APP_IP, APP_PORT, WS_PROTOCOL, WS_BASE_URL, SERVER_URL,
                 SERVER_SOFTWARE, QUERY_STRING)
QUERY_PATH = "voila/query/"


def _require(ok: bool, library: str, what: str) -> None:
    if not ok:
        raise SeamError(library, TESTED[library], what)


# -- Voilà's pre-heat protocol, kernel side ------------------------------------------------------

def in_voila(env: Mapping[str, str] = os.environ) -> bool:
    """The kernel serves a Voilà page (pre-warmed or started for its page)."""
    return "voila" in env.get(SERVER_SOFTWARE, "").lower() or PREHEAT in env


def pre_warmed(env: Mapping[str, str] = os.environ) -> bool:
    return env.get(PREHEAT, "False") != "False"


def query_url(env: Mapping[str, str] = os.environ) -> str:
    """Where this pre-warmed kernel waits for its request, as Voilà's ``wait_for_request``
    finds it."""
    base = env.get(WS_BASE_URL, env.get(SERVER_URL, "/"))
    return (f"{env.get(WS_PROTOCOL, 'ws')}://{env.get(APP_IP, '127.0.0.1')}:"
            f"{env.get(APP_PORT, '8866')}{base}{QUERY_PATH}{env.get(KERNEL_ID, '')}")


def server_url(path: str, env: Mapping[str, str] = os.environ) -> str:
    """``path`` on the server that started this kernel (http, on this machine)."""
    ip = env.get(APP_IP, "127.0.0.1")
    host = "127.0.0.1" if ip in ("", "0.0.0.0") else ip
    return f"http://{host}:{env.get(APP_PORT, '8866')}{env.get(SERVER_URL, '/')}{path}"


def own_kernel_id(env: Mapping[str, str] = os.environ) -> str:
    """This kernel's id: Voilà's name for it in a pre-warmed kernel, else its connection file's
    name (``kernel-<id>.json``, as a Jupyter server writes it); "" when neither says."""
    if env.get(KERNEL_ID):
        return env[KERNEL_ID]
    import re

    from ipykernel.connect import get_connection_file

    try:
        match = re.search(r"kernel-([-0-9a-f]+)\.json$", get_connection_file())
    except Exception:  # noqa: BLE001 - not running in a kernel app
        return ""
    return match.group(1) if match else ""


def take_request(message: str) -> None:
    """The query socket's message (the visitor's request: QUERY_STRING and the others, as JSON)
    goes into the environment, as Voilà's own helper puts it."""
    import json

    for name, value in json.loads(message).items():
        os.environ[name] = value


def wait_with_voila() -> None:
    """Voilà's own wait (a kernel outside ``ekokit serve``, with no query key)."""
    from voila.utils import wait_for_request

    wait_for_request()


def _preheat_protocol() -> bool:
    from voila import utils

    names = {member.value for member in utils.ENV_VARIABLE}
    source = inspect.getsource(utils.wait_for_request)
    return (set(PREHEAT_NAMES) <= names and "voila/query" in source
            and "json.loads(request_info)" in source and "os.environ[k] = v" in source)


# -- ipykernel's parent poller -------------------------------------------------------------------

class _SameParent(int):
    """The parent's pid as ipykernel's parent poller holds it, never unequal to any pid: that
    poller ends the kernel at once (``os._exit``) when the server dies, a race that a loaded
    machine lost with a save still waiting. ekokit's own watcher ends the kernel instead, after
    saving."""

    def __ne__(self, other: object) -> bool:
        return False

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = int.__hash__


def _poller_shape() -> bool:
    """The kernel app keeps its poller as ``poller``; the Unix poller holds the server's pid as
    ``parent_pid`` and ends the kernel when the pid it sees differs from it."""
    from ipykernel.kernelapp import IPKernelApp
    from ipykernel.parentpoller import ParentPollerUnix

    run = inspect.getsource(ParentPollerUnix.run)
    return ("poller" in IPKernelApp.class_trait_names()
            and "parent_pid" in inspect.signature(ParentPollerUnix.__init__).parameters
            and "self.parent_pid = parent_pid" in inspect.getsource(ParentPollerUnix.__init__)
            and "ppid != self.parent_pid" in run)


def take_over_parent_watch() -> bool:
    """Make ipykernel's parent poller (in a kernel started by a Jupyter server) never end the
    kernel by itself; True when there was one to take over. A poller of another shape is an
    error: the kernel would end before its pending saves."""
    try:
        from ipykernel.kernelapp import IPKernelApp
        from ipykernel.parentpoller import ParentPollerUnix
    except ImportError:
        return False
    if not IPKernelApp.initialized():
        return False
    app = IPKernelApp.instance()
    _require(hasattr(app, "poller"), "ipykernel", "IPKernelApp.poller")
    poller = app.poller
    if not isinstance(poller, ParentPollerUnix):
        return False
    _require(isinstance(vars(poller).get("parent_pid"), int), "ipykernel",
             "ParentPollerUnix.parent_pid")
    if not poller.parent_pid:
        return False
    poller.parent_pid = _SameParent(poller.parent_pid)
    return True


def check_kernel() -> None:
    """Every shape the kernel side relies on: raises :class:`SeamError` for the first one
    missing."""
    _require(_poller_shape(), "ipykernel", "IPKernelApp.poller and ParentPollerUnix.parent_pid")
    _require(_preheat_protocol(), "voila",
             "pre-heat environment names and /voila/query protocol (voila.utils)")
