"""Where ekokit finds its data, its Voilà template and its default store."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The data/ folder: inside an installed wheel, or beside the package in a checkout."""
    bundled = PACKAGE_DIR / "_data"
    return bundled if bundled.is_dir() else PACKAGE_DIR.parent / "data"


def jupyter_share_dir() -> Path:
    """A JUPYTER_PATH entry holding the ``ekokit`` Voilà template (voila/templates/ekokit)."""
    return PACKAGE_DIR / "share" / "jupyter"


def notebooks_dir() -> Path:
    return PACKAGE_DIR.parent / "notebooks"


def default_db_url() -> str:
    """``EKOKIT_DB`` (a path or an SQLAlchemy URL) or workspace/ekokit.sqlite in the checkout."""
    default = PACKAGE_DIR.parent / "workspace" / "ekokit.sqlite"
    return as_db_url(os.environ.get("EKOKIT_DB") or str(default))


def as_db_url(value: str) -> str:
    """Accept a plain file path or an SQLAlchemy URL."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"
