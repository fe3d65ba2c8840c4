"""Message catalogues: data/<lang>/ui.yaml. Finnish first; Swedish and English complete.

:func:`languages` is the one list of the kit's languages: every folder of data/ with a ui.yaml
catalogue, in the order the language switch offers them (suomi / svenska / English). Code that
needs the languages asks it; nothing else lists them."""

from __future__ import annotations

import string
from typing import Any

from ekokit.content import yamlfile
from ekokit.paths import data_cache, data_dir

DEFAULT_LANG = "fi"
SWITCH_ORDER = ("fi", "sv", "en")  # the state's languages first, then English; others after


@data_cache
def languages() -> tuple[str, ...]:
    """Complete languages: those with a ui.yaml catalogue, the default first, in the switch's
    order (``ekokit validate`` reports what a language still lacks)."""
    found = sorted(p.parent.name for p in data_dir().glob("*/ui.yaml"))
    rank = {code: n for n, code in enumerate(SWITCH_ORDER)}
    return tuple(sorted(found, key=lambda code: (code != DEFAULT_LANG,
                                                 rank.get(code, len(rank)), code)))


def language_names() -> dict[str, str]:
    """``{code: the language's name in itself}`` for the switch (suomi, svenska, English)."""
    return {code: t("lang.name", code) for code in languages()}


def normalise_lang(lang: str | None) -> str:
    """An unknown or empty language falls back to Finnish."""
    code = (lang or "").strip().lower()[:2]
    return code if code in languages() else DEFAULT_LANG


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, full + "."))
        else:
            flat[full] = str(value)
    return flat


@data_cache
def catalogue(lang: str) -> dict[str, str]:
    """All UI messages of one language, flattened to dotted keys.

    data/<lang>/ui.yaml holds the app's messages; data/<lang>/ui/<part>.yaml files add their own
    keys under ``<part>.`` (charts, quiz…), and data/<lang>/ui/<part>/<name>.yaml under
    ``<part>.<name>.`` (one file per chart), so parts can grow without touching one big file."""
    folder = data_dir() / lang
    with (folder / "ui.yaml").open(encoding="utf-8") as fh:
        messages = _flatten(yamlfile.load(fh) or {})
    parts = folder / "ui"
    for path in sorted(parts.rglob("*.yaml")):
        prefix = ".".join(path.relative_to(parts).with_suffix("").parts) + "."
        with path.open(encoding="utf-8") as fh:
            messages.update(_flatten(yamlfile.load(fh) or {}, prefix))
    return messages


class MissingMessage(KeyError):
    pass


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The message ``key`` in ``lang``, with ``{name}`` placeholders filled from ``params``."""
    messages = catalogue(normalise_lang(lang))
    try:
        template = messages[key]
    except KeyError as exc:
        raise MissingMessage(f"{key!r} missing in {lang!r} catalogue") from exc
    if not params:
        return template
    return string.Formatter().vformat(template, (), _Defaulting(params))


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Translator:
    """Bound to one language: ``tr = Translator("en"); tr("status.saved")``."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = normalise_lang(lang)

    def __call__(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def label(self, vocab: str, item_id: str) -> str:
        from ekokit.content.vocab import label

        return label(vocab, item_id, self.lang)
