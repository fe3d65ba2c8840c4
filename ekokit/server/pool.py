"""A kernel pool that heals, and an honest count of warm kernels for "ekokit ready".

Voilà keeps, per notebook, a list of tasks that each start a kernel and run the notebook in it
until the kernel waits for its request. Voilà never looks at them again: a kernel that dies in
the pool is handed to the next visitor, who waits and gets an error. :class:`PoolWarden` looks
every second (and once more before a page is served): a pool entry whose start failed, whose
warm-up failed, or whose kernel process is gone is removed, its kernel shut down, and a fresh
one started at once. Kernels that died after a visitor drew them are shut down too, so the page's
heartbeat (``/ekokit/alive/<id>``) can say the connection is lost.

A kernel is *warm* when it is in the server's own pool, alive, its notebook has connected to
``/voila/query/<its id>`` to wait for its request, and Voilà has rendered its page to the end
(ekokit's session pages run every cell before the request and bind the visitor's team after it,
so a visitor's GET is answered from the rendered page at once); a socket that any client opens
for an id not in the pool counts for nothing."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from typing import Any

log = logging.getLogger("ekokit.pool")

CHECK_SECONDS = 1.0


def _result(task: asyncio.Future) -> dict[str, Any] | None:
    """A finished pool entry's content, None while it starts or when its start failed."""
    if not task.done() or task.cancelled() or task.exception() is not None:
        return None
    return task.result()


def _failed(task: asyncio.Future) -> bool:
    return task.done() and (task.cancelled() or task.exception() is not None)


def _rendered(content: dict[str, Any]) -> bool:
    """Voilà has run the page's cells to the end and holds the page. (A notebook whose cell
    blocks until its request is never rendered before it, so never warm: the kit's session
    pages bind the request late instead, :func:`ekokit.kernel.request.when_requested`.)"""
    render = content.get("task")
    return render is None or (render.done() and not render.cancelled()
                              and render.exception() is None)


def _render_failed(content: dict[str, Any]) -> bool:
    render = content.get("task")
    return render is not None and render.done() and (
        render.cancelled() or render.exception() is not None)


class PoolWarden:
    """Heals the kernel manager's pools and counts their warm kernels."""

    def __init__(self, kernel_manager: Any, waiters: dict[str, Any],
                 logger: logging.Logger | None = None) -> None:
        self.km = kernel_manager
        self.log = logger or log
        self.waiters = waiters  # RequestInfoSocketHandler._waiters: kernel id → socket
        self.replaced = 0
        self._busy = False
        self._healing = asyncio.Lock()  # one heal at a time: a page's waits for the round's

    @property
    def pools(self) -> dict[str, list[asyncio.Future]]:
        return getattr(self.km, "_pools", {})

    def pool_kernel_ids(self, notebook: str | None = None) -> list[str]:
        names: Iterable[str] = self.pools if notebook is None else (notebook,)
        ids = []
        for name in names:
            for task in self.pools.get(name, []):
                content = _result(task)
                if content is not None:
                    ids.append(content["kernel_id"])
        return ids

    async def _alive(self, kernel_id: str) -> bool:
        if kernel_id not in self.km:
            return False
        kernel = self.km.get_kernel(kernel_id)
        try:
            return bool(await kernel.is_alive())
        except Exception:  # noqa: BLE001 - a kernel that cannot say is not alive
            return False

    def _waiting(self, content: dict[str, Any] | None) -> bool:
        return (content is not None and content["kernel_id"] in self.waiters
                and _rendered(content))

    async def warm(self, notebook: str | None = None) -> int:
        """How many of the pool's kernels are alive, rendered and waiting for a visitor."""
        count = 0
        names: Iterable[str] = self.pools if notebook is None else (notebook,)
        for name in names:
            for task in self.pools.get(name, []):
                content = _result(task)
                if content is not None and self._waiting(content) \
                        and await self._alive(content["kernel_id"]):
                    count += 1
        return count

    def warm_first(self, notebook: str) -> bool:
        """Put the pool's warm entries (kernel waiting for its request) first, the order in
        which Voilà draws them; True when the first is warm. A visitor never draws a kernel
        that is still starting: without a warm one they get a fresh kernel of their own."""
        pool = self.pools.get(notebook)
        if not pool:
            return False

        def is_warm(task: asyncio.Future) -> bool:
            return self._waiting(_result(task))

        pool.sort(key=lambda task: not is_warm(task))
        return is_warm(pool[0])

    async def heal(self, notebook: str | None = None) -> int:
        """Remove every failed or dead pool entry (of one notebook, or all), shut its kernel
        down and start a fresh one at once. Returns how many were replaced.

        Heals run one at a time: a page's heal that comes during the periodic round waits for
        it, then looks again itself (two rounds at once would shut the same kernels down and
        refill the pool twice)."""
        async with self._healing:
            return await self._heal(notebook)

    async def _heal(self, notebook: str | None) -> int:
        replaced = 0
        for name, pool in list(self.pools.items()):
            if notebook is not None and name != notebook:
                continue
            dead: list[tuple[asyncio.Future, dict[str, Any] | None]] = []
            for task in list(pool):
                content = _result(task)
                if _failed(task):
                    dead.append((task, None))
                elif content is not None and _render_failed(content):
                    render = content["task"]
                    self.log.warning("ekokit: warm-up of kernel %s failed: %r",
                                     content["kernel_id"],
                                     None if render.cancelled() else render.exception())
                    dead.append((task, content))
                elif content is not None and not await self._alive(content["kernel_id"]):
                    dead.append((task, content))
            for task, content in dead:
                if task in pool:
                    pool.remove(task)
                await self._discard(content)
            if dead:
                replaced += len(dead)
                self.log.warning("ekokit: %d pooled kernel(s) of %s failed or died; starting fresh "
                            "ones", len(dead), name)
                self.km.fill_if_needed(delay=0, notebook_name=name)
        self.replaced += replaced
        return replaced

    async def _discard(self, content: dict[str, Any] | None) -> None:
        if content is None:
            return
        render = content.get("task")
        if render is not None and not render.done():
            render.cancel()
        kernel_id = content["kernel_id"]
        self.waiters.pop(kernel_id, None)
        if kernel_id in self.km:
            with contextlib.suppress(Exception):
                await self.km.shutdown_kernel(kernel_id, now=True)

    async def reap(self) -> int:
        """Shut down kernels outside the pools whose process has died (a visitor's page then
        learns from its heartbeat that the connection is lost)."""
        pooled = set(self.pool_kernel_ids())
        reaped = 0
        for kernel_id in list(self.km.list_kernel_ids()):
            if kernel_id in pooled or await self._alive(kernel_id):
                continue
            if kernel_id in self.km:
                with contextlib.suppress(Exception):
                    await self.km.shutdown_kernel(kernel_id, now=True)
                    reaped += 1
        return reaped

    async def check(self) -> None:
        """One round: heal the pools, reap dead visitor kernels. Never two rounds at once."""
        if self._busy:
            return
        self._busy = True
        try:
            await self.heal()
            await self.reap()
        except Exception:
            self.log.exception("ekokit: checking the kernel pool failed")
        finally:
            self._busy = False
