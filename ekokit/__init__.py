"""ekokit — a Jupyter learning kit for the ecosystem school "Ekosysteemeillä ilmiöt haltuun!".

The public API is deliberately small; notebooks call :func:`session` and nothing else.
"""

from ekokit.errors import EkokitError, StaleRevision, StoreUnavailable, UnknownTeam, WorkbookError

__version__ = "0.1.0"


def session(number: str, *, lang: str | None = None, team: str | None = None):
    """Show the app for one programme session ("1"…"4") in the running notebook."""
    from ekokit.session_app import show_session

    return show_session(str(number), lang=lang, team=team)


__all__ = [
    "EkokitError",
    "StaleRevision",
    "StoreUnavailable",
    "UnknownTeam",
    "WorkbookError",
    "session",
    "__version__",
]
