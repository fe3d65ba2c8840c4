"""The worked example (the demo teams) as hand-editable data: in Finnish in
data/examples/demo_team/, translated in data/<lang>/examples/demo_team/ (same files, same
structure and values; only the text people wrote is in the other language).

``team.yaml`` holds the team and the workbook's ``created_at``; ``<exercise_id>.yaml`` holds one
exercise's ``revisions`` (author, created_at, data) in revision order, numbered 1..n implicitly.
:func:`example_workbook` turns the folder into the JSON-ready workbook that
:func:`ekokit.store.workbook.parse_workbook` accepts; the full answer validation happens there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ekokit.content.yamlfile import SafeLoader
from ekokit.errors import WorkbookError
from ekokit.paths import data_dir

# The workbook format written here; equal to ekokit.store.workbook.FORMAT / VERSION (kept literal so
# this module does not import the store).
FORMAT = "ekokit-workbook"
VERSION = 1

TEAM_FILE = "team.yaml"
TEAM_KEYS = ("slug", "name", "phenomenon", "members")
REVISION_KEYS = ("author", "created_at", "data")


class _Loader(SafeLoader):
    """Safe YAML without timestamps: an unquoted ``2023-10-09T08:48:00+00:00`` stays a string."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


SOURCE_LANG = "fi"  # the answers were written in Finnish; the others are translations


def example_folder(lang: str = SOURCE_LANG, data: Path | None = None) -> Path:
    """The demo answers in ``lang`` (in the data folder ``data``, by default the kit's)."""
    base = data if data is not None else data_dir()
    if lang == SOURCE_LANG:
        return base / "examples" / "demo_team"
    return base / lang / "examples" / "demo_team"


def _load(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise WorkbookError(f"{path}: {exc}", reason="invalid") from exc
    if not isinstance(raw, dict):
        raise WorkbookError(f"{path}: expected a mapping at the top", reason="invalid")
    return raw


def _fail(path: Path, detail: str) -> WorkbookError:
    return WorkbookError(f"{path}: {detail}", reason="invalid")


def _exercise_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != TEAM_FILE)


def example_exercise_ids(folder: str | Path | None = None) -> set[str]:
    """The exercises that have a demo answer (one file each)."""
    return {p.stem for p in _exercise_files(Path(folder) if folder else example_folder())}


def _revisions(path: Path) -> list[dict[str, Any]]:
    raw = _load(path)
    revisions = raw.get("revisions")
    if set(raw) != {"revisions"} or not isinstance(revisions, list) or not revisions:
        raise _fail(path, "expected one key, 'revisions', holding a non-empty list")
    records = []
    for number, rev in enumerate(revisions, start=1):
        if not isinstance(rev, dict) or set(rev) != set(REVISION_KEYS):
            raise _fail(path, f"revision {number}: expected the keys {', '.join(REVISION_KEYS)}")
        if not isinstance(rev["created_at"], str) or not isinstance(rev["data"], dict):
            raise _fail(path, f"revision {number}: created_at must be text and data a mapping")
        records.append({"revision": number, "data": rev["data"], "author": rev["author"],
                        "created_at": rev["created_at"]})
    return records


def example_workbook(folder: str | Path | None = None) -> dict[str, Any]:
    """The worked example as a JSON-ready workbook (the format of ekokit.store.workbook)."""
    folder = Path(folder) if folder else example_folder()
    team_path = folder / TEAM_FILE
    raw = _load(team_path)
    team = raw.get("team")
    if set(raw) != {"team", "created_at"} or not isinstance(team, dict):
        raise _fail(team_path, "expected the keys 'team' and 'created_at'")
    if not set(team) <= set(TEAM_KEYS) or not isinstance(raw["created_at"], str):
        raise _fail(team_path, f"team has only {', '.join(TEAM_KEYS)}; created_at is text")
    return {
        "format": FORMAT,
        "version": VERSION,
        "team": team,
        "created_at": raw["created_at"],
        "exercises": {p.stem: _revisions(p) for p in _exercise_files(folder)},
    }
