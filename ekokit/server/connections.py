"""The kernels' connection files: in a folder of ekokit's own under the temporary directory
(:func:`connection_root`), one sub-folder per server (Voilà makes it at start and removes it
only when it stops cleanly), marked with the server's process id. A server that starts removes
the sub-folders of servers that are gone (a kill -9 leaves its folder, with each kernel's ports
and key, behind)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path

MARK = "ekokit-server.pid"
UNMARKED_GRACE_SECONDS = 60.0  # a folder just made by a server that has not marked it yet


def connection_root() -> Path:
    """This user's folder for the servers' connection folders (made, private)."""
    root = Path(tempfile.gettempdir()) / f"ekokit-connections-{os.getuid()}"
    root.mkdir(mode=0o700, exist_ok=True)
    return root


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def claim(folder: Path, pid: int | None = None) -> None:
    """Mark ``folder`` as the running server's."""
    (folder / MARK).write_text(str(pid or os.getpid()), encoding="ascii")


def clean_stale(root: Path, own: Path | None = None, *, now: float | None = None) -> list[Path]:
    """Remove every server folder under ``root`` but ``own`` whose server is gone (its mark
    names a process that is not running, or it has none and is older than a minute)."""
    removed = []
    now = time.time() if now is None else now
    for folder in root.iterdir() if root.is_dir() else ():
        if not folder.is_dir() or folder.is_symlink() or (own is not None and folder == own):
            continue
        stale = False
        try:
            pid = int((folder / MARK).read_text(encoding="ascii").strip())
            stale = not _running(pid)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                stale = now - folder.stat().st_mtime > UNMARKED_GRACE_SECONDS
        if stale:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed
