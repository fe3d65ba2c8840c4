"""The kit's notebooks by name, in one place: the session notebooks (named in
data/calendar.yaml), the facilitator's and the projector's, which of them are live (written to
notebooks/), and which session's notebook a room or a team link opens."""

from __future__ import annotations

import datetime as dt

from ekokit.content.calendar import calendar
from ekokit.paths import notebooks_dir

FACILITATOR_NOTEBOOK = "00_fasilitaattori.ipynb"
PROJECTOR_NOTEBOOK = "00_projektori.ipynb"  # facilitator-only too: gated like the facilitator's
# Notebooks that show every team: in a public room only the facilitator key opens them.
FACILITATOR_NOTEBOOKS = (FACILITATOR_NOTEBOOK, PROJECTOR_NOTEBOOK)


def live_notebooks() -> set[str]:
    """The notebooks written to notebooks/ (a session whose notebook is not there is coming)."""
    return {p.name for p in notebooks_dir().glob("*.ipynb")}


def live_session_notebooks() -> list[str]:
    """The calendar's session notebooks that are written, in the calendar's order."""
    present = live_notebooks()
    return [s.notebook for s in calendar().sessions if s.notebook in present]


def session_notebook(session: str | None, today: dt.date | None = None) -> str:
    """The given session's notebook, else the one of the calendar's session held today or the
    next one (the notebook a room's kernels are kept warm for and team links open)."""
    cal = calendar()
    if session is None:
        return cal.session_for(today or dt.date.today()).notebook
    return cal.session(session).notebook
