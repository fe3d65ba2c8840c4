"""Actor aliases: data/aliases.yaml lists, per actor, the name shown and the other names teams
write for it (``Kela: [Kansaneläkelaitos, …]``). The comparison itself is
:mod:`ekokit.model.actors`; this module only reads the reviewable list."""

from __future__ import annotations

from ekokit.content import yamlfile
from ekokit.paths import data_cache, data_dir

ALIAS_FILE = "aliases.yaml"


@data_cache
def alias_table() -> dict[str, tuple[str, ...]]:
    """{name shown: (other names…)} as written in data/aliases.yaml; empty without the file."""
    path = data_dir() / ALIAS_FILE
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        raw = yamlfile.load(fh) or {}
    if not isinstance(raw, dict):
        raise TypeError(f"{ALIAS_FILE}: expected a mapping of name → list of other names")
    table: dict[str, tuple[str, ...]] = {}
    for name, others in raw.items():
        if not isinstance(others, list) or not all(isinstance(o, str | int) for o in others):
            raise TypeError(f"{ALIAS_FILE}: {name}: expected a list of names")
        table[str(name)] = tuple(str(o) for o in others)
    return table
