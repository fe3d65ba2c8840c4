"""The CLI run in the test's own process: ``ekokit.cli.main(argv)`` with its output captured,
returned as a :class:`subprocess.CompletedProcess`, as a real process would give it.

A fresh interpreter per command costs about a second of imports; most CLI tests only need the
command's words, exit code and output. Tests that need a process of its own (the interpreter's
entry point, ``serve``) run ``python -m ekokit.cli`` with :func:`run_process`."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

from ekokit.cli import main
from ekokit.content.calendar import use_calendar
from ekokit.paths import clear_data_caches


def run_cli(*args: str, check: bool = True, cwd: str | Path | None = None
            ) -> subprocess.CompletedProcess:
    """``ekokit ARGS`` in this process; the environment and the data caches as they were
    afterwards (``--calendar`` changes the calendar read)."""
    out, err = io.StringIO(), io.StringIO()
    saved_env = dict(os.environ)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                (contextlib.chdir(cwd) if cwd else contextlib.nullcontext()):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's usage errors, as the real process exits
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        use_calendar(None)
        clear_data_caches()
    result = subprocess.CompletedProcess(["ekokit", *args], code, out.getvalue(), err.getvalue())
    if check:
        result.check_returncode()
    return result


def run_process(*args: str, check: bool = True, timeout: float = 120,
                cwd: str | Path | None = None) -> subprocess.CompletedProcess:
    """``python -m ekokit.cli ARGS`` as a process of its own."""
    return subprocess.run([sys.executable, "-m", "ekokit.cli", *args], capture_output=True,
                          text=True, check=check, timeout=timeout, cwd=cwd)
