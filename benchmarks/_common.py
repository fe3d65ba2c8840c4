"""Shared helpers of the benchmark scripts: statistics, result files, sessions, CPU accounting
and timed GETs.

Not a benchmark itself. Each script in this folder imports it (the script's own folder is on
``sys.path`` when run as ``python benchmarks/<name>.py``). Servers are started by
``tests/servers.py``, the one module that starts ``ekokit serve`` and plain ``voila``: this module
puts the repository root on ``sys.path`` so that ``tests.servers`` (and this checkout's
``ekokit``) can be imported."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(1, str(REPO))  # after the script's own folder

from tests.servers import (  # noqa: E402 - needs the repository root on sys.path
    Server,
    ServerFailed,
    descendants,
    displaying_cells,
    ekokit_server,
    free_port,
    voila_server,
)

__all__ = ["Server", "ServerFailed", "displaying_cells", "free_port"]  # re-exported for the scripts

RESULTS = REPO / "benchmarks" / "results"
LOGS = RESULTS / "logs"
_venv_bin = REPO / ".venv" / "bin"
BIN = _venv_bin if (_venv_bin / "python").exists() else Path(sys.executable).parent
# As on a facilitator's machine: Python caches compiled modules, so kernels after the first do
# not recompile ekokit's sources (some sandboxes switch the cache off).
BENCH_ENV: dict[str, str | None] = {"PYTHONDONTWRITEBYTECODE": None}
DEMO_TEAM = "esimerkki"
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


# -- servers (started by tests/servers.py, the one place that starts them) -----------------------
def session_notebook(session: str) -> str:
    """The calendar's notebook for a session id ("1"…"4")."""
    from ekokit.content.calendar import calendar

    return calendar().session(session).notebook


def session_ids() -> list[str]:
    from ekokit.content.calendar import calendar

    return [s.id for s in calendar().sessions]


def ekokit_path(notebook: str) -> str:
    """The page of a session notebook under `ekokit serve`, for the demo team."""
    return f"/voila/render/{notebook}?team={DEMO_TEAM}"


def ekokit_bench_server(name: str, db: Path, port: int, session: str,
                        participants: int = 0) -> Server:
    """`ekokit serve --session S` (always explicit: the default follows today's date)."""
    return ekokit_server(name, db, port, participants=participants, session=session,
                         log_path=LOGS / f"{name}.log", bin_dir=BIN, env=BENCH_ENV)


def ready_session_server(name: str, db: Path, session: str,
                         participants: int = 0) -> tuple[Server, int, str, float]:
    """`ekokit serve` for one session's page, started on a free port and ready: the server, its
    port, the demo team's page path and the seconds to ready (stopped again if it never is)."""
    port = free_port()
    server = ekokit_bench_server(name, db, port, session, participants).start()
    try:
        ready = server.wait_ready(max(300.0, 20.0 * participants))
    except BaseException:
        server.stop()
        raise
    return server, port, ekokit_path(session_notebook(session)), ready


def plain_voila_server(name: str, db: Path, port: int, notebook: str) -> Server:
    return voila_server(name, notebook, db, port, log_path=LOGS / f"{name}.log", bin_dir=BIN,
                        env=BENCH_ENV)


# -- CPU accounting ------------------------------------------------------------------------------
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


def seed_demo_team(db: Path) -> None:
    """The demo team in a fresh store, as `ekokit serve` would create it."""
    from ekokit.store.database import Store
    from ekokit.store.demo import ensure_demo_team

    ensure_demo_team(Store(str(db)))


# -- timed GETs ----------------------------------------------------------------------------------
ERROR_TEXT = "There was an error when executing cell"  # Voilà's text for a failed cell


async def timed_get(client, url: str, timeout: float,
                    widgets: int | None = None) -> dict[str, Any]:
    """GET ``url`` and read the whole body. Seconds to headers and to the last byte. A good page
    has status 200, no cell error, and ``widgets`` widgets (one per cell that shows something;
    without it, at least one)."""
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
        enough = out["widgets"] == widgets if widgets is not None else out["widgets"] > 0
        out["ok"] = out["status"] == 200 and out["cell_errors"] == 0 and enough
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
