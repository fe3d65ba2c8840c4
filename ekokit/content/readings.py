"""Reading content: concept texts (Markdown), self-check quizzes and the glossary.

* data/<lang>/concepts/<id>.md — one short text per concept and language; its questions for the
  team, one bullet each under the catalogue's ``reading.reflection_heading`` ("### Pohdittavaksi"),
  are the labels of the reading's reflection exercise (``kind: reflection`` in data/exercises/);
* data/quiz/session<N>.yaml — a quiz's structure (question ids, option ids, correct option);
  data/<lang>/quiz/session<N>.yaml — its texts (question, options, explanation);
* data/<lang>/glossary.yaml — ``{term_id: {term, definition}}``, the same ids in every language.

A language whose file is missing (a translation on its way) is shown the Finnish file instead;
``ekokit validate`` names every such file, so nothing falls back unreported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ekokit.content import yamlfile
from ekokit.content.i18n import DEFAULT_LANG, normalise_lang, t
from ekokit.paths import data_cache, data_dir

# Concepts in teaching order, with the session that introduces them.
CONCEPTS: dict[str, str] = {
    "ecosystem": "1",
    "impact": "1",
    "phenomenon_administration": "1",
    "futures_thinking": "2",
    "experiment": "3",
    "scaling": "3",
    "learning_loops": "3",
    "harvesting": "4",
}
QUIZ_SESSIONS: tuple[str, ...] = ("1", "2", "3", "4")


class UnknownContent(KeyError):
    """No concept, quiz or text with that id."""


class Option(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    text: str = Field(min_length=1)


class Question(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    text: str = Field(min_length=1)
    options: tuple[Option, ...] = Field(min_length=2)
    correct: str
    explanation: str = Field(min_length=1)

    @model_validator(mode="after")
    def _correct_is_an_option(self) -> Question:
        ids = [o.id for o in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError(f"question {self.id}: duplicate option ids")
        if self.correct not in ids:
            raise ValueError(
                f"question {self.id}: correct option {self.correct!r} is not an option")
        return self

    def option(self, option_id: str) -> Option:
        return next(o for o in self.options if o.id == option_id)


class Quiz(BaseModel):
    model_config = ConfigDict(frozen=True)

    session: str
    lang: str
    title: str = Field(min_length=1)
    questions: tuple[Question, ...] = Field(min_length=3, max_length=5)


class GlossaryEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    term: str = Field(min_length=1)
    definition: str = Field(min_length=1)


def _yaml(path: Path) -> Any:
    if not path.is_file():
        raise UnknownContent(f"missing file {path}")
    with path.open(encoding="utf-8") as fh:
        return yamlfile.load(fh) or {}


def _own_or_default(lang: str, relative: str) -> tuple[str, Path]:
    """The language whose file ``data/<lang>/<relative>`` is used, and the file: the language's
    own, else the default language's (validate reports the missing one)."""
    code = normalise_lang(lang)
    path = data_dir() / code / relative
    if code != DEFAULT_LANG and not path.is_file():
        return DEFAULT_LANG, data_dir() / DEFAULT_LANG / relative
    return code, path


def concept_ids(session: str | None = None) -> tuple[str, ...]:
    """All concept ids in teaching order, or only those introduced in ``session``."""
    return tuple(cid for cid, ses in CONCEPTS.items() if session is None or ses == session)


@data_cache
def concept(concept_id: str, lang: str) -> str:
    """The Markdown text of one concept; starts with a level-2 heading."""
    if concept_id not in CONCEPTS:
        raise UnknownContent(f"no concept {concept_id!r}")
    _, path = _own_or_default(lang, f"concepts/{concept_id}.md")
    if not path.is_file():
        raise UnknownContent(f"concept {concept_id!r} has no text in {lang!r}")
    return path.read_text(encoding="utf-8")


def concept_title(concept_id: str, lang: str) -> str:
    """The concept text's level-2 heading."""
    return concept(concept_id, lang).strip().partition("\n")[0].lstrip("#").strip()


@data_cache
def reflection_questions(concept_id: str, lang: str) -> tuple[str, ...]:
    """The reading's questions for the team, in order: the bullets (or, without bullets, the
    paragraphs) of its "### Pohdittavaksi" section; none when it has no such section."""
    shown, _ = _own_or_default(lang, f"concepts/{concept_id}.md")
    heading = f"### {t('reading.reflection_heading', shown)}"
    lines = concept(concept_id, lang).splitlines()
    if heading not in (line.strip() for line in lines):
        return ()
    start = [line.strip() for line in lines].index(heading) + 1
    section: list[str] = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        section.append(line.strip())
    bullets = [line[2:].strip() for line in section if line.startswith(("- ", "* "))]
    paragraphs = [" ".join(p.split()) for p in "\n".join(section).split("\n\n") if p.strip()]
    return tuple(q for q in (bullets or paragraphs) if q)


@data_cache
def quiz(session: str, lang: str) -> Quiz:
    """The self-check quiz of a session ("1".."4") in one language."""
    if session not in QUIZ_SESSIONS:
        raise UnknownContent(f"no quiz for session {session!r}")
    code, path = _own_or_default(lang, f"quiz/session{session}.yaml")
    structure = _yaml(data_dir() / "quiz" / f"session{session}.yaml")
    texts = _yaml(path)
    question_texts: dict[str, Any] = texts.get("questions") or {}
    questions = []
    for spec in structure["questions"]:
        qid = spec["id"]
        text = question_texts.get(qid)
        if not text:
            raise UnknownContent(f"quiz {session} [{code}]: no text for question {qid!r}")
        option_texts: dict[str, str] = text.get("options") or {}
        missing = [oid for oid in spec["options"] if not option_texts.get(oid)]
        if missing:
            raise UnknownContent(f"quiz {session} [{code}] {qid}: no text for options {missing}")
        questions.append(Question(
            id=qid,
            text=str(text.get("text", "")).strip(),
            options=tuple(Option(id=oid, text=str(option_texts[oid]).strip())
                          for oid in spec["options"]),
            correct=spec["correct"],
            explanation=str(text.get("explanation", "")).strip(),
        ))
    return Quiz(session=session, lang=code, title=str(texts.get("title", "")),
                questions=tuple(questions))


@data_cache
def _glossary(lang: str) -> tuple[tuple[str, GlossaryEntry], ...]:
    raw = _yaml(_own_or_default(lang, "glossary.yaml")[1])
    return tuple((str(key), GlossaryEntry(**value)) for key, value in raw.items())


def glossary(lang: str) -> dict[str, GlossaryEntry]:
    """Every term of the kit in one language, in the file's order: ``{term_id: entry}``."""
    return dict(_glossary(normalise_lang(lang)))
