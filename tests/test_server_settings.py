"""The server's settings as traitlets (server/settings.py, EkokitVoila) and the kernels'
environment given through the kernel spec, never written into the server's own os.environ."""

from __future__ import annotations

import os

from ekokit.content.notebooks import FACILITATOR_NOTEBOOKS, live_notebooks
from ekokit.model.access import FACILITATOR_HASH_ENV, PUBLIC_ENV, facilitator_hash
from ekokit.process_env import QUERY_KEY_ENV
from ekokit.server.app import EkokitVoila, ServeOptions, build_config
from ekokit.server.public_room import PublicRoom
from ekokit.server.settings import KitKernelSpecManager, RoomConfig
from ekokit.state.exercise import SELF_STUDY


def kernel_env(options: ServeOptions, room: PublicRoom | None = None) -> dict[str, str]:
    return dict(build_config(options, room).KitKernelSpecManager.kernel_env)


def test_a_public_rooms_kernels_learn_it_and_the_keys_hash_never_the_key(monkeypatch):
    before = dict(os.environ)
    env = kernel_env(ServeOptions(public=True, db_url="sqlite:///x.sqlite"),
                     PublicRoom(token="t", facilitator_key="salainen"))
    assert env[PUBLIC_ENV] == "1"
    assert env[FACILITATOR_HASH_ENV] == facilitator_hash("salainen")
    assert "salainen" not in env.values()
    assert env["EKOKIT_DB"] == "sqlite:///x.sqlite"
    assert dict(os.environ) == before  # the server's own environment is left as it was


def test_a_local_rooms_kernels_are_told_so_whatever_the_server_was_started_with(monkeypatch):
    monkeypatch.setenv(PUBLIC_ENV, "1")  # exported in the shell that started `ekokit serve`
    monkeypatch.setenv(FACILITATOR_HASH_ENV, "old")
    env = kernel_env(ServeOptions(self_study=True))
    assert env[PUBLIC_ENV] == "0" and env[FACILITATOR_HASH_ENV] == ""
    assert env[SELF_STUDY] == "1"
    assert len(env[QUERY_KEY_ENV]) == 48
    first, second = (build_config(ServeOptions()).RoomConfig.query_key for _ in range(2))
    assert first != second and len(first) == 48  # a new key for every run


def test_the_query_key_is_the_same_for_the_server_and_its_kernels():
    config = build_config(ServeOptions(participants=1))
    assert RoomConfig(config=config).query_key == config.RoomConfig.query_key
    assert config.KitKernelSpecManager.kernel_env[QUERY_KEY_ENV] == config.RoomConfig.query_key


def test_a_dollar_in_a_setting_reaches_the_kernel_literally():
    from string import Template

    spec = KitKernelSpecManager(kernel_env={"EKOKIT_DB": "postgresql://u:p$HOME@h/db"}
                                ).get_kernel_spec("python3")
    # jupyter_client substitutes ${NAME} from the environment in a spec's env (safe_substitute)
    assert Template(spec.env["EKOKIT_DB"]).safe_substitute(os.environ) == \
        "postgresql://u:p$HOME@h/db"


def test_every_server_setting_says_what_it_is():
    traits = {**RoomConfig.class_traits(config=True),
              **{name: trait for name, trait in EkokitVoila.class_traits(config=True).items()
                 if name in ("expected_warm", "ready_message", "pooled_notebook")}}
    assert len(traits) == 12
    for name, trait in traits.items():
        assert len(trait.help.split()) >= 5, name


def test_the_facilitators_notebooks_are_the_ones_written():
    assert set(FACILITATOR_NOTEBOOKS) <= live_notebooks()


def test_another_rounds_calendar_reaches_the_kernels_not_the_servers_environment(tmp_path):
    from ekokit.content.calendar import CALENDAR_ENV, use_calendar
    from ekokit.server.lab import LabOptions
    from ekokit.server.lab import build_config as lab_config

    chosen = tmp_path / "kierros2.yaml"
    use_calendar(chosen)
    try:
        assert kernel_env(ServeOptions())[CALENDAR_ENV] == str(chosen)
        lab_env = lab_config(LabOptions(), tmp_path).KitKernelSpecManager.kernel_env
        assert lab_env[CALENDAR_ENV] == str(chosen)
    finally:
        use_calendar(None)
    assert CALENDAR_ENV not in os.environ
    assert CALENDAR_ENV not in kernel_env(ServeOptions())  # the kit's own: nothing to say


def test_serve_demo_is_a_setting_of_the_room_not_the_cli_processes_environment(tmp_path,
                                                                               monkeypatch):
    from ekokit import cli
    from ekokit.server import app

    started: list[ServeOptions] = []
    monkeypatch.setattr(app, "serve", started.append)
    monkeypatch.delenv(SELF_STUDY, raising=False)
    assert cli.main(["--db", str(tmp_path / "db.sqlite"), "serve", "--demo"]) == 0
    assert started[0].self_study and SELF_STUDY not in os.environ
    assert kernel_env(started[0])[SELF_STUDY] == "1"
