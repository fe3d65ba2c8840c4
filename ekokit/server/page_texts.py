"""The texts the Voilà page shows around the app: the loading screen, the tab's title before the
app is there, the list rows' show/hide buttons, the lost-connection alert, the language switch
(every language in its own name) and the footer's link to the accessibility statement, in every
language, from the catalogues.

Voilà may render a page before its request comes (pre-warmed kernels), so the page cannot be
rendered in the visitor's language: it gets every language (``resources.ekokit`` in the
template, set by :func:`ekokit.server.app.build_config`) and its script picks one by ``?lang=``."""

from __future__ import annotations

from typing import Any

from ekokit.content.calendar import calendar
from ekokit.content.i18n import Translator, language_names, languages
from ekokit.content.notebooks import FACILITATOR_NOTEBOOK


def page_texts() -> dict[str, Any]:
    """``{"lang": {"loading": …, "titles": {notebook stem: title}, …}}`` for every language."""
    texts: dict[str, Any] = {}
    names = language_names()
    for lang in languages():
        tr = Translator(lang)
        titles = {s.notebook.removesuffix(".ipynb"): tr("session.title_" + s.id)
                  for s in calendar().sessions}
        titles[FACILITATOR_NOTEBOOK.removesuffix(".ipynb")] = tr("facilitator.title")
        texts[lang] = {"titles": titles, **{key.removeprefix("page."): tr(key) for key in (
            "page.loading", "page.row", "page.row_empty", "page.rows_hide_all",
            "page.rows_show_all")}}
        # the heartbeat's words: the kernel is gone (final), the server does not answer (held,
        # retried), and the connection is back
        for key in ("lost", "lost_status", "waiting", "waiting_status", "back"):
            texts[lang][key] = tr("connection." + key)
        texts[lang]["name"] = names[lang]  # the switch
        texts[lang]["languages"] = list(names)  # its order (the template's JSON sorts keys)
        texts[lang]["switch_label"] = tr("lang.switch_label")
        texts[lang]["statement"] = tr("statement.link")
    return texts
