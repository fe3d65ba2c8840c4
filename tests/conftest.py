"""Shared fixtures: a real SQLite file per test, a real team, a real chromium per module, and a
real PostgreSQL server per test session (started only when a test asks for it)."""

from __future__ import annotations

import gc

import pytest
from ekokit.model.teams import Team
from ekokit.store.database import Store


@pytest.fixture(autouse=True)
def _keep_the_test_process_priority(monkeypatch):
    """A test that plays a served kernel must not renice the test process (a served kernel
    steps below the server, ekokit.kernel.prewarm.below_server; tested with os.nice faked)."""
    from ekokit.kernel import prewarm

    monkeypatch.setattr(prewarm, "below_server", lambda: None)


@pytest.fixture()
def db_path(tmp_path):
    return tmp_path / "ekokit.sqlite"


@pytest.fixture()
def store(db_path) -> Store:
    return Store(str(db_path))


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server of its own on a free port and a temporary folder (tests/pg_server.py),
    for the whole test session; it fails loudly, with the install hint, when the programs are
    missing (CI installs them: .ci/run)."""
    from tests.pg_server import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()


DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
def store_url(request, tmp_path) -> str:
    """A new empty store's URL, once on SQLite and once on PostgreSQL (a database of its own)."""
    if request.param == "sqlite":
        return str(tmp_path / "ekokit.sqlite")
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture()
def any_store(store_url):
    """A store on each database. A test module whose every test should run on both overrides
    ``store`` with it: ``@pytest.fixture() def store(any_store): return any_store``."""
    opened = Store(store_url)
    yield opened
    opened.engine.dispose()  # no idle connections left behind, test after test


def _nuoret_velat(store: Store) -> Team:
    return store.create_team(
        Team(slug="nuoret-velat", name="Nuoret & velat", phenomenon="Nuorten ylivelkaantuminen",
             members=["Aino", "Bashir", "Célia"])
    )


@pytest.fixture()
def team(store) -> Team:
    return _nuoret_velat(store)


@pytest.fixture()
def sqlite_team(db_path) -> Team:
    """The team in the SQLite file at ``db_path`` (tests of SQLite's own behaviour, in modules
    whose ``store`` runs on both databases)."""
    return _nuoret_velat(Store(str(db_path)))


class RecordingComm:
    """A comm that records instead of sending (the ipywidgets test pattern): each comm made is a
    widget model opened in the front end; each ``update`` sent is one state change."""

    comm_id = "recording"
    kernel = "recording"

    def __init__(self, recorder: WidgetMessages, **_kwargs) -> None:
        self.recorder = recorder

    def send(self, data=None, **_kwargs) -> None:
        if isinstance(data, dict):
            self.recorder.sent.append({**data, "_comm": self})
            if data.get("method") == "update":
                self.recorder.updates.append(data.get("state", {}))

    def open(self, *args, **kwargs) -> None: ...
    def on_msg(self, *args, **kwargs) -> None: ...
    def on_close(self, *args, **kwargs) -> None: ...
    def close(self, *args, **kwargs) -> None: ...


class WidgetMessages:
    """What the kernel would send to the page: models opened and state updates."""

    def __init__(self) -> None:
        self.models: list[dict] = []
        self.updates: list[dict] = []
        self.sent: list[dict] = []  # every message, updates and custom ones (focus)

    def create_comm(self, **kwargs) -> RecordingComm:
        self.models.append(kwargs)
        return RecordingComm(self)

    def reset(self) -> None:
        self.models.clear()
        self.updates.clear()
        self.sent.clear()

    def counts(self) -> tuple[int, int]:
        return len(self.models), len(self.updates)


@pytest.fixture()
def widget_messages(monkeypatch) -> WidgetMessages:
    import comm

    recorder = WidgetMessages()
    monkeypatch.setattr(comm, "create_comm", recorder.create_comm)
    return recorder


def pytest_collection_finish(session) -> None:
    """What import and collection made (modules, test items) lives for the whole run: frozen out
    of the garbage collector's full passes, which otherwise walk it again and again while the
    chart tests make and drop figures (about 2 % of a chart module's time)."""
    gc.freeze()


def pytest_collection_modifyitems(items) -> None:
    """nbval's notebook cells start kernels: mark them ``notebook`` so `make check` leaves them
    to `make test`."""
    for item in items:
        if item.nodeid.endswith(".ipynb") or ".ipynb::" in item.nodeid:
            item.add_marker(pytest.mark.notebook)


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright, one per test module (its pages share nothing:
    each test makes its own context)."""
    from playwright.sync_api import sync_playwright
    from tests.servers import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
