"""Reading the kit's YAML data fast: libyaml's C parser when PyYAML has it (it nearly always
does), the same safe loading rules either way. Every kernel reads some 300 files at start."""

from __future__ import annotations

from typing import IO, Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # a PyYAML built without libyaml: the same rules, parsed in Python
    from yaml import SafeLoader  # type: ignore[assignment]


def load(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load``, parsed in C where available."""
    return yaml.load(stream, Loader=SafeLoader)
