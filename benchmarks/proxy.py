"""Direct vs through nginx: a browser's time to a usable page, first and repeat visit, and the
bytes a first visit moves.

One ``ekokit serve --session 1 --participants P --behind-proxy https://127.0.0.1:H/`` and the
real nginx with deploy/nginx/ekokit.conf in front of it (tests/proxy_stack.py: a self-signed
certificate, the shipped site with this machine's ports). Each round opens the demo team's
Session 1 page four ways, each from a warm pool kernel: direct first visit (a fresh browser
context, empty cache), through the proxy first visit, then each again as a repeat visit (a new
page in the same context: its cache and cookies kept). Between rounds it waits for
``/ekokit/health`` to report the pool warm again (the pool refills a minute after it is drawn).

Times are time_to_usable's (benchmarks/time_to_usable.py): from the navigation's start, measured
in the page, until the team is visible and until the first exercise, clicked open, shows the
saved answer. Bytes are the page's resource timing (HTML and every file it loaded: transferSize
on the wire with headers, encodedBodySize, decodedBodySize); the kernel's websocket is not in it.

Usage: .venv/bin/python benchmarks/proxy.py [--rounds 3] [--participants 4] [--timeout 120]
Prints a Markdown table; writes benchmarks/results/proxy.json."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from _common import (
    BENCH_ENV,
    BIN,
    LOGS,
    POOLED_LINE,
    ekokit_path,
    ekokit_server,
    fmt,
    free_port,
    md_table,
    seed_demo_team,
    session_notebook,
    summary,
    write_result,
)
from time_to_usable import PROBE, load, target

NAME = "proxy"
TOKEN = "benchmark-room-token"
SESSION = "1"
WAYS = ("direct", "proxy")
BYTES = """() => {
  const all = [...performance.getEntriesByType("navigation"),
               ...performance.getEntriesByType("resource")];
  const sum = key => all.reduce((total, e) => total + (e[key] || 0), 0);
  return {files: all.length, transfer: sum("transferSize"), encoded: sum("encodedBodySize"),
          decoded: sum("decodedBodySize")};
}"""


def health(port: int) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/ekokit/health", timeout=10) as answer:
        return json.loads(answer.read())


def wait_warm(port: int, limit: float = 300.0) -> float:
    """Seconds until the server's health says its pool is full again."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        pool = health(port)["pool"]
        if pool["warm"] >= pool["size"]:
            return time.monotonic() - t0
        time.sleep(1)
    raise SystemExit(f"{NAME}: the pool did not get warm again within {limit:.0f} s")


async def visit_twice(browser, url: str, probe: dict[str, str], timeout: float
                      ) -> tuple[dict[str, Any], dict[str, Any]]:
    """A first visit in a fresh context, then a repeat visit in the same context."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    context.set_default_timeout(timeout * 1000)
    await context.add_init_script(script=f"{PROBE}({json.dumps(probe)})")
    try:
        visits = []
        for _ in range(2):
            page = await context.new_page()
            result = await load(page, url, timeout)
            result["bytes"] = await page.evaluate(BYTES)
            await page.close(run_before_unload=True)  # its kernel is shut down and freed
            visits.append(result)
        return visits[0], visits[1]
    finally:
        await context.close()


async def one_round(urls: dict[str, str], probe: dict[str, str], timeout: float, spki: str
                    ) -> dict[str, dict[str, Any]]:
    from playwright.async_api import async_playwright
    from tests.servers import CHROMIUM_ARGS, chromium_path

    out: dict[str, dict[str, Any]] = {}
    async with async_playwright() as pw:
        # the test certificate trusted as a CA-signed one would be: chromium caches nothing it
        # loaded past a certificate error, so ignore_https_errors would hide the caching
        browser = await pw.chromium.launch(
            executable_path=chromium_path(),
            args=[*CHROMIUM_ARGS, f"--ignore-certificate-errors-spki-list={spki}"])
        try:
            for way in WAYS:
                first, repeat = await visit_twice(browser, urls[way], probe, timeout)
                out[way] = {"first": first, "repeat": repeat}
        finally:
            await browser.close()
    return out


def table(result: dict[str, Any]) -> str:
    rows = []
    for way in WAYS:
        for visit in ("first", "repeat"):
            loads = [r[way][visit] for r in result["rounds"]]
            good = [x for x in loads if x["ok"]]
            b = [x["bytes"] for x in good]
            rows.append([f"{way}, {visit} visit", f"{len(good)}/{len(loads)}",
                         fmt(summary([x["team_visible"] for x in good])["median"]),
                         fmt(summary([x["usable"] for x in good])["median"]),
                         fmt(summary([x["usable"] for x in good])["max"]),
                         f"{summary([x['files'] for x in b])['median']:.0f}" if b else "—",
                         fmt(summary([x["transfer"] / 1e6 for x in b])["median"]),
                         fmt(summary([x["decoded"] / 1e6 for x in b])["median"])])
    return md_table(["Session 1 page in chromium", "ok", "team visible (s)", "usable (s)",
                     "usable max (s)", "files", "MB on the wire", "MB uncompressed"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--participants", type=int, default=4, help="pool size (at most 4)")
    parser.add_argument("--timeout", type=float, default=120.0, help="per page load, seconds")
    args = parser.parse_args(argv)
    from tests.proxy_stack import Proxy  # the repository root is on sys.path (_common)

    probe = target(SESSION)
    with tempfile.TemporaryDirectory(prefix="ekokit-bench-proxy-") as tmp:
        db = Path(tmp) / "ekokit.sqlite"
        seed_demo_team(db)
        port, https_port = free_port(), free_port()
        public = f"https://127.0.0.1:{https_port}/"
        server = ekokit_server(f"{NAME}-serve", db, port, participants=args.participants,
                               session=SESSION, log_path=LOGS / f"{NAME}-serve.log", bin_dir=BIN,
                               env=BENCH_ENV, extra_args=("--behind-proxy", public, "--token",
                                                          TOKEN))
        proxy = Proxy(Path(tmp) / "nginx", [port, port], https_port, free_port())
        rounds = []
        try:
            server.start()
            ready = server.wait_ready(max(300.0, 20.0 * args.participants))
            proxy.start()
            path = f"{ekokit_path(session_notebook(SESSION))}&token={TOKEN}"
            urls = {"direct": f"http://127.0.0.1:{port}{path}",
                    "proxy": f"{proxy.url}{path.lstrip('/')}"}
            for n in range(args.rounds):
                waited = wait_warm(port)
                print(f"{NAME}: round {n + 1} (pool warm after {waited:.0f} s)…",
                      file=sys.stderr, flush=True)
                rounds.append(asyncio.run(one_round(urls, probe, args.timeout, proxy.spki_hash())))
            pooled = server.count(POOLED_LINE)
        finally:
            proxy.stop()
            server.stop()
    result = {"args": vars(args), "ready_s": ready, "pooled_requests": pooled,
              "loads": 4 * args.rounds, "rounds": rounds}
    path = write_result(NAME, result)
    print(table(result))
    print(f"\n{pooled} of {4 * args.rounds} page loads drew a pooled kernel. ({path})")
    failed = [x for r in rounds for way in WAYS for x in r[way].values() if not x["ok"]]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
