"""The seam's contract (ekokit/server/voila_seam.py, ekokit/kernel/ipykernel_seam.py) against the
installed Voilà, Jupyter server, jupyter_client and ipykernel, without starting a server: every
shape the room's guards rely on is there, and when one is not (broken here by hand, in a
monkeypatched copy) the contract fails and the server refuses to start with one line naming
the version. docs/architecture.md, "Upgrading Voilà", says what to do when this file fails."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from ekokit.errors import SeamError
from ekokit.kernel import ipykernel_seam
from ekokit.server import voila_seam
from ekokit.server.app import EkokitVoila, ServeOptions, build_config
from ekokit.server.guards import KitPageHandler, QuerySocketHandler
from ekokit.server.public_room import GatedVoilaHandler

REPO = Path(__file__).resolve().parent.parent
PINNED = ("voila", "jupyter_server", "jupyter_client", "ipykernel", "nbclient", "tornado",
          "traitlets", "ipywidgets")


def constraints() -> dict[str, str]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, pinned = line.partition("==")
            pins[re.sub(r"[-_.]+", "_", name.strip().lower())] = pinned.strip()
    return pins


def configured_app(tmp_path: Path) -> EkokitVoila:
    """ekokit's Voilà app as ``ekokit serve --participants 1`` configures it, with its settings,
    on an empty folder (so that no kernel starts)."""
    config = build_config(ServeOptions(port=1, participants=1))
    config.Voila.root_dir = str(tmp_path)
    app = EkokitVoila(config=config)
    app.initialize(argv=[])
    app.connection_dir = str(tmp_path)
    app.init_settings()
    return app


def built_app(tmp_path: Path) -> tuple[EkokitVoila, list]:
    """The app and its handler list, as the server starts them."""
    app = configured_app(tmp_path)
    return app, app.init_handlers()


def voilas_own_handlers(tmp_path: Path) -> list:
    """The handler list Voilà itself builds, with pre-warmed kernels (no ekokit hook)."""
    from voila.app import Voila

    return Voila.init_handlers(configured_app(tmp_path))


# -- the contract -------------------------------------------------------------------------

def test_the_seam_was_written_against_the_pinned_and_installed_versions():
    pins = constraints()
    assert set(PINNED) <= set(pins), "constraints.txt pins every library the seam relies on"
    for library in PINNED:
        assert version(library) == pins[library], f"{library}: installed is not the pin"
    for seam in (voila_seam.TESTED, ipykernel_seam.TESTED):
        assert {name: pins[name] for name in seam} == seam


def test_every_server_and_kernel_shape_is_there():
    voila_seam.check_server()
    ipykernel_seam.check_kernel()


def test_the_query_sockets_registry_and_the_pool_entries_have_their_shape():
    assert isinstance(voila_seam.waiting_kernels(), dict)
    assert isinstance(voila_seam.query_cache(), dict)
    assert {"kernel_id", "task"} <= set(voila_seam._pool_entry_keys())


def test_voilas_handler_list_has_the_classes_ekokit_replaces(tmp_path):
    classes = set(voila_seam.handler_classes(voilas_own_handlers(tmp_path)))
    assert voila_seam.VoilaPageHandler in classes
    assert voila_seam.VoilaQueryHandler in classes


def test_ekokits_handler_list_has_every_guard_and_none_of_voilas_unguarded(tmp_path):
    app, handlers = built_app(tmp_path)
    classes = list(voila_seam.handler_classes(handlers))
    assert GatedVoilaHandler in classes and QuerySocketHandler in classes
    assert voila_seam.VoilaPageHandler not in classes and KitPageHandler not in classes
    assert voila_seam.VoilaQueryHandler not in classes
    pools = voila_seam.KernelPools(app.kernel_manager, preheated=True)
    assert pools.names() == [] and isinstance(vars(app.kernel_manager)["_pools"], dict)


def test_the_kernels_environment_comes_from_the_kernel_spec_not_the_servers(tmp_path):
    import os

    app, _ = built_app(tmp_path)
    spec = app.kernel_spec_manager.get_kernel_spec("python3")
    assert spec.env["EKOKIT_QUERY_KEY"] == app.room.query_key
    assert spec.env["EKOKIT_PUBLIC"] == "0"
    assert "EKOKIT_QUERY_KEY" not in os.environ


def test_the_parent_poller_and_the_preheat_names_have_their_shape():
    from ipykernel.parentpoller import ParentPollerUnix
    from voila.utils import ENV_VARIABLE

    assert vars(ParentPollerUnix(parent_pid=4242))["parent_pid"] == 4242
    assert set(ipykernel_seam.PREHEAT_NAMES) <= {member.value for member in ENV_VARIABLE}


# -- broken by hand: the contract fails and the server does not start ------------------------

def renamed_page_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    """Voilà's page handler renamed, as a release that moved it would: the list Voilà builds
    holds a copy of the class, not the one ekokit replaces."""
    import voila.app

    copy = type("RenamedVoilaHandler", (voila_seam.VoilaPageHandler,), {})
    monkeypatch.setattr(voila.app, "TornadoVoilaHandler", copy)


def test_a_renamed_page_handler_fails_the_contract_and_stops_the_server(tmp_path, monkeypatch):
    renamed_page_handler(monkeypatch)
    with pytest.raises(AssertionError):
        test_voilas_handler_list_has_the_classes_ekokit_replaces(tmp_path)
    with pytest.raises(SeamError) as refused:
        built_app(tmp_path)
    line = refused.value.line
    assert "\n" not in line
    assert line.startswith(f"ekokit needs voila {voila_seam.TESTED['voila']}'s TornadoVoilaHandler "
                           f"in the handler list it builds; found voila {version('voila')}")
    assert "Upgrading Voilà" in line


def test_a_missing_query_registry_fails_the_contract_and_stops_the_server(tmp_path, monkeypatch):
    monkeypatch.delattr(voila_seam.VoilaQueryHandler, "_waiters")
    with pytest.raises(SeamError, match=r"RequestInfoSocketHandler\._waiters; found voila"):
        test_the_query_sockets_registry_and_the_pool_entries_have_their_shape()
    with pytest.raises(SeamError, match="_waiters"):
        built_app(tmp_path)


def test_a_parent_poller_of_another_shape_fails_the_contract(monkeypatch):
    from ipykernel.parentpoller import ParentPollerUnix

    def init(self, parent_pid=0):  # the pid kept under another name
        self.parent = parent_pid

    monkeypatch.setattr(ParentPollerUnix, "__init__", init)
    with pytest.raises(SeamError, match=r"^ekokit needs ipykernel .*ParentPollerUnix"):
        ipykernel_seam.check_kernel()


def test_a_running_kernels_poller_without_its_parent_pid_is_an_error_not_skipped(monkeypatch):
    from ipykernel.kernelapp import IPKernelApp
    from ipykernel.parentpoller import ParentPollerUnix

    poller = ParentPollerUnix(parent_pid=4242)
    del poller.parent_pid  # a release that keeps the pid elsewhere
    app = type("App", (), {"poller": poller})()
    monkeypatch.setattr(IPKernelApp, "initialized", classmethod(lambda cls: True))
    monkeypatch.setattr(IPKernelApp, "instance", classmethod(lambda cls, *a, **k: app))
    with pytest.raises(SeamError, match=r"ParentPollerUnix\.parent_pid; found ipykernel"):
        ipykernel_seam.take_over_parent_watch()


def test_a_missing_preheat_name_fails_the_contract(monkeypatch):
    monkeypatch.setattr(ipykernel_seam, "PREHEAT_NAMES",
                        (*ipykernel_seam.PREHEAT_NAMES, "VOILA_RENAMED"))
    with pytest.raises(SeamError, match="pre-heat environment names"):
        ipykernel_seam.check_kernel()


def test_a_swap_that_finds_nothing_is_an_error_not_a_no_op():
    class Other:
        pass

    with pytest.raises(SeamError, match="TornadoVoilaHandler in the handler list"):
        voila_seam.swap_handlers([("/x", Other)], {voila_seam.VoilaPageHandler: KitPageHandler})


BROKEN_SERVE = """
import sys, voila.app
from ekokit.server.voila_seam import VoilaPageHandler
voila.app.TornadoVoilaHandler = type("RenamedVoilaHandler", (VoilaPageHandler,), {})
from ekokit.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.server
def test_ekokit_serve_refuses_to_start_with_a_renamed_page_handler(tmp_path):
    """The real ``ekokit serve`` process, its Voilà broken by hand: it exits non-zero with the
    one line, before it listens."""
    from tests.servers import free_port

    port = free_port()
    done = subprocess.run(
        [sys.executable, "-c", BROKEN_SERVE, "--db", str(tmp_path / "db.sqlite"), "serve",
         "--port", str(port), "--participants", "1"],
        check=False, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert done.returncode != 0
    refusal = [line for line in done.stderr.splitlines() if "ekokit needs voila" in line]
    assert len(refusal) == 1, done.stderr
    assert refusal[0].startswith("ekokit: ")
    assert "TornadoVoilaHandler in the handler list it builds; found voila" in refusal[0]
    assert "ekokit ready" not in done.stdout


# -- the seam is the only way in --------------------------------------------------------------

SEAMS = {REPO / "ekokit/server/voila_seam.py", REPO / "ekokit/kernel/ipykernel_seam.py"}
PRIVATE = re.compile(r"\b_pools\b|\b_waiters\b|\b_cache\b|\bpoller\b|\bparent_pid\b|"
                     r"\.provisioner\b|\bfill_if_needed\b|should_use_rendered_notebook|"
                     r"\binit_settings\b|\binit_handlers\b")


def imported_libraries(path: Path) -> set[str]:
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_seam_modules_import_voila_or_ipykernel_or_name_their_private_parts():
    outside = sorted(set((REPO / "ekokit").rglob("*.py")) - SEAMS)
    assert len(outside) > 100
    for path in outside:
        name = path.relative_to(REPO)
        assert not imported_libraries(path) & {"voila", "ipykernel", "nbclient"}, name
        assert not PRIVATE.search(path.read_text(encoding="utf-8")), name


@pytest.mark.server
def test_a_live_kernel_answers_the_heartbeat_ping_and_a_killed_one_does_not():
    """The pool's hand-out asks each warm kernel's heartbeat first. Under the Jupyter server the
    channel is a tornado ZMQStream: a check that took it for an asyncio socket answered "no" for
    every kernel, and every pooled kernel was thrown away at each visit (the pool then served
    nothing; test_live_room saw no pre-heated kernel used)."""
    import asyncio
    import os
    import signal

    from ekokit.server.voila_seam import heartbeat_answers
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    async def check() -> tuple[bool, bool]:
        km = AsyncMappingKernelManager()
        kernel_id = await km.start_kernel(kernel_name="python3")
        try:
            kernel = km.get_kernel(kernel_id)
            await kernel.client().wait_for_ready(timeout=60)
            alive = await heartbeat_answers(km, kernel_id, 5.0)
            os.kill(kernel.provisioner.process.pid, signal.SIGKILL)
            killed = await heartbeat_answers(km, kernel_id, 2.0)
            return alive, killed
        finally:
            await km.shutdown_kernel(kernel_id, now=True)

    assert asyncio.run(check()) == (True, False)
