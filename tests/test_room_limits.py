"""The room's kernels under stress, on a real ``ekokit serve``: the pool never hands out a kernel
that has just been killed; kernels started on demand stop at the cap, the rest get the room-full
page (issue 22)."""

from __future__ import annotations

import json
import os
import re
import signal
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from tests.servers import READY_TIMEOUT, Server, fetch
from tests.test_room_robust import kernel_pids, start

pytestmark = [pytest.mark.server]

TOKEN = "room-token-limits"
PAGE = "voila/render/01_ekosysteemit.ipynb"


def page_kernel_id(page: str) -> str:
    match = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                      page, re.DOTALL)
    assert match, page[:2000]
    return json.loads(match.group(1))["kernelId"]


def alive_status(server: Server, kernel_id: str) -> int:
    request = urllib.request.Request(f"{server.url}ekokit/alive/{kernel_id}?token={TOKEN}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.fixture(scope="module")
def pooled_room(tmp_path_factory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("limits-pool") / "ekokit.sqlite"
    server = start(db, 2, "--public", "--token", TOKEN)
    try:
        server.wait_ready(READY_TIMEOUT)
        yield server
    finally:
        server.stop()


def test_two_pooled_kernels_killed_as_visitors_come_each_visitor_gets_a_live_kernel(
        pooled_room):
    """kill -9 of both pooled kernels and, at once, two GETs: each page's kernel lives (before:
    2 of 2 visitors drew a dead kernel, the page's websocket 404)."""
    pooled = kernel_pids(pooled_room)
    assert len(pooled) == 2, pooled
    for pid in pooled.values():
        os.kill(pid, signal.SIGKILL)
    urls = [f"{pooled_room.url}{PAGE}?team=esimerkki&token={TOKEN}&v={v}" for v in range(2)]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(fetch, urls))
    assert [code for code, _ in answers] == [200, 200]
    kernels = [page_kernel_id(page) for _, page in answers]
    assert not set(kernels) & set(pooled), "a visitor drew a kernel that was killed"
    time.sleep(1)
    assert [alive_status(pooled_room, k) for k in kernels] == [204, 204]
