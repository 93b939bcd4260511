"""`--data FILE`, `--init SCHEME`, `--seed S` on `symgrad eval` and `symgrad step`: seed 003's
four-point E(w) as a worked example, CSV = NPZ, the whole-set objective against independent
per-sample computations (penalty once), numpy = compiled kernel, one-line errors for damaged
files, and the initialisation statistics."""

from __future__ import annotations

import contextlib
import io
import json
import math
from pathlib import Path

import numpy as np
import pytest

from codegen.cli import main
from symbolic.bundled import load_graph
from symbolic.init import fan_in_out, init_params, parse_init
from symbolic.limits import MAX_FILE_BYTES
from symbolic.spec import parse_spec

# Seed 003 (IE 643, Lectures 6 & 7): a sigmoid neuron without bias on four points,
# E(w) = Σ_i (y^i − σ(w11 x1^i + w12 x2^i))².
SEED_003_X = np.array([[-3.0, -3.0], [-2.0, -2.0], [4.0, 4.0], [2.0, -5.0]])
SEED_003_Y = np.array([1.0, 1.0, 0.0, 0.0])
SEED_003_SPEC = """\
[model]
name = "seed003_neuron"
inputs = ["x[2]", "y"]
params = ["w[2]"]
objective = "e"
reduction = "sum"

[forward]
yhat = "sigmoid(dot(w, x))"
e = "(y - yhat)**2"
"""

# A small layered net with a penalty: J = reduce_i ½‖ŷ_i − y_i‖² + λ/2 (‖W1‖² + ‖W2‖²).
NET_SPEC = """\
[model]
name = "net_{red}"
input = 2

[[layers]]
dense = 3
activation = "tanh"

[[layers]]
dense = 2
activation = "identity"

[loss]
type = "mse"
half = true
reduction = "{red}"

[penalty]
type = "l2"
lam = 0.1
"""


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


def write(path: Path, text: str) -> str:
    path.write_text(text)
    return str(path)


def seed003_csv(tmp_path: Path) -> str:
    rows = ["x[0],x[1],y"] + [f"{a:g},{b:g},{c:g}" for (a, b), c in zip(SEED_003_X, SEED_003_Y, strict=True)]
    return write(tmp_path / "four.csv", "\n".join(rows) + "\n")


def seed003_by_hand(w: np.ndarray) -> tuple[float, np.ndarray]:
    """E(w) and ∇E(w) written out: ∂e/∂w = −2(y − σ)σ(1 − σ)x."""
    s = 1.0 / (1.0 + np.exp(-(SEED_003_X @ w)))
    E = float(np.sum((SEED_003_Y - s) ** 2))
    g = (-2.0 * (SEED_003_Y - s) * s * (1.0 - s)) @ SEED_003_X
    return E, g


@pytest.fixture
def seed003(tmp_path):
    return write(tmp_path / "s3.toml", SEED_003_SPEC), seed003_csv(tmp_path)


# ---- seed 003's worked example --------------------------------------------------------------


def test_seed_003_E_at_zero_is_one_and_the_gradient_is_written_out(seed003, tmp_path):
    spec, data = seed003
    at = write(tmp_path / "at.json", json.dumps({"w": [0.0, 0.0]}))
    code, out, err = cli("eval", spec, "--data", data, "--at", at, "--json", "--backend", "numpy")
    assert code == 0, err
    res = json.loads(out)
    # σ(0) = ½ on every point: E = 4 · ¼ = 1; ∇E = Σ −½(y − ½)x = (2.75, 1)
    assert res["objective"] == pytest.approx(1.0, abs=1e-15)
    np.testing.assert_allclose(res["grad"]["w"], [2.75, 1.0], atol=1e-14)
    assert res["samples"] == 4 and res["reduction"] == "sum"


@pytest.mark.parametrize("w", [[0.5, -0.25], [-1.3, 0.7], [2.0, 2.0]])
def test_seed_003_E_and_gradient_at_other_points(seed003, tmp_path, w):
    spec, data = seed003
    at = write(tmp_path / "at.json", json.dumps({"w": w}))
    code, out, err = cli("eval", spec, "--data", data, "--at", at, "--json", "--backend", "numpy")
    assert code == 0, err
    res = json.loads(out)
    E, g = seed003_by_hand(np.array(w))
    assert res["objective"] == pytest.approx(E, rel=1e-13)
    np.testing.assert_allclose(res["grad"]["w"], g, rtol=1e-12, atol=1e-15)


def test_full_batch_gd_steps_on_seed_003_match_a_hand_loop(seed003, tmp_path):
    spec, data = seed003
    code, out, err = cli(
        "step", spec, "--data", data, "--init", "zeros", "--optimizer", "sgd", "--set", "lr=0.5",
        "--steps", "6", "--json",
    )  # fmt: skip
    assert code == 0, err
    res = json.loads(out)
    w, objectives = np.zeros(2), []
    for _ in range(6):
        E, g = seed003_by_hand(w)
        objectives.append(E)
        w = w - 0.5 * g
    np.testing.assert_allclose(res["objective"], objectives, rtol=1e-12)
    np.testing.assert_allclose(res["params"]["w"], w, rtol=1e-12)


# ---- CSV and NPZ ------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["numpy", "c"])
def test_csv_and_npz_give_identical_results(seed003, tmp_path, backend):
    spec, csv_path = seed003
    npz = tmp_path / "four.npz"
    np.savez(npz, x=SEED_003_X, y=SEED_003_Y)
    at = write(tmp_path / "at.json", json.dumps({"w": [0.3, -0.8]}))
    u = write(tmp_path / "u.json", json.dumps({"w": [1.0, 2.0]}))
    runs = []
    for data in (csv_path, str(npz)):
        code, out, err = cli("eval", spec, "--data", data, "--at", at, "--direction", u, "--json", "--backend", backend)
        assert code == 0, err
        runs.append(json.loads(out))
    assert runs[0] == runs[1]


def test_csv_columns_may_come_in_any_order(seed003, tmp_path):
    spec, data = seed003
    rows = ["y,x[1],x[0]"] + [f"{c:g},{b:g},{a:g}" for (a, b), c in zip(SEED_003_X, SEED_003_Y, strict=True)]
    shuffled = write(tmp_path / "shuffled.csv", "\n".join(rows) + "\n")
    at = write(tmp_path / "at.json", json.dumps({"w": [0.3, -0.8]}))
    a = json.loads(cli("eval", spec, "--data", data, "--at", at, "--json", "--backend", "numpy")[1])
    b = json.loads(cli("eval", spec, "--data", shuffled, "--at", at, "--json", "--backend", "numpy")[1])
    assert a == b


# ---- whole-set objective = reduction of independent per-sample evaluations, penalty once -----


def net_params(rng) -> dict[str, np.ndarray]:
    return {
        "W1": rng.normal(size=(3, 2)),
        "b1": rng.normal(size=3),
        "W2": rng.normal(size=(2, 3)),
        "b2": rng.normal(size=2),
    }


def net_by_hand(p: dict, X: np.ndarray, Y: np.ndarray, reduction: str) -> tuple[float, dict]:
    """J = reduce_i ½‖W2 tanh(W1 x_i + b1) + b2 − y_i‖² + 0.05(‖W1‖² + ‖W2‖²), backprop by hand."""
    Z = X @ p["W1"].T + p["b1"]
    H = np.tanh(Z)
    E = H @ p["W2"].T + p["b2"] - Y
    w = 1.0 / len(X) if reduction == "mean" else 1.0
    J = w * 0.5 * float(np.sum(E**2)) + 0.05 * float(np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
    dZ = (E @ p["W2"]) * (1 - H**2)
    g = {
        "W2": w * E.T @ H + 0.1 * p["W2"],
        "b2": w * E.sum(0),
        "W1": w * dZ.T @ X + 0.1 * p["W1"],
        "b1": w * dZ.sum(0),
    }
    return J, g


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_whole_set_objective_is_the_reduction_of_single_sample_evals_plus_the_penalty_once(tmp_path, reduction):
    spec = write(tmp_path / f"net_{reduction}.toml", NET_SPEC.format(red=reduction))
    rng = np.random.default_rng(7)
    X, Y = rng.normal(size=(5, 2)), rng.normal(size=(5, 2))
    p = net_params(rng)
    at = write(tmp_path / "at.json", json.dumps({k: v.tolist() for k, v in p.items()}))
    np.savez(tmp_path / "d.npz", x=X, y=Y)
    code, out, err = cli("eval", spec, "--data", str(tmp_path / "d.npz"), "--at", at, "--json", "--backend", "numpy")
    assert code == 0, err
    res = json.loads(out)
    # independently: one `eval` per sample (J_i = L_i + R), then reduce the L_i and add R once
    Ls, Rs, gJ = [], [], []
    for x, y in zip(X, Y, strict=True):
        one = write(
            tmp_path / "one.json",
            json.dumps({**{k: v.tolist() for k, v in p.items()}, "x": x.tolist(), "y": y.tolist()}),
        )
        c1, o1, e1 = cli("eval", spec, "--at", one, "--json", "--backend", "numpy")
        assert c1 == 0, e1
        r1 = json.loads(o1)
        Ls.append(r1["values"]["L"])
        Rs.append(r1["values"]["R"])
        gJ.append({k: np.asarray(v) for k, v in r1["grad"].items()})
    assert max(Rs) == min(Rs)
    reduce = np.mean if reduction == "mean" else np.sum
    assert res["objective"] == pytest.approx(float(reduce(Ls)) + Rs[0], rel=1e-13)
    J, g = net_by_hand(p, X, Y, reduction)
    assert res["objective"] == pytest.approx(J, rel=1e-13)
    for k in p:
        np.testing.assert_allclose(res["grad"][k], g[k], rtol=1e-11, atol=1e-13)
    if reduction == "mean":  # mean(∇L_i + ∇R) = mean ∇L_i + ∇R
        for k in p:
            np.testing.assert_allclose(res["grad"][k], np.mean([gi[k] for gi in gJ], axis=0), rtol=1e-11, atol=1e-13)


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_numpy_and_compiled_kernel_agree_on_objective_gradient_and_hvp(tmp_path, reduction):
    spec = write(tmp_path / f"net_{reduction}.toml", NET_SPEC.format(red=reduction))
    rng = np.random.default_rng(11)
    X, Y = rng.normal(size=(6, 2)), rng.normal(size=(6, 2))
    p, u = net_params(rng), net_params(rng)
    at = write(tmp_path / "at.json", json.dumps({k: v.tolist() for k, v in p.items()}))
    udir = write(tmp_path / "u.json", json.dumps({k: v.tolist() for k, v in u.items()}))
    np.savez(tmp_path / "d.npz", x=X, y=Y)
    res = {}
    for backend in ("numpy", "c"):
        code, out, err = cli(
            "eval", spec, "--data", str(tmp_path / "d.npz"), "--at", at, "--direction", udir, "--json",
            "--backend", backend,
        )  # fmt: skip
        assert code == 0, err
        res[backend] = json.loads(out)
        assert res[backend]["backend"] == backend
    a, b = res["numpy"], res["c"]
    assert a["objective"] == pytest.approx(b["objective"], rel=1e-12)
    assert a["uHu"] == pytest.approx(b["uHu"], rel=1e-10)
    for k in p:
        np.testing.assert_allclose(a["grad"][k], b["grad"][k], rtol=1e-11, atol=1e-13)
        np.testing.assert_allclose(a["hvp"][k], b["hvp"][k], rtol=1e-10, atol=1e-12)
    # H·u against central differences of the hand-written gradient
    h = 1e-6
    gp = net_by_hand({k: p[k] + h * u[k] for k in p}, X, Y, reduction)[1]
    gm = net_by_hand({k: p[k] - h * u[k] for k in p}, X, Y, reduction)[1]
    for k in p:
        np.testing.assert_allclose(a["hvp"][k], (gp[k] - gm[k]) / (2 * h), rtol=1e-6, atol=1e-7)


# ---- damaged data files: exit 2, one line naming file, row and column ------------------------

BAD_CSV = [
    ("bad number", "x[0],x[1],y\n1,2,0\n3,abc,1\n", "row 3, column 2", "'abc' is not a number"),
    ("too few values", "x[0],x[1],y\n1,2,0\n3,4\n", "row 3, column 3", "2 values"),
    ("too many values", "x[0],x[1],y\n1,2,0,5\n", "row 2, column 4", "4 values"),
    ("unknown column", "x[0],x[1],yy\n1,2,0\n", "row 1, column 3", "did you mean 'y'?"),
    ("missing column", "x[0],y\n1,0\n", "row 1, column 3", "missing column 'x[1]'"),
    ("duplicate column", "x[0],x[1],y,y\n1,2,0,0\n", "row 1, column 4", "appears twice"),
    ("nan", "x[0],x[1],y\n1,2,0\n1,nan,0\n", "row 3, column 2", "not a finite number"),
    ("inf", "x[0],x[1],y\n1,2,0\n1,2,-inf\n", "row 3, column 3", "not a finite number"),
    ("empty file", "", "row 1, column 1", "empty file"),
    ("header only", "x[0],x[1],y\n", "row 2, column 1", "no data rows"),
]


def check_one_line_error(code: int, out: str, err: str, path: str, *fragments: str) -> None:
    assert code == 2, (out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert path in lines[0] and "Traceback" not in err
    for f in fragments:
        assert f in lines[0], (f, lines[0])


@pytest.mark.parametrize(("case", "text", "where", "what"), BAD_CSV, ids=[c[0] for c in BAD_CSV])
@pytest.mark.parametrize("command", ["eval", "step"])
def test_damaged_csv_is_one_line_naming_file_row_and_column(seed003, tmp_path, case, text, where, what, command):
    spec, _ = seed003
    bad = write(tmp_path / "bad.csv", text)
    extra = ["--optimizer", "sgd"] if command == "step" else []
    code, out, err = cli(command, spec, "--data", bad, "--init", "zeros", *extra)
    check_one_line_error(code, out, err, bad, where, what)


def _npz(tmp_path: Path, **arrays) -> str:
    path = tmp_path / "bad.npz"
    np.savez(path, **arrays)
    return str(path)


def test_damaged_npz_cases_are_one_line_naming_file_row_and_column(seed003, tmp_path):
    spec, _ = seed003
    nan_x = SEED_003_X.copy()
    nan_x[2, 1] = np.nan
    cases = [
        (dict(x=SEED_003_X, yy=SEED_003_Y), ("row 1", "unknown array 'yy'", "did you mean 'y'?")),
        (dict(x=SEED_003_X), ("row 1", "missing array 'y'")),
        (dict(x=SEED_003_X[:, :1], y=SEED_003_Y), ("row 1", "column 'x'", "shape (4, 1)")),
        (dict(x=SEED_003_X, y=SEED_003_Y[:3]), ("row 4", "column 'y'", "3 rows")),
        (dict(x=nan_x, y=SEED_003_Y), ("row 3", "column 'x[1]'", "not a finite number")),
        (dict(x=np.array(["a", "b"]), y=SEED_003_Y), ("row 1", "column 'x'", "not real numbers")),
    ]
    for arrays, fragments in cases:
        path = _npz(tmp_path, **arrays)
        check_one_line_error(*cli("eval", spec, "--data", path, "--init", "zeros"), path, *fragments)
    obj = tmp_path / "obj.npz"
    np.savez(obj, x=np.array([{"a": 1}] * 4, dtype=object), y=SEED_003_Y)  # pickled: refused
    check_one_line_error(*cli("eval", spec, "--data", str(obj), "--init", "zeros"), str(obj), "row 1", "column")
    garbage = write(tmp_path / "garbage.npz", "not a zip archive")
    check_one_line_error(*cli("eval", spec, "--data", garbage, "--init", "zeros"), garbage, "row 1, column 1")
    empty = write(tmp_path / "empty.npz", "")
    check_one_line_error(*cli("eval", spec, "--data", empty, "--init", "zeros"), empty, "row 1, column 1", "empty")


def test_oversized_missing_and_special_data_files(seed003, tmp_path):
    spec, _ = seed003
    big = tmp_path / "big.csv"
    with open(big, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    check_one_line_error(*cli("eval", spec, "--data", str(big), "--init", "zeros"), str(big), "limit")
    gone = str(tmp_path / "nope.csv")
    check_one_line_error(*cli("eval", spec, "--data", gone, "--init", "zeros"), gone, "no such file")
    check_one_line_error(*cli("eval", spec, "--data", str(tmp_path), "--init", "zeros"), str(tmp_path), "directory")


# ---- --init and --seed ------------------------------------------------------------------------


def test_without_init_a_missing_parameter_stays_an_error(seed003):
    spec, data = seed003
    code, out, err = cli("eval", spec, "--data", data)
    check_one_line_error(code, out, err, spec, "no value for", "'w'")


def test_init_is_seeded_and_deterministic(seed003):
    spec, data = seed003
    runs = {}
    for seed in ("0", "0", "1"):
        code, out, err = cli(
            "eval", spec, "--data", data, "--init", "torch", "--seed", seed, "--json", "--backend", "numpy"
        )
        assert code == 0, err
        runs.setdefault(seed, []).append(json.loads(out)["init"]["w"])
    assert runs["0"][0] == runs["0"][1]
    assert runs["0"][0] != runs["1"][0]
    code, out, _ = cli("eval", spec, "--data", data, "--init", "torch", "--json", "--backend", "numpy")
    assert json.loads(out)["init"]["w"] == runs["0"][0]  # --seed defaults to 0


def test_torch_init_bounds_follow_the_layer_fan_in():
    g = load_graph("mlp_tanh")  # 4-16-16-2: fan_in 4, 16, 16
    vals = init_params(g, list(g.params), parse_init("torch"), seed=3)
    for (W, b), fan_in in zip([("W1", "b1"), ("W2", "b2"), ("W3", "b3")], [4, 16, 16], strict=True):
        bound = 1 / math.sqrt(fan_in)
        for name in (W, b):
            v = vals[name]
            assert v.shape == tuple(g.params[name])
            assert np.all(np.abs(v) <= bound)
            assert np.max(np.abs(v)) > 0.5 * bound  # spread over the interval, not squeezed
    # the mean and variance of U(−a, a) (a² / 3), over W2's 256 entries
    w2 = vals["W2"].ravel()
    assert abs(w2.mean()) < 4 * (0.25 / math.sqrt(3)) / math.sqrt(w2.size)
    assert w2.var() == pytest.approx(0.25**2 / 3, rel=0.25)


def test_init_schemes_statistics_and_zeros():
    g = parse_spec(
        '[model]\nname = "wide"\ninput = 400\n[[layers]]\ndense = 300\nactivation = "relu"\n'
        '[[layers]]\ndense = 1\nactivation = "identity"\n',
        "<wide>",
    )
    assert fan_in_out(g)["W1"] == (400, 300, False) and fan_in_out(g)["b1"] == (400, 300, True)
    names = list(g.params)
    he = init_params(g, names, parse_init("he"), seed=1)
    assert he["W1"].std() == pytest.approx(math.sqrt(2 / 400), rel=0.02)
    assert np.all(he["b1"] == 0)
    xa = init_params(g, names, parse_init("xavier"), seed=1)
    a = math.sqrt(6 / 700)
    assert np.all(np.abs(xa["W1"]) <= a) and xa["W1"].std() == pytest.approx(a / math.sqrt(3), rel=0.02)
    nrm = init_params(g, names, parse_init("normal:0.3"), seed=1)
    assert nrm["W1"].std() == pytest.approx(0.3, rel=0.02) and abs(nrm["W1"].mean()) < 0.01
    zs = init_params(g, names, parse_init("zeros"), seed=1)
    assert all(np.all(v == 0) for v in zs.values())
    # one parameter's stream does not depend on which others are initialised
    only = init_params(g, ["W2"], parse_init("torch"), seed=5)
    both = init_params(g, names, parse_init("torch"), seed=5)
    np.testing.assert_array_equal(only["W2"], both["W2"])


def test_assignment_spec_fan_in_comes_from_the_parameter_shape():
    g = load_graph("two_two_one")  # W1[2,2], b1[2], W2[2,2], b2[2], W3[2], b3
    fans = fan_in_out(g)
    assert fans["W1"] == (2, 2, False) and fans["W3"] == (2, 1, False) and fans["b3"] == (1, 1, False)


def test_init_keeps_given_values_and_fills_only_missing_ones(tmp_path):
    at = write(tmp_path / "at.json", json.dumps({"w1": 0.25}))
    code, out, err = cli("eval", "worked_example_ii", "--at", at, "--init", "zeros", "--json", "--backend", "numpy")
    assert code == 0, err
    init = json.loads(out)["init"]
    assert init["w1"] == 0.25 and init["b1"] == 1.0 * -1  # [values] keeps b1 = -1


@pytest.mark.parametrize("bad", ["glorot", "normal", "normal:x", "normal:-1", "normal:inf"])
def test_bad_init_scheme_is_a_one_line_usage_error(seed003, bad):
    spec, data = seed003
    code, out, err = cli("eval", spec, "--data", data, "--init", bad)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "--init" in err


def test_bad_seed_is_a_usage_error(seed003):
    spec, data = seed003
    for bad in ("-1", "x", str(2**63)):
        code, _, err = cli("eval", spec, "--data", data, "--init", "torch", "--seed", bad)
        assert code == 2 and "--seed" in err


def test_hessian_with_data_is_refused_with_a_hint(seed003):
    spec, data = seed003
    code, out, err = cli("eval", spec, "--data", data, "--init", "zeros", "--hessian")
    assert code == 2 and out == "" and "--direction" in err and len(err.strip().splitlines()) == 1
