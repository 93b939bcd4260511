"""symgrad generate / check / eval --backend c through codegen.kernel_cli."""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from codegen import kernel_cli
from symbolic.point import evaluate_point
from symbolic.spec import load_spec

from conftest import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent
WE2 = EXAMPLES / "worked_example_ii.toml"
CC = shutil.which("cc") or shutil.which("gcc")


def ns(**kw):
    return argparse.Namespace(**kw)


@pytest.mark.skipif(CC is None, reason="no C compiler")
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_generate_writes_standalone_c(tmp_path, capsys, dtype):
    rc = kernel_cli.cmd_generate(
        ns(spec=str(WE2), output=str(tmp_path), dtype=dtype, what="all", portable=True, no_build=(dtype == "float32"))
    )
    assert rc == 0
    out = capsys.readouterr().out
    stem = "worked_example_ii" + ("_f32" if dtype == "float32" else "")
    c, h = tmp_path / f"{stem}.c", tmp_path / f"{stem}.h"
    assert c.exists() and h.exists() and "cc -O3 -std=c99" in out
    # plain C99, no Python headers; then link a tiny program against it and run it
    main = tmp_path / "main.c"
    real = "double" if dtype == "float64" else "float"
    main.write_text(f"""#include <stdio.h>
#include "{stem}.h"
int main(void) {{
    {real} theta[6] = {{1.5, -1, 0.5, 0.1, 2, -0.3}}, data[2] = {{2, 1}}, loss, grad[6];
    static {real} work[{stem.upper()}_WORK_LOSS_GRAD];
    if ({stem}_loss_grad(theta, data, 1, &loss, grad, work)) return 1;
    printf("%.12f %.12f\\n", (double)loss, (double)grad[5]);
    theta[0] = 0.0 / 0.0;
    return {stem}_loss_grad(theta, data, 1, &loss, grad, work) == 2 ? 0 : 3;
}}
""")
    r = subprocess.run(
        [
            CC,
            "-std=c99",
            "-O2",
            "-Wall",
            "-Werror",
            "-I",
            str(tmp_path),
            str(c),
            str(main),
            "-o",
            str(tmp_path / "prog"),
            "-lm",
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run([str(tmp_path / "prog")], check=False, capture_output=True, text=True)
    assert r.returncode == 0
    loss, g5 = map(float, r.stdout.split())
    ref = evaluate_point(load_spec(WE2), load_spec(WE2).values)
    tol = 1e-12 if dtype == "float64" else 1e-6
    assert loss == pytest.approx(ref.objective, abs=tol) and g5 == pytest.approx(ref.grad["b3"], abs=tol)


def test_generate_what_subset(tmp_path):
    kernel_cli.cmd_generate(
        ns(spec=str(WE2), output=str(tmp_path), dtype="float64", what="grad,hvp", portable=True, no_build=True)
    )
    text = (tmp_path / "worked_example_ii.h").read_text()
    assert "worked_example_ii_loss_grad(" in text and "worked_example_ii_hvp(" in text
    assert "_jacobian(" not in text and "_forward(" not in text
    with pytest.raises(Exception, match="unknown function"):
        kernel_cli.parse_what("gradient")


def test_check_command_passes_and_prints_table(capsys):
    rc = kernel_cli.cmd_check(ns(spec=str(WE2), points=1, batch=3, dtype="float64", seed=0))
    out = capsys.readouterr().out
    assert rc == 0 and "PASS" in out and "graph-wise" in out and "max abs err" in out


def test_check_exits_1_on_mismatch(monkeypatch, capsys):
    from codegen import check

    monkeypatch.setitem(check.TOLERANCES, ("exact", "float64"), (0.0, -1.0))  # impossible
    rc = kernel_cli.cmd_check(ns(spec=str(WE2), points=1, batch=2, dtype="float64", seed=0))
    assert rc == 1 and "FAIL" in capsys.readouterr().out


def test_kernel_point_matches_symbolic():
    g = load_spec(WE2)
    u = dict.fromkeys(g.params, 0.3)
    kp = kernel_cli.kernel_point(g, g.values, direction=u, hessian=True)
    ref = evaluate_point(g, g.values, direction=u, hessian=True)
    assert kp["objective"] == pytest.approx(ref.objective, rel=1e-13)
    for p in g.params:
        assert float(kp["grad"][p]) == pytest.approx(float(ref.grad[p]), rel=1e-12, abs=1e-15)
        assert float(kp["hvp"][p]) == pytest.approx(float(ref.hvp[p]), rel=1e-10, abs=1e-13)
    assert kp["hessian"][0] == ref.hessian[0]
    np.testing.assert_allclose(kp["hessian"][1], ref.hessian[1], rtol=1e-10, atol=1e-13)


def test_registered_in_main_cli(capsys):
    from codegen.cli import main

    assert main(["check", str(WE2), "--points", "1"]) == 0
    assert "PASS" in capsys.readouterr().out


# ---- bad numbers and bad output directories: exit 2, one line, no traceback ----------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--batch", "0"],
        ["--batch", "-3"],
        ["--batch", "1e9"],
        ["--batch", "100000000"],
        ["--points", "0"],
        ["--points", "-1"],
        ["--points", "2.5"],
        ["--points", "99999"],
        ["--seed", "-1"],
        ["--seed", "x"],
    ],
)
def test_check_rejects_bad_numbers(argv, capsys):
    from codegen.cli import main

    try:
        code = main(["check", str(WE2), *argv])
    except SystemExit as e:  # argparse's usage error
        code = e.code
    assert code == 2
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if "error" in ln]
    assert len(lines) == 1 and argv[0] in lines[0] and "Traceback" not in err
    assert "expected a whole number" in lines[0]


def test_cmd_check_rejects_bad_numbers_called_directly():
    for kw, match in (({"points": 0}, "--points"), ({"batch": -3}, "--batch"), ({"seed": -1}, "--seed")):
        args = {"spec": str(WE2), "points": 1, "batch": 2, "dtype": "float64", "seed": 0, **kw}
        with pytest.raises(Exception, match=match):
            kernel_cli.cmd_check(ns(**args))


def test_generate_onto_a_regular_file_is_one_line(tmp_path, capsys):
    from codegen.cli import main

    target = tmp_path / "taken"
    target.write_text("not a directory")
    assert main(["generate", str(WE2), "-o", str(target), "--no-build"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not a directory" in err and str(target) in err
    assert target.read_text() == "not a directory"
    assert main(["generate", str(WE2), "-o", str(target / "sub"), "--no-build"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "cannot write" in err and "Traceback" not in err


@pytest.mark.skipif(
    not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
    reason="root ignores directory permissions",
)
def test_generate_into_unwritable_dir_is_one_line(tmp_path, capsys):
    from codegen.cli import main

    ro = tmp_path / "ro"
    ro.mkdir(mode=0o500)
    try:
        assert main(["generate", str(WE2), "-o", str(ro), "--no-build"]) == 2
    finally:
        ro.chmod(0o700)
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "cannot write" in err and "Permission denied" in err


# ---- eval's default backend: is the kernel cached? ------------------------------------------------


@pytest.mark.skipif(CC is None, reason="no C compiler")
def test_kernel_cached_needs_no_compiler_run(tmp_path, monkeypatch):
    """False before the first build, True after (in a fresh process too: the index is on disk);
    finding out never emits nor compiles C."""
    from codegen import build, emit

    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path))
    g = load_spec(EXAMPLES / "dag_scalar.toml")
    calls = []
    real_compile, real_emit = build._compile, emit.emit
    monkeypatch.setattr(build, "_compile", lambda *a: (calls.append("cc"), real_compile(*a))[1])
    monkeypatch.setattr(emit, "emit", lambda *a, **k: (calls.append("emit"), real_emit(*a, **k))[1])
    assert kernel_cli.kernel_cached(g) is False
    assert calls == []
    kernel_cli.kernel_point(g, g.values)
    assert calls == ["emit", "cc"]
    assert kernel_cli.kernel_cached(load_spec(EXAMPLES / "dag_scalar.toml")) is True
    build.clear_memo()  # as a new process would: only the disk cache is left
    assert kernel_cli.kernel_cached(g) is True
    kp = kernel_cli.kernel_point(g, g.values)  # loads the cached module: no emission, no compiler
    assert calls == ["emit", "cc"]
    assert kp["objective"] == pytest.approx(evaluate_point(g, g.values).objective, rel=1e-13)
    probe = (
        "import sys; from symbolic.spec import load_spec; "
        "from codegen.kernel_cli import kernel_cached; print(kernel_cached(load_spec(sys.argv[1])))"
    )
    r = subprocess.run(
        [sys.executable, "-P", "-c", probe, str(EXAMPLES / "dag_scalar.toml")],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.stdout.strip() == "True", r.stderr


def test_kernel_cached_false_without_compiler(tmp_path, monkeypatch):
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("CC", "/nonexistent/cc")
    assert kernel_cli.kernel_cached(load_spec(WE2)) is False


def test_no_module_level_kernel_memo():
    """The on-disk cache is the cache: kernel_cli keeps no dict of kernels."""
    assert not [k for k, v in vars(kernel_cli).items() if isinstance(v, (dict, list, set)) and not k.startswith("__")]


BLOCKED_IMPORTS = r"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("scipy", "scipy_openblas32", "antlr4"):
            raise ImportError(f"No module named {name!r} (blocked by the test)")
sys.meta_path.insert(0, Block())
import argparse
import codegen.kernel_cli as kc, codegen.kernel, codegen.check, codegen.reference as ref
import numpy as np
p = argparse.ArgumentParser(prog="symgrad")
kc.add_commands(p.add_subparsers())
spec = {"model": {"input": 2}, "layers": [{"dense": 2, "activation": "gelu"}]}
ref.forward(spec, ref.random_params(spec, np.random.default_rng(0)), np.ones((1, 2)))
try:
    codegen.kernel.blas_build_options(required=True)
except ImportError as e:
    print("blas:", e)
"""


def test_kernel_cli_imports_without_optional_packages():
    """scipy, scipy-openblas32 and antlr4 missing: kernel_cli and what it imports still load
    (so `symgrad generate` / `check` exist), and asking for BLAS says what to install."""
    r = subprocess.run(
        [sys.executable, "-P", "-c", BLOCKED_IMPORTS],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "blas: " in r.stdout and "pip install scipy-openblas32" in r.stdout
