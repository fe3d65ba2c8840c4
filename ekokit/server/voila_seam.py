"""The one place where ekokit's server touches what Voilà, the Jupyter server and Tornado do not
document: Voilà's kernel pools (``VoilaKernelManager._pools``), the query socket's registry
(``RequestInfoSocketHandler._waiters`` and ``_cache``), the handler classes in the list Voilà
builds, the app's ``init_settings`` / ``init_handlers`` / ``listen`` and the page handler's
``should_use_rendered_notebook``. Everything else in ``ekokit/server/`` uses the names given here.

Each shape is checked before the server listens (:func:`check_server`, from
:class:`SeamVoila`'s ``init_settings`` and ``init_handlers``); a shape that is not there stops
the server with one line naming the installed version (:class:`SeamError`), so a Voilà release
that renames one never runs the room without its guards. ``tests/test_voila_seam.py`` checks
every shape against the installed versions; docs/architecture.md, "Upgrading Voilà", says what
to do when it fails.

The versions the seam was written against are :data:`TESTED`; ``constraints.txt`` pins them."""

from __future__ import annotations

import ast
import asyncio
import inspect
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.tornado.handler import TornadoVoilaHandler

from ekokit.errors import SeamError

# What the seam was written and tested against (constraints.txt pins the same; a test checks).
TESTED = {"voila": "0.5.13", "jupyter_server": "2.21.1", "jupyter_client": "8.10.0",
          "ipykernel": "7.4.0", "nbclient": "0.11.0", "tornado": "6.6.1", "traitlets": "5.16.1",
          "ipywidgets": "8.1.9"}

# The classes in Voilà's handler list that ekokit replaces (the page and the query socket).
VoilaPageHandler = TornadoVoilaHandler
VoilaQueryHandler = RequestInfoSocketHandler
POOL_ENTRY_KEYS = ("kernel_id", "task")  # what a finished pool entry's result holds


def _require(ok: bool, library: str, what: str) -> None:
    if not ok:
        raise SeamError(library, TESTED[library], what)


# -- the query socket's registry -----------------------------------------------------------------

def _class_dict(name: str) -> dict[str, Any]:
    registry = vars(RequestInfoSocketHandler).get(name)
    _require(isinstance(registry, dict), "voila", f"RequestInfoSocketHandler.{name}")
    return registry


def waiting_kernels() -> dict[str, Any]:
    """Kernel id → the socket of the pre-warmed kernel waiting there for its visitor."""
    return _class_dict("_waiters")


def query_cache() -> dict[str, Any]:
    """Kernel id → a visitor's request that came before its kernel connected."""
    return _class_dict("_cache")


def _sends_through_registry() -> bool:
    """Voilà's page handler hands a visitor's request to ``send_updates``, which writes to the
    socket in ``_waiters`` or keeps it in ``_cache``."""
    source = inspect.getsource(RequestInfoSocketHandler.send_updates)
    return "_waiters" in source and "_cache" in source


class SeamQuerySocket(RequestInfoSocketHandler):
    """Voilà's query socket with its registry kept here: a kernel that connects is registered
    and gets a request that came before it (once, never replayed); a socket that closes is
    forgotten (only its own entry)."""

    def open(self, kernel_id: str) -> None:
        waiting_kernels()[kernel_id] = self
        payload = query_cache().pop(kernel_id, None)
        if payload is not None:
            self.write_message(payload)

    def on_close(self) -> None:
        waiters = waiting_kernels()
        for kernel_id, waiter in list(waiters.items()):
            if waiter is self:
                del waiters[kernel_id]


# -- the kernel pools ----------------------------------------------------------------------------

@dataclass(frozen=True)
class PooledKernel:
    """A pool entry whose kernel has started: its id and Voilà's render of its page (None
    where no page is being rendered)."""

    kernel_id: str
    render: asyncio.Future | None


def pooled_kernel(task: asyncio.Future) -> PooledKernel | None:
    """A finished pool entry's kernel, None while it starts or when its start failed."""
    if not task.done() or task.cancelled() or task.exception() is not None:
        return None
    content = task.result()
    _require(isinstance(content, dict) and "kernel_id" in content, "voila",
             "pool entries holding a 'kernel_id'")
    return PooledKernel(content["kernel_id"], content.get("task"))


def configure_warm_kernels(c: Any, sizes: dict[str, int], *, refill_delay: float) -> None:
    """Pre-warm ``sizes[notebook]`` kernels for each notebook named (no other), refilled
    ``refill_delay`` seconds after one is drawn (Voilà's ``VoilaKernelManager`` settings)."""
    c.VoilaConfiguration.preheat_kernel = True
    c.VoilaKernelManager.kernel_pools_config = {
        "default": {"pool_size": 0}, **{name: {"pool_size": size} for name, size in sizes.items()}}
    c.VoilaKernelManager.fill_delay = refill_delay


class KernelPools:
    """Voilà's pre-warmed kernels per notebook (``VoilaKernelManager._pools``: notebook → list
    of tasks, drawn from the front). Read afresh every time: Voilà replaces the dict when it
    shuts down. Without pre-warming there are none."""

    def __init__(self, kernel_manager: Any, preheated: bool) -> None:
        self.km, self.preheated = kernel_manager, preheated
        if preheated:
            self._pools()

    def _pools(self) -> dict[str, list[asyncio.Future]]:
        pools = vars(self.km).get("_pools")
        _require(isinstance(pools, dict), "voila", "VoilaKernelManager._pools")
        return pools

    def names(self) -> list[str]:
        return list(self._pools()) if self.preheated else []

    def entries(self, notebook: str) -> list[asyncio.Future]:
        """A copy of the notebook's entries, in the order Voilà draws them."""
        return list(self._pools().get(notebook, ())) if self.preheated else []

    def put_first(self, notebook: str, first: Callable[[asyncio.Future], bool]) -> None:
        """Reorder the notebook's entries so that those ``first`` says yes to are drawn first."""
        if self.preheated and notebook in self._pools():
            self._pools()[notebook].sort(key=lambda task: not first(task))

    def remove(self, notebook: str, task: asyncio.Future) -> None:
        pool = self._pools().get(notebook, []) if self.preheated else []
        if task in pool:
            pool.remove(task)

    def refill(self, notebook: str) -> None:
        """Start kernels at once until the notebook's pool is full again."""
        self.km.fill_if_needed(delay=0, notebook_name=notebook)


def _pool_entry_keys() -> tuple[str, ...]:
    """The keys of the dict that Voilà's ``_initialize`` returns as a pool entry's result."""
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    source = textwrap.dedent(inspect.getsource(voila_kernel_manager_factory))
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.AsyncFunctionDef) and node.name == "_initialize":
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Dict):
                    return tuple(str(k.value) for k in ret.value.keys
                                 if isinstance(k, ast.Constant))
    return ()


def _pool_manager_class() -> type:
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    return voila_kernel_manager_factory(AsyncMappingKernelManager, True, 0)


def _pool_manager_shape() -> bool:
    """VoilaKernelManager keeps ``_pools`` (set in ``__init__``) and refills with
    ``fill_if_needed(delay=, notebook_name=)``."""
    cls: Any = _pool_manager_class()
    init = inspect.getsource(cls.__init__)
    fill = inspect.signature(cls.fill_if_needed).parameters
    return "self._pools" in init and "delay" in fill and "notebook_name" in fill


# -- a kernel's heartbeat ----------------------------------------------------------------------

async def heartbeat_answers(kernel_manager: Any, kernel_id: str, timeout: float) -> bool:
    """The kernel echoes a ping on its heartbeat channel within ``timeout`` seconds: through a
    tornado ``ZMQStream``'s callback (what ``connect_hb`` gives under the Jupyter server), or an
    asyncio socket's poll; never by blocking the loop. A kernel sent SIGKILL never echoes it,
    even while its process is not yet gone. Anything else fails closed (no)."""
    import asyncio

    import zmq.asyncio
    from zmq.eventloop.zmqstream import ZMQStream

    if kernel_id not in kernel_manager:
        return False
    channel = kernel_manager.get_kernel(kernel_id).connect_hb()
    try:
        if isinstance(channel, zmq.asyncio.Socket):
            await channel.send(b"ping")
            return bool(await channel.poll(timeout * 1000))
        if not isinstance(channel, ZMQStream):
            return False
        answered = asyncio.get_running_loop().create_future()

        def echoed(_message: object) -> None:
            if not answered.done():
                answered.set_result(True)

        channel.on_recv(echoed)
        channel.send(b"ping")
        await asyncio.wait_for(answered, timeout)
        return True
    except Exception:  # noqa: BLE001 - a kernel that cannot answer (or a timeout) is not alive
        return False
    finally:
        channel.close(linger=0)


# -- the kernel's process, for the memory line ---------------------------------------------------

def kernel_pid(kernel_manager: Any, kernel_id: str) -> int | None:
    """The kernel's process id where it runs as a local process (jupyter_client's
    LocalProvisioner holds it as ``process``), else None."""
    from jupyter_client.provisioning import LocalProvisioner

    provisioner = kernel_manager.get_kernel(kernel_id).provisioner
    if not isinstance(provisioner, LocalProvisioner) or provisioner.process is None:
        return None
    return int(provisioner.process.pid)


# -- the app and the page handler ----------------------------------------------------------------

def _has_method(cls: type, name: str, params: tuple[str, ...]) -> bool:
    method = getattr(cls, name, None)
    return callable(method) and tuple(inspect.signature(method).parameters) == params


APP_METHODS = {"init_settings": ("self",), "init_handlers": ("self",), "listen": ("self",)}
RENDERED_PARAMS = ("self", "notebook_data", "pool_size", "template_name", "theme",
                   "request_args")


def _page_handler_uses_rendered() -> bool:
    """Voilà's page handler asks ``should_use_rendered_notebook`` before it draws a pooled
    kernel and sends the request through the query socket's ``send_updates``."""
    from voila.handler import VoilaHandler

    source = inspect.getsource(VoilaHandler.get_generator)
    return (_has_method(VoilaHandler, "should_use_rendered_notebook", RENDERED_PARAMS)
            and "self.should_use_rendered_notebook(" in source
            and "RequestInfoSocketHandler.send_updates(" in source
            and issubclass(TornadoVoilaHandler, VoilaHandler))


def check_server() -> None:
    """Every shape the server side relies on that can be seen without an app: raises
    :class:`SeamError` for the first one missing."""
    for name, params in APP_METHODS.items():
        _require(_has_method(Voila, name, params), "voila", f"Voila.{name}()")
    _require(_page_handler_uses_rendered(), "voila",
             "VoilaHandler.should_use_rendered_notebook and RequestInfoSocketHandler.send_updates")
    waiting_kernels()
    query_cache()
    _require(_sends_through_registry(), "voila",
             "RequestInfoSocketHandler.send_updates through _waiters and _cache")
    _require(_pool_manager_shape(), "voila", "VoilaKernelManager._pools and fill_if_needed")
    _require(set(POOL_ENTRY_KEYS) <= set(_pool_entry_keys()), "voila",
             "pool entries holding 'kernel_id' and 'task'")
    from jupyter_client.provisioning import LocalProvisioner

    _require("process" in vars(LocalProvisioner), "jupyter_client", "LocalProvisioner.process")
    from jupyter_client.multikernelmanager import AsyncMultiKernelManager

    _require(callable(getattr(_pool_manager_class(), "get_kernel", None))
             and issubclass(_pool_manager_class(), AsyncMultiKernelManager), "voila",
             "an asyncio kernel manager (the heartbeat ping)")


def swap_handlers(handlers: list, swaps: dict[type, type], *, library: str = "voila") -> list:
    """Voilà's handler list with each class in ``swaps`` replaced by its guarded subclass. A
    class not found in the list is an error (the guard would be off), never a no-op."""
    found: set[type] = set()
    swapped = []
    for rule in handlers:
        if isinstance(rule, tuple) and len(rule) >= 2 and rule[1] in swaps:
            found.add(rule[1])
            rule = (rule[0], swaps[rule[1]], *rule[2:])
        swapped.append(rule)
    for missing in swaps.keys() - found:
        raise SeamError(library, TESTED[library],
                        f"{missing.__name__} in the handler list it builds")
    return swapped


def handler_classes(handlers: list) -> Iterator[type]:
    for rule in handlers:
        if isinstance(rule, tuple) and len(rule) >= 2 and isinstance(rule[1], type):
            yield rule[1]
        elif hasattr(rule, "target"):  # a tornado Rule
            yield rule.target


class SeamPageHandler(TornadoVoilaHandler):
    """Voilà's page handler; ekokit's subclasses say through :meth:`use_pooled_page` whether
    this request may take a pooled kernel's rendered page."""

    def use_pooled_page(self) -> bool:
        return True

    def should_use_rendered_notebook(self, *args: Any, **kwargs: Any) -> bool:
        return self.use_pooled_page() and super().should_use_rendered_notebook(*args, **kwargs)


class SeamVoila(Voila):
    """Voilà's app with three hooks of ekokit's own: :meth:`ekokit_settings` (the Tornado
    settings), :meth:`ekokit_handlers` (the handler list, after Voilà built it) and
    :meth:`before_listen`. The seam's shapes are checked before any of them runs."""

    def ekokit_settings(self, settings: dict) -> dict:
        return settings

    def ekokit_handlers(self, handlers: list) -> list:
        return handlers

    def before_listen(self) -> None:
        pass

    @property
    def preheated(self) -> bool:
        return bool(self.voila_configuration.preheat_kernel)

    def init_settings(self) -> dict:
        check_server()
        settings = super().init_settings()
        KernelPools(self.kernel_manager, self.preheated)  # the pools' shape, before any use
        return self.ekokit_settings(settings)

    def init_handlers(self) -> list:
        return self.ekokit_handlers(super().init_handlers())

    def listen(self) -> None:
        self.before_listen()
        super().listen()
