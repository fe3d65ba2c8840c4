"""``ekokit`` — a thin command-line shell over the library. Parsing argv happens only here."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ekokit.cli_links import add_links_command
from ekokit.cli_proxy import add_proxy_arguments
from ekokit.cli_store import add_store_commands
from ekokit.cli_teams import add_team_commands, team_slug
from ekokit.content.calendar import calendar
from ekokit.content.i18n import DEFAULT_LANG, languages, t
from ekokit.errors import BackupError, CalendarError, CliError, EkokitError

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
    store = _store(args)  # an out-of-date store is refused here, before the server's imports
    from ekokit.kernel.ipykernel_seam import check_kernel
    from ekokit.paths import as_db_url, default_db_url
    from ekokit.server.app import ServeOptions, serve
    from ekokit.store.demo import ensure_demo_team

    check_kernel()  # the kernels' side of the seam (the server checks its own)
    url = as_db_url(args.db) if args.db else default_db_url()
    if ensure_demo_team(store):
        print("demo team created", flush=True)
    serve(ServeOptions(port=args.port, participants=args.participants, public=args.public,
                       db_url=url, token=args.token, session=args.session, lang=args.lang,
                       facilitator_key=args.facilitator_key, self_study=args.demo,
                       public_url=args.behind_proxy, max_kernels=args.max_kernels))
    return 0


def cmd_lab(args: argparse.Namespace) -> int:
    from ekokit.paths import as_db_url, default_db_url
    from ekokit.store.database import Store

    workspace = Path(args.workspace).expanduser().resolve() if args.workspace else None
    url = as_db_url(args.db) if args.db else default_db_url(workspace)
    store = Store(url)  # an out-of-date store is refused here, before the server's imports
    from ekokit.kernel.ipykernel_seam import check_kernel
    from ekokit.server.lab import LabOptions, lab
    from ekokit.store.demo import ensure_demo_team

    check_kernel()  # the kernels' process guard takes over ipykernel's parent watch
    if ensure_demo_team(store):
        print("demo team created", flush=True)
    lab(LabOptions(port=args.port, open_browser=not args.no_browser, refresh=args.refresh,
                   db_url=url, workspace=workspace, allow_root=args.allow_root))
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

    store = _store(args)
    team = team_slug(store, args.team, args.lang) if args.team else None
    path = write_report(store, args.format, args.lang, args.output, team=team,
                        all_teams=args.all, full=args.full)
    print(t("report.written", args.lang, path=path))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from ekokit.validate import main

    return main([] if args.data is None else ["--data", str(args.data)])


def _common_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """--db, --lang and --calendar, before the command (``default`` their defaults) or after
    it (``argparse.SUPPRESS``: given there, they win; not given, the ones before stand)."""
    top = default is not argparse.SUPPRESS
    parser.add_argument("--db", default=None if top else default,
                        help="store: a file path or an SQLAlchemy URL (default: $EKOKIT_DB or "
                        "workspace/ekokit.sqlite)")
    parser.add_argument("--lang", default=DEFAULT_LANG if top else default,
                        choices=list(languages()),
                        help=f"language of messages and reports, and with serve the room's: the "
                       f"landing page without ?lang= (default: {DEFAULT_LANG})")
    parser.add_argument("--calendar", metavar="FILE", default=None if top else default,
                        help="another round's calendar (default: $EKOKIT_CALENDAR or the kit's "
                        "data/calendar.yaml); `ekokit calendar new` makes one")


def _with_common_options(sub: Any) -> Any:
    """Every command of ``sub`` takes the common options after its name too."""
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, argparse.SUPPRESS)
    add_parser = sub.add_parser

    def add_with_common(*args: Any, **kwargs: Any) -> argparse.ArgumentParser:
        return add_parser(*args, parents=[common, *kwargs.pop("parents", [])], **kwargs)

    sub.add_parser = add_with_common
    return sub


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ekokit", description="ekokit: the ecosystem school kit")
    _common_options(parser, True)
    sub = _with_common_options(parser.add_subparsers(dest="command", required=True))

    serve = sub.add_parser("serve", help="run the session apps with Voilà")
    serve.add_argument("--port", type=int, default=8866)
    serve.add_argument("--participants", type=int, default=0, metavar="N",
                       help="pre-warm N kernels per live session before saying ready")
    serve.add_argument("--public", action="store_true",
                       help="listen on all interfaces; requires the printed token")
    serve.add_argument("--token", help="with --public: use this token instead of the room's own")
    serve.add_argument("--facilitator-key", help="with --public: this key instead of a new one")
    add_proxy_arguments(serve)
    serve.add_argument("--demo", action="store_true",
                       help="self-study: the demo team takes saves (otherwise it stays as it is)")
    serve.add_argument("--max-kernels", type=int, default=None, metavar="N",
                       help="at most N kernels started on demand (default: what the machine's "
                       "available memory holds); over it a visitor gets a 'room is full' page "
                       "that retries by itself")
    serve.add_argument("--session",
                       help="the session whose kernels are kept warm (default: the calendar's "
                       "session for today, or the next one)")
    serve.set_defaults(func=cmd_serve)

    add_links_command(sub, _store)
    add_team_commands(sub, _with_common_options)

    lab = sub.add_parser("lab", help="JupyterLab for homework, on the team's own copies of the "
                         "notebooks (in WORKSPACE/notebooks)")
    lab.add_argument("--port", type=int, default=8888)
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")
    lab.add_argument("--refresh", action="store_true",
                     help="replace the team's notebooks with the kit's (answers stay in the store)")
    lab.add_argument("--allow-root", action="store_true",
                     help="run as root (a container or a hub's server; never on a shared machine)")
    lab.add_argument("--workspace", metavar="DIR",
                     help="the team's folder: notebooks/ and, without --db, ekokit.sqlite "
                     "(default: $EKOKIT_WORKSPACE or workspace/)")
    lab.set_defaults(func=cmd_lab)

    add_store_commands(sub)
    ex = sub.add_parser("exercises", help="list exercise ids, sessions and titles")
    ex.add_argument("--json", action="store_true")
    ex.add_argument("--session", help="1-4 or h1-h3")
    ex.set_defaults(func=cmd_exercises)

    cal = sub.add_parser("calendar", help="print the programme: sessions, homework due dates")
    cal.set_defaults(func=cmd_calendar)
    cal_sub = _with_common_options(cal.add_subparsers(dest="calendar_cmd"))
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
    rep.set_defaults(func=cmd_report)

    val = sub.add_parser("validate",
                         help="check all exercises, texts and catalogues (the content gate)")
    val.add_argument("--data", type=Path, help="the data folder to check (default: the kit's)")
    val.set_defaults(func=cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from pydantic import ValidationError

    args = build_parser().parse_args(argv)
    if args.calendar:  # before anything reads the calendar; the servers give it their kernels
        from ekokit.content.calendar import use_calendar
        from ekokit.paths import clear_data_caches

        use_calendar(Path(args.calendar).expanduser().resolve())
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
    first, *more = message.split("\n")  # one line, and one more per problem (a calendar's)
    print(f"ekokit: {' '.join(first.split())}", file=sys.stderr)
    for line in more:
        print(f"ekokit:   {' '.join(line.split())}", file=sys.stderr)
    return 2


def describe(exc: EkokitError, lang: str) -> str:
    if isinstance(exc, CliError):  # said in the user's language already
        return str(exc)
    params = dict(exc.params)
    if isinstance(exc, CalendarError):  # a line for the file, then one per problem
        from ekokit.content.calendar import problem_lines

        return "\n".join([t(exc.key, lang, path=params["path"]),
                          *problem_lines(exc.problems, lang)])
    if isinstance(exc, BackupError):
        params["reason"] = t(f"store.backup.{params['reason']}", lang, **params)
    elif "reason" in params:
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
