"""What the store hands out: a stored answer (:class:`Revision`) and the news that one was stored
(:class:`Change`), as plain frozen data (re-exported by :mod:`ekokit.store.database`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Revision:
    """One stored answer. ``raw`` is the stored text when it is not a JSON object (a damaged
    row): ``data`` is then empty, and the text is kept for the person who needs it."""

    team: str
    exercise_id: str
    revision: int
    data: dict[str, Any]
    author: str
    created_at: str
    raw: str | None = None


@dataclass(frozen=True)
class Change:
    """That a revision was stored: its row id (rising with every save), whose and which. The
    answer itself is read only by a page that shows it (see ekokit.state.live)."""

    id: int
    team: str
    exercise_id: str
    revision: int
    author: str
    created_at: str
