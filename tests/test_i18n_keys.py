"""Every message key the code asks for exists in the Finnish catalogue, found from the syntax tree.

The walk reads every ekokit/**/*.py with :mod:`ast` and looks at the first argument of each
translator call: ``t(key, lang)``, ``tr(key)``, ``self.tr(key, **params)``,
``Translator(lang)(key)`` and the charts' ``msg(key, lang)`` (which reads ``charts.<key>``).
Helpers that hand their first parameter on to a translator (``self._say(key, ...)``) count as
translator calls too. A key is

* static: a string literal, either branch of ``"a" if x else "b"``, a local name assigned such a
  value, or a comprehension variable over a tuple of literals;
* dynamic: an f-string or ``"prefix." + value`` — its *family* must be listed in FAMILIES below
  with every value it may take, and each of those keys must exist;
* anything else (a key carried in data, e.g. ``problem.key``) must be listed in FROM_DATA."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from ekokit.content.i18n import catalogue
from ekokit.content.statement import NON_CONFORMITIES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ekokit"

TRANSLATORS = {"t": "", "tr": "", "msg": "charts."}  # called by name or as an attribute

# Dynamic families: the prefix the code builds on, and every value it may append.
FAMILIES: dict[str, tuple[str, ...]] = {
    "progress.": ("done", "started", "open", "damaged"),  # model.progress states, and a
    # newest revision that cannot be read (state.exercise.damage_of)
    "session.title_": ("1", "2", "3", "4"),  # calendar session ids
    "downloads.format_": ("html", "pptx", "xlsx", "md"),  # widgets/downloads.py formats
    "facilitator.session_": ("1", "h1", "2", "h2", "3", "h3", "4"),  # sessions and homework
    "projector.timer_": ("ready", "running", "paused", "done"),  # state.timer.Countdown.state
    "workbook.": ("foreign", "invalid", "not_json", "revisions", "unknown_exercise",
                  "unreadable", "version", "invalid_at", "invalid_answer", "bad_time",
                  "too_large", "too_deep", "too_many_revisions",
                  "changed"),
    # WorkbookError reasons (store/workbook.py)
    "charts.impact.": ("resources", "activities", "outputs", "outcomes", "impacts"),  # STAGES
    "charts.power.": ("manage", "satisfy", "inform", "monitor"),  # quadrants and CORNERS
    # the accessibility statement's known non-conformities: what, and its WCAG criteria
    "statement.problem_": (*NON_CONFORMITIES, *(f"{n}_criteria" for n in NON_CONFORMITIES)),
    "store.status_": ("new", "current", "out_of_date", "too_new"),  # store.migrate.Status.state
    "store.backup.": ("exists", "no_file", "no_store", "tool", "no_tool", "unreadable",
                      "foreign", "damaged", "not_empty", "dump_into_sqlite", "mismatch"),
    # BackupError reasons (store/backup.py, store/restore.py)
}

# First arguments that are keys carried in data (errors, validation problems, a field map):
# (file, expression). The data's keys are checked where they are made.
FROM_DATA: set[tuple[str, str]] = {
    ("ekokit/cli.py", "exc.key"),
    ("ekokit/widgets/exercise_view.py", "error.key"),
    ("ekokit/widgets/form.py", "problem.key"),
    ("ekokit/widgets/session_app.py", "exc.key"),
    ("ekokit/widgets/team_picker.py", "exc.key"),
    ("ekokit/cli.py", "problem.label"),  # model.teams.input_problem: checked below
    ("ekokit/cli.py", "problem.key"),
    ("ekokit/widgets/team_picker.py", "problem.label"),
    ("ekokit/widgets/team_picker.py", "problem.key"),
    ("ekokit/widgets/downloads.py", "exc.key"),  # a ReportError's report.error.* key
    # reports.text.counted: "<key>.one" or "<key>.other" of a counted report.* message
    ("ekokit/reports/text.py", "f\"{key}.{('one' if count == 1 else 'other')}\""),
}


@dataclass(frozen=True)
class Use:
    path: str  # relative to the repository
    line: int
    kind: str  # "static", "dynamic" (key is the family prefix) or "data"
    key: str


def _prefix(node: ast.expr) -> str | None:
    """The literal start of an f-string or ``"a." + b``; None if it has none."""
    if isinstance(node, ast.JoinedStr):
        head = []
        for part in node.values:
            if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                break
            head.append(part.value)
        return "".join(head) or None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal(node.left)
    return None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Function:
    """What a function's local names may hold: assigned expressions and loop variables."""

    def __init__(self, node: ast.AST) -> None:
        self.params: list[str] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self.params = [a.arg for a in node.args.posonlyargs + node.args.args
                           if a.arg not in ("self", "cls")]
        self.values: dict[str, list[ast.expr]] = {}
        loops = []
        for sub in ast.walk(node):
            if isinstance(sub, ast.Assign):
                for target in sub.targets:
                    if isinstance(target, ast.Name):
                        self.values.setdefault(target.id, []).append(sub.value)
            elif isinstance(sub, ast.For):
                loops.append(sub)  # comprehension variables: see _Comprehensions
        for loop in loops:
            for item in self._items(loop.iter):
                self._bind(loop.target, item)

    def _items(self, node: ast.expr) -> list[ast.expr]:
        if isinstance(node, ast.Tuple | ast.List):
            return node.elts
        if isinstance(node, ast.Name):
            return [e for v in self.values.get(node.id, []) for e in self._items(v)]
        return []

    def _bind(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, ast.Name):
            self.values.setdefault(target.id, []).append(value)
        elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) \
                and len(target.elts) == len(value.elts):
            for t, v in zip(target.elts, value.elts, strict=True):
                self._bind(t, v)


class _Comprehensions(_Function):
    """A function's names, with the variables of the comprehensions around ``call`` bound to
    what those comprehensions iterate over (a comprehension's variable is its own)."""

    def __init__(self, scope: _Function, call: ast.Call) -> None:
        self.params = scope.params
        self.values = dict(scope.values)
        for comp in _PARENTS.get(id(call), ()):
            for gen in comp.generators:
                for name in ast.walk(gen.target):
                    if isinstance(name, ast.Name):
                        self.values[name.id] = []
                for item in self._items(gen.iter):
                    self._bind(gen.target, item)


_PARENTS: dict[int, list[ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp]] = {}


def _note_comprehensions(tree: ast.Module) -> None:
    """For each call inside comprehensions: those comprehensions, innermost last."""
    def visit(node: ast.AST, comps: list) -> None:
        if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
            comps = [*comps, node]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            comps = []
        if isinstance(node, ast.Call) and comps:
            _PARENTS[id(node)] = comps
        for child in ast.iter_child_nodes(node):
            visit(child, comps)
    visit(tree, [])


def _resolve(node: ast.expr, scope: _Function, depth: int = 0) -> Iterator[tuple[str, str]]:
    """(kind, key-or-prefix-or-source) for each value ``node`` may have."""
    if (text := _literal(node)) is not None:
        yield "static", text
    elif isinstance(node, ast.JoinedStr) and all(_literal(v) is not None for v in node.values):
        yield "static", "".join(v.value for v in node.values)  # type: ignore[attr-defined]
    elif (fixed := _literal_suffixes(node, scope, depth)) is not None:
        for prefix, suffix in fixed:
            yield "static", prefix + suffix
    elif isinstance(node, ast.IfExp):
        yield from _resolve(node.body, scope, depth)
        yield from _resolve(node.orelse, scope, depth)
    elif (prefix := _prefix(node)) is not None:
        param = _tail_param(node, scope)
        yield ("dynamic", prefix) if param is None else (f"param:{prefix}", param)
    elif isinstance(node, ast.Name) and node.id in scope.values and depth < 5:
        for value in scope.values[node.id]:
            yield from _resolve(value, scope, depth + 1)
    elif isinstance(node, ast.Name) and node.id in scope.params:
        yield "param:", node.id
    else:
        yield "data", ast.unparse(node)


def _tail(node: ast.expr) -> ast.expr | None:
    """The variable part of ``f"prefix{x}"`` or ``"prefix" + x`` (one part only)."""
    if isinstance(node, ast.JoinedStr) and len(node.values) == 2 \
            and isinstance(node.values[1], ast.FormattedValue) \
            and node.values[1].format_spec is None:
        return node.values[1].value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return node.right
    return None


def _tail_param(node: ast.expr, scope: _Function) -> str | None:
    """``f"charts.{key}"`` inside ``def msg(key, ...)``: the helper's parameter handed on."""
    tail = _tail(node)
    return tail.id if isinstance(tail, ast.Name) and tail.id in scope.params else None


def _literal_suffixes(node: ast.expr, scope: _Function,
                      depth: int) -> list[tuple[str, str]] | None:
    """``f"meetings.{k}"`` with ``k`` a loop variable over literals: each key it makes."""
    prefix, tail = _prefix(node), _tail(node)
    if prefix is None or not isinstance(tail, ast.Name) or tail.id not in scope.values:
        return None
    found = list(_resolve(tail, scope, depth + 1))
    if not found or any(kind != "static" for kind, _ in found):
        return None
    return [(prefix, value) for _, value in found]


def _callee(call: ast.Call) -> str | None:
    """The name a call is made through: ``t``, ``self.tr``→``tr``, ``Translator(x)``→``tr``."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Call) and isinstance(func.func, ast.Name) \
            and func.func.id == "Translator":
        return "tr"
    return None


def _functions(tree: ast.Module) -> Iterator[tuple[ast.AST, _Function]]:
    yield tree, _Function(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield node, _Function(node)


def _direct_calls(func: ast.AST) -> Iterator[ast.Call]:
    """Calls in ``func``'s own body, not in functions nested in it (they are walked apart)."""
    todo = list(ast.iter_child_nodes(func))
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(node, ast.Call):
            yield node
        todo.extend(ast.iter_child_nodes(node))


def key_uses(root: Path = PACKAGE) -> list[Use]:
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path))
             for path in sorted(root.rglob("*.py"))}
    for tree in trees.values():
        _note_comprehensions(tree)
    # each function's scope and own calls, found once for the five walks below
    scopes = {path: [(func, scope, list(_direct_calls(func))) for func, scope in _functions(tree)]
              for path, tree in trees.items()}
    translators = dict(TRANSLATORS)
    # helpers that pass their first parameter on to a translator are translators too
    for _round in range(4):
        for functions in scopes.values():
            for func, scope, calls in functions:
                if not isinstance(func, ast.FunctionDef) or func.name in translators \
                        or not scope.params:
                    continue
                for call in calls:
                    name = _callee(call)
                    if name not in translators or not call.args:
                        continue
                    for kind, key in _resolve(call.args[0], _Comprehensions(scope, call)):
                        if kind.startswith("param:") and key == scope.params[0]:
                            translators[func.name] = translators[name] + kind[6:]
    uses = []
    for path, functions in scopes.items():
        rel = path.relative_to(ROOT).as_posix()
        for func, scope, calls in functions:
            for call in calls:
                name = _callee(call)
                if name not in translators or not call.args:
                    continue
                if isinstance(func, ast.FunctionDef) and func.name == name:
                    continue  # the translator's own definition: ``def t(key, ...)``
                prefix = translators[name]
                for kind, key in _resolve(call.args[0], _Comprehensions(scope, call)):
                    if kind.startswith("param:"):
                        continue  # a helper handing its parameter on: its callers are checked
                    if kind == "data" and prefix:  # a helper adding a family prefix to data
                        kind, key = "dynamic", ""
                    full = key if kind == "data" else prefix + key
                    uses.append(Use(rel, call.lineno, kind, full))
    return uses


@pytest.fixture(scope="module")
def uses() -> list[Use]:
    """The walk, made once for this module's tests (not at import: every pytest-xdist worker
    imports every test module to collect it)."""
    return key_uses()


def missing_static_keys(uses: list[Use], messages: dict[str, str]) -> list[Use]:
    """A counted message (``one:``/``other:`` forms, chosen by its ``count``) is its forms."""
    return [u for u in uses if u.kind == "static" and u.key not in messages
            and not {f"{u.key}.one", f"{u.key}.other"} <= set(messages)]


def test_the_walk_finds_the_calls_a_regex_missed(uses):
    """Keyword params, helpers, conditional keys, Translator(...)(...) and chart keys."""
    found = {(u.path, u.key) for u in uses}
    assert ("ekokit/widgets/team_picker.py", "team.new_heading") in found  # tr('...')
    assert ("ekokit/widgets/exercise_view.py", "status.saved_incomplete") in found  # via _say
    assert ("ekokit/model/fields.py", "form.no") in found  # "form.yes" if v else "form.no"
    assert ("ekokit/server/landing.py", "lang.name") in found  # Translator(code)(...)
    assert ("ekokit/charts/_base.py", "charts.no_data") in found  # msg("no_data", ...)
    assert ("ekokit/charts/ring_map.py", "charts.ring.col_org") in found  # for k in (...)
    assert len({u.key for u in uses if u.kind == "static"}) > 100


def test_every_static_key_exists_in_the_finnish_catalogue(uses):
    assert missing_static_keys(uses, catalogue("fi")) == []


def test_a_renamed_key_is_caught(uses):
    """The test can fail: a key team_picker.py uses, renamed in (a copy of) the catalogue."""
    messages = dict(catalogue("fi"))
    messages["team.new_heading_renamed"] = messages.pop("team.new_heading")
    missing = missing_static_keys(uses, messages)
    assert [(u.path, u.key) for u in missing] == [
        ("ekokit/widgets/team_picker.py", "team.new_heading")]


# A chart module reads its own texts from data/<lang>/ui/charts/<chart>.yaml through a small
# helper (``msg(f"{chart}.{key}")``); those keys are checked by the chart's own test file
# (tests/test_charts_s2a.py, _s2b, _s3, _s4: every key the module uses exists in fi and en).
CHART_OWN_TEXTS = "charts."


def test_every_dynamic_key_belongs_to_a_listed_family(uses):
    families = {u.key for u in uses if u.kind == "dynamic"
                and not (u.key == CHART_OWN_TEXTS and u.path.startswith("ekokit/charts/"))}
    assert sorted(families - set(FAMILIES)) == []


def test_the_families_are_listed_honestly(uses):
    """Every listed family is one the code builds, and every key of it exists."""
    used = {u.key for u in uses if u.kind == "dynamic"}
    assert sorted(set(FAMILIES) - used) == []
    messages = catalogue("fi")
    for prefix, values in FAMILIES.items():
        assert values, f"{prefix}: no values listed"
        assert sorted(prefix + v for v in values if prefix + v not in messages) == []


def test_keys_from_data_are_the_known_ones(uses):
    """A first argument that is neither a literal nor a family is a key carried in data."""
    assert {(u.path, u.key) for u in uses if u.kind == "data"} == FROM_DATA


@pytest.mark.parametrize("calendar_family", ["session.title_"])
def test_the_session_family_matches_the_calendar(calendar_family):
    from ekokit.content.calendar import calendar

    assert set(FAMILIES[calendar_family]) == {s.id for s in calendar().sessions}


def test_the_input_problem_keys_exist_in_every_language():
    """The keys model.teams.input_problem carries: every field and every problem it can name."""
    from ekokit.content.i18n import languages
    from ekokit.model import teams

    keys = {*teams.FIELD_KEYS.values(), *teams._PROBLEM_KEYS.values(), "team.name",
            "input.generic", "input.invalid"}
    for lang in languages():
        assert sorted(keys - set(catalogue(lang))) == [], lang
