"""Tornado handlers that ekokit adds to Voilà's: the landing page and the accessibility
statement."""

from __future__ import annotations

from tornado import web

from ekokit.server.landing import landing_html
from ekokit.server.statement import statement_html


class LandingHandler(web.RequestHandler):
    def get(self) -> None:
        lang = self.get_query_argument("lang", None) or self.settings.get("ekokit_lang")
        base = self.settings.get("base_url", "/")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(landing_html(lang, base, public=self.settings["ekokit_room"].public))


class StatementHandler(web.RequestHandler):
    def get(self) -> None:
        lang = self.get_query_argument("lang", None) or self.settings.get("ekokit_lang")
        base = self.settings.get("base_url", "/")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(statement_html(lang, base))
