"""Tornado handlers that ekokit adds to Voilà's: the landing page."""

from __future__ import annotations

from tornado import web

from ekokit.server.landing import landing_html


class LandingHandler(web.RequestHandler):
    def get(self) -> None:
        lang = self.get_query_argument("lang", None)
        base = self.settings.get("base_url", "/")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(landing_html(lang, base, public=self.settings["ekokit_room"].public))
