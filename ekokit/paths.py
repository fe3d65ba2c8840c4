"""Where ekokit finds its data, its Voilà template and its default store."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_ENV = "EKOKIT_DATA"
WORKSPACE_ENV = "EKOKIT_WORKSPACE"
DB_ENV = "EKOKIT_DB"  # the store: a path or an SQLAlchemy URL

F = TypeVar("F", bound=Callable)
_DATA_CACHES: list = []


def data_dir() -> Path:
    """The data/ folder: ``EKOKIT_DATA`` when set, else inside an installed wheel, or beside the
    package in a checkout."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    bundled = PACKAGE_DIR / "_data"
    return bundled if bundled.is_dir() else PACKAGE_DIR.parent / "data"


def data_cache(fn: F) -> F:
    """``functools.cache`` for anything read from (or built on) the data folder: registered, so
    :func:`clear_data_caches` forgets it when the folder changes."""
    cached = functools.cache(fn)
    _DATA_CACHES.append(cached)
    return cached  # type: ignore[return-value]


def clear_data_caches() -> None:
    for cached in _DATA_CACHES:
        cached.cache_clear()


@contextlib.contextmanager
def using_data(folder: str | Path) -> Iterator[Path]:
    """Read every piece of content from ``folder`` inside the block (``ekokit validate`` of a copy
    of data/); caches are emptied on entry and exit, and ``EKOKIT_DATA`` is restored."""
    before = os.environ.get(DATA_ENV)
    os.environ[DATA_ENV] = str(folder)
    clear_data_caches()
    try:
        yield Path(folder)
    finally:
        if before is None:
            os.environ.pop(DATA_ENV, None)
        else:
            os.environ[DATA_ENV] = before
        clear_data_caches()


def jupyter_share_dir() -> Path:
    """A JUPYTER_PATH entry holding the ``ekokit`` Voilà template (voila/templates/ekokit)."""
    return PACKAGE_DIR / "share" / "jupyter"


def notebooks_dir() -> Path:
    return PACKAGE_DIR.parent / "notebooks"


def workspace_dir() -> Path:
    """The team's own folder (git-ignored): ``EKOKIT_WORKSPACE``, else workspace/ in the checkout.
    It holds the default store (ekokit.sqlite) and the team's notebooks (``ekokit lab``)."""
    override = os.environ.get(WORKSPACE_ENV)
    return Path(override).expanduser().resolve() if override else PACKAGE_DIR.parent / "workspace"


def default_db_url(workspace: Path | None = None) -> str:
    """``EKOKIT_DB`` (a path or an SQLAlchemy URL) or ekokit.sqlite in the workspace (the given
    one, else :func:`workspace_dir`)."""
    default = (workspace or workspace_dir()) / "ekokit.sqlite"
    return as_db_url(os.environ.get(DB_ENV) or str(default))


def as_db_url(value: str) -> str:
    """Accept a plain file path or an SQLAlchemy URL."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


# -- private files: the store and exports hold names of people and partners ------------------
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dirs(folder: str | Path) -> Path:
    """Create ``folder`` and any missing parents, each new one 0700 (existing ones untouched)."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for new in reversed(missing):
        with contextlib.suppress(FileExistsError):  # a concurrent creator: theirs stands
            new.mkdir(mode=PRIVATE_DIR)
            new.chmod(PRIVATE_DIR)  # mkdir's mode is masked by the umask
    return folder


def create_private_file(path: str | Path) -> bool:
    """Create an empty file 0600 (its new folders 0700) if it does not exist; True if created.
    SQLite gives a database's WAL and SHM files the database file's own permissions."""
    path = Path(path)
    private_dirs(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)
    return True


def write_private(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to a file readable by its owner only, in 0700 folders if new."""
    write_private_bytes(path, text.encode("utf-8"))


def write_private_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to a file readable by its owner only (a report, an export), in 0700
    folders if new."""
    path = Path(path)
    private_dirs(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as fh:
        os.fchmod(fh.fileno(), PRIVATE_FILE)  # an earlier export may have been world-readable
        fh.write(data)
