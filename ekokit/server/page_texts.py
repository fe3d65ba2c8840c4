"""The page script's own texts (what it says when the connection is lost), from the catalogues,
for every language: the template writes them into the page with the ``ekokit_texts`` filter
(configured as ``VoilaExporter.filters``), so the page has them even when the server is gone."""

from __future__ import annotations

import json

from markupsafe import Markup

from ekokit.content.i18n import languages, t


def page_texts(_value: object = None) -> Markup:
    """``{"fi": {"lost": …, "lost_status": …}, "en": {…}}`` as JSON safe inside <script>."""
    texts = {lang: {"lost": t("connection.lost", lang),
                    "lost_status": t("connection.lost_status", lang)} for lang in languages()}
    data = json.dumps(texts, ensure_ascii=False)
    return Markup(data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
