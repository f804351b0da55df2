"""Shared set-up for the kernel tests: the mlpsh binary, its kernelspec installed into a
temporary prefix (never the real ~/.local), and a kernel launched from that kernelspec.

MLPSH_BINARY names the binary (.ci/kernel-tests sets it from .ci/mlpsh-binary); without it
the release build under .build is used. Every Jupyter directory points into a temporary
folder, so the tests neither read nor write the user's Jupyter configuration.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from kernel_session import KernelProcess  # noqa: E402


def mlpsh_binary() -> Path:
    path = os.environ.get("MLPSH_BINARY") or str(ROOT / ".build" / "release" / "mlpsh")
    return Path(path).resolve()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def mnist_folder():
    """MLPSH_DATA when it holds MNIST's training images, else None."""
    data = os.environ.get("MLPSH_DATA") or str(ROOT.parent / "shared" / "data" / "mnist")
    if any(Path(data).glob("train-images-idx3-ubyte*")):
        return Path(data).resolve()
    return None


def missing(reason: str):
    """A test that cannot run here: skipped on a developer's machine, failed in CI, where
    everything it needs must have been installed."""
    if in_ci():
        pytest.fail(f"CI must run this test: {reason}")
    pytest.skip(reason)


# Jupyter's folders: all of them temporary, set before any test (and before the
# conformance suite's setUpClass) asks jupyter_client where kernels are.
_JUPYTER_HOME = Path(tempfile.mkdtemp(prefix="mlpsh-kernel-tests-"))
PREFIX = _JUPYTER_HOME / "prefix"
KERNELS = PREFIX / "share" / "jupyter" / "kernels"
os.environ["JUPYTER_PATH"] = str(PREFIX / "share" / "jupyter")
os.environ["JUPYTER_RUNTIME_DIR"] = str(_JUPYTER_HOME / "runtime")
os.environ["JUPYTER_CONFIG_DIR"] = str(_JUPYTER_HOME / "config")
os.environ["JUPYTER_DATA_DIR"] = str(_JUPYTER_HOME / "data")
os.environ["JUPYTER_PLATFORM_DIRS"] = "1"
MNIST = mnist_folder()
if MNIST is not None:
    os.environ["MLPSH_DATA"] = str(MNIST)


def install_kernelspec(prefix: Path, name: str = "mlpsh") -> tuple[Path, subprocess.CompletedProcess]:
    """Runs `mlpsh kernel install --prefix PREFIX --name NAME`; returns the spec's folder
    and the run (test_client.py checks its exit status; here only the files matter)."""
    result = subprocess.run([str(mlpsh_binary()), "kernel", "install", "--prefix", str(prefix), "--name", name],
                            capture_output=True, text=True, timeout=30)
    folder = prefix / "share" / "jupyter" / "kernels" / name
    assert (folder / "kernel.json").exists(), \
        f"kernel install wrote no kernel.json (exit {result.returncode}):\n{result.stdout}{result.stderr}"
    return folder, result


@pytest.fixture(scope="session", autouse=True)
def kernelspec():
    """The kernelspec `mlpsh`, installed once for the whole run into the temporary prefix
    that JUPYTER_PATH names."""
    binary = mlpsh_binary()
    if not binary.exists():
        missing(f"no mlpsh binary at {binary} (set MLPSH_BINARY)")
    help_run = subprocess.run([str(binary), "kernel", "--help"], capture_output=True, text=True, timeout=30)
    if help_run.returncode != 0 or "install" not in help_run.stdout + help_run.stderr:
        pytest.fail(f"{binary} has no working 'kernel' subcommand:\n{help_run.stdout}{help_run.stderr}")
    folder, _ = install_kernelspec(PREFIX)
    spec = json.loads((folder / "kernel.json").read_text())
    yield spec
    shutil.rmtree(_JUPYTER_HOME, ignore_errors=True)


@pytest.fixture
def kernel(kernelspec, tmp_path):
    """A fresh kernel started from the installed kernelspec's argv, its standard error kept
    in a file, talking to the test on 127.0.0.1; shut down (or killed) afterwards."""
    process = KernelProcess(kernelspec["argv"], tmp_path)
    try:
        process.start()
        yield process
    finally:
        process.stop()


def strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)
