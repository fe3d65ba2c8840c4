"""Checks of what a session reads besides its exercises: quizzes, concept texts, the glossary."""

from __future__ import annotations

import contextlib
import re

import yaml

from ekokit.validate._base import Content, Problems, one_line, read_yaml


def quizzes(content: Content) -> Problems:
    """quiz/session<N>.yaml (3–5 questions, the correct option among the options) agrees with
    <lang>/quiz/session<N>.yaml (a title, and texts for every question and option)."""
    from ekokit.content.readings import QUIZ_SESSIONS

    found = []
    for session in QUIZ_SESSIONS:
        where = f"quiz/session{session}.yaml"
        try:
            specs = (read_yaml(content.data / where) or {})["questions"]
        except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
            found.append(f"{where}: {one_line(exc)}")
            continue
        if not 3 <= len(specs) <= 5:
            found.append(f"{where}: questions: {len(specs)}, expected 3–5")
        ids = [str(q.get("id")) for q in specs]
        if len(ids) != len(set(ids)):
            found.append(f"{where}: questions: duplicate ids")
        for q in specs:
            options = q.get("options") or []
            if len(options) < 2:
                found.append(f"{where}: {q.get('id')}: fewer than two options")
            if q.get("correct") not in options:
                found.append(f"{where}: {q.get('id')}.correct: {q.get('correct')!r} is not "
                             f"an option")
        for lang in content.languages:
            lwhere = f"{lang}/quiz/session{session}.yaml"
            texts = content.read(lwhere, found)
            if texts is None:
                continue
            if not str(texts.get("title") or "").strip():
                found.append(f"{lwhere}: title: missing")
            questions = texts.get("questions") or {}
            found += [f"{lwhere}: questions.{qid}: not in {where}"
                      for qid in sorted(set(questions) - set(ids))]
            for q in specs:
                text = questions.get(q.get("id"))
                key = f"{lwhere}: questions.{q.get('id')}"
                if not isinstance(text, dict):
                    found.append(f"{key}: no text")
                    continue
                for part in ("text", "explanation"):
                    if not str(text.get(part) or "").strip():
                        found.append(f"{key}.{part}: missing")
                option_texts = text.get("options") or {}
                for oid in q.get("options") or []:
                    if not str(option_texts.get(oid) or "").strip():
                        found.append(f"{key}.options.{oid}: no text")
                found += [f"{key}.options.{oid}: not an option in {where}"
                          for oid in sorted(set(option_texts) - set(q.get("options") or []))]
    return found


URL = re.compile(r"https?://\S+")
SOURCES_HEADING = {"fi": "### Lähteitä", "en": "### Sources", "sv": "### Källor"}


def concepts(content: Content) -> Problems:
    """Every concept of ekokit.content.readings.CONCEPTS has a text in every language (a ``## ``
    heading, 150–600 words, a sources heading with a URL), and there are no other concept files."""
    from ekokit.content.readings import CONCEPTS

    found = []
    for lang in content.languages:
        folder = content.data / lang / "concepts"
        found += [f"{lang}/concepts/{p.name}: not a concept of ekokit.content.readings.CONCEPTS"
                  for p in sorted(folder.glob("*.md")) if p.stem not in CONCEPTS]
        for cid in CONCEPTS:
            path = folder / f"{cid}.md"
            where = content.rel(path)
            if not path.is_file():
                found.append(f"{where}: missing")
                continue
            text = path.read_text(encoding="utf-8")
            words = len(text.split())
            heading = SOURCES_HEADING.get(lang, "### ")
            if not text.startswith("## "):
                found.append(f"{where}: does not start with a '## ' heading")
            if not 150 <= words <= 600:
                found.append(f"{where}: {words} words, expected 150–600")
            if heading not in text or not URL.search(text.split(heading, 1)[1]):
                found.append(f"{where}: no {heading!r} section with a URL")
    return found


def reflections(content: Content) -> Problems:
    """Every reading with questions for the team ("### Pohdittavaksi") has one reflection
    exercise (``kind: reflection``, ``reading:``) of the reading's session, with one field per
    question in every language, standing first after its reading in data/notebooks.yaml."""
    from ekokit.content.plan import notebook_plan
    from ekokit.content.readings import CONCEPTS, reflection_questions

    found: Problems = []
    by_reading: dict[str, list[str]] = {}
    for eid, spec in content.specs.items():
        if spec.kind == "reflection" and spec.reading:
            by_reading.setdefault(spec.reading, []).append(eid)
    for reading, eids in sorted(by_reading.items()):
        if reading not in CONCEPTS:
            found += [f"exercises/{eid}.yaml: reading: {reading!r} is not a concept of "
                      f"ekokit.content.readings.CONCEPTS" for eid in eids]
        if len(eids) > 1:
            found.append(f"concepts {reading!r}: more than one reflection: {sorted(eids)}")
    for cid, session in CONCEPTS.items():
        asked = {}
        for lang in content.languages:
            with contextlib.suppress(KeyError):  # no text: ``concepts`` reports it
                asked[lang] = reflection_questions(cid, lang)
        eids = by_reading.get(cid, [])
        if not eids:
            found += [f"{lang}/concepts/{cid}.md: {len(q)} questions to discuss, but no exercise "
                      f"has kind: reflection, reading: {cid}" for lang, q in asked.items() if q]
            continue
        spec = content.specs[eids[0]]
        where = f"exercises/{spec.id}.yaml"
        if spec.session != session:
            found.append(f"{where}: session: {spec.session!r}, but its reading {cid!r} is "
                         f"in session {session!r}")
        names = [f.name for f in spec.fields]
        for lang, questions in asked.items():
            if len(questions) != len(names):
                found.append(f"{lang}/concepts/{cid}.md: {len(questions)} questions to discuss, "
                             f"but {where} has {len(names)} fields ({', '.join(names)})")
        try:
            steps = notebook_plan().get(session, ())
        except (OSError, ValueError, yaml.YAMLError):
            continue  # code_checks.notebook_plan reports it
        if not any(step.reading == cid and step.exercises[0] == spec.id for step in steps):
            found.append(f"notebooks.yaml: {session}: {spec.id} does not come first after its "
                         f"reading {cid!r}")
    return found


def glossary(content: Content) -> Problems:
    """The glossary has the same ids, in the same order, in every language; every entry has a
    term and a definition."""
    found: Problems = []
    ids = {}
    for lang in content.languages:
        where = f"{lang}/glossary.yaml"
        raw = content.read(where, found)
        if raw is None:
            continue
        ids[lang] = [str(k) for k in raw]
        for key, entry in raw.items():
            if not isinstance(entry, dict) or not all(
                    str(entry.get(part) or "").strip() for part in ("term", "definition")):
                found.append(f"{where}: {key}: needs a term and a definition")
    first = content.languages[0]
    for lang, own in ids.items():
        if lang == first or first not in ids or own == ids[first]:
            continue
        missing, extra = sorted(set(ids[first]) - set(own)), sorted(set(own) - set(ids[first]))
        if missing:
            found.append(f"{lang}/glossary.yaml: missing {missing}")
        if extra:
            found.append(f"{lang}/glossary.yaml: not in {first}: {extra}")
        if not missing and not extra:
            found.append(f"{lang}/glossary.yaml: ids in another order than in {first}")
    return found
