"""``ekokit lab`` without starting it: the team's copies of the notebooks, and the Jupyter
server's pre-save hook run through the server's own contents manager (the browser test in
test_lab.py runs the whole thing)."""

from __future__ import annotations

import json
import os

import pytest
from ekokit import cli
from ekokit.paths import WORKSPACE_ENV, as_db_url, notebooks_dir
from ekokit.server import lab as lab_module
from ekokit.server.lab import LabOptions, build_config, prepare_notebooks, strip_widget_outputs

# nbformat and the Jupyter server are imported by the tests that use them: importing them costs
# seconds (jsonschema's IRI grammar), which every pytest-xdist worker would pay to collect.
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KIT = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))


def notebook_with_outputs() -> dict:
    """A session notebook as JupyterLab sends it after Run All: a widget and a print."""
    import nbformat

    nb = nbformat.read(notebooks_dir() / "01_ekosysteemit.ipynb", as_version=4)
    session, concept = nb.cells[2], nb.cells[3]
    session.execution_count, concept.execution_count = 2, 3
    session.outputs = [nbformat.v4.new_output(
        "execute_result", execution_count=2,
        data={WIDGET_VIEW: {"model_id": "abc", "version_major": 2, "version_minor": 0},
              "text/plain": "VBox(children=(HTML(value='<style>…'),))"})]
    concept.outputs = [nbformat.v4.new_output("stream", name="stdout", text="oma tuloste\n")]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return json.loads(nbformat.writes(nb))


def test_the_kits_notebooks_are_copied_where_missing_and_kept_after(tmp_path):
    root = tmp_path / "notebooks"
    assert prepare_notebooks(root) == KIT
    assert sorted(p.name for p in root.glob("*.ipynb")) == KIT
    own = root / "01_ekosysteemit.ipynb"
    own.write_text("{}", encoding="utf-8")  # the team's own copy, changed
    assert prepare_notebooks(root) == []
    assert own.read_text(encoding="utf-8") == "{}"
    assert prepare_notebooks(root, refresh=True) == KIT
    assert own.read_bytes() == (notebooks_dir() / own.name).read_bytes()


def test_the_hook_drops_widget_outputs_and_counts_and_keeps_the_rest():
    model = {"type": "notebook", "content": notebook_with_outputs()}
    strip_widget_outputs(model, path="01_ekosysteemit.ipynb")
    cells = [c for c in model["content"]["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in cells] == [None] * len(cells)
    assert cells[1]["outputs"] == []  # the session app: a widget, gone
    assert ["".join(o["text"]) for o in cells[2]["outputs"]] == ["oma tuloste\n"]  # a print stays
    assert "widgets" not in model["content"]["metadata"]
    text = {"type": "file", "format": "text", "content": "ei muistikirja"}
    strip_widget_outputs(text, path="muistio.txt")
    assert text["content"] == "ei muistikirja"


@pytest.mark.filterwarnings("ignore:Overriding existing pre_save_hook")  # the server's own quirk
def test_the_jupyter_servers_contents_manager_saves_through_the_hook(tmp_path):
    from jupyter_server.services.contents.filemanager import FileContentsManager

    root = tmp_path / "notebooks"
    config = build_config(LabOptions(port=9999, open_browser=False), root)
    root.mkdir()
    manager = FileContentsManager(config=config, root_dir=str(root))
    assert manager.pre_save_hook is strip_widget_outputs
    manager.save({"type": "notebook", "content": notebook_with_outputs()}, "01.ipynb")
    saved = json.loads((root / "01.ipynb").read_text(encoding="utf-8"))
    outputs = [o for c in saved["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert [o for o in outputs if WIDGET_VIEW in o.get("data", {})] == []
    assert len(outputs) == 1
    assert config.ServerApp.root_dir == str(root) and config.ServerApp.ip == "127.0.0.1"


def test_cli_lab_uses_the_workspace_for_notebooks_and_the_default_store(tmp_path, monkeypatch):
    started: list[LabOptions] = []
    monkeypatch.setattr(lab_module, "lab", started.append)
    monkeypatch.delenv("EKOKIT_DB", raising=False)
    monkeypatch.delenv(WORKSPACE_ENV, raising=False)  # restored after the test
    workspace = tmp_path / "oma"
    assert cli.main(["lab", "--no-browser", "--port", "8899", "--workspace",
                     str(workspace)]) == 0
    (options,) = started
    assert options.port == 8899 and not options.open_browser and not options.refresh
    assert options.db_url == as_db_url(str(workspace / "ekokit.sqlite"))
    assert (workspace / "ekokit.sqlite").is_file()  # the demo team's store, as `serve` makes
    assert options.workspace == workspace
    assert lab_module.lab_root(options.workspace) == workspace / "notebooks"
    assert WORKSPACE_ENV not in os.environ  # the server's own environment is left as it was
    kernel_env = build_config(options, workspace / "notebooks").KitKernelSpecManager.kernel_env
    assert kernel_env[WORKSPACE_ENV] == str(workspace)  # the kernels get it, and the store
    assert kernel_env["EKOKIT_DB"] == options.db_url and "EKOKIT_QUERY_KEY" not in kernel_env


@pytest.mark.parametrize("args", [["--db", "muu.sqlite"], []])
def test_cli_lab_gives_kernels_the_store_it_names(tmp_path, monkeypatch, args):
    started: list[LabOptions] = []
    monkeypatch.setattr(lab_module, "lab", started.append)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EKOKIT_DB", str(tmp_path / "env.sqlite"))
    monkeypatch.delenv(WORKSPACE_ENV, raising=False)
    assert cli.main([*args, "lab", "--no-browser", "--workspace", str(tmp_path)]) == 0
    expected = "muu.sqlite" if args else "env.sqlite"
    assert started[0].db_url == as_db_url(str(tmp_path / expected))
