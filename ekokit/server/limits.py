"""Kernels within the machine: a cap on the kernels started on demand, a per-client limit on
kernels being started at once, and the kind page a visitor over either gets.

Every visitor who does not get a warm pooled kernel makes the server start a kernel of its own,
about :data:`KERNEL_MB` of memory that lives until it is culled. Without a cap, anyone holding
the room's token (it is on every team's card) could fill the machine. :class:`KernelBudget`
counts the kernels the server holds outside its pool plus those being started (a page's kernel
is being started from the check until the page's first bytes go out, when it is in the kernel
manager's list), and refuses a start over the cap (503) or a client's start over its limit
(429). A refused visitor gets :func:`room_full_html` in their language, which asks again by
itself after :data:`RETRY_SECONDS` (a meta refresh: no script, nothing from another host). A
pooled kernel is never refused: it is already there."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from ekokit.content.i18n import Translator, languages

KERNEL_MB = 210  # a session kernel's resident memory, measured (the ready line shows the pool's)
RETRY_SECONDS = 30
FULL, CLIENT_BUSY = "full", "client"


def available_mb(meminfo: str = "/proc/meminfo") -> float | None:
    """The machine's available memory in MB (Linux), None where it cannot be read."""
    try:
        with open(meminfo, encoding="ascii") as lines:
            for line in lines:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def default_max_kernels(pool: int, available: float | None) -> int:
    """What the available memory holds at :data:`KERNEL_MB` a kernel, less the pool's kernels
    (still to be started); at least one. Unknown memory: 20 kernels."""
    if available is None:
        return 20
    return max(1, int(available // KERNEL_MB) - pool)


@dataclass
class KernelBudget:
    """The cap and the per-client limit. ``on_demand`` counts the kernels the server holds
    outside its pool."""

    cap: int
    per_client: int
    on_demand: Callable[[], int]
    starting: dict[str, int] = field(default_factory=dict)  # client → pages starting a kernel
    unlisted: int = 0  # kernels being started that are not yet in the kernel manager's list

    def admit(self, client: str) -> Ticket | str:
        """A :class:`Ticket` for a start, else why not (:data:`FULL` or :data:`CLIENT_BUSY`)."""
        if self.starting.get(client, 0) >= self.per_client:
            return CLIENT_BUSY
        if self.on_demand() + self.unlisted >= self.cap:
            return FULL
        self.starting[client] = self.starting.get(client, 0) + 1
        self.unlisted += 1
        return Ticket(self, client)


@dataclass
class Ticket:
    """One admitted start: :meth:`listed` once its kernel is in the manager's list, :meth:`done`
    when its page is finished or its connection closed (each counts once)."""

    budget: KernelBudget
    client: str
    _listed: bool = False
    _done: bool = False

    def listed(self) -> None:
        if not self._listed:
            self._listed = True
            self.budget.unlisted -= 1

    def done(self) -> None:
        self.listed()
        if not self._done:
            self._done = True
            left = self.budget.starting.get(self.client, 1) - 1
            if left > 0:
                self.budget.starting[self.client] = left
            else:
                self.budget.starting.pop(self.client, None)


def visitor_lang(query_lang: str | None, accept_language: str | None) -> str:
    """The page's ``?lang=``, else the browser's first language the kit speaks, else Finnish."""
    if query_lang:
        return Translator(query_lang).lang
    spoken = languages()
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in spoken:
            return code
    return Translator(None).lang


def room_full_html(lang: str, seconds: int = RETRY_SECONDS) -> str:
    """The kind page: the room is full, this page asks again by itself."""
    tr = Translator(lang)
    esc = html.escape
    return (f'<!DOCTYPE html><html lang="{tr.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="refresh" content="{seconds}">'
            f"<title>{esc(tr('room.full_title'))} – ekokit</title></head><body><main>"
            f"<h1>{esc(tr('room.full_title'))}</h1>"
            f'<p role="status">{esc(tr("room.full"))}</p>'
            f"<p>{esc(tr('room.full_retry', seconds=seconds))}</p></main></body></html>")
