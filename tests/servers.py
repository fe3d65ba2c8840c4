"""Helpers for the end-to-end tests: a real ``ekokit serve`` process and Debian's chromium.

Not a test module: imported by tests/test_voila_server.py and tests/test_browser.py."""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

READY_TIMEOUT = 120.0
READY_PREFIX = "ekokit ready:"
EKOKIT = Path(sys.executable).with_name("ekokit")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chromium_path() -> str:
    """Debian's chromium (Playwright's own browser download is not used)."""
    return shutil.which("chromium") or "/usr/bin/chromium"


def _command(db_path: str | os.PathLike, port: int, participants: int,
             extra_args: Sequence[str]) -> list[str]:
    exe = [str(EKOKIT)] if EKOKIT.exists() else [sys.executable, "-m", "ekokit.cli"]
    args = [*exe, "--db", str(db_path), "serve", "--port", str(port)]
    if participants:
        args += ["--participants", str(participants)]
    return [*args, *extra_args]


def _stop(proc: subprocess.Popen) -> None:
    """TERM the whole process group (Voilà and its kernels), then KILL what is left."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    # kernels are in the same group and may outlive the server: make sure nothing is left
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)


@contextlib.contextmanager
def running_server(db_path: str | os.PathLike, *, participants: int = 0,
                   extra_args: Sequence[str] = ()) -> Iterator[str]:
    """Start ``ekokit serve`` on a free port; yield its base URL once it prints "ekokit ready:".

    The server's output is drained in a thread for the whole run (so a chatty server never blocks
    on a full pipe), written to ``<db_path>.serve.log`` for post-mortems, and shown if the server
    does not get ready in time."""
    port = free_port()
    env = {**os.environ, "EKOKIT_DB": str(db_path), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        _command(db_path, port, participants, extra_args), env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        errors="replace", start_new_session=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()
    captured: list[str] = []
    log_path = Path(f"{db_path}.serve.log")

    def drain() -> None:
        assert proc.stdout is not None
        with log_path.open("a", encoding="utf-8") as log:
            for line in proc.stdout:
                captured.append(line)
                lines.put(line)
                log.write(line)
                log.flush()
        lines.put(None)

    threading.Thread(target=drain, daemon=True).start()
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            try:
                line = lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                line = None
            if line is None:
                code = proc.poll()
                reason = (f"exited with code {code}" if code is not None
                          else f"did not say {READY_PREFIX!r} within {READY_TIMEOUT:.0f} s")
                pytest.fail(f"ekokit serve {reason}. Its output:\n{''.join(captured)}",
                            pytrace=False)
            if line.startswith(READY_PREFIX):
                break
        yield f"http://127.0.0.1:{port}/"
    finally:
        _stop(proc)

