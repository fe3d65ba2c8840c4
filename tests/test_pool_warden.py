"""The pool warden and the log redaction without a server: a fake kernel manager holding
Voilà's pool shape (notebook → list of tasks whose result names a kernel)."""

from __future__ import annotations

import asyncio

from ekokit.server.logs import redact
from ekokit.server.pool import PoolWarden
from ekokit.server.voila_seam import KernelPools

NOTEBOOK = "01_ekosysteemit.ipynb"


class FakeKernel:
    def __init__(self, alive: bool) -> None:
        self.alive = alive

    async def is_alive(self) -> bool:
        return self.alive


class FakeManager:
    def __init__(self, kernels: dict[str, bool]) -> None:
        self.kernels = {k: FakeKernel(v) for k, v in kernels.items()}
        self._pools: dict[str, list[asyncio.Future]] = {}
        self.filled: list[str] = []
        self.shut: list[str] = []

    def __contains__(self, kernel_id: str) -> bool:
        return kernel_id in self.kernels

    def get_kernel(self, kernel_id: str) -> FakeKernel:
        return self.kernels[kernel_id]

    def list_kernel_ids(self) -> list[str]:
        return list(self.kernels)

    async def shutdown_kernel(self, kernel_id: str, now: bool = False) -> None:
        self.shut.append(kernel_id)
        del self.kernels[kernel_id]

    def fill_if_needed(self, delay: float | None = None, notebook_name: str | None = None,
                       **kwargs: object) -> None:
        self.filled.append(notebook_name or "")


def _done(kernel_id: str) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    future.set_result({"kernel_id": kernel_id, "task": None})
    return future


def test_only_the_pools_own_live_waiting_kernels_count_as_warm():
    async def run() -> tuple[int, int]:
        km = FakeManager({"a": True, "b": True, "dead": False, "visitor": True})
        km._pools[NOTEBOOK] = [_done("a"), _done("b"), _done("dead")]
        # a waits; b is still warming up; the dead one had connected; two fake sockets
        waiters = {"a": object(), "dead": object(), "random-1": object(), "visitor": object()}
        warden = PoolWarden(KernelPools(km, True), waiters)
        before = await warden.warm(NOTEBOOK)
        await warden.check()
        return before, await warden.warm(NOTEBOOK)

    assert asyncio.run(run()) == (1, 1)


def test_a_kernel_still_rendering_its_page_is_not_warm_and_is_not_drawn_first():
    """Session pages run every cell before the request: a kernel that has connected to wait
    but whose page Voilà is still rendering would make its visitor wait for the rest."""
    async def run() -> tuple[int, bool, int, bool]:
        loop = asyncio.get_running_loop()
        km = FakeManager({"rendering": True, "rendered": True})
        render = loop.create_future()  # Voilà's render task, still running the cells
        still = loop.create_future()
        still.set_result({"kernel_id": "rendering", "task": render})
        km._pools[NOTEBOOK] = [still]
        warden = PoolWarden(KernelPools(km, True),
                            {"rendering": object(), "rendered": object()})
        before = await warden.warm(NOTEBOOK), warden.warm_first(NOTEBOOK)
        render.set_result(([], None))
        km._pools[NOTEBOOK].append(_done("rendered"))
        return (*before, await warden.warm(NOTEBOOK), warden.warm_first(NOTEBOOK))

    assert asyncio.run(run()) == (0, False, 2, True)


def test_a_dead_or_failed_pool_entry_is_removed_shut_down_and_refilled():
    async def run() -> tuple[list[str], list[str], list[str]]:
        km = FakeManager({"a": True, "dead": False})
        failed = asyncio.get_running_loop().create_future()
        failed.set_exception(RuntimeError("kernel did not start"))
        km._pools[NOTEBOOK] = [_done("a"), _done("dead"), failed]
        warden = PoolWarden(KernelPools(km, True), {})
        assert await warden.heal() == 2
        return warden.pool_kernel_ids(NOTEBOOK), km.shut, km.filled

    assert asyncio.run(run()) == (["a"], ["dead"], [NOTEBOOK])


def test_a_visitors_dead_kernel_is_shut_down_so_its_page_hears_of_it():
    async def run() -> list[str]:
        km = FakeManager({"visitor": False, "other": True})
        await PoolWarden(KernelPools(km, True), {}).reap()
        return km.shut

    assert asyncio.run(run()) == ["visitor"]


def test_tokens_and_keys_are_redacted_also_inside_a_login_redirects_next():
    line = ("GET /voila/render/x.ipynb?team=a&token=T0K&key=K3Y&facilitator_key=F&fkey=FK3Y "
            "/login?next=%2Fvoila%2Frender%2Fx.ipynb%3Ftoken%3DT0K%26team%3Da")
    cleaned = redact(line)  # fkey: the facilitator link's key (ekokit.model.access)
    assert "T0K" not in cleaned and "K3Y" not in cleaned and "=F&" not in cleaned
    assert "FK3Y" not in cleaned
    assert "team=a" in cleaned and "team%3Da" in cleaned and cleaned.count("[secret]") == 5


def test_the_pages_lost_connection_texts_come_from_both_catalogues():
    from ekokit.content.i18n import t
    from ekokit.server.page_texts import page_texts

    texts = page_texts()
    for lang in ("fi", "en"):
        assert texts[lang]["lost"] == t("connection.lost", lang)
        assert texts[lang]["lost_status"] == t("connection.lost_status", lang)


class _App:
    def __init__(self, warden: PoolWarden) -> None:
        self.app = type("Web", (), {"settings": {"ekokit_warden": warden}})()

    def pool_memory(self) -> str:
        return ""


def test_ready_waits_for_warm_kernels_and_says_so_clearly_after_the_time_limit(capsys):
    from ekokit.server.hardening import ReadyWatch

    async def run(limit: float, waiters: dict) -> None:
        km = FakeManager({"a": True, "b": True})
        km._pools[NOTEBOOK] = [_done("a"), _done("b")]
        warden = PoolWarden(KernelPools(km, True), waiters)
        await ReadyWatch(_App(warden), NOTEBOOK, 2, "ekokit ready: x", limit=limit).tick()

    asyncio.run(run(600, {"a": object(), "fake": object()}))
    assert capsys.readouterr() == ("", "")  # one of two warm: not ready, not yet an error
    asyncio.run(run(0, {"a": object()}))
    assert "ekokit error: only 1 of 2 kernels" in capsys.readouterr().err
    asyncio.run(run(600, {"a": object(), "b": object()}))
    assert capsys.readouterr().out == "ekokit ready: x\n"
