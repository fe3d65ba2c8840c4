"""Reading the kit's YAML data fast: libyaml's C parser when PyYAML has it (it nearly always
does), the same safe loading rules either way. Every kernel reads some 300 files at start.

Inside :func:`reusing` a text parsed before is not parsed again: ``ekokit validate`` reads every
file of a data folder, and of each copy of it the tests check (each call still gets a tree of its
own to change). Outside, nothing is kept: a kernel reads each file once and a copy kept would
only cost it memory (some 3 MB for all of data/)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import IO, Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # a PyYAML built without libyaml: the same rules, parsed in Python
    from yaml import SafeLoader  # type: ignore[assignment]

_PARSED: dict[str | bytes, Any] = {}  # text → its tree (never handed out itself)
_MOST = 2048  # texts kept; data/ has some 300 files
_reusing = 0  # > 0 inside reusing()


@contextlib.contextmanager
def reusing() -> Iterator[None]:
    """Inside the block, a text parsed before (in this or an earlier block) is not parsed again."""
    global _reusing
    _reusing += 1
    try:
        yield
    finally:
        _reusing -= 1


def load(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load``, parsed in C where available; inside :func:`reusing`, a text parsed
    before is not parsed again. A syntax error is raised as ``yaml.safe_load`` raises it, naming
    the file."""
    if not _reusing:
        return yaml.load(stream, Loader=SafeLoader)
    if isinstance(stream, str | bytes):
        text: str | bytes = stream
        source: str | bytes | IO[str] | IO[bytes] = stream
    else:
        text = stream.read()
        source = io.StringIO(text) if isinstance(text, str) else io.BytesIO(text)
        if hasattr(stream, "name"):
            source.name = stream.name  # for the error's mark
    if text not in _PARSED:
        tree = yaml.load(source, Loader=SafeLoader)
        if len(_PARSED) >= _MOST:
            _PARSED.clear()
        _PARSED[text] = tree
    return _fresh(_PARSED[text])


def _fresh(tree: Any) -> Any:
    """A copy of a parsed tree: new mappings, lists and sets; scalars (str, numbers, dates) are
    immutable and shared."""
    if isinstance(tree, dict):
        return {key: _fresh(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_fresh(value) for value in tree]
    if isinstance(tree, set):
        return set(tree)
    return tree
