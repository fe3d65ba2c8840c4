"""Checks where the content meets the code: the calendar and the notebooks, the charts an
exercise names, the field types the model and the editors know."""

from __future__ import annotations

import re

import yaml

from ekokit.errors import CalendarError
from ekokit.validate._base import Content, Problems, one_line, walk

SESSION_NOTEBOOK = re.compile(r"^(\d\d)_[a-z0-9_]+\.ipynb$")


def calendar_notebooks(content: Content) -> Problems:
    """Each calendar session names a notebook ``NN_name.ipynb`` (NN its session number), and every
    session notebook in notebooks/ is named in the calendar. A named notebook that is not written
    yet is not a problem (the landing page shows only existing notebooks as live): see
    :func:`ekokit.validate.notices`."""
    from ekokit.content.calendar import calendar, problem_lines

    try:
        sessions = calendar().sessions
    except CalendarError as exc:  # one line per problem, as `ekokit calendar` says them
        return [f"calendar.yaml: {line}" for line in problem_lines(exc.problems, "en")]
    found, named = [], set()
    for session in sessions:
        named.add(session.notebook)
        match = SESSION_NOTEBOOK.match(session.notebook)
        if not match or int(match.group(1)) != int(session.id):
            found.append(f"calendar.yaml: sessions.{session.id}.notebook: {session.notebook!r} "
                         f"is not {int(session.id):02d}_<name>.ipynb")
    for path in sorted(content.notebooks.glob("*.ipynb")):
        match = SESSION_NOTEBOOK.match(path.name)
        if match and int(match.group(1)) > 0 and path.name not in named:
            found.append(f"calendar.yaml: sessions: no session names notebooks/{path.name}")
    return found


def notebook_plan(content: Content) -> Problems:
    """data/notebooks.yaml: each session's readings are that session's concepts, and each of its
    own exercises stands after exactly one reading (the homework comes last by itself)."""
    from ekokit.content.plan import notebook_plan as plan
    from ekokit.content.readings import CONCEPTS

    try:
        steps = plan()
    except (OSError, ValueError, yaml.YAMLError) as exc:
        return [f"notebooks.yaml: {one_line(exc)}"]
    found = []
    for session in sorted({spec.session for spec in content.specs.values()}):
        if session.startswith("h"):
            continue
        own = sorted(eid for eid, spec in content.specs.items() if spec.session == session)
        listed = [eid for step in steps.get(session, ()) for eid in step.exercises]
        for step in steps.get(session, ()):
            if CONCEPTS.get(step.reading) != session:
                found.append(f"notebooks.yaml: {session}: reading {step.reading!r} is not a "
                             f"concept of session {session}")
        missing = sorted(set(own) - set(listed))
        twice = sorted({eid for eid in listed if listed.count(eid) > 1})
        others = {eid for eid, spec in content.specs.items() if spec.session != session}
        foreign = sorted(e for e in set(listed) - set(own)  # a spec that fails to load is
                         if e in others or e not in content.exercise_ids)  # reported elsewhere
        for what, ids in (("not listed", missing), ("listed twice", twice),
                          ("not exercises of this session", foreign)):
            if ids:
                found.append(f"notebooks.yaml: {session}: {what}: {ids}")
    return found


def charts(content: Content) -> Problems:
    """Every ``chart:`` is registered in ekokit.charts, and the fields the chart reads
    (``READS``: ``"actors"``, ``"actors.ring"``) exist in the exercise's spec."""
    from ekokit.charts import CHARTS, READS

    found = []
    for eid, spec in content.specs.items():
        if spec.chart not in CHARTS:
            found.append(f"exercises/{eid}.yaml: chart: {spec.chart!r} is not a registered chart "
                         f"(known: {', '.join(sorted(CHARTS))})")
            continue
        paths = {where for where, _ in walk(spec.fields)}
        found += [f"exercises/{eid}.yaml: fields: no field {read!r}, which chart {spec.chart!r} "
                  f"reads" for read in READS.get(spec.chart, ()) if read not in paths]
    return found


def field_types(_content: Content) -> Problems:
    """The field types agree: declared (FieldType), modelled (ekokit.model.fields) and edited
    (ekokit.widgets.editors.EDITORS)."""
    from ekokit.model.fields import declared_types, registered_types
    from ekokit.widgets import form  # noqa: F401  (registers the list editor)
    from ekokit.widgets.editors import EDITORS

    declared = declared_types()
    found = []
    for where, known in (("ekokit.model.fields", registered_types()),
                         ("ekokit.widgets.editors.EDITORS", set(EDITORS))):
        if known - declared:
            found.append(f"{where}: types not in FieldType: {sorted(known - declared)}")
        if declared - known:
            found.append(f"{where}: no entry for the types {sorted(declared - known)}")
    return found
