"""``ekokit`` — a thin command-line shell over the library. Parsing argv happens only here."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ekokit.cli_room import add_links_command
from ekokit.content.calendar import calendar
from ekokit.content.i18n import languages, t
from ekokit.errors import EkokitError

if TYPE_CHECKING:
    from pydantic import ValidationError


def _store(args: argparse.Namespace):
    from ekokit.store.database import Store

    return Store(args.db)


def cmd_serve(args: argparse.Namespace) -> int:
    sessions = [s.id for s in calendar().sessions]
    if args.session is not None and args.session not in sessions:  # before the server's imports
        print("ekokit: " + t("error.unknown_session", args.lang, value=args.session,
                             valid=", ".join(sessions)), file=sys.stderr)
        return 2
    from ekokit.paths import as_db_url, default_db_url
    from ekokit.server.app import ServeOptions, serve
    from ekokit.state.exercise import SELF_STUDY
    from ekokit.store.demo import ensure_demo_team

    url = as_db_url(args.db) if args.db else default_db_url()
    if args.demo:  # the kernels inherit it
        os.environ[SELF_STUDY] = "1"
    if ensure_demo_team(_store(args)):
        print("demo team created", flush=True)
    serve(ServeOptions(port=args.port, participants=args.participants, public=args.public,
                       db_url=url, token=args.token, session=args.session, lang=args.lang,
                       facilitator_key=args.facilitator_key))
    return 0


def cmd_lab(args: argparse.Namespace) -> int:
    from ekokit.paths import WORKSPACE_ENV, as_db_url, default_db_url
    from ekokit.server.lab import LabOptions, lab
    from ekokit.store.demo import ensure_demo_team

    if args.workspace:  # before the default store is found in it; the kernels inherit it
        os.environ[WORKSPACE_ENV] = str(Path(args.workspace).expanduser().resolve())
    url = as_db_url(args.db) if args.db else default_db_url()
    if ensure_demo_team(_store(args)):
        print("demo team created", flush=True)
    lab(LabOptions(port=args.port, open_browser=not args.no_browser, refresh=args.refresh,
                   db_url=url))
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


def cmd_exercises(args: argparse.Namespace) -> int:
    from ekokit.content.exercises import all_exercises

    exercises = [c for c in all_exercises() if not args.session or c.session == args.session]
    if args.json:
        rows = [{"id": c.id, "session": c.session, "kind": c.spec.kind,
                 "title": {lang: text.title for lang, text in c.texts.items()}} for c in exercises]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for c in exercises:
            print(f"{c.id}\t{c.session}\t{c.title(args.lang)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ekokit.paths import write_private
    from ekokit.store.workbook import dumps, export_workbook

    text = dumps(export_workbook(_store(args), args.team))
    if args.output:  # the team's working material: readable by its owner only
        write_private(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


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


def cmd_calendar(args: argparse.Namespace) -> int:
    """The programme as people read it: each session's title, date and time, each homework."""
    from ekokit.content.calendar import programme_lines

    print("\n".join(programme_lines(calendar(), args.lang)))
    return 0


def cmd_calendar_new(args: argparse.Namespace) -> int:
    """Another round of the same programme from its first session's date: a file to edit."""
    import datetime as dt

    from ekokit.content.calendar import as_yaml, new_round

    try:
        first = dt.date.fromisoformat(args.start)
    except ValueError:
        print(f"ekokit: {t('error.bad_date', args.lang, value=args.start)}", file=sys.stderr)
        return 2
    text = as_yaml(new_round(calendar(), first, args.programme or f"ekosysteemikoulu-{first}"))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(args.output)
    else:
        sys.stdout.write(text)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from ekokit.reports import write_report

    path = write_report(_store(args), args.format, args.lang, args.output, team=args.team,
                        all_teams=args.all, full=args.full)
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
    parser.add_argument("--calendar", metavar="FILE",
                        help="another round's calendar (default: $EKOKIT_CALENDAR or the kit's "
                        "data/calendar.yaml); `ekokit calendar new` makes one")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the session apps with Voilà")
    serve.add_argument("--port", type=int, default=8866)
    serve.add_argument("--participants", type=int, default=0, metavar="N",
                       help="pre-warm N kernels per live session before saying ready")
    serve.add_argument("--public", action="store_true",
                       help="listen on all interfaces; requires the printed token")
    serve.add_argument("--token", help="with --public: use this token instead of the room's own")
    serve.add_argument("--facilitator-key", help="with --public: this key instead of a new one")
    serve.add_argument("--demo", action="store_true",
                       help="self-study: the demo team takes saves (otherwise it stays as it is)")
    serve.add_argument("--session",
                       help="the session whose kernels are kept warm (default: the calendar's "
                       "session for today, or the next one)")
    serve.set_defaults(func=cmd_serve)

    add_links_command(sub, _store)

    lab = sub.add_parser("lab", help="JupyterLab for homework, on the team's own copies of the "
                         "notebooks (in WORKSPACE/notebooks)")
    lab.add_argument("--port", type=int, default=8888)
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")
    lab.add_argument("--refresh", action="store_true",
                     help="replace the team's notebooks with the kit's (answers stay in the store)")
    lab.add_argument("--workspace", metavar="DIR",
                     help="the team's folder: notebooks/ and, without --db, ekokit.sqlite "
                     "(default: $EKOKIT_WORKSPACE or workspace/)")
    lab.set_defaults(func=cmd_lab)

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
    imp.add_argument("--merge", action="store_true",
                     help="add the revisions the store lacks to the existing team; where both "
                     "sides changed an exercise, keep both (all or nothing)")
    imp.set_defaults(func=cmd_import)

    seed = sub.add_parser("seed", help="create the demo team (and synthetic copies for load tests)")
    seed.add_argument("--synthetic", type=int, default=0, metavar="N",
                      help="also create N copies of the worked example team")
    seed.set_defaults(func=cmd_seed)

    cal = sub.add_parser("calendar", help="print the programme: sessions, homework due dates")
    cal.set_defaults(func=cmd_calendar)
    cal_sub = cal.add_subparsers(dest="calendar_cmd")
    new = cal_sub.add_parser("new", help="a calendar for a new round from its first session date")
    new.add_argument("start", help="the first session's date, YYYY-MM-DD")
    new.add_argument("--programme", help="the round's name (default: ekosysteemikoulu-START)")
    new.add_argument("--output", "-o", help="write to this file (default: print)")
    new.set_defaults(func=cmd_calendar_new)
    rep = sub.add_parser("report", help="a team's report (html, pptx, xlsx, md) or, with --all, "
                         "the programme report (html, xlsx)")
    rep.add_argument("team", nargs="?", help="the team's id (see `ekokit team list`)")
    rep.add_argument("--all", action="store_true", help="the programme report: every team")
    rep.add_argument("--format", choices=["html", "pptx", "xlsx", "md"], default="html")
    deck = rep.add_mutually_exclusive_group()
    deck.add_argument("--short", dest="full", action="store_false",
                      help="pptx: the short deck of 8-12 slides, the harvest first (default)")
    deck.add_argument("--full", dest="full", action="store_true",
                      help="pptx: the short deck and every session and exercise after it")
    rep.add_argument("--output", "-o", help="the file to write (default: a name in this folder)")
    rep.add_argument("--lang", choices=list(languages()), default=argparse.SUPPRESS,
                     help="the report's language (default: --lang before the command, or fi)")
    rep.set_defaults(func=cmd_report)

    val = sub.add_parser("validate",
                         help="check all exercises, texts and catalogues (the content gate)")
    val.add_argument("--data", type=Path, help="the data folder to check (default: the kit's)")
    val.set_defaults(func=cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from pydantic import ValidationError

    args = build_parser().parse_args(argv)
    if args.calendar:  # before anything reads the calendar; `serve`'s kernels inherit it
        from ekokit.content.calendar import CALENDAR_ENV
        from ekokit.paths import clear_data_caches

        os.environ[CALENDAR_ENV] = str(Path(args.calendar).expanduser().resolve())
        clear_data_caches()
    try:
        return args.func(args)
    except BrokenPipeError:  # `ekokit calendar | head`: the reader left, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except EkokitError as exc:
        message = describe(exc, args.lang)
    except ValidationError as exc:  # a team's fields from argv (team add, import --as)
        message = describe_input(exc, args.lang)
    except OSError as exc:  # a file to read or write
        message = t("error.file", args.lang, path=exc.filename or "",
                    detail=exc.strerror or str(exc))
    print(f"ekokit: {' '.join(message.split())}", file=sys.stderr)  # one line, always
    return 2


def describe(exc: EkokitError, lang: str) -> str:
    params = dict(exc.params)
    if "reason" in params:
        params["reason"] = t(f"workbook.{params['reason']}", lang, **params)
    return t(exc.key, lang, **params)


def describe_input(exc: ValidationError, lang: str) -> str:
    """A refused field as one line: the field, the value given, and what is allowed."""
    from ekokit.model.teams import input_problem

    problem = input_problem(exc)
    return t("input.invalid", lang, field=t(problem.label, lang), value=problem.value,
             problem=t(problem.key, lang, **problem.params))


if __name__ == "__main__":
    sys.exit(main())
