"""symgrad generate / check / eval --backend c through codegen.kernel_cli."""
import argparse
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from codegen import kernel_cli
from symbolic.point import evaluate_point
from symbolic.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
WE2 = ROOT / "examples" / "worked_example_ii.toml"
CC = shutil.which("cc") or shutil.which("gcc")




def ns(**kw):
    return argparse.Namespace(**kw)


@pytest.mark.skipif(CC is None, reason="no C compiler")
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_generate_writes_standalone_c(tmp_path, capsys, dtype):
    rc = kernel_cli.cmd_generate(ns(spec=str(WE2), output=str(tmp_path), dtype=dtype, what="all",
                                    portable=True, no_build=(dtype == "float32")))
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
    r = subprocess.run([CC, "-std=c99", "-O2", "-Wall", "-Werror", "-I", str(tmp_path), str(c), str(main),
                        "-o", str(tmp_path / "prog"), "-lm"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([str(tmp_path / "prog")], capture_output=True, text=True)
    assert r.returncode == 0
    loss, g5 = map(float, r.stdout.split())
    ref = evaluate_point(load_spec(WE2), load_spec(WE2).values)
    tol = 1e-12 if dtype == "float64" else 1e-6
    assert loss == pytest.approx(ref.objective, abs=tol) and g5 == pytest.approx(ref.grad["b3"], abs=tol)


def test_generate_what_subset(tmp_path):
    kernel_cli.cmd_generate(ns(spec=str(WE2), output=str(tmp_path), dtype="float64",
                               what="grad,hvp", portable=True, no_build=True))
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
    u = {p: 0.3 for p in g.params}
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
