"""What the page was opened with: ``?team=…&lang=…&exercise=…`` in Voilà, nothing in JupyterLab."""

from __future__ import annotations

import functools
import os
from urllib.parse import parse_qs


def in_voila() -> bool:
    return "voila" in os.environ.get("SERVER_SOFTWARE", "").lower() or "VOILA_PREHEAT" in os.environ


@functools.cache
def request_params() -> dict[str, str]:
    """Query parameters of the Voilà request (first value of each). With pre-warmed kernels,
    waits for the request first: the query string is only known once a participant arrives.
    Cached: a kernel serves exactly one request, and waiting twice would block forever."""
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        from voila.utils import wait_for_request

        warm_up()
        wait_for_request()
    query = parse_qs(os.environ.get("QUERY_STRING", ""), keep_blank_values=False)
    return {key: values[0] for key, values in query.items() if values}


_chosen_lang: str | None = None


def set_language(lang: str | None) -> None:
    """The notebook's own language choice (``ekokit.language("en")``), before the URL's."""
    global _chosen_lang
    _chosen_lang = lang


def page_language(explicit: str | None = None, *, from_request: bool = True) -> str:
    """explicit argument > notebook choice > ``?lang=`` > Finnish. With ``from_request=False``
    the URL is not consulted (and not waited for): the likely language, to prepare a page."""
    from ekokit.content.i18n import normalise_lang

    url_lang = request_params().get("lang") if in_voila() and from_request else None
    return normalise_lang(explicit or _chosen_lang or url_lang)


def warm_up() -> None:
    """Everything that does not depend on the request: imports, cards, the store's engine.
    In a pre-warmed kernel this runs before a participant arrives, so they don't wait for it."""
    import importlib

    from ekokit.charts import render
    from ekokit.charts.html import chart_html
    from ekokit.content.exercises import all_exercises
    from ekokit.model.answers import answer_model, empty_answer
    from ekokit.store.database import Store

    for module in ("ekokit.widgets.session_app", "ekokit.widgets.quiz", "ekokit.widgets.facilitator"):
        importlib.import_module(module)
    for card in all_exercises():
        answer_model(card)
    for card in all_exercises():  # draw one real figure: warms matplotlib, its fonts and Agg
        chart = render(card, empty_answer(card), "fi")
        if chart.figure is not None:
            chart_html(chart, "fi", title="")
            break
    Store()
