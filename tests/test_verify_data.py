"""`symgrad verify SPEC --claims C --data FILE`: claims about a dataset (seed 003's E(w) over its four
points, the whole-set gradient, H·u and Hessian, one sample with `sample = i`, a mean with
`over = "mean"`), judged against numbers written out by hand or by finite differences of an
independent numpy objective; every misuse is one line naming the claims file and line (exit 2)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest

from codegen.cli import main
from symbolic.bundled import examples_dir


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


def seed003_data() -> tuple[np.ndarray, np.ndarray]:
    with open(examples_dir() / "seed003_four_points.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    return np.array([[float(r["x[0]"]), float(r["x[1]"])] for r in rows]), np.array([float(r["y"]) for r in rows])


def seed003_E(w: np.ndarray) -> float:
    """E(w) = Σ_i (y^i − σ(w·x^i))², written out with numpy (independent of symgrad)."""
    X, y = seed003_data()
    return float(np.sum((y - 1.0 / (1.0 + np.exp(-(X @ w)))) ** 2))


def fd_grad(f, w: np.ndarray, h: float = 1e-6) -> np.ndarray:
    return np.array([(f(w + h * e) - f(w - h * e)) / (2 * h) for e in np.eye(len(w))])


def verify_json(*argv: str) -> tuple[int, list[dict], str]:
    code, out, err = cli("verify", *argv, "--json")
    return code, (json.loads(out) if out.strip() else []), err


def claims(tmp_path: Path, text: str) -> str:
    p = tmp_path / "c.claims.toml"
    p.write_text(text)
    return str(p)


SPEC = "seed003_four_points"
DATA = "seed003_four_points.csv"


def test_bundled_claims_about_seed_003_are_judged_over_the_four_points():
    code, res, err = verify_json(SPEC, "--claims", "seed003_four_points", "--data", DATA)
    assert code == 1, err  # the last claim is the ½E slip
    assert [r["verdict"] for r in res] == ["holds"] * 5 + ["wrong"]
    X, y = seed003_data()
    assert res[0]["correct"] == pytest.approx(seed003_E(np.zeros(2)), abs=1e-15) == pytest.approx(1.0)
    np.testing.assert_allclose(res[5]["correct"], fd_grad(seed003_E, np.zeros(2)), atol=1e-8)
    np.testing.assert_allclose(res[5]["correct"], [2.75, 1.0], atol=1e-14)
    # one sample: ∇e^4 = −2 (y − ½) · ¼ · x at x = (2, −5), y = 0
    np.testing.assert_allclose(res[4]["correct"], -0.5 * (y[3] - 0.5) * X[3], atol=1e-15)
    assert [r["scope"] for r in res[:4]] == [
        "whole set, 4 samples",
        "whole set, 4 samples",
        "mean over 4 samples",
        "sample 2",
    ]


def test_text_report_names_the_scope_and_the_exit_code_is_1_on_a_wrong_claim():
    code, out, err = cli("verify", SPEC, "--claims", "seed003_four_points", "--data", DATA)
    assert code == 1, err
    assert "grad:w [whole set, 4 samples]" in out and "grad:w [sample 3]" in out
    assert "5 passed, 1 failed" in out


@pytest.mark.parametrize("w", [[0.5, -0.25], [-1.3, 0.7]])
def test_whole_set_value_gradient_hvp_and_hessian_at_other_points(tmp_path, w):
    w0 = np.array(w)
    E, g = seed003_E(w0), fd_grad(seed003_E, w0)
    H = np.array([fd_grad(lambda v, i=i: fd_grad(seed003_E, v, 1e-4)[i], w0, 1e-4) for i in range(2)])
    u = np.array([1.0, -2.0])
    text = f"""
[at]
w = {w}
[direction]
w = {u.tolist()}
[[claim]]
quantity = "value:e"
value = {E:.9f}
[[claim]]
quantity = "grad:w"
value = [{g[0]:.6f}, {g[1]:.6f}]
[[claim]]
quantity = "hvp:w"
value = [{(H @ u)[0]:.4f}, {(H @ u)[1]:.4f}]
[[claim]]
quantity = "hessian:w,w"
value = [[{H[0, 0]:.4f}, {H[0, 1]:.4f}], [{H[1, 0]:.4f}, {H[1, 1]:.4f}]]
[[claim]]
quantity = "hessian:w[0],w[1]"
value = {H[0, 1] + 0.01:.4f}
"""
    code, res, err = verify_json(SPEC, "--claims", claims(tmp_path, text), "--data", DATA)
    assert code == 1, err
    assert [r["verdict"] for r in res] == ["holds"] * 4 + ["wrong"]
    assert res[4]["correct"] == pytest.approx(H[0, 1], abs=1e-5)


def test_mean_reduction_and_a_penalty_counted_once(tmp_path):
    """J = mean_i ½(ŷ_i − y_i)² + λ/2‖w‖² on a linear model: claims of J and ∇J against numpy."""
    spec = tmp_path / "lin.toml"
    spec.write_text(
        '[model]\nname = "lin"\ninput = 2\n\n[[layers]]\ndense = 1\nactivation = "identity"\n\n'
        '[loss]\ntype = "mse"\nhalf = true\nreduction = "mean"\n\n[penalty]\ntype = "l2"\nlam = 0.3\n\n'
        "[values]\nW1 = [[0.5, -1.0]]\nb1 = [0.25]\n"
    )
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(5, 2)), rng.normal(size=5)
    np.savez(tmp_path / "d.npz", x=X, y=y.reshape(5, 1))
    W, b = np.array([0.5, -1.0]), 0.25
    r = X @ W + b - y
    J = 0.5 * np.mean(r**2) + 0.15 * (W @ W)  # check the penalty's exact form: λ/2 ‖W‖² (weights only)
    gW = (r @ X) / 5 + 0.3 * W
    gb = np.mean(r)
    mean_yhat = float(np.mean(X @ W + b))
    text = f"""
[[claim]]
quantity = "value:J"
value = {J:.10f}
[[claim]]
quantity = "grad:W1"
value = [[{gW[0]:.10f}, {gW[1]:.10f}]]
[[claim]]
quantity = "grad:b1"
value = [{gb:.10f}]
[[claim]]
quantity = "value:yhat"
over = "mean"
value = [{mean_yhat:.10f}]
[[claim]]
quantity = "value:yhat"
over = "sum"
value = [{5 * mean_yhat:.10f}]
"""
    code, res, err = verify_json(str(spec), "--claims", claims(tmp_path, text), "--data", str(tmp_path / "d.npz"))
    assert code == 0, (err, res)
    assert all(r["verdict"] == "holds" for r in res)


def test_sample_claims_are_judged_as_without_data_formulas_included(tmp_path):
    _, y = seed003_data()
    s = 0.5  # σ(0)
    text = """
[[claim]]
quantity = "grad:w"
sample = 1
formula = "-2*(y - yhat)*yhat*(1 - yhat)*x"
[[claim]]
quantity = "grad:w"
sample = 1
formula = "-(y - yhat)*yhat*(1 - yhat)*x"
[[claim]]
quantity = "adjoint:yhat"
sample = 0
value = -1.0
"""
    code, res, err = verify_json(SPEC, "--claims", claims(tmp_path, text), "--data", DATA)
    assert code == 1, err
    assert [r["verdict"] for r in res] == ["holds", "wrong", "holds"]
    assert res[2]["correct"] == pytest.approx(-2 * (y[0] - s))  # ∂e/∂ŷ = −2(y − ŷ) at the first point
    assert "counterexample" in res[1]


@pytest.mark.parametrize(
    "claim, words",
    [
        ('quantity = "value:e"\nsample = 4\nvalue = 1', ["sample 4 is out of range", "4 samples"]),
        ('quantity = "adjoint:yhat"\nvalue = 1', ["per sample", "sample = i"]),
        ('quantity = "grad:w"\nformula = "x"', ["formula claim is per sample"]),
        ('quantity = "grad:w"\nover = "mean"\nvalue = [1, 1]', ["'over'", "whole set already"]),
        ('quantity = "value:e"\nsample = -1\nvalue = 1', ["'sample' must be a row number"]),
        ('quantity = "value:e"\nsample = 1.5\nvalue = 1', ["'sample' must be a row number"]),
        ('quantity = "value:e"\nover = "median"\nvalue = 1', ["'over' must be"]),
        ('quantity = "value:e"\nsample = 1\nover = "sum"\nvalue = 1', ["not both"]),
    ],
)
def test_misuse_is_one_line_naming_the_claim_line(tmp_path, claim, words):
    path = claims(tmp_path, "# header\n[[claim]]\n" + claim + "\n")
    code, out, err = cli("verify", SPEC, "--claims", path, "--data", DATA)
    assert code == 2 and out == ""
    line = err.strip()
    assert "\n" not in line and "Traceback" not in line
    assert f"{path}:" in line
    for w in words:
        assert w in line, line


def test_at_may_not_set_a_data_input_and_flags_that_need_each_other(tmp_path):
    path = claims(tmp_path, '[at]\nx = [1, 2]\n[[claim]]\nquantity = "value:e"\nvalue = 1\n')
    code, _, err = cli("verify", SPEC, "--claims", path, "--data", DATA)
    assert code == 2 and "[at] sets 'x', which the dataset gives" in err
    with_sample = claims(tmp_path, '[[claim]]\nquantity = "value:e"\nsample = 0\nvalue = 1\n')
    code, _, err = cli("verify", SPEC, "--claims", with_sample, "--at", "x")  # no such flag: argparse, exit 2
    assert code == 2
    code, _, err = cli("verify", SPEC, "--claims", with_sample)
    assert code == 2 and "verify --data FILE" in err
    code, _, err = cli("verify", SPEC, "--data", DATA)
    assert code == 2 and "--claims" in err
    code, _, err = cli("verify", SPEC, "--claims", "seed003_four_points", "--data", DATA, "--table")
    assert code == 2 and "--table" in err
    code, _, err = cli("verify", SPEC, "--claims", "seed003_four_points", "--data", str(tmp_path / "nope.csv"))
    assert code == 2 and "nope.csv" in err and "\n" not in err.strip()
