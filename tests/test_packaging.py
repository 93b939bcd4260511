"""The front door: pinned public names, the version, bundled examples, and the README's commands
run from an empty directory exactly as written."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def symgrad_cmd() -> list[str]:
    """The installed console script (next to this Python), else the module entry point."""
    script = Path(sys.executable).with_name("symgrad")
    return [str(script)] if script.exists() else [sys.executable, "-m", "codegen.cli"]


def run(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(symgrad_cmd() + args, cwd=cwd, check=False, capture_output=True, text=True, timeout=600, **kw)


# ---- pinned names --------------------------------------------------------------------------------


def test_version_is_single_sourced_with_the_installed_metadata():
    import symgrad

    assert symgrad.__version__ == importlib.metadata.version("symgrad")
    assert re.fullmatch(r"\d+\.\d+\.\d+", symgrad.__version__)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" in pyproject["project"]["dynamic"]


def test_cli_version(tmp_path):
    import symgrad

    r = run(["--version"], tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == f"symgrad {symgrad.__version__}"


def test_symgrad_load_derive_verify_compile(seed_cases):
    import symgrad

    g = symgrad.load("worked_example_ii")  # a bundled name
    assert g.objective == "L" and "w1" in g.params
    assert symgrad.load(g) is g  # a Graph passes through
    text = symgrad.derive("worked_example_ii", what="grad")
    assert "w1" in text and "∂" in text
    results = symgrad.verify("worked_example_ii", "worked_example_ii.claims")
    assert results and all(r.ok for r in results)
    k = symgrad.compile("worked_example_ii")
    # independent: seed 001 Table 2.7's ∂L/∂w3 (cases file) at the spec's point
    values = {n: np.asarray(v, dtype=float) for n, v in g.values.items()}
    params = {p: values[p] for p in g.params}
    data = {n: values[n].reshape(1) for n in g.inputs}
    loss, grads = k.loss_and_grad(params, data)
    expected = seed_cases["s001_worked_example_II_relu_tanh_sigmoid"]["expected"]
    assert loss == pytest.approx(expected["L"], abs=5e-7)
    for p in ("w1", "b1", "w2", "b2", "w3", "b3"):
        assert float(grads[p]) == pytest.approx(expected[f"dL/d{p}"], abs=5e-7)


def test_codegen_compile_is_the_pinned_entry_point():
    import codegen
    import codegen.kernel

    assert codegen.compile is codegen.kernel.compile
    from codegen import compile as pinned

    k = pinned(str(ROOT / "examples" / "hvp_quadratic.toml"))
    # f = w1² + 3 w1 w2 + 2 w2²  (seed 001 §2.11.1): ∇f at (1, 2) = (2 + 6, 3 + 8)
    params = {"w1": np.array(1.0), "w2": np.array(2.0)}
    _, grads = k.loss_and_grad(params, {n: np.zeros((1, *s)) for n, s in k.input_shapes.items()})
    assert float(grads["w1"]) == pytest.approx(8.0) and float(grads["w2"]) == pytest.approx(11.0)


def test_unknown_attribute_of_codegen_is_an_attribute_error():
    import codegen

    with pytest.raises(AttributeError):
        codegen.no_such_thing  # noqa: B018


# ---- bundled examples ----------------------------------------------------------------------------


def test_examples_lists_every_bundled_spec_with_a_line(tmp_path):
    r = run(["examples"], tmp_path)
    assert r.returncode == 0, r.stderr
    names = sorted(p.stem for p in (ROOT / "examples").glob("*.toml"))
    for n in names:
        line = next((ln for ln in r.stdout.splitlines() if ln.split() and ln.split()[0] == n), None)
        assert line is not None, n
        assert len(line.split(maxsplit=1)) == 2, f"{n} has no description"


def test_examples_copy_writes_every_file_and_refuses_to_clobber(tmp_path):
    dest = tmp_path / "ex"
    r = run(["examples", "--copy", str(dest)], tmp_path)
    assert r.returncode == 0, r.stderr
    src = sorted(
        p.relative_to(ROOT / "examples").as_posix()
        for p in (ROOT / "examples").rglob("*")
        if p.suffix in (".toml", ".json", ".csv", ".npz", ".ipynb")
    )
    got = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    assert got == src
    for rel in src:
        assert (dest / rel).read_bytes() == (ROOT / "examples" / rel).read_bytes()
    assert run(["examples", "--copy", str(dest)], tmp_path).returncode == 0  # identical: fine
    (dest / "mlp_tanh.toml").write_text("# mine\n")
    r = run(["examples", "--copy", str(dest)], tmp_path)
    assert r.returncode == 2 and "mlp_tanh.toml" in r.stderr and "Traceback" not in r.stderr
    assert (dest / "mlp_tanh.toml").read_text() == "# mine\n"
    assert run(["examples", "--copy", str(dest), "--force"], tmp_path).returncode == 0
    assert (dest / "mlp_tanh.toml").read_bytes() == (ROOT / "examples/mlp_tanh.toml").read_bytes()


def test_spec_argument_accepts_a_bundled_name_from_anywhere(tmp_path, seed_cases):
    r = run(["eval", "worked_example_ii", "--json"], tmp_path)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    by_path = run(["eval", str(ROOT / "examples/worked_example_ii.toml"), "--json"], tmp_path)
    assert json.loads(by_path.stdout)["grad"] == out["grad"]
    r = run(["eval", "no_such_example"], tmp_path)
    assert r.returncode == 2 and "no_such_example" in r.stderr and "symgrad examples" in r.stderr


def test_a_local_file_wins_over_a_bundled_name(tmp_path):
    (tmp_path / "worked_example_ii").write_text((ROOT / "examples/hvp_quadratic.toml").read_text())
    out = json.loads(run(["eval", "worked_example_ii", "--json"], tmp_path).stdout)
    assert set(out["grad"]) == {"w1", "w2"}


def test_wheel_ships_the_examples(tmp_path):
    """The built wheel carries every example (the old package-data glob matched nothing)."""
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    import zipfile

    wheel = next(tmp_path.glob("symgrad-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for p in (ROOT / "examples").rglob("*"):
        if p.suffix in (".toml", ".json", ".csv", ".ipynb"):
            assert "symgrad/examples/" + p.relative_to(ROOT / "examples").as_posix() in names
    assert any(n.startswith("codegen/templates/") and n.endswith(".j2") for n in names)
    assert "symgrad/__init__.py" in names


# ---- the README, run as written from an empty directory -------------------------------------------


def _readme_blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def _readme_symgrad_commands() -> list[str]:
    cmds = []
    for block in _readme_blocks("bash"):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("symgrad "):
                cmds.append(line)
    return cmds


def test_readme_has_commands_to_run():
    cmds = _readme_symgrad_commands()
    assert len(cmds) >= 5
    assert not any("examples/" in c for c in cmds), "README commands must not depend on the checkout"


@pytest.mark.parametrize("command", _readme_symgrad_commands())
def test_readme_command_runs_from_an_empty_directory(command, tmp_path):
    import shlex

    args = shlex.split(command)[1:]
    r = run(args, tmp_path)
    allowed = {0, 1} if args[0] == "verify" else {0}  # verify exits 1 when it finds an error
    assert r.returncode in allowed, f"{command}: exit {r.returncode}\n{r.stderr}"
    assert "Traceback" not in r.stderr and r.stdout.strip()


def _readme_python_m_commands() -> list[str]:
    return [
        line.split("  #")[0].strip()
        for block in _readme_blocks("bash")
        for line in block.splitlines()
        if line.strip().startswith("python -m symgrad")
    ]


@pytest.mark.parametrize("command", _readme_python_m_commands())
def test_readme_python_m_command_runs_from_an_empty_directory(command, tmp_path):
    import shlex

    r = subprocess.run(
        [sys.executable, "-P", *shlex.split(command)[1:]],
        cwd=tmp_path,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0 and r.stdout.strip(), f"{command}: exit {r.returncode}\n{r.stderr}"


@pytest.mark.parametrize("index", range(len(_readme_blocks("python"))))
def test_readme_python_example_runs_from_an_empty_directory(index, tmp_path):
    code = _readme_blocks("python")[index]
    r = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONSAFEPATH": "1"},
    )
    assert r.returncode == 0, r.stderr


def test_readme_install_commands_are_the_ci_commands():
    text = README.read_text(encoding="utf-8")
    assert "pip install . && symgrad demo" in text
    test_cmd = re.search(r"pip install '\.\[test\]' && (python[^\n`]*)", text)
    assert test_cmd, "README lost its test command"
    ci = (ROOT / ".ci" / "run").read_text()
    assert test_cmd.group(1).strip() in ci


def test_symgrad_script_is_installed():
    assert shutil.which("symgrad") or Path(sys.executable).with_name("symgrad").exists()
