"""Reports: a team's work, and the whole programme, as files people open, print and present.

``make_report(store, fmt, lang, team=…)`` or ``make_report(store, fmt, lang, all_teams=True)``
returns the file's bytes; :func:`write_report` also writes them. The report model
(:mod:`ekokit.reports.model`) is plain data built from the store's latest answers; one renderer
per format lays it out: ``to_html`` (one self-contained file), ``to_pptx``, ``to_xlsx``,
``to_markdown``. This layer sits between charts and widgets: it reads the store only through
:class:`ekokit.store.database.Store` and draws only through :mod:`ekokit.charts`."""

from __future__ import annotations

from pathlib import Path

from ekokit.errors import EkokitError, UnknownTeam
from ekokit.paths import write_private_bytes
from ekokit.store.database import Store

TEAM_FORMATS = ("html", "pptx", "xlsx", "md")
PROGRAMME_FORMATS = ("html", "xlsx")
EXTENSIONS = {"html": "html", "pptx": "pptx", "xlsx": "xlsx", "md": "md"}

__all__ = ["PROGRAMME_FORMATS", "TEAM_FORMATS", "ReportError", "default_name", "make_report",
           "write_report"]


class ReportError(EkokitError):
    """A report that cannot be made or saved; ``key`` is one of ``report.error.*``."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.key = key


def make_report(store: Store, fmt: str, lang: str, *, team: str | None = None,
                all_teams: bool = False, full: bool = False) -> bytes:
    """The team's report (``team``) or the programme report (``all_teams``) as ``fmt``. A
    team's PPTX is the short deck unless ``full`` (the appendix: every session and exercise)."""
    if (team is None) == (not all_teams):
        raise ReportError("report.error.team_or_all")
    if all_teams:
        return _programme(store, fmt, lang)
    if fmt not in TEAM_FORMATS:
        raise ReportError("report.error.format", format=fmt, choices=", ".join(TEAM_FORMATS))
    from ekokit.reports.build import team_report

    try:
        report = team_report(store, team or "", lang)
    except UnknownTeam as exc:
        raise ReportError("report.error.unknown_team", team=team) from exc
    if fmt == "html":
        from ekokit.reports.to_html import team_html

        return team_html(report).encode("utf-8")
    if fmt == "pptx":
        from ekokit.reports.to_pptx import team_pptx

        return team_pptx(report, full=full)
    if fmt == "xlsx":
        from ekokit.reports.to_xlsx import team_xlsx

        return team_xlsx(report)
    from ekokit.reports.to_markdown import team_markdown

    return team_markdown(report).encode("utf-8")


def _programme(store: Store, fmt: str, lang: str) -> bytes:
    if fmt not in PROGRAMME_FORMATS:
        raise ReportError("report.error.all_format", choices=", ".join(PROGRAMME_FORMATS))
    from ekokit.reports.programme import programme_report

    report = programme_report(store, lang)
    if fmt == "html":
        from ekokit.reports.to_html import programme_html

        return programme_html(report).encode("utf-8")
    from ekokit.reports.to_xlsx import programme_xlsx

    return programme_xlsx(report)


def default_name(fmt: str, lang: str, team: str | None = None) -> str:
    """"esimerkki-raportti.html", "ohjelmaraportti.xlsx" (in the report's language)."""
    from ekokit.content.i18n import t

    stem = t("report.file_team", lang, team=team) if team else t("report.file_programme", lang)
    return f"{stem}.{EXTENSIONS.get(fmt, fmt)}"


def write_report(store: Store, fmt: str, lang: str, output: str | Path | None = None, *,
                 team: str | None = None, all_teams: bool = False, full: bool = False) -> Path:
    """Make the report and write it to ``output`` (default: :func:`default_name` in the
    current folder); the path written. A file that cannot be written is a ReportError."""
    data = make_report(store, fmt, lang, team=team, all_teams=all_teams, full=full)
    path = Path(output) if output else Path(default_name(fmt, lang, team))
    try:
        write_private_bytes(path, data)  # a team's answers: readable by the owner only
    except OSError as exc:
        raise ReportError("report.error.write", path=str(path),
                          cause=exc.strerror or type(exc).__name__) from exc
    return path
