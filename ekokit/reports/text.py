"""Text helpers every format shares: numbers in the report's language, shortening at whole
words, and removing the control characters that XML (PPTX, XLSX) cannot hold."""

from __future__ import annotations

import re

from ekokit.content.i18n import Translator

# XML 1.0 allows tab, newline and carriage return, and nothing else below U+0020; nor surrogates
# or U+FFFE/U+FFFF. Office files are XML: such a character would make the file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ELLIPSIS = "…"


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold (everything else kept as typed)."""
    return _NOT_XML.sub("", text)


def one_line(text: str) -> str:
    return " ".join(text.split())


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` characters, cut at a whole word and ending in "…" when
    cut; a single word longer than ``width`` is cut inside it."""
    text = one_line(text)
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut and text[width - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + ELLIPSIS


def number(value: float | None, tr: Translator, digits: int = 1) -> str:
    """``value`` with the language's decimal mark; the empty-cell mark for None."""
    if value is None:
        return tr("report.empty_cell")
    return f"{value:.{digits}f}".replace(".", tr("report.decimal"))


def signed(value: float | None, tr: Translator) -> str:
    """A change with its sign (a true minus sign): "+0,4", "\u22120,2", "0,0"."""
    if value is None:
        return tr("report.empty_cell")
    rounded = round(value, 1)
    return ("+" if rounded > 0 else "\u2212" if rounded < 0 else "") + number(abs(rounded), tr)


def state(state_id: str, tr: Translator) -> str:
    """An exercise's progress state (``ekokit.model.progress``) as the report says it."""
    if state_id == "done":
        return tr("report.state_done")
    if state_id == "started":
        return tr("report.state_started")
    return tr("report.state_open")


def counted(tr: Translator, key: str, count: int, **params: object) -> str:
    """A message with a number the words agree with: ``key.one`` for 1, ``key.other`` for the
    rest ("1 harjoitus", "17 toimijaa")."""
    return tr(f"{key}.{'one' if count == 1 else 'other'}", count=count, **params)


def labelled(label: str, text: str) -> str:
    """"Label: text", without a second mark after a label that ends in one ("Miksi juuri
    nyt? text", not "Miksi juuri nyt?: text")."""
    return f"{label} {text}" if label.rstrip().endswith(LABEL_END) else f"{label}: {text}"


def label_colon(label: str) -> str:
    """The label as it stands before its value: "Tila:", but "Miksi juuri nyt?" as it is."""
    return label if label.rstrip().endswith(LABEL_END) else f"{label}:"


LABEL_END = ("?", "!", ":", "…", ".")
