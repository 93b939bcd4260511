"""`symgrad step SPEC --optimizer newton-cg` (symbolic.optim.newton_cg): truncated CG on H·u and
Armijo backtracking (seed 002 §2.1.1). Full-batch runs reach SciPy's Newton-CG optimum, SciPy
driven by independent derivatives (by hand for logistic regression, torch autograd for a tanh
net); the CG loop against numpy.linalg.solve and its negative-curvature rule; one-line errors."""

from __future__ import annotations

import contextlib
import io
import json

import numpy as np
import pytest

from codegen.cli import main
from symbolic.optim import OptimizerError
from symbolic.optim.newton_cg import newton_cg, newton_settings, truncated_cg

LOGREG = """\
[model]
name = "logreg"
inputs = ["x[3]", "y"]
params = ["w[3]", "b"]
objective = "J"
reduction = "mean"

[forward]
z = "dot(w, x) + b"
l = "log(1 + exp(z)) - y*z"
r = "0.05*dot(w, w)"
J = "l + r"
"""

NET = """\
[model]
name = "net"
input = 2

[[layers]]
dense = 3
activation = "tanh"

[[layers]]
dense = 1
activation = "identity"

[loss]
type = "mse"
half = true
reduction = "mean"

[penalty]
type = "l2"
lam = 0.01
"""


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


def write_csv(path, header: list[str], rows: np.ndarray) -> str:
    lines = [",".join(header)] + [",".join(repr(float(v)) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def assert_same_minimum(got, ref, ref_grad, hv) -> None:
    """got and SciPy's ref are the same minimum: H at got is positive definite (λ_min > 0, by
    numpy.linalg.eigvalsh of the HVP columns) and ‖got − ref‖ ≤ 2‖∇f(ref)‖/λ_min + 1e-9, the
    distance a quadratic model puts between ref and the minimum (SciPy stops on its step
    size, xtol, leaving ‖∇f(ref)‖ ~ 1e-8; our run stops at ‖∇f‖ ≤ gtol = 1e-10)."""
    n = got.size
    H = np.column_stack([hv(np.eye(n)[i]) for i in range(n)])
    lam_min = float(np.linalg.eigvalsh(0.5 * (H + H.T))[0])
    assert lam_min > 0
    assert np.linalg.norm(got - ref) <= 2 * np.linalg.norm(ref_grad) / lam_min + 1e-9


def test_logistic_regression_reaches_scipys_newton_cg_optimum(tmp_path):
    optimize = pytest.importorskip("scipy.optimize")
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    y = (rng.random(40) < 1 / (1 + np.exp(-(X @ [1.0, -2.0, 0.5] + 0.3)))).astype(float)
    spec = tmp_path / "logreg.toml"
    spec.write_text(LOGREG)
    data = write_csv(tmp_path / "d.csv", ["x[0]", "x[1]", "x[2]", "y"], np.column_stack([X, y]))
    at = tmp_path / "at.json"
    at.write_text(json.dumps({"w": [0, 0, 0], "b": 0}))
    code, out, err = cli("step", str(spec), "--data", data, "--at", str(at), "--optimizer", "newton-cg",
                         "--steps", "20", "--json")  # fmt: skip
    assert code == 0, err
    res = json.loads(out)
    assert set(res) >= {"params", "state", "objective"} and len(res["objective"]) == 20
    assert all(a >= b for a, b in zip(res["objective"], res["objective"][1:], strict=False))  # Armijo: descent

    def f(th):  # by hand: mean softplus(z) − y z + 0.05‖w‖²
        z = X @ th[:3] + th[3]
        return np.mean(np.logaddexp(0, z) - y * z) + 0.05 * th[:3] @ th[:3]

    def jac(th):
        s = 1 / (1 + np.exp(-(X @ th[:3] + th[3]))) - y
        return np.append(X.T @ s / len(y) + 0.1 * th[:3], s.mean())

    def hessp(th, u):
        z = X @ th[:3] + th[3]
        d = 1 / (1 + np.exp(-z)) * (1 - 1 / (1 + np.exp(-z)))
        Au = X @ u[:3] + u[3]
        return np.append(X.T @ (d * Au) / len(y) + 0.1 * u[:3], np.mean(d * Au))

    ref = optimize.minimize(f, np.zeros(4), method="Newton-CG", jac=jac, hessp=hessp, options={"xtol": 1e-12})
    got = np.append(res["params"]["w"], res["params"]["b"])
    assert np.linalg.norm(jac(got)) <= max(np.linalg.norm(jac(ref.x)), 1e-12)  # at least as stationary
    assert res["final_objective"] == pytest.approx(ref.fun, abs=1e-12)
    assert_same_minimum(got, ref.x, jac(ref.x), lambda u: hessp(got, u))


def test_tanh_net_reaches_scipys_newton_cg_optimum(tmp_path):
    optimize = pytest.importorskip("scipy.optimize")
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    X = rng.uniform(-2, 2, size=(25, 2))
    y = np.sin(X[:, 0]) * 0.8 + 0.3 * X[:, 1]
    spec = tmp_path / "net.toml"
    spec.write_text(NET)
    data = write_csv(tmp_path / "d.csv", ["x[0]", "x[1]", "y[0]"], np.column_stack([X, y]))
    start = {"W1": rng.normal(size=(3, 2)) * 0.5, "b1": rng.normal(size=3) * 0.1,
             "W2": rng.normal(size=(1, 3)) * 0.5, "b2": np.zeros(1)}  # fmt: skip
    at = tmp_path / "at.json"
    at.write_text(json.dumps({k: v.tolist() for k, v in start.items()}))
    code, out, err = cli("step", str(spec), "--data", data, "--at", str(at), "--optimizer", "newton-cg",
                         "--steps", "60", "--json")  # fmt: skip
    assert code == 0, err
    res = json.loads(out)
    names = list(start)
    shapes = [start[k].shape for k in names]
    sizes = [int(np.prod(s)) for s in shapes]
    Xt, yt = torch.tensor(X), torch.tensor(y)

    def loss(th):  # torch autograd: mean ½(ŷ − y)² + ½λ Σ‖W‖² (the penalty on weights only)
        parts = torch.split(th, sizes)
        W1, b1, W2, b2 = (p.reshape(s) for p, s in zip(parts, shapes, strict=True))
        yhat = (torch.tanh(Xt @ W1.T + b1) @ W2.T + b2)[:, 0]
        return torch.mean(0.5 * (yhat - yt) ** 2) + 0.005 * ((W1**2).sum() + (W2**2).sum())

    def fg(th):
        t = torch.tensor(th, requires_grad=True)
        v = loss(t)
        (g,) = torch.autograd.grad(v, t)
        return float(v.detach()), g.numpy()

    def hessp(th, u):
        t = torch.tensor(th, requires_grad=True)
        (g,) = torch.autograd.grad(loss(t), t, create_graph=True)
        (hv,) = torch.autograd.grad(g @ torch.tensor(u), t)
        return hv.numpy()

    x0 = np.concatenate([start[k].ravel() for k in names])
    assert fg(x0)[0] == pytest.approx(res["objective"][0], rel=1e-12)  # same objective as the spec
    ref = optimize.minimize(fg, x0, jac=True, method="Newton-CG", hessp=hessp, options={"xtol": 1e-12})
    got = np.concatenate([np.ravel(res["params"][k]) for k in names])
    assert np.linalg.norm(fg(got)[1]) <= max(np.linalg.norm(fg(ref.x)[1]), 1e-12)  # at least as stationary
    assert res["final_objective"] == pytest.approx(ref.fun, abs=1e-10)
    # the same local minimum (nonconvex: the line searches differ, the basin is the same here)
    assert_same_minimum(got, ref.x, fg(ref.x)[1], lambda u: hessp(got, u))


def test_cg_solves_a_positive_definite_system_and_stops_on_negative_curvature():
    rng = np.random.default_rng(2)
    A = rng.normal(size=(6, 6))
    H = A @ A.T + 6 * np.eye(6)
    g = rng.normal(size=6)
    r = truncated_cg(g, lambda d: H @ d, maxiter=50, tol=1e-14)
    np.testing.assert_allclose(r.p, np.linalg.solve(H, -g), rtol=1e-9)
    assert not r.negative_curvature
    neg = truncated_cg(g, lambda d: -H @ d, maxiter=50, tol=1e-14)  # first direction already pᵀHp < 0
    assert neg.negative_curvature and neg.iterations == 0
    np.testing.assert_array_equal(neg.p, -g)  # steepest descent on the first iteration


def test_armijo_backtracking_on_a_saddle_still_descends():
    def fg(x):  # x² − y² + y⁴/4 : a saddle at 0, minima at y = ±√2
        return x[0] ** 2 - x[1] ** 2 + x[1] ** 4 / 4, np.array([2 * x[0], -2 * x[1] + x[1] ** 3])

    def hv(x, u):
        return np.array([2 * u[0], (-2 + 3 * x[1] ** 2) * u[1]])

    r = newton_cg(fg, hv, np.array([1.0, 0.1]), newton_settings({"cg_tol": 1e-12}), 40)
    assert [x.objective for x in r.records] == sorted((x.objective for x in r.records), reverse=True)
    assert r.records[0].negative_curvature  # H = diag(2, −2 + 3y²) is indefinite at the start
    np.testing.assert_allclose(np.abs(r.theta), [0.0, np.sqrt(2)], atol=1e-8)
    assert r.final_objective == pytest.approx(-1.0, abs=1e-12)


@pytest.mark.parametrize(
    "cfg, words",
    [
        ({"c1": 0.5}, ["c1", "(0, 1/2)"]),
        ({"shrink": 1.0}, ["shrink", "(0, 1)"]),
        ({"cg_maxiter": 2.5}, ["cg_maxiter", "whole"]),
        ({"cg_tol": -1}, ["cg_tol", "positive"]),
        ({"beta1": 0.9}, ["beta1", "valid keys", "cg_tol"]),
    ],
)
def test_bad_settings_name_the_key(cfg, words):
    with pytest.raises(OptimizerError) as e:
        newton_settings({"type": "newton-cg", **cfg}, "--set")
    for w in words:
        assert w in str(e.value)


@pytest.mark.parametrize("sets", [["lr=abc"], ["c1=0.9"], ["cg_tol"], ["momentum=0.9"], ["type=sgd"]])
def test_cli_bad_input_is_one_line_exit_2(sets):
    code, out, err = cli("step", "worked_example_ii", "--optimizer", "newton-cg", "--set", *sets)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err


def test_text_output_lists_the_steps():
    code, out, err = cli("step", "worked_example_ii", "--optimizer", "newton-cg", "--steps", "3")
    assert code == 0, err
    assert "Armijo" in out and "after 3 steps" in out
    rows = [line.split() for line in out.splitlines() if line.strip()[:1].isdigit()]
    assert [r[0] for r in rows] == ["1", "2", "3"] and rows[0][1] == "0.022897"  # seed 001 Table 2.4


@pytest.mark.parametrize("data", [False, True])
def test_compiled_hvp_path_agrees_with_numpy(tmp_path, data):
    spec = tmp_path / "logreg.toml"
    spec.write_text(LOGREG + "\n[values]\nx = [0.5, -1.0, 2.0]\ny = 1\nw = [0.1, 0.2, -0.3]\nb = 0.05\n")
    extra: list[str] = []
    if data:
        rng = np.random.default_rng(3)
        X = rng.normal(size=(12, 3))
        y = (rng.random(12) < 0.5).astype(float)
        extra = ["--data", write_csv(tmp_path / "d.csv", ["x[0]", "x[1]", "x[2]", "y"], np.column_stack([X, y]))]
    runs = {}
    for backend in ("numpy", "c"):
        code, out, err = cli("step", str(spec), *extra, "--optimizer", "newton-cg", "--steps", "6",
                             "--backend", backend, "--json")  # fmt: skip
        assert code == 0, err
        runs[backend] = json.loads(out)
    np.testing.assert_allclose(runs["c"]["objective"], runs["numpy"]["objective"], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(runs["c"]["params"]["w"], runs["numpy"]["params"]["w"], rtol=1e-9, atol=1e-12)


def test_backend_is_refused_for_first_order_optimizers():
    code, out, err = cli("step", "worked_example_ii", "--optimizer", "sgd", "--backend", "c")
    assert code == 2 and out == "" and "newton-cg" in err and len(err.strip().splitlines()) == 1
