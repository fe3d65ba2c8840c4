"""``ekokit`` — a thin command-line shell over the library. Parsing argv happens only here."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ekokit.content.calendar import calendar
from ekokit.content.i18n import languages, t
from ekokit.errors import EkokitError


def _store(args: argparse.Namespace):
    from ekokit.store.database import Store

    return Store(args.db)


def cmd_serve(args: argparse.Namespace) -> int:
    from ekokit.paths import as_db_url, default_db_url
    from ekokit.server.app import ServeOptions, serve
    from ekokit.store.demo import ensure_demo_team

    url = as_db_url(args.db) if args.db else default_db_url()
    if ensure_demo_team(_store(args)):
        print("demo team created", flush=True)
    serve(ServeOptions(port=args.port, participants=args.participants, public=args.public,
                       db_url=url, token=args.token, session=args.session))
    return 0


def cmd_team_add(args: argparse.Namespace) -> int:
    from ekokit.model.teams import Team, slugify

    # argv is raw input: pydantic validates it and turns the --member list into the tuple.
    team = Team.model_validate({"slug": args.slug or slugify(args.name), "name": args.name,
                                "phenomenon": args.phenomenon, "members": args.member or []})
    _store(args).create_team(team)
    print(team.slug)
    return 0


def cmd_team_list(args: argparse.Namespace) -> int:
    teams = _store(args).teams()
    if args.json:
        rows = [tm.model_dump(mode="json") for tm in teams]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for tm in teams:
            print(f"{tm.slug}\t{tm.name}\t{tm.phenomenon}")
    return 0


def cmd_exercises(args: argparse.Namespace) -> int:
    from ekokit.content.exercises import all_exercises

    exercises = [c for c in all_exercises() if not args.session or c.session == args.session]
    if args.json:
        rows = [{"id": c.id, "session": c.session,
                 "title": {lang: text.title for lang, text in c.texts.items()}} for c in exercises]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for c in exercises:
            print(f"{c.id}\t{c.session}\t{c.title(args.lang)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ekokit.store.workbook import dumps, export_workbook

    text = dumps(export_workbook(_store(args), args.team))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ekokit.store.workbook import import_file

    team = import_file(_store(args), args.file, slug=args.slug)
    print(team.slug)
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from ekokit.store.demo import ensure_demo_team, seed_synthetic_teams

    store = _store(args)
    ensure_demo_team(store)
    created = seed_synthetic_teams(store, args.synthetic) if args.synthetic else []
    print(f"demo team ready; {len(created)} synthetic teams created")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from ekokit.reports import write_report

    path = write_report(_store(args), args.format, args.lang, args.output, team=args.team,
                        all_teams=args.all)
    print(t("report.written", args.lang, path=path))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from ekokit.validate import main

    return main([] if args.data is None else ["--data", str(args.data)])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ekokit", description="ekokit: the ecosystem school kit")
    parser.add_argument("--db", help="store: a file path or an SQLAlchemy URL (default: $EKOKIT_DB "
                        "or workspace/ekokit.sqlite)")
    parser.add_argument("--lang", default="fi", help="language of messages (fi, en)")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the session apps with Voilà")
    serve.add_argument("--port", type=int, default=8866)
    serve.add_argument("--participants", type=int, default=0, metavar="N",
                       help="pre-warm N kernels per live session before saying ready")
    serve.add_argument("--public", action="store_true",
                       help="listen on all interfaces; requires the printed token")
    serve.add_argument("--token", help="with --public: use this token instead of a generated one")
    serve.add_argument("--session", choices=[s.id for s in calendar().sessions],
                       help="the session whose kernels are kept warm (default: the calendar's "
                       "session for today, or the next one)")
    serve.set_defaults(func=cmd_serve)

    team = sub.add_parser("team", help="manage teams").add_subparsers(dest="team_cmd",
                                                                     required=True)
    add = team.add_parser("add", help="create a team")
    add.add_argument("name")
    add.add_argument("--phenomenon", default="")
    add.add_argument("--member", action="append", help="repeat for each member")
    add.add_argument("--slug")
    add.set_defaults(func=cmd_team_add)
    lst = team.add_parser("list", help="list teams")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_team_list)

    ex = sub.add_parser("exercises", help="list exercise ids, sessions and titles")
    ex.add_argument("--json", action="store_true")
    ex.add_argument("--session", help="1-4 or h1-h3")
    ex.set_defaults(func=cmd_exercises)

    exp = sub.add_parser("export", help="export a team's whole workbook")
    exp.add_argument("team")
    exp.add_argument("--format", choices=["json"], default="json")
    exp.add_argument("--output", "-o")
    exp.set_defaults(func=cmd_export)

    imp = sub.add_parser("import", help="import a workbook file as a new team")
    imp.add_argument("file")
    imp.add_argument("--as", dest="slug", help="import under another team slug")
    imp.set_defaults(func=cmd_import)

    seed = sub.add_parser("seed", help="create the demo team (and synthetic copies for load tests)")
    seed.add_argument("--synthetic", type=int, default=0, metavar="N",
                      help="also create N copies of the worked example team")
    seed.set_defaults(func=cmd_seed)

    rep = sub.add_parser("report", help="a team's report (html, pptx, xlsx, md) or, with --all, "
                         "the programme report (html, xlsx)")
    rep.add_argument("team", nargs="?", help="the team's id (see `ekokit team list`)")
    rep.add_argument("--all", action="store_true", help="the programme report: every team")
    rep.add_argument("--format", choices=["html", "pptx", "xlsx", "md"], default="html")
    rep.add_argument("--output", "-o", help="the file to write (default: a name in this folder)")
    rep.add_argument("--lang", choices=list(languages()), default=argparse.SUPPRESS,
                     help="the report's language (default: --lang before the command, or fi)")
    rep.set_defaults(func=cmd_report)

    val = sub.add_parser("validate", help="check all cards and catalogues")
    val.add_argument("--data", type=Path, help="the data folder to check (default: the kit's)")
    val.set_defaults(func=cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except EkokitError as exc:
        print(f"ekokit: {describe(exc, args.lang)}", file=sys.stderr)
        return 2
    except ValueError as exc:  # pydantic validation of CLI input
        print(f"ekokit: {exc}", file=sys.stderr)
        return 2


def describe(exc: EkokitError, lang: str) -> str:
    params = dict(exc.params)
    if "reason" in params:
        params["reason"] = t(f"workbook.{params['reason']}", lang)
    return t(exc.key, lang, **params)


if __name__ == "__main__":
    sys.exit(main())
