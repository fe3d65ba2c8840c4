"""The learner's functions: what a notebook cell calls, one line each.

They join the page's request (Voilà) or the notebook's own choices (JupyterLab) to the widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ekokit.kernel import process_guard

if TYPE_CHECKING:
    from ekokit.model.access import Access
    from ekokit.widgets.access import Refusal
    from ekokit.widgets.facilitator import FacilitatorView
    from ekokit.widgets.projector import Projector
    from ekokit.widgets.session_app import Group, SessionApp
    from ekokit.widgets.shared_models import Widget

_chosen_lang: str | None = None
_current_app: SessionApp | None = None  # the session app of this notebook (its last one)
_following: dict[str, FacilitatorView | Projector] = {}  # the views that follow the room, by kind

process_guard.install()  # a pending save runs before the kernel stops, whatever stops it


def language(lang: str) -> None:
    """Use this language in the notebook's later cells ("fi", "sv" or "en": every language of
    ``ekokit.content.i18n.languages()``); otherwise ``?lang=`` in the address, else Finnish."""
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
    from ekokit.kernel.request import current_request

    return normalise_lang(explicit or _chosen_lang or current_request().lang)


def session(number: str | int, *, lang: str | None = None,
            team: str | None = None) -> SessionApp:
    """The app of one programme session ("1"…"4"): team, progress and exercises.

    In a pre-warmed Voilà kernel the app is made before anyone comes, and the visitor's team
    and language are bound when their request arrives (after every cell has run)."""
    from ekokit.content.i18n import normalise_lang
    from ekokit.kernel.request import PageRequest, when_requested
    from ekokit.widgets.session_app import SessionApp

    global _current_app
    session_id = _session_id(number)  # a wrong number is refused before the running app is touched
    if _current_app is not None:  # the cell runs again: the old app stops looking at the store
        _current_app.stop_live()
    chosen = lang or _chosen_lang
    app = SessionApp(session_id, lang=normalise_lang(chosen))
    _current_app = app

    def bind(request: PageRequest) -> None:
        app.bind(team=team or request.team, lang=chosen or request.lang,
                 exercise=request.exercise, served=request.served, params=request.params,
                 access=page_access())

    when_requested(bind)
    return app


def exercises(*exercise_ids: str) -> Group:
    """These exercises of the session, here: after the reading that prepares for them (its own
    questions first, ``r<N>_<reading>``). They belong to the session app above (same team,
    same progress)."""
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


def concept(concept_id: str, *, lang: str | None = None) -> Widget:
    """A concept text for the narrative, in the page language (folded; opens to read)."""
    from ekokit.content.readings import concept_ids
    from ekokit.widgets.reading import concept_widget

    if concept_id not in concept_ids():
        _refuse("error.unknown_concept", value=concept_id, valid=", ".join(concept_ids()))
    return _in_page_language(lambda page_lang: concept_widget(concept_id, page_lang), lang)


def quiz(number: str | int, *, lang: str | None = None) -> Widget:
    """The self-check quiz of a session."""
    from ekokit.widgets.quiz import folded_quiz

    session_id = _session_id(number)
    return _in_page_language(lambda page_lang: folded_quiz(session_id, page_lang), lang)


def _in_page_language(make: Callable[[str], Widget], explicit: str | None) -> Widget:
    """``make(language)`` in the page's language. A pre-warmed kernel makes it before its visitor
    comes, in the notebook's language, and again if the visitor asks for another."""
    from ekokit.content.i18n import normalise_lang
    from ekokit.kernel.request import waiting_for_request, when_requested
    from ekokit.widgets.shared_models import InLanguage

    if explicit or _chosen_lang or not waiting_for_request():
        return make(_page_language(explicit))
    part = InLanguage(make, normalise_lang(None))
    when_requested(lambda request: part.use(normalise_lang(request.lang)))
    return part.widget


def page_access() -> Access:
    """The room this page is in (``ekokit serve --public`` tells its kernels through their
    environment) and whether its address holds the facilitator key (``?fkey=``)."""
    import os

    from ekokit.kernel.request import current_request
    from ekokit.model.access import FACILITATOR_PARAM, access_from_env

    return access_from_env(os.environ, current_request().params.get(FACILITATOR_PARAM))


def facilitator_refusal(lang: str | None = None) -> Refusal | None:
    """In a public room without the facilitator key: the message that replaces a view of every
    team (the server refuses such a page already; this is the kernel's own check)."""
    from ekokit.widgets.access import refusal

    return None if page_access().trusted else refusal(_page_language(lang))


def facilitator(*, lang: str | None = None) -> FacilitatorView | Refusal:
    """All teams at once: progress per session and exercise."""
    from ekokit.kernel.request import current_request
    from ekokit.model.access import FACILITATOR_PARAM
    from ekokit.widgets.facilitator import FacilitatorView

    refused = facilitator_refusal(lang)
    if refused is not None:
        return refused
    request = current_request()
    keys = {name: request.params[name] for name in ("token", FACILITATOR_PARAM)
            if name in request.params}  # the projector's link needs them in a public room
    view = FacilitatorView(lang=_page_language(lang), served=request.served, keys=keys)
    _follow("facilitator", view)
    return view


def projector(*, lang: str | None = None) -> Projector | Refusal:
    """The room's screen: the chosen exercise's chart for every team side by side, a timer, and
    the shared ecosystem. ``?exercise=<id>`` or ``?session=<n>`` chooses where it opens. In a
    public room it needs the facilitator key, as the facilitator view does."""
    from ekokit.kernel.request import current_request
    from ekokit.widgets.projector import Projector

    refused = facilitator_refusal(lang)
    if refused is not None:
        return refused
    request = current_request()
    view = Projector(lang=_page_language(lang), served=request.served,
                     session=request.params.get("session"), exercise=request.exercise)
    _follow("projector", view)
    return view


def _follow(kind: str, view: FacilitatorView | Projector) -> None:
    """``view`` follows the room now; the one made by an earlier run of its cell stops."""
    old = _following.get(kind)
    if old is not None:
        old.stop()
    _following[kind] = view
