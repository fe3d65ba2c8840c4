"""The one place that starts servers: a real ``ekokit serve``, ``ekokit lab`` or plain ``voila``
process.

Not a test module: imported by the server and browser tests (``running_server``,
``lab_server``, ``chromium_path``) and by the benchmark scripts (``Server``, ``ekokit_server``,
``voila_server``, ``descendants``). It imports pytest only inside ``running_server``, so the
benchmarks need no test extras.

A ``Server`` runs in a session of its own; its stdout lines are kept with the time they arrived,
and its whole output (stdout and stderr) goes to a log file as it comes. ``stop()`` ends the
process group and every descendant by pid (kernels run in sessions of their own), whatever
happened."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
READY_TIMEOUT = 120.0
READY_PREFIX = "ekokit ready:"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Debian's chromium in a container: no sandbox, no GPU, and nothing fetched from anywhere.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


def fetch(url: str, timeout: float = 180) -> tuple[int, str]:
    """One GET: its status and body, an HTTP error's too (a 403 page is an answer)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def chromium_path() -> str:
    """Debian's chromium (Playwright's own browser download is not used)."""
    return shutil.which("chromium") or "/usr/bin/chromium"


# -- process trees -------------------------------------------------------------------------------
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


def _alive(pids: list[int]) -> list[int]:
    return [p for p in pids if Path(f"/proc/{p}").exists()]


def _signal(group: int, pids: list[int], sig: int) -> None:
    for send, target in ((os.killpg, group), *((os.kill, p) for p in pids)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            send(target, sig)


# -- servers -------------------------------------------------------------------------------------
class ServerFailed(RuntimeError):
    """The server exited or was late; ``reason`` says which, the message ends with its output."""

    def __init__(self, server: Server, reason: str) -> None:
        self.reason = reason
        super().__init__(f"{server.name} {reason}. The end of its output:\n{server.log_tail()}")


class Server:
    """A server process in a new session, its output logged to ``log_path``.

    ``env`` is added to this process's environment; a value of None removes that variable.
    ``ready_line`` (a stdout marker) or else ``port`` is what ``wait_ready`` waits for."""

    def __init__(self, name: str, argv: Sequence[str], *, log_path: Path,
                 env: Mapping[str, str | None] | None = None, port: int | None = None,
                 ready_line: str | None = None, truncate_log: bool = True) -> None:
        self.name, self.argv = name, list(argv)
        self.env = {k: v for k, v in os.environ.items() if k not in (env or {})}
        self.env.update({k: v for k, v in (env or {}).items() if v is not None})
        self.log_path, self.truncate_log = Path(log_path), truncate_log
        self.port, self.ready_line = port, ready_line
        self.lines: list[tuple[float, str]] = []
        self.proc: subprocess.Popen | None = None
        self.started = 0.0
        self._seen = threading.Condition()
        self._reader: threading.Thread | None = None
        self._log = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> Server:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        if self.truncate_log:
            self.log_path.write_bytes(b"")
        # O_APPEND: the server's stderr and the stdout lines copied by the reader never overwrite
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            self.argv, cwd=REPO, env=self.env, stdout=subprocess.PIPE, stderr=self._log,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        return self

    def _read(self) -> None:
        """Drain stdout for the whole run (a chatty server never blocks on a full pipe)."""
        assert self.proc is not None and self.proc.stdout is not None
        for raw in self.proc.stdout:
            with self._seen:
                self.lines.append((time.perf_counter(), raw.decode(errors="replace").rstrip()))
                if self._log is not None:
                    self._log.write(raw)
                    self._log.flush()
                self._seen.notify_all()
        with self._seen:
            self._seen.notify_all()

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> float:
        """Seconds from start until the server can take requests."""
        if self.ready_line is not None:
            return self.wait_line(self.ready_line, timeout)
        assert self.port is not None, "a server without a ready line needs a port"
        return self.wait_port(self.port, timeout)

    def wait_line(self, marker: str, timeout: float) -> float:
        """Seconds from start until a stdout line contains ``marker``."""
        assert self.proc is not None, "start() first"
        deadline = time.monotonic() + timeout
        with self._seen:
            while True:
                for stamp, line in self.lines:
                    if marker in line:
                        return stamp - self.started
                if self.proc.poll() is not None:
                    raise ServerFailed(self, f"exited with code {self.proc.returncode} before "
                                             f"saying {marker!r}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ServerFailed(self, f"did not say {marker!r} within {timeout:.0f} s")
                self._seen.wait(min(left, 0.5))

    def wait_port(self, port: int, timeout: float) -> float:
        """Seconds from start until 127.0.0.1:port accepts connections."""
        assert self.proc is not None, "start() first"
        deadline = time.monotonic() + timeout
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return time.perf_counter() - self.started
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise ServerFailed(self, f"exited with code {self.proc.returncode}")
            if time.monotonic() > deadline:
                raise ServerFailed(self, f"kept port {port} closed for {timeout:.0f} s")
            time.sleep(0.05)

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def count(self, needle: str) -> int:
        """How often ``needle`` occurs in the output so far."""
        return self.log_text().count(needle)

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
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        if self._reader is not None:
            self._reader.join(timeout=5)
        with self._seen:
            if self._log is not None:
                self._log.close()
                self._log = None
        self.proc = None


def _command(name: str, module: str, bin_dir: Path | None) -> list[str]:
    """``bin_dir/name`` (the interpreter's folder by default), else ``python -m module``."""
    exe = (bin_dir or Path(sys.executable).parent) / name
    return [str(exe)] if exe.exists() else [sys.executable, "-m", module]


def ekokit_server(name: str, db: str | os.PathLike, port: int, *, log_path: Path,
                  participants: int = 0, session: str | None = None,
                  extra_args: Sequence[str] = (), bin_dir: Path | None = None,
                  env: Mapping[str, str | None] | None = None,
                  truncate_log: bool = True) -> Server:
    """``ekokit --db DB serve --port PORT [--participants N] [--session S] …``, not started;
    ready when it prints "ekokit ready:"."""
    argv = [*_command("ekokit", "ekokit.cli", bin_dir), "--db", str(db), "serve",
            "--port", str(port)]
    if participants:
        argv += ["--participants", str(participants)]
    if session is not None:
        argv += ["--session", session]
    return Server(name, [*argv, *extra_args], log_path=log_path, port=port,
                  ready_line=READY_PREFIX, truncate_log=truncate_log,
                  env={"EKOKIT_DB": str(db), "PYTHONUNBUFFERED": "1", **(env or {})})


def lab_server(name: str, db: str | os.PathLike, port: int, workspace: Path, *, token: str,
               log_path: Path, bin_dir: Path | None = None) -> Server:
    """``ekokit --db DB lab --no-browser --port PORT --workspace WORKSPACE``, not started; ready
    when it prints "ekokit ready:". Jupyter's own folders (config, settings, layouts, runtime)
    are fresh ones under ``WORKSPACE/.jupyter-test``, so nothing of the user's is read or written:
    no news prompt, and ``allow_root`` where tests run as root (containers). This checkout's
    ekokit is the one the server and its kernels import (PYTHONPATH)."""
    import json

    jupyter = Path(workspace) / ".jupyter-test"
    notification = jupyter / "settings" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    (jupyter / "config").mkdir(exist_ok=True)
    (jupyter / "config" / "jupyter_server_config.json").write_text(
        json.dumps({"ServerApp": {"allow_root": True}}))
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    argv = [*_command("ekokit", "ekokit.cli", bin_dir), "--db", str(db), "lab", "--no-browser",
            "--port", str(port), "--workspace", str(workspace)]
    return Server(name, argv, log_path=log_path, port=port, ready_line=READY_PREFIX,
                  env={"EKOKIT_DB": str(db), "PYTHONUNBUFFERED": "1", "PYTHONPATH": path,
                       "JUPYTER_TOKEN": token, "JUPYTER_CONFIG_DIR": str(jupyter / "config"),
                       "JUPYTERLAB_SETTINGS_DIR": str(jupyter / "settings"),
                       "JUPYTERLAB_WORKSPACES_DIR": str(jupyter / "layouts"),
                       "JUPYTER_RUNTIME_DIR": str(jupyter / "runtime")})


def voila_server(name: str, notebook: str, db: str | os.PathLike, port: int, *,
                 log_path: Path, bin_dir: Path | None = None,
                 env: Mapping[str, str | None] | None = None) -> Server:
    """Plain ``voila notebooks/NOTEBOOK`` (a kernel started per request; the notebook is served
    at /), with EKOKIT_DB=DB; not started. Ready when its port accepts connections."""
    argv = [*_command("voila", "voila", bin_dir), str(NOTEBOOKS / notebook),
            "--port", str(port), "--no-browser", "--Voila.ip=127.0.0.1"]
    return Server(name, argv, log_path=log_path, port=port,
                  env={"EKOKIT_DB": str(db), "PYTHONUNBUFFERED": "1", **(env or {})})


@contextlib.contextmanager
def running_server(db_path: str | os.PathLike, *, participants: int = 0,
                   extra_args: Sequence[str] = ()) -> Iterator[str]:
    """Start ``ekokit serve`` on a free port; yield its base URL once it prints "ekokit ready:".

    The server's output is written to ``<db_path>.serve.log`` for post-mortems, and shown in
    full when the server exits or does not get ready in time (the test fails)."""
    import pytest

    server = ekokit_server("ekokit serve", db_path, free_port(), participants=participants,
                           extra_args=extra_args, log_path=Path(f"{db_path}.serve.log"),
                           truncate_log=False)
    server.start()
    try:
        failed = None
        try:
            server.wait_ready(READY_TIMEOUT)
        except ServerFailed as exc:
            failed = exc.reason
        if failed is not None:  # outside the except: the report is the output, not a chain
            pytest.fail(f"ekokit serve {failed}. Its output:\n{server.log_text()}",
                        pytrace=False)
        yield server.url
    finally:
        server.stop()


def displaying_cells(notebook: str) -> int:
    """A notebook's cells that show something: each ends with an ``ekokit.…`` call (the
    ``import ekokit`` cell shows nothing). A served page has one widget per such cell."""
    import json

    from ekokit.paths import notebooks_dir

    nb = json.loads((notebooks_dir() / notebook).read_text(encoding="utf-8"))
    return sum(1 for cell in nb["cells"] if cell["cell_type"] == "code"
               and "".join(cell["source"]).strip().splitlines()[-1].startswith("ekokit."))
