"""What every check shares: the data folder read leniently (:class:`Content`) and the helpers
that turn files and errors into problem lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ekokit.content import yamlfile
from ekokit.content.exercises import (
    CardText,
    Exercise,
    ExerciseCard,
    ExerciseSpec,
    FieldSpec,
    reflection_text,
)
from ekokit.content.readings import UnknownContent

Problems = list[str]


def read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yamlfile.load(fh)


def one_line(exc: Exception) -> str:
    """An exception as one line."""
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or '(top)'}: {e['msg']}"
                         for e in exc.errors())
    return " ".join(f"{type(exc).__name__}: {exc}".split())


def walk(fields: tuple[FieldSpec, ...], prefix: str = "") -> Iterator[tuple[str, FieldSpec]]:
    """Every field and item field, with its dotted path."""
    for spec in fields:
        yield prefix + spec.name, spec
        yield from walk(spec.item, f"{prefix}{spec.name}.")


@dataclass
class Content:
    """One data folder, read leniently: what loads is here, what does not is in ``load_errors``."""

    data: Path
    notebooks: Path
    load_errors: Problems = field(default_factory=list)
    vocab_errors: Problems = field(default_factory=list)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.data).as_posix()

    def read(self, where: str, found: Problems) -> Any:
        """The YAML file ``where`` (relative to the data folder), ``{}`` if it is empty; ``None``
        if it cannot be read, with the reason appended to ``found``."""
        try:
            return read_yaml(self.data / where) or {}
        except FileNotFoundError:
            found.append(f"{where}: missing")
            return None
        except (OSError, yaml.YAMLError) as exc:
            found.append(f"{where}: {one_line(exc)}")
            return None

    @cached_property
    def languages(self) -> tuple[str, ...]:
        from ekokit.content.i18n import languages

        return languages()

    @cached_property
    def exercise_ids(self) -> set[str]:
        """Every exercise file's id, whether its spec loads or not."""
        return {path.stem for path in (self.data / "exercises").glob("*.yaml")}

    @cached_property
    def specs(self) -> dict[str, ExerciseSpec]:
        specs = {}
        for path in sorted((self.data / "exercises").glob("*.yaml")):
            try:
                specs[path.stem] = ExerciseSpec.model_validate(read_yaml(path) or {})
            except (OSError, ValueError, yaml.YAMLError) as exc:
                self.load_errors.append(f"{self.rel(path)}: {one_line(exc)}")
                continue
            if specs[path.stem].id != path.stem:
                self.load_errors.append(f"{self.rel(path)}: id: {specs[path.stem].id!r} is not "
                                        f"the file's name")
        return specs

    @cached_property
    def texts(self) -> dict[tuple[str, str], CardText]:
        texts: dict[tuple[str, str], CardText] = {}
        for lang in self.languages:
            folder = self.data / lang / "cards"
            for path in sorted(folder.glob("*.yaml")):
                try:
                    texts[path.stem, lang] = ExerciseCard.model_validate(read_yaml(path) or {})
                except (OSError, ValueError, yaml.YAMLError) as exc:
                    self.load_errors.append(f"{self.rel(path)}: {one_line(exc)}")
            for eid, spec in self.specs.items():  # a reflection's texts: its reading's questions
                if spec.kind == "reflection":
                    try:
                        texts[eid, lang] = reflection_text(spec, lang)
                    except UnknownContent:  # no concept text: ``concepts`` reports it
                        continue
                    except (OSError, ValueError, KeyError) as exc:
                        self.load_errors.append(f"exercises/{eid}.yaml [{lang}]: {one_line(exc)}")
        return texts

    @cached_property
    def exercises(self) -> dict[str, Exercise]:
        """The exercises whose spec and every card text load."""
        texts = self.texts
        return {
            eid: Exercise(spec=spec, texts={lang: texts[eid, lang] for lang in self.languages})
            for eid, spec in self.specs.items()
            if all((eid, lang) in texts for lang in self.languages)
        }

    @cached_property
    def vocabularies(self) -> dict[str, tuple[str, ...]]:
        from ekokit.content.vocab import vocabularies

        try:
            return vocabularies()
        except (OSError, ValueError, AttributeError, yaml.YAMLError) as exc:
            self.vocab_errors.append(f"vocab/: {one_line(exc)}")
            return {}

    def vocabularies_known(self, spec: ExerciseSpec) -> bool:
        """Every vocabulary the spec names exists (else vocabularies_exist reports it)."""
        return all(name in self.vocabularies for _, fs in walk(spec.fields)
                   for name in (fs.vocab, fs.scale) if name)

    def catalogue(self, lang: str) -> dict[str, str]:
        from ekokit.content.i18n import catalogue

        return catalogue(lang)


# A check: the data folder → its problems. ekokit/validate/__init__.py lists them in CHECKS.
Check = Callable[[Content], Problems]
