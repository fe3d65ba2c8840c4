"""Exercise cards: the language-neutral spec (data/exercises/<id>.yaml) joined with its texts
(data/<lang>/cards/<id>.yaml). The spec's ``fields`` are the single source of both the answer
model (:mod:`ekokit.model.answers`) and the form (:mod:`ekokit.widgets.form`).

A reflection (``kind: reflection``, ``reading: <concept id>``) is an exercise whose texts come
from its reading: one long-text field per question of the reading's "Pohdittavaksi" section,
labelled with the question in each language, so a reading and its answers stay one source."""

from __future__ import annotations

from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, field_validator, model_validator

from ekokit.content import yamlfile
from ekokit.content.i18n import DEFAULT_LANG, languages
from ekokit.errors import UnknownExercise
from ekokit.paths import data_cache, data_dir

FieldType = Literal[
    "text", "longtext", "int", "choice", "multichoice", "bool", "date", "textlist", "list", "scores"
]
SessionId = Literal["1", "2", "3", "4", "h1", "h2", "h3"]
Kind = Literal["exercise", "reflection"]
IDENT = r"^[a-z][a-z0-9_]*$"

DEFAULT_MAX_LENGTH = {"text": 200, "longtext": 4000, "textlist": 300}


class FieldSpec(BaseModel):
    """One answer field: its name, type and limits."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=IDENT)
    type: FieldType
    required: bool = False
    max_length: int | None = Field(default=None, gt=0)
    min: int | None = None
    max: int | None = None
    vocab: str | None = None
    scale: str | None = None  # vocab whose ids are the numbers min..max, labelling each level
    min_items: int = Field(default=0, ge=0)
    max_items: int | None = Field(default=None, gt=0)
    unique: str | None = None
    item: tuple[FieldSpec, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> FieldSpec:
        if self.type in ("choice", "multichoice", "scores") and not self.vocab:
            raise ValueError(f"field {self.name}: a {self.type} field needs a vocab")
        if self.type in ("int", "scores") and (self.min is None or self.max is None):
            raise ValueError(f"field {self.name}: an {self.type} field needs min and max")
        if self.type == "list":
            if not self.item:
                raise ValueError(f"field {self.name}: a list field needs item fields")
            names = [f.name for f in self.item]
            if self.unique and self.unique not in names:
                raise ValueError(f"field {self.name}: unique names no item field")
        elif self.item or self.unique:
            raise ValueError(f"field {self.name}: only list fields have item/unique")
        return self

    @property
    def limit(self) -> int | None:
        return self.max_length or DEFAULT_MAX_LENGTH.get(self.type)


Pairs = tuple[tuple[str, str], ...]


def _pairs(value: object) -> object:
    """YAML mappings become tuples of pairs: a spec is frozen and hashable (models are cached
    by spec)."""
    return tuple(value.items()) if isinstance(value, dict) else value


class CopyRule(BaseModel):
    """How one field is filled from a field of an earlier exercise: ``from`` names the source
    field; ``items`` maps item fields of a list (target: source; default: the same names);
    ``lines`` writes the source list's rows as lines of text with a ``{item}`` template."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source: str = Field(alias="from", pattern=IDENT)
    items: Pairs = ()
    lines: str | None = None

    _items = field_validator("items", mode="before")(_pairs)


class CopySource(BaseModel):
    """An earlier exercise that this one can start from (``copy_from:`` in the spec): target
    field → a source field name or a :class:`CopyRule`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    exercise: str = Field(pattern=IDENT)
    fields: tuple[tuple[str, str | CopyRule], ...] = Field(min_length=1)

    _fields = field_validator("fields", mode="before")(_pairs)

    def rules(self) -> dict[str, CopyRule]:
        """Every target field with its rule (a plain name is ``{from: name}``)."""
        return {target: CopyRule.model_validate({"from": rule}) if isinstance(rule, str) else rule
                for target, rule in self.fields}


class ExerciseSpec(BaseModel):
    """data/exercises/<id>.yaml"""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENT)
    session: SessionId
    kind: Kind = "exercise"
    reading: str | None = None  # a reflection's concept id (ekokit.content.readings.CONCEPTS)
    order: int = 0
    duration_min: tuple[int, int]
    chart: str = "summary"  # a chart name registered in ekokit/charts; the table fits any answer
    related: tuple[str, ...] = ()
    copy_from: tuple[CopySource, ...] = ()
    sources: tuple[AnyHttpUrl, ...] = ()  # an exercise's; a reflection's are its reading's
    fields: tuple[FieldSpec, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> ExerciseSpec:
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.id}: duplicate field names")
        if self.kind == "reflection":
            if not self.reading:
                raise ValueError(f"{self.id}: a reflection names its reading")
            if any(f.type != "longtext" for f in self.fields):
                raise ValueError(f"{self.id}: a reflection's fields are longtext, one a question")
        elif self.reading:
            raise ValueError(f"{self.id}: only a reflection names a reading")
        elif not self.sources:
            raise ValueError(f"{self.id}: sources: an exercise names at least one source")
        return self


class FieldText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(min_length=1)
    help: str = ""
    item: dict[str, FieldText] = {}


class CardText(BaseModel):
    """An exercise's texts in one language: what every exercise shows (title, what, labels);
    a card file (:class:`ExerciseCard`) also has when, steps, strengths and weaknesses."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    what: str = Field(min_length=1)
    when: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    tip: str = ""
    strengths: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()
    fields: dict[str, FieldText]
    note: str = ""


class ExerciseCard(CardText):
    """data/<lang>/cards/<id>.yaml — the valtiolla.fi card format in one language."""

    when: tuple[str, ...] = Field(min_length=1)
    steps: tuple[str, ...] = Field(min_length=1)
    strengths: tuple[str, ...] = Field(min_length=1)
    weaknesses: tuple[str, ...] = Field(min_length=1)


class Exercise(BaseModel):
    """An exercise: its spec plus its card texts in every language."""

    model_config = ConfigDict(frozen=True)

    spec: ExerciseSpec
    texts: dict[str, CardText]

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def session(self) -> str:
        return self.spec.session

    @property
    def is_reflection(self) -> bool:
        """The team's answers to a reading's questions ("Pohdittavaksi"), not a card's work."""
        return self.spec.kind == "reflection"

    @property
    def is_homework(self) -> bool:
        """Homework between sessions ("h1"…"h3") rather than a session's own exercise."""
        return self.spec.session.startswith("h")

    def text(self, lang: str) -> CardText:
        return self.texts.get(lang) or self.texts[DEFAULT_LANG]  # validate reports the gap

    def title(self, lang: str) -> str:
        return self.text(lang).title

    def field_text(self, lang: str, *path: str) -> FieldText:
        """Label/help of a field, or of an item field: ``field_text("en", "actors", "ring")``."""
        texts = self.text(lang).fields
        node = texts[path[0]]
        for part in path[1:]:
            node = node.item[part]
        return node


def _read_yaml(path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yamlfile.load(fh) or {}


def reflection_text(spec: ExerciseSpec, lang: str) -> CardText:
    """A reflection's texts in one language, from its reading: the title names the reading,
    each field is labelled with its question (by position). A question without a field, or a
    field without a question, is an error (``ekokit validate`` names it)."""
    from ekokit.content.i18n import t
    from ekokit.content.readings import concept_title, reflection_questions

    assert spec.reading is not None
    questions = reflection_questions(spec.reading, lang)
    names = [f.name for f in spec.fields]
    extra = [f"question_{n}" for n in range(len(names) + 1, len(questions) + 1)]
    return CardText(title=t("reflection.title", lang, reading=concept_title(spec.reading, lang)),
                    what=t("reflection.what", lang),
                    fields={name: FieldText(label=question)
                            for name, question in zip([*names, *extra], questions, strict=False)})


def _has_own_text(spec: ExerciseSpec, lang: str) -> bool:
    """The exercise's own texts in ``lang`` exist: its card, or a reflection's reading."""
    folder = data_dir() / lang
    if spec.kind == "reflection":
        return (folder / "concepts" / f"{spec.reading}.md").is_file()
    return (folder / "cards" / f"{spec.id}.yaml").is_file()


def load_exercise(exercise_id: str) -> Exercise:
    spec = ExerciseSpec.model_validate(_read_yaml(data_dir() / "exercises" / f"{exercise_id}.yaml"))
    texts: dict[str, CardText] = {}
    for lang in languages():
        if lang != DEFAULT_LANG and not _has_own_text(spec, lang):
            continue  # a translation on its way: Exercise.text shows Finnish, validate says so
        if spec.kind == "reflection":
            texts[lang] = reflection_text(spec, lang)
            if set(texts[lang].fields) != {f.name for f in spec.fields}:
                raise ValueError(f"{exercise_id} [{lang}]: {len(texts[lang].fields)} questions in "
                                 f"its reading {spec.reading!r}, {len(spec.fields)} fields")
        else:
            texts[lang] = ExerciseCard.model_validate(
                _read_yaml(data_dir() / lang / "cards" / f"{exercise_id}.yaml"))
    return Exercise(spec=spec, texts=texts)


SESSION_ORDER = {"1": 1, "h1": 2, "2": 3, "h2": 4, "3": 5, "h3": 6, "4": 7}


@data_cache
def all_exercises() -> tuple[Exercise, ...]:
    """Every card, in programme order (session, then order within it)."""
    ids = sorted(p.stem for p in (data_dir() / "exercises").glob("*.yaml"))
    exercises = [load_exercise(i) for i in ids]
    return tuple(sorted(exercises, key=lambda c: (SESSION_ORDER[c.session], c.spec.order, c.id)))


def find_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id, or UnknownExercise."""
    for found in all_exercises():
        if found.id == exercise_id:
            return found
    raise UnknownExercise(exercise_id)


def exercises_for_session(session: str) -> tuple[Exercise, ...]:
    """The session's own exercises followed by the homework until the next session."""
    wanted = {session, f"h{session}"}
    return tuple(c for c in all_exercises() if c.session in wanted)
