"""Shared helpers of the benchmark scripts: statistics, result files, servers and timed GETs.

Not a benchmark itself. Each script in this folder imports it (the script's own folder is on
``sys.path`` when run as ``python benchmarks/<name>.py``)."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
LOGS = RESULTS / "logs"
_venv_bin = REPO / ".venv" / "bin"
BIN = _venv_bin if (_venv_bin / "python").exists() else Path(sys.executable).parent
NOTEBOOK = "01_ekosysteemit.ipynb"
DEMO_TEAM = "esimerkki"
EKOKIT_PATH = f"/voila/render/{NOTEBOOK}?team={DEMO_TEAM}"  # under `ekokit serve`
PLAIN_PATH = f"/?team={DEMO_TEAM}"  # plain `voila <notebook>` serves the notebook at /
POOLED_LINE = "Using pre-heated kernel"  # Voilà's log line when a request takes a pooled kernel


# -- statistics ----------------------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default); None for no values."""
    xs = sorted(values)
    if not xs:
        return None
    k = (len(xs) - 1) * q / 100
    lo = math.floor(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summary(values: Sequence[float]) -> dict[str, float | int | None]:
    return {
        "n": len(values),
        "min": min(values) if values else None,
        "median": statistics.median(values) if values else None,
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": max(values) if values else None,
    }


def fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def md_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# -- machine and result files --------------------------------------------------------------------
def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 0
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "nproc": cores,
        "cpu": cpu or platform.processor(),
        "memory_gb": mem_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "loadavg_1_5_15": os.getloadavg(),  # other work on the machine skews the figures
    }


def write_result(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    data = {"benchmark": name, "machine": machine(), **data}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- servers -------------------------------------------------------------------------------------
class ServerFailed(RuntimeError):
    pass


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (kernels run in sessions of their own, not in its group)."""
    if not Path("/proc").is_dir():
        return []
    tree, found, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_snapshot(root: int) -> dict[int, float]:
    return {pid: cpu_seconds(pid) for pid in [root, *descendants(root)]}


def cpu_spent(before: dict[int, float], after: dict[int, float], root: int) -> dict[str, float]:
    """CPU seconds between two snapshots: the server process, the processes that were already
    there (pooled kernels), and those started in between (kernels started per request/refill)."""
    old = [p for p in before if p != root]
    new = [p for p in after if p not in before]
    return {
        "server_cpu_s": round(after.get(root, 0.0) - before[root], 2),
        "old_kernels_cpu_s": round(sum(after.get(p, before[p]) - before[p] for p in old), 2),
        "new_processes": len(new),
        "new_processes_cpu_s": round(sum(after[p] for p in new), 2),
    }


class Server:
    """A server process in a new session; stdout lines are timestamped, stderr goes to a log.

    ``stop()`` ends the process group and every descendant (by pid), whatever happened."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> None:
        self.name, self.argv = name, argv
        self.env = {**os.environ, **(env or {})}
        # As on a facilitator's machine: Python caches compiled modules, so kernels after the
        # first do not recompile ekokit's sources (some sandboxes switch the cache off).
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        LOGS.mkdir(parents=True, exist_ok=True)
        self.log_path = LOGS / f"{name}.stderr.log"
        self.lines: list[tuple[float, str]] = []
        self.proc: subprocess.Popen | None = None
        self.started = 0.0
        self._seen = threading.Condition()

    def start(self) -> Server:
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            self.argv, cwd=REPO, env=self.env, stdout=subprocess.PIPE, stderr=self._log,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for raw in self.proc.stdout:
            with self._seen:
                self.lines.append((time.perf_counter(), raw.decode(errors="replace").rstrip()))
                self._seen.notify_all()
        with self._seen:
            self._seen.notify_all()

    def wait_line(self, marker: str, timeout: float) -> float:
        """Seconds from start until a stdout line contains ``marker``."""
        deadline = time.monotonic() + timeout
        with self._seen:
            while True:
                for stamp, line in self.lines:
                    if marker in line:
                        return stamp - self.started
                if self.proc.poll() is not None:
                    raise ServerFailed(f"{self.name} exited ({self.proc.returncode}) before "
                                       f"{marker!r}:\n{self.stderr_tail()}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ServerFailed(f"{self.name}: no {marker!r} within {timeout:.0f} s:\n"
                                       f"{self.stderr_tail()}")
                self._seen.wait(min(left, 0.5))

    def wait_port(self, port: int, timeout: float) -> float:
        """Seconds from start until 127.0.0.1:port accepts connections."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return time.perf_counter() - self.started
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise ServerFailed(f"{self.name} exited ({self.proc.returncode}):\n"
                                   f"{self.stderr_tail()}")
            if time.monotonic() > deadline:
                raise ServerFailed(f"{self.name}: port {port} closed after {timeout:.0f} s:\n"
                                   f"{self.stderr_tail()}")
            time.sleep(0.05)

    def stderr_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def stderr_tail(self, lines: int = 40) -> str:
        return "\n".join(self.stderr_text().splitlines()[-lines:])

    def count(self, needle: str) -> int:
        return self.stderr_text().count(needle)

    def stop(self) -> None:
        if self.proc is None:
            return
        pid = self.proc.pid
        below = descendants(pid)
        _signal(pid, below, signal.SIGTERM)  # Voilà shuts its kernels down on SIGTERM
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (self.proc.poll() is None or _alive(below)):
            time.sleep(0.2)
        _signal(pid, _alive(below), signal.SIGKILL)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self._log.close()
        self.proc = None


def _alive(pids: list[int]) -> list[int]:
    return [p for p in pids if Path(f"/proc/{p}").exists()]


def _signal(group: int, pids: list[int], sig: int) -> None:
    for send, target in ((os.killpg, group), *((os.kill, p) for p in pids)):
        try:
            send(target, sig)
        except (ProcessLookupError, PermissionError):
            pass


def ekokit_server(name: str, db: Path, port: int, participants: int = 0) -> Server:
    argv = [str(BIN / "ekokit"), "--db", str(db), "serve", "--port", str(port)]
    if participants:
        argv += ["--participants", str(participants)]
    return Server(name, argv, env={"PYTHONUNBUFFERED": "1"})


def plain_voila_server(name: str, db: Path, port: int) -> Server:
    argv = [str(BIN / "voila"), str(REPO / "notebooks" / NOTEBOOK), "--port", str(port),
            "--no-browser", "--Voila.ip=127.0.0.1"]
    return Server(name, argv, env={"EKOKIT_DB": str(db), "PYTHONUNBUFFERED": "1"})


def seed_demo_team(db: Path) -> None:
    """The demo team in a fresh store, as `ekokit serve` would create it."""
    from ekokit.store.database import Store
    from ekokit.store.demo import ensure_demo_team

    ensure_demo_team(Store(str(db)))


# -- timed GETs ----------------------------------------------------------------------------------
ERROR_TEXT = "There was an error when executing cell"  # Voilà's text for a failed cell


async def timed_get(client, url: str, timeout: float) -> dict[str, Any]:
    """GET ``url`` and read the whole body. Seconds to headers and to the last byte."""
    import asyncio

    import httpx

    t0 = time.perf_counter()
    out: dict[str, Any] = {"ok": False, "status": None, "bytes": 0, "ttfb": None, "seconds": None}
    try:
        async with asyncio.timeout(timeout):
            async with client.stream("GET", url) as response:
                out["ttfb"] = time.perf_counter() - t0
                out["status"] = response.status_code
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body.extend(chunk)
        out["seconds"] = time.perf_counter() - t0
        text = body.decode(errors="replace")
        out["bytes"] = len(body)
        out["cell_errors"] = text.count(ERROR_TEXT)
        out["widgets"] = text.count("application/vnd.jupyter.widget-view+json")
        out["ok"] = out["status"] == 200 and out["cell_errors"] == 0 and out["widgets"] > 0
    except TimeoutError:
        out["error"] = f"no full response within {timeout:.0f} s"
    except (OSError, httpx.HTTPError) as exc:  # a refused or broken connection is a result too
        out["error"] = f"{type(exc).__name__}: {exc}"
    return out


def http_client(connections: int = 100):
    import httpx

    return httpx.AsyncClient(
        trust_env=False,  # never a proxy: traffic goes to 127.0.0.1 only
        timeout=httpx.Timeout(None),
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=0),
        follow_redirects=False,
    )
