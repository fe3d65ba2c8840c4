"""ekokit — a Jupyter learning kit for the ecosystem school "Ekosysteemeillä ilmiöt haltuun!".

The public API is small: notebooks call one line each of :func:`session`, :func:`concept`,
:func:`quiz` and :func:`facilitator`; :func:`language` picks the notebook's language."""

from ekokit.errors import EkokitError, StaleRevision, StoreUnavailable, UnknownTeam, WorkbookError

__version__ = "0.1.0"


def language(lang: str) -> None:
    """Use this language in the notebook (otherwise ``?lang=`` in the URL, else Finnish)."""
    from ekokit.server.request import set_language

    set_language(lang)


def session(number: str | int, *, lang: str | None = None, team: str | None = None):
    """The app of one programme session ("1"…"4"): team, progress and exercises."""
    from ekokit.widgets.session_app import show_session

    return show_session(str(number), lang=lang, team=team)


def concept(concept_id: str, *, lang: str | None = None):
    """A concept text for the narrative, in the page language (folded; opens to read)."""
    from ekokit.server.request import page_language
    from ekokit.widgets.reading import concept_widget

    return concept_widget(concept_id, page_language(lang))


def quiz(number: str | int, *, lang: str | None = None):
    """The self-check quiz of a session."""
    from ekokit.server.request import page_language
    from ekokit.widgets.quiz import folded_quiz

    return folded_quiz(str(number), page_language(lang))


def facilitator(*, lang: str | None = None):
    """All teams at once: progress per session and exercise."""
    from ekokit.widgets.facilitator import FacilitatorView

    return FacilitatorView(lang=lang)


__all__ = [
    "EkokitError",
    "StaleRevision",
    "StoreUnavailable",
    "UnknownTeam",
    "WorkbookError",
    "__version__",
    "concept",
    "facilitator",
    "language",
    "quiz",
    "session",
]
