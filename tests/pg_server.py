"""A real PostgreSQL server for the tests: Debian's initdb and pg_ctl on a temporary folder and a
free port, started once per test session (tests/conftest.py) and stopped at its end.

PostgreSQL refuses to run as root, and the tests run as root in CI: the server then runs as
the ``postgres`` user that Debian's package creates (or ``nobody``), on a folder handed to it."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from ekokit.store.pgtools import INSTALL_HINT, MissingTool, pg_tool

USER = "ekokit"  # the database superuser the tests connect as (trust, 127.0.0.1 only)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> str | None:
    """The unprivileged account to run the server as when we are root, else None."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root, and neither a postgres nor a nobody user exists")


class PostgresServer:
    def __init__(self, *, durable: bool = False) -> None:
        """``durable``: every commit flushed to disk, as a real room's server does (the
        benchmarks); the tests' server skips the flushes, which only matter if the machine
        crashes, and a test's database is thrown away anyway."""
        self.durable = durable
        try:
            self.initdb, self.pg_ctl = pg_tool("initdb"), pg_tool("pg_ctl")
        except MissingTool as exc:
            raise RuntimeError(f"The PostgreSQL tests need a server: {INSTALL_HINT}") from exc
        self.user = _run_as()
        self.root = Path(tempfile.mkdtemp(prefix="ekokit-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._names = itertools.count(1)

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.user, "--", *args] if self.user else list(args)

    def start(self) -> PostgresServer:
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.root.chmod(0o700)
        subprocess.run(self._cmd(self.initdb, "-D", str(self.data), "-U", USER, "--auth=trust",
                                 "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"),
                       check=True, capture_output=True)
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
        options += "-c max_connections=200"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(self._cmd(self.pg_ctl, "-D", str(self.data), "-o", options,
                                 "-l", str(self.root / "log"), "-w", "start"),
                       check=True, capture_output=True)
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database (a store of its own); its SQLAlchemy URL."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url().replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(self._cmd(self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop"),
                       capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)
