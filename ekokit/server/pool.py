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

from ekokit.server.voila_seam import (
    KernelPools,
    PooledKernel,
    heartbeat_answers,
    pooled_kernel,
)

log = logging.getLogger("ekokit.pool")

CHECK_SECONDS = 1.0
HAND_OUT_PING_SECONDS = 2.0  # a living kernel echoes its heartbeat in milliseconds


def _failed(task: asyncio.Future) -> bool:
    return task.done() and (task.cancelled() or task.exception() is not None)


def _rendered(kernel: PooledKernel) -> bool:
    """Voilà has run the page's cells to the end and holds the page. (A notebook whose cell
    blocks until its request is never rendered before it, so never warm: the kit's session
    pages bind the request late instead, :func:`ekokit.kernel.request.when_requested`.)"""
    render = kernel.render
    return render is None or (render.done() and not render.cancelled()
                              and render.exception() is None)


def _render_failed(kernel: PooledKernel) -> bool:
    render = kernel.render
    return render is not None and render.done() and (
        render.cancelled() or render.exception() is not None)


class PoolWarden:
    """Heals the kernel manager's pools and counts their warm kernels."""

    def __init__(self, pools: KernelPools, waiters: dict[str, Any],
                 logger: logging.Logger | None = None) -> None:
        self.pools = pools
        self.km = pools.km
        self.log = logger or log
        self.waiters = waiters  # the query socket's registry: kernel id → waiting socket
        self.replaced = 0
        self._busy = False
        self._healing = asyncio.Lock()  # one heal at a time: a page's waits for the round's

    def _names(self, notebook: str | None) -> Iterable[str]:
        return self.pools.names() if notebook is None else (notebook,)

    def pool_kernel_ids(self, notebook: str | None = None) -> list[str]:
        ids = []
        for name in self._names(notebook):
            for task in self.pools.entries(name):
                kernel = pooled_kernel(task)
                if kernel is not None:
                    ids.append(kernel.kernel_id)
        return ids

    async def alive(self, kernel_id: str) -> bool:
        """The kernel is the server's and its process lives."""
        if kernel_id not in self.km:
            return False
        kernel = self.km.get_kernel(kernel_id)
        try:
            return bool(await kernel.is_alive())
        except Exception:  # noqa: BLE001 - a kernel that cannot say is not alive
            return False

    def _waiting(self, kernel: PooledKernel | None) -> bool:
        return kernel is not None and kernel.kernel_id in self.waiters and _rendered(kernel)

    async def warm(self, notebook: str | None = None) -> int:
        """How many of the pool's kernels are alive, rendered and waiting for a visitor."""
        count = 0
        for name in self._names(notebook):
            for task in self.pools.entries(name):
                kernel = pooled_kernel(task)
                if kernel is not None and self._waiting(kernel) \
                        and await self.alive(kernel.kernel_id):
                    count += 1
        return count

    def warm_first(self, notebook: str) -> bool:
        """Put the pool's warm entries (kernel waiting for its request) first, the order in
        which Voilà draws them; True when the first is warm. A visitor never draws a kernel
        that is still starting: without a warm one they get a fresh kernel of their own."""

        def is_warm(task: asyncio.Future) -> bool:
            return self._waiting(pooled_kernel(task))

        self.pools.put_first(notebook, is_warm)
        entries = self.pools.entries(notebook)
        return bool(entries) and is_warm(entries[0])

    async def hand_out(self, notebook: str) -> bool:
        """Just before a visitor draws from ``notebook``'s pool: heal it, put the warm entries
        first, and ping the first one's heartbeat; one that does not answer (killed a moment
        ago, its process not yet gone) is removed, shut down and replaced, and the next is
        tried. True when the entry Voilà draws next is warm and answered. The caller draws
        without awaiting anything in between, so no other visitor takes it first."""
        await self.heal(notebook)
        async with self._healing:
            while self.warm_first(notebook):
                task = self.pools.entries(notebook)[0]
                kernel = pooled_kernel(task)
                assert kernel is not None
                if await heartbeat_answers(self.km, kernel.kernel_id, HAND_OUT_PING_SECONDS):
                    if self.pools.entries(notebook)[:1] == [task]:
                        return True
                    continue  # the pool changed while we waited: look again
                self.log.warning("ekokit: pooled kernel %s of %s did not answer its "
                                 "heartbeat; starting a fresh one", kernel.kernel_id, notebook)
                self.pools.remove(notebook, task)
                await self._discard(kernel)
                self.replaced += 1
                self.pools.refill(notebook)
            return False

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
        for name in list(self._names(notebook)):
            dead: list[tuple[asyncio.Future, PooledKernel | None]] = []
            for task in self.pools.entries(name):
                kernel = pooled_kernel(task)
                if _failed(task):
                    dead.append((task, None))
                elif kernel is not None and _render_failed(kernel):
                    render = kernel.render
                    assert render is not None
                    self.log.warning("ekokit: warm-up of kernel %s failed: %r",
                                     kernel.kernel_id,
                                     None if render.cancelled() else render.exception())
                    dead.append((task, kernel))
                elif kernel is not None and not await self.alive(kernel.kernel_id):
                    dead.append((task, kernel))
            for task, kernel in dead:
                self.pools.remove(name, task)
                await self._discard(kernel)
            if dead:
                replaced += len(dead)
                self.log.warning("ekokit: %d pooled kernel(s) of %s failed or died; starting fresh "
                            "ones", len(dead), name)
                self.pools.refill(name)
        self.replaced += replaced
        return replaced

    async def _discard(self, kernel: PooledKernel | None) -> None:
        if kernel is None:
            return
        if kernel.render is not None and not kernel.render.done():
            kernel.render.cancel()
        self.waiters.pop(kernel.kernel_id, None)
        if kernel.kernel_id in self.km:
            with contextlib.suppress(Exception):
                await self.km.shutdown_kernel(kernel.kernel_id, now=True)

    async def reap(self) -> int:
        """Shut down kernels outside the pools whose process has died (a visitor's page then
        learns from its heartbeat that the connection is lost)."""
        pooled = set(self.pool_kernel_ids())
        reaped = 0
        for kernel_id in list(self.km.list_kernel_ids()):
            if kernel_id in pooled or await self.alive(kernel_id):
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
