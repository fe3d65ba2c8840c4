"""The team commands of the command line: ``team add``, ``team list``, ``export``, ``import``
(and ``import --merge``), ``seed``: parsed here, done by the store's functions. ``ekokit.cli``
adds them to its commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from ekokit.content.i18n import t
from ekokit.errors import CliError


def _store(args: argparse.Namespace) -> Any:
    from ekokit.store.database import Store

    return Store(args.db)


def add_team_commands(sub: Any, with_common_options: Callable[[Any], Any]) -> None:
    """``team``, ``export``, ``import``, ``seed`` on the command line's ``sub`` parsers."""
    team = with_common_options(sub.add_parser("team", help="manage teams").add_subparsers(
        dest="team_cmd", required=True))
    add = team.add_parser("add", help="create a team")
    add.add_argument("name")
    add.add_argument("--phenomenon", default="")
    add.add_argument("--member", action="append", help="repeat for each member")
    add.add_argument("--slug")
    add.set_defaults(func=cmd_team_add)
    lst = team.add_parser("list", help="list teams")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_team_list)

    exp = sub.add_parser("export", help="export a team's whole workbook")
    exp.add_argument("team")
    exp.add_argument("--format", choices=["json"], default="json")
    exp.add_argument("--output", "-o")
    exp.set_defaults(func=cmd_export)

    imp = sub.add_parser("import", help="import a workbook file as a new team")
    imp.add_argument("file")
    imp.add_argument("--as", dest="slug", help="import under another team slug")
    imp.add_argument("--merge", action="store_true",
                     help="add the revisions the store lacks to the existing team; where both "
                     "sides changed an exercise, keep both (all or nothing)")
    imp.set_defaults(func=cmd_import)

    seed = sub.add_parser("seed", help="create the demo team (and synthetic copies for load tests)")
    seed.add_argument("--synthetic", type=int, default=0, metavar="N",
                      help="also create N copies of the worked example team")
    seed.set_defaults(func=cmd_seed)


def cmd_team_add(args: argparse.Namespace) -> int:
    from ekokit.model.teams import Team, slugify

    # argv is raw input: pydantic validates it and turns the --member list into the tuple.
    team = Team.model_validate({"slug": args.slug or slugify(args.name), "name": args.name,
                                "phenomenon": args.phenomenon, "members": args.member or []})
    _store(args).create_team(team)
    print(team.slug)
    return 0


def cmd_team_list(args: argparse.Namespace) -> int:
    from ekokit.model.teams import listed_name, visible

    teams = _store(args).teams()
    if args.json:  # JSON escapes control characters itself
        rows = [tm.model_dump(mode="json") for tm in teams]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:  # a name stored before names were checked never reaches the terminal raw
        for tm in teams:
            name = listed_name(tm, t("team.example_mark", args.lang))
            print(f"{tm.slug}\t{visible(name)}\t{visible(tm.phenomenon)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ekokit.paths import write_private
    from ekokit.store.workbook import dumps, export_workbook

    store = _store(args)
    slug = team_slug(store, args.team, args.lang)
    text = dumps(export_workbook(store, slug))
    if args.output:  # the team's working material: readable by its owner only
        write_private(args.output, text)
        print(t("cli.exported", args.lang, path=args.output, slug=slug))
    else:
        sys.stdout.write(text)
    return 0


def team_slug(store: Any, given: str, lang: str) -> str:
    """The team a command names by its id or by its name (case, accents and look-alikes aside,
    as team names are compared); else a one-line error listing the teams' ids."""
    from ekokit.model.teams import name_key

    teams = store.teams()
    for team in teams:
        if team.slug == given.strip():
            return str(team.slug)
    named = [team for team in teams if name_key(team.name) == name_key(given)]
    if len(named) == 1:
        return str(named[0].slug)
    from ekokit.model.teams import visible

    listed = ", ".join(f"{team.slug} ({visible(team.name)})" for team in teams) or "—"
    raise CliError(t("cli.unknown_team", lang, team=visible(given), teams=listed))


def cmd_import(args: argparse.Namespace) -> int:
    from ekokit.errors import TeamExists
    from ekokit.store.workbook import import_file

    if args.merge:
        return _merge(args)
    try:
        team = import_file(_store(args), args.file, slug=args.slug)
    except TeamExists as exc:  # say how to bring the file's work in after all
        print(f"ekokit: {t('import.exists', args.lang, **exc.params)}", file=sys.stderr)
        return 2
    print(team.slug)
    return 0


def _merge(args: argparse.Namespace) -> int:
    """``import --merge``: one line per exercise the file has, then the totals."""
    from ekokit.store.merge import merge_file

    report = merge_file(_store(args), args.file, slug=args.slug)
    lang, team = args.lang, report.team
    if report.created:
        print(t("merge.created", lang, name=team.name, slug=team.slug))
    for ex in report.exercises:
        key = ("merge.both" if ex.outcome == "both" else
               "merge.added" if ex.outcome == "added" else "merge.already")
        print(t(key, lang, exercise=ex.exercise_id, added=ex.added, already=ex.already,
                kept=ex.kept_both, first=ex.first, last=ex.last))
    print(t("merge.summary", lang, name=team.name, slug=team.slug, added=report.total("added"),
            kept=report.total("kept_both"), already=report.total("already")))
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from ekokit.store.demo import ensure_demo_team, seed_synthetic_teams

    store = _store(args)
    ensure_demo_team(store)
    created = seed_synthetic_teams(store, args.synthetic) if args.synthetic else []
    print(f"demo team ready; {len(created)} synthetic teams created")
    return 0
