"""The learner's functions: what a notebook cell calls, one line each.

They join the page's request (Voilà) or the notebook's own choices (JupyterLab) to the widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ekokit.widgets.facilitator import FacilitatorView
    from ekokit.widgets.projector import Projector
    from ekokit.widgets.quiz import QuizBox
    from ekokit.widgets.reading import Reading
    from ekokit.widgets.session_app import Group, SessionApp

_chosen_lang: str | None = None
_current_app: SessionApp | None = None  # the session app of this notebook (its last one)


def language(lang: str) -> None:
    """Use this language in the notebook's later cells ("fi" or "en"); otherwise ``?lang=`` in
    the address, else Finnish."""
    global _chosen_lang
    from ekokit.content.i18n import languages

    code = str(lang).strip().lower()
    if code not in languages():
        _refuse("error.language_incomplete" if _has_some_texts(code) else "error.unknown_language",
                value=lang, valid=", ".join(languages()))
    _chosen_lang = code


def _has_some_texts(code: str) -> bool:
    from ekokit.paths import data_dir

    return bool(code) and (data_dir() / code).is_dir()


def _refuse(key: str, **params: object) -> None:
    """Stop the cell with one clear sentence in the notebook's language."""
    from ekokit.content.i18n import t
    from ekokit.errors import UnknownChoice

    raise UnknownChoice(t(key, _chosen_lang or "fi", **params))


def _session_id(number: str | int) -> str:
    from ekokit.content.calendar import calendar

    sessions = [s.id for s in calendar().sessions]
    session = str(number).strip()
    if session not in sessions:
        _refuse("error.unknown_session", value=number, valid=", ".join(sessions))
    return session


def _page_language(explicit: str | None = None) -> str:
    """explicit argument > the notebook's choice > ``?lang=`` > Finnish."""
    from ekokit.content.i18n import normalise_lang
    from ekokit.server.request import current_request

    return normalise_lang(explicit or _chosen_lang or current_request().lang)


def session(number: str | int, *, lang: str | None = None,
            team: str | None = None) -> SessionApp:
    """The app of one programme session ("1"…"4"): team, progress and exercises."""
    from ekokit.content.i18n import normalise_lang
    from ekokit.server.request import current_request
    from ekokit.widgets.session_app import SessionApp

    # Before the request (in a pre-warmed kernel): everything that does not depend on it.
    global _current_app
    app = SessionApp(_session_id(number), lang=normalise_lang(lang or _chosen_lang))
    request = current_request()
    _current_app = app.bind(team=team or request.team, lang=lang or _chosen_lang or request.lang,
                            exercise=request.exercise, served=request.served,
                            params=request.params)
    return _current_app


def exercises(*exercise_ids: str) -> Group:
    """These exercises of the session, here: after the reading that prepares for them. They
    belong to the session app above (same team, same progress)."""
    app = _app()
    valid = [e.id for e in app.exercises if not e.is_homework]
    unknown = [i for i in exercise_ids if i not in valid]
    if unknown or not exercise_ids:
        _refuse("error.unknown_exercise_here", value=", ".join(unknown), valid=", ".join(valid))
    return app.group(tuple(exercise_ids))


def homework() -> Group:
    """The homework after this session, headed with its due date."""
    return _app().group(())


def harvest() -> Group:
    """The harvest: Session 1 against Session 4 for the team above, and its report to download
    (HTML, PowerPoint, Excel, Markdown)."""
    return _app().harvest()


def _app() -> SessionApp:
    if _current_app is None:
        _refuse("error.no_session")
    assert _current_app is not None
    return _current_app


def concept(concept_id: str, *, lang: str | None = None) -> Reading:
    """A concept text for the narrative, in the page language (folded; opens to read)."""
    from ekokit.content.readings import concept_ids
    from ekokit.widgets.reading import concept_widget

    if concept_id not in concept_ids():
        _refuse("error.unknown_concept", value=concept_id, valid=", ".join(concept_ids()))
    return concept_widget(concept_id, _page_language(lang))


def quiz(number: str | int, *, lang: str | None = None) -> QuizBox:
    """The self-check quiz of a session."""
    from ekokit.widgets.quiz import folded_quiz

    return folded_quiz(_session_id(number), _page_language(lang))


def facilitator(*, lang: str | None = None) -> FacilitatorView:
    """All teams at once: progress per session and exercise."""
    from ekokit.server.request import current_request
    from ekokit.widgets.facilitator import FacilitatorView

    return FacilitatorView(lang=_page_language(lang), served=current_request().served)


def projector(*, lang: str | None = None) -> Projector:
    """The room's screen: the chosen exercise's chart for every team side by side, a timer, and
    the shared ecosystem. ``?exercise=<id>`` or ``?session=<n>`` chooses where it opens."""
    from ekokit.server.request import current_request
    from ekokit.widgets.projector import Projector

    request = current_request()
    return Projector(lang=_page_language(lang), served=request.served,
                     session=request.params.get("session"), exercise=request.exercise)
