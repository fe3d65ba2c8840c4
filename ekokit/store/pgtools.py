"""PostgreSQL's own programs (pg_dump, pg_restore, initdb, pg_ctl): found on PATH or in Debian's
/usr/lib/postgresql/<version>/bin (the ``postgresql`` package puts them there, not on PATH)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

DEBIAN_BIN = Path("/usr/lib/postgresql")
INSTALL_HINT = "install PostgreSQL's programs: sudo apt-get install postgresql"


class MissingTool(RuntimeError):
    """A PostgreSQL program the task needs is not installed."""


def _version(folder: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", folder.parent.name)) or (0,)


def pg_tool(name: str) -> str:
    """The path of PostgreSQL's program ``name``: $EKOKIT_PG_BIN, then Debian's newest version,
    then PATH (a newer pg_dump reads every older server, so the newest is the one to use)."""
    override = os.environ.get("EKOKIT_PG_BIN")
    folders = [Path(override)] if override else []
    if DEBIAN_BIN.is_dir():
        folders += sorted((p / "bin" for p in DEBIAN_BIN.iterdir() if (p / "bin").is_dir()),
                          key=_version, reverse=True)
    for folder in folders:
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which(name)
    if found is None:
        raise MissingTool(f"{name} not found: {INSTALL_HINT}")
    return found
