"""Controlled vocabularies: the ids in data/vocab/*.yaml, their labels per language in
data/<lang>/vocab/*.yaml. A vocabulary name is defined once."""

from __future__ import annotations

from ekokit.content import yamlfile
from ekokit.content.i18n import DEFAULT_LANG, normalise_lang
from ekokit.paths import data_cache, data_dir


def _read_yaml(path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yamlfile.load(fh) or {}


@data_cache
def vocabularies() -> dict[str, tuple[str, ...]]:
    """{vocab name: (item ids…)} — the ids; labels live per language."""
    merged: dict[str, tuple[str, ...]] = {}
    for path in sorted((data_dir() / "vocab").glob("*.yaml")):
        for name, ids in _read_yaml(path).items():
            if name in merged:
                raise ValueError(f"vocabulary {name!r} defined twice ({path.name})")
            merged[name] = tuple(str(i) for i in ids)
    return merged


@data_cache
def vocab_labels(lang: str) -> dict[str, dict[str, str]]:
    """Labels of every vocabulary in one language: {vocab: {id: label}}."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((data_dir() / lang / "vocab").glob("*.yaml")):
        for name, items in _read_yaml(path).items():
            merged[name] = {str(k): str(v) for k, v in items.items()}
    return merged


def label(vocab: str, item_id: str, lang: str = DEFAULT_LANG) -> str:
    """The label of one vocabulary item; the Finnish label while a translation lacks it
    (``ekokit validate`` reports that), the id itself when no label exists."""
    own = vocab_labels(normalise_lang(lang)).get(vocab, {}).get(item_id)
    if own is not None:
        return own
    return vocab_labels(DEFAULT_LANG).get(vocab, {}).get(item_id, item_id)
