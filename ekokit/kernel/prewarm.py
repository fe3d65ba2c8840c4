"""Work a pre-warmed kernel does before a participant arrives.

Rules: nothing here may depend on the request (team, language, exercise), and nothing here may
create widgets that the page does not show (every widget is a message in a full room)."""

from __future__ import annotations

import functools

KERNEL_NICENESS = 10  # below the Voilà server, which relays every page's messages


@functools.cache
def below_server() -> None:
    """A served kernel steps below the Voilà server in the CPU's queue (once): when a whole
    room arrives at once, the server answers every page and relays every message first, and
    the kernels bind their teams meanwhile. (JupyterLab's kernels are left as they are.)"""
    import contextlib
    import os

    with contextlib.suppress(OSError):
        os.nice(KERNEL_NICENESS)


def warm_up() -> None:
    """Imports, exercises, answer models, matplotlib's first figure and the store's engine."""
    import importlib

    below_server()

    from ekokit.charts import render
    from ekokit.charts.html import chart_html
    from ekokit.content.exercises import all_exercises
    from ekokit.model.answers import answer_model, empty_answer
    from ekokit.store.database import Store

    for module in ("ekokit.widgets.session_app", "ekokit.widgets.quiz",
                   "ekokit.widgets.facilitator", "ekokit.widgets.reading"):
        importlib.import_module(module)
    for exercise in all_exercises():
        answer_model(exercise)
    for exercise in all_exercises():  # draw one real figure: warms matplotlib, its fonts and Agg
        chart = render(exercise, empty_answer(exercise), "fi")
        if chart.figure is not None:
            chart_html(chart, "fi", title="")
            break
    Store()
