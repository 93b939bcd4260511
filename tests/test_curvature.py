"""Curvature tools (symbolic.curvature, `symgrad curvature SPEC`): eigenvalues against
numpy.linalg.eigvalsh of a finite-difference Hessian of the objective, uᵀHu against second
differences, seed 001 Table 5.1's four rows on textbook functions, and the GD stability bound
η < 2/λ_max checked by running gradient descent just below and just above it."""

from __future__ import annotations

import contextlib
import io
import json

import numpy as np
import pytest

from codegen.cli import main
from symbolic.bundled import load_graph
from symbolic.curvature import DEGENERATE, MAXIMUM, MINIMUM, SADDLE, classify, stability_bound
from symbolic.point import evaluate_point


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


def quad_spec(tmp_path, f: str, at: tuple[float, float] = (0.0, 0.0), name: str = "q") -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(
        f'[model]\nname = "{name}"\nparams = ["a", "b"]\nobjective = "f"\n\n[forward]\nf = "{f}"\n\n'
        f"[values]\na = {at[0]}\nb = {at[1]}\n"
    )
    return str(path)


def fd_hessian(f, x: np.ndarray, h: float = 1e-4) -> np.ndarray:
    """Second central differences of the objective alone (error ~h² + ε/h²)."""
    n = x.size
    E = np.eye(n) * h
    H = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j]) - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h * h)
    return 0.5 * (H + H.T)


def test_eigenvalues_and_probes_match_a_finite_difference_hessian(tmp_path):
    g = load_graph("worked_example_ii")
    names = list(g.params)
    x0 = np.array([float(g.values[p]) for p in names])

    def f(x):
        return evaluate_point(g, {**g.values, **dict(zip(names, x, strict=True))}).objective

    H = fd_hessian(f, x0)
    u = np.array([0.3, -0.2, 0.5, 0.1, -0.4, 0.25])
    (tmp_path / "u.json").write_text(json.dumps(dict(zip(names, u.tolist(), strict=True))))
    code, out, err = cli("curvature", "worked_example_ii", "--direction", str(tmp_path / "u.json"), "--json")
    assert code == 0, err
    res = json.loads(out)
    assert res["order"] == names
    np.testing.assert_allclose(res["eigenvalues"], np.linalg.eigvalsh(H), atol=1e-6)  # FD error ≲ 1e-7
    assert res["probes"][0]["uHu"] == pytest.approx(u @ H @ u, abs=1e-6)
    assert res["grad_norm"] == pytest.approx(0.079405, abs=1e-6)  # not stationary (seed 001 Table 3.9 step)
    assert res["classification"] == "Not a stationary point"
    assert res["gd_lr_bound"] == pytest.approx(2 / np.linalg.eigvalsh(H)[-1], rel=1e-5)


@pytest.mark.parametrize(
    "f, label",
    [  # seed 001 Table 5.1: ∇E = 0 and H ≻ 0 | H ≺ 0 | indefinite | H = 0 or singular
        ("a**2 + b**2", "Local minimum"),
        ("-a**2 - 2*b**2", "Local maximum"),
        ("a**2 - b**2", "Saddle point"),
        ("a**4 + b**2", "Higher-order analysis required"),
        ("a**3", "Higher-order analysis required"),
    ],
)
def test_seed_001_table_5_1_classification(tmp_path, f, label):
    code, out, err = cli("curvature", quad_spec(tmp_path, f), "--json")
    assert code == 0, err
    assert json.loads(out)["classification"] == label
    code, out, err = cli("curvature", quad_spec(tmp_path, f))
    assert code == 0 and label in out


def test_classify_uses_the_tolerance_and_the_gradient_norm():
    assert (MINIMUM, MAXIMUM, SADDLE, DEGENERATE) == (
        "Local minimum", "Local maximum", "Saddle point", "Higher-order analysis required",
    )  # fmt: skip
    assert classify(0.0, [1e-9, 1.0]) == DEGENERATE
    assert classify(0.0, [1e-9, 1.0], tol=1e-12) == MINIMUM
    assert classify(0.0, [-1.0, 0.0, 1.0]) == SADDLE  # singular, but both signs already decide
    assert classify(1e-3, [1.0, 2.0]) == "Not a stationary point"
    assert stability_bound(4.0) == 0.5 and stability_bound(-1.0) == float("inf")


@pytest.mark.parametrize("factor, converges", [(0.98, True), (1.02, False)])
def test_gd_is_stable_below_2_over_lambda_max_and_not_above(tmp_path, factor, converges):
    spec = quad_spec(tmp_path, "0.5*(3*a**2 + 2*a*b + 2*b**2)", at=(1.0, -0.5))  # H = [[3, 1], [1, 2]]
    code, out, err = cli("curvature", spec, "--json")
    assert code == 0, err
    bound = json.loads(out)["gd_lr_bound"]
    assert bound == pytest.approx(2 / ((5 + np.sqrt(5)) / 2), rel=1e-12)  # λ_max = (5 + √5)/2
    code, out, err = cli(
        "step", spec, "--optimizer", "sgd", "--set", f"lr={factor * bound!r}", "--steps", "600", "--json"
    )
    assert code == 0, err
    res = json.loads(out)
    assert (res["final_objective"] < 1e-3 * res["objective"][0]) is converges


def test_random_probes_are_seeded_unit_directions(tmp_path):
    spec = quad_spec(tmp_path, "0.5*(3*a**2 + 2*a*b + 2*b**2)")
    runs = [json.loads(cli("curvature", spec, "--probes", "3", "--seed", "7", "--json")[1]) for _ in range(2)]
    assert runs[0]["probes"] == runs[1]["probes"] and len(runs[0]["probes"]) == 3
    H = np.array([[3.0, 1.0], [1.0, 2.0]])
    for p in runs[0]["probes"]:
        u = np.array(p["direction"])
        assert np.linalg.norm(u) == pytest.approx(1.0)
        assert p["uHu"] == pytest.approx(u @ H @ u, rel=1e-12)


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--tol", "-1"], ["--tol"]),
        (["--tol", "nan"], ["--tol"]),
        (["--probes", "0"], ["--probes"]),
        (["--direction", "missing.json"], ["missing.json"]),
    ],
)
def test_bad_input_is_one_line_exit_2(argv, words):
    code, out, err = cli("curvature", "worked_example_ii", *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    for w in words:
        assert w in err


def test_dense_hessian_refuses_large_models():
    from symbolic.curvature import CurvatureError, dense_hessian
    from symbolic.point import MAX_HESSIAN_PARAMS

    with pytest.raises(CurvatureError, match="probes"):
        dense_hessian(lambda u: u, MAX_HESSIAN_PARAMS + 1)
