"""Typed exceptions, all in this one module. Each carries an i18n message key so the UI can say it
in the user's language."""

from __future__ import annotations


class EkokitError(Exception):
    """Base class; ``key`` names the message in data/<lang>/ui.yaml, ``params`` fill it."""

    key = "error.generic"

    def __init__(self, detail: str = "", **params: object) -> None:
        super().__init__(detail or self.key)
        self.params = params


class StaleRevision(EkokitError):
    """A save was based on an older revision than the one now stored (a teammate saved first)."""

    key = "error.stale"

    def __init__(self, current_revision: int, base_revision: int | None) -> None:
        super().__init__(
            f"stored revision is {current_revision}, save was based on {base_revision}",
                         current=current_revision, base=base_revision)
        self.current_revision = current_revision
        self.base_revision = base_revision


class StoreUnavailable(EkokitError):
    """The store cannot be written: locked too long, read-only, or unreachable."""

    key = "error.store_unavailable"


class StoreReadOnly(StoreUnavailable):
    key = "error.store_read_only"


class StoreDiskFull(StoreUnavailable):
    """The disk holding the store is full: nothing more can be saved until space is freed."""

    key = "error.disk_full"


class UnknownTeam(EkokitError):
    key = "error.unknown_team"

    def __init__(self, slug: str) -> None:
        super().__init__(f"no team {slug!r}", slug=slug)
        self.slug = slug


class TeamExists(EkokitError):
    """A team with this slug, or with the same name (case and accents aside), exists already;
    ``slug`` and ``name`` are the existing team's, so the user can be offered to open it."""

    key = "error.team_exists"

    def __init__(self, slug: str, name: str = "") -> None:
        super().__init__(f"team {slug!r} exists", slug=slug, name=name or slug)
        self.slug = slug
        self.name = name or slug


class AccessDenied(EkokitError):
    """In a public room, a team was asked for without its key (or with a wrong one). Says
    nothing of the team: not whether it exists, nor its name."""

    key = "access.denied"


class BadPublicUrl(EkokitError):
    """``ekokit serve --behind-proxy URL`` was given something other than an https address at
    the root of a host."""

    key = "error.public_url"

    def __init__(self, value: str) -> None:
        super().__init__(f"not a public https address: {value!r}", value=value)


class UnknownExercise(EkokitError):
    key = "error.unknown_exercise"

    def __init__(self, exercise_id: str) -> None:
        super().__init__(f"no exercise {exercise_id!r}", exercise=exercise_id)


class WorkbookError(EkokitError):
    """An import file is corrupt, foreign or does not validate."""

    key = "error.workbook"


class UnknownChoice(EkokitError):
    """A notebook asked for a session, concept or language the kit does not have. Its message
    (``str()``) is already in the learner's language and lists what is valid."""

    key = "error.unknown_choice"

    def __init__(self, message: str) -> None:
        super().__init__(message)


class DamagedRevision(EkokitError):
    """A stored revision is not a JSON answer: an export would lose it, so it is not made."""

    key = "error.damaged_revision"

    def __init__(self, team: str, exercise: str, revision: int) -> None:
        super().__init__(f"{team}/{exercise} revision {revision} is damaged", team=team,
                         exercise=exercise, revision=revision)


class CalendarError(EkokitError):
    """A programme calendar file cannot be used. ``problems``: (where in the file, message key,
    its params) for each problem, said one line each by
    :func:`ekokit.content.calendar.problem_lines`; ``path``: the file."""

    key = "error.calendar"

    def __init__(self, detail: str, *, path: str, problems: tuple) -> None:
        super().__init__(detail, path=path, problems=problems)
        self.problems = problems


class CliError(EkokitError):
    """A command cannot do what it was asked; its message (``str()``) is already in the user's
    language, in the command line's terms (ids and options, not a web page's words)."""

    key = "error.generic"


class SeamError(EkokitError):
    """A private shape of Voilà, the Jupyter server or ipykernel that ekokit relies on is not in
    the installed version (``ekokit/server/voila_seam.py``, ``ekokit/kernel/ipykernel_seam.py``):
    the server does not start, and says so in one line."""

    key = "error.seam"

    def __init__(self, library: str, tested: str, what: str) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = f"{library} {version(library)}"
        except PackageNotFoundError:
            found = f"no {library}"
        line = (f"ekokit needs {library} {tested}'s {what}; found {found} without it: "
                "see docs/architecture.md, Upgrading Voilà")
        super().__init__(line, line=line)
        self.line = line


class StoreOutOfDate(EkokitError):
    """The store was made by an earlier kit and its schema is older than this kit's: nothing
    reads or writes it until ``ekokit db upgrade`` has migrated it (never silently)."""

    key = "store.out_of_date"

    def __init__(self, version: str, head: str) -> None:
        super().__init__(f"store schema {version}, kit schema {head}", version=version, head=head)


class StoreTooNew(EkokitError):
    """The store's schema is newer than this kit knows: a newer kit has upgraded it."""

    key = "store.too_new"

    def __init__(self, version: str, head: str) -> None:
        super().__init__(f"store schema {version}, kit schema {head}", version=version, head=head)


class BackupError(EkokitError):
    """A backup could not be made or restored; ``reason`` says why (store.backup.<reason>)."""

    key = "store.backup_failed"


class ExerciseFull(StoreUnavailable):
    """An exercise holds as many revisions as the store keeps for one (and as an import takes:
    a team's export always imports again). A page says so as it says the store is unavailable:
    what was typed stays in the form, and nothing claims to be saved."""

    key = "store.exercise_full"

    def __init__(self, exercise: str, limit: int) -> None:
        super().__init__(f"{exercise}: {limit} revisions", exercise=exercise, limit=limit)
