"""Exported lessons re-run in the kernel by nbclient, Jupyter's own notebook runner, as
"Restart and run all" does: every lesson of examples/ (they need MNIST: MLPSH_DATA) and
the fixture lessons meant to pass. No cell may fail (a failing `# expect:` line is an
error output, which nbclient raises), every figure of the export comes back as SVG, and
the notebook's kernelspec and language_info are the kernel's. The fixture whose
expectations fail on purpose must fail in the kernel too, with `expectation-failed`.
"""
import copy
import os
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import MNIST, ROOT, missing, mlpsh_binary

FIXTURES_THAT_PASS = ["digits-lesson.mlp"]
EXAMPLES = sorted(p.name for p in (ROOT / "examples").glob("*.mlp"))
LESSONS = [f"examples/{name}" for name in EXAMPLES] + [f"Tests/Fixtures/lessons/{n}" for n in FIXTURES_THAT_PASS]


def export(lesson: str, folder: Path, status: int = 0) -> Path:
    name = Path(lesson).stem
    shared = Path(os.environ["LESSON_EXPORTS"]) if os.environ.get("LESSON_EXPORTS") else None
    if shared is not None and (shared / f"{name}.status").exists():
        # .ci/run exported every lesson once (.ci/export-lessons) for all the export checks.
        code = int((shared / f"{name}.status").read_text())
        assert code == status, f"{lesson}: export exited {code}, not {status}:\n{(shared / f'{name}.log').read_text()[-2000:]}"
        assert (shared / f"{name}.ipynb").exists(), f"{lesson}: no notebook in {shared}"
        return shared / f"{name}.ipynb"
    notebook = folder / (name + ".ipynb")
    result = subprocess.run([str(mlpsh_binary()), str(ROOT / lesson), "--export", str(notebook)],
                            capture_output=True, text=True, timeout=300, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert notebook.exists() and result.returncode == status, \
        f"{lesson}: export exited {result.returncode}, not {status}:\n{result.stderr[-2000:]}"
    return notebook


def svgs(notebook) -> list:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])
            if output.output_type == "display_data" and "image/svg+xml" in output.get("data", {})]


def run(notebook, timeout=600):
    client = NotebookClient(notebook, timeout=timeout, kernel_name="mlpsh",
                            resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    return client


@pytest.mark.parametrize("lesson", LESSONS)
def test_an_exported_lesson_reruns_in_the_kernel(lesson, tmp_path):
    if lesson.startswith("examples/") and MNIST is None:
        missing("MLPSH_DATA holds no MNIST, which the examples load")
    path = export(lesson, tmp_path)
    exported = nbformat.read(path, as_version=4)
    assert exported.metadata.kernelspec.name == "mlpsh"
    assert exported.metadata.language_info.name == "mlpsh"
    figures = len(svgs(exported))
    assert figures > 0, f"{lesson} draws no figure in its export"

    notebook = copy.deepcopy(exported)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    try:
        client = run(notebook)
    except CellExecutionError as error:
        pytest.fail(f"{lesson} failed in the kernel:\n{str(error)[-3000:]}")

    errors = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
              if output.output_type == "error"]
    assert errors == []
    rerun = svgs(notebook)
    assert len(rerun) == figures, f"{len(rerun)} SVG figures in the kernel's run, {figures} in the export"
    for output in rerun:
        assert output.data["image/svg+xml"].lstrip().startswith(("<?xml", "<svg")), "an SVG output that is not SVG"
        assert output.data.get("text/plain"), "an image without its text/plain"
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    counts = [cell.execution_count for cell in code_cells]
    assert None not in counts and counts == sorted(set(counts)), counts
    # The exported language_info is the one the kernel announces (nbclient wrote the
    # kernel's into the notebook it ran).
    assert dict(exported.metadata.language_info) == dict(client.nb.metadata.language_info)
    nbformat.validate(notebook)


def test_a_failing_expectation_fails_the_notebook(tmp_path):
    path = export("Tests/Fixtures/lessons/wrong-expectations.mlp", tmp_path, status=1)
    notebook = nbformat.read(path, as_version=4)
    with pytest.raises(CellExecutionError) as raised:
        run(notebook, timeout=120)
    assert raised.value.ename == "expectation-failed"
