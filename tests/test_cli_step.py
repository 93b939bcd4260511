"""`symgrad step SPEC [--at VALUES.json] --optimizer NAME [--set key=value …] [--steps N] [--json]`:
the pinned flags and JSON keys ("params", "state", "objective"), seed 001 Table 3.9 through the
command line, a multi-step run against torch autograd + torch.optim, and one-line errors (exit 2)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import numpy as np
import pytest

from codegen.cli import main
from symbolic.bundled import load_graph

TABLE_3_9 = {"w1": 1.502586, "b1": -0.998707, "w2": 0.505172, "b2": 0.102586, "w3": 2.002881, "b3": -0.296401}


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_one_gd_step_gives_seed_001_table_3_9():
    code, out, err = cli("step", "worked_example_ii", "--optimizer", "sgd", "--set", "lr=0.1", "--json")
    assert code == 0, err
    res = json.loads(out)
    assert set(res) >= {"params", "state", "objective"}
    for p, printed in TABLE_3_9.items():
        assert abs(res["params"][p] - printed) <= 0.5e-6 + 1e-12, p
    assert res["objective"] == [pytest.approx(0.022897, abs=0.5e-6)]  # seed 001 Table 2.4: L = 0.022897


def test_text_output_is_a_table_with_the_table_3_9_rows():
    code, out, err = cli("step", "worked_example_iii", "--steps", "3")  # the spec's [optimizer]: sgd, lr = 0.1
    assert code == 0, err
    assert "θ ← θ - b*η" in out or "θ ←" in out
    assert "w1⁺" in out and "1.502586" in out and "-0.296401" in out
    rows = [line.split() for line in out.splitlines() if line.strip()[:1].isdigit()]
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert rows[0][2] == "0.022897"


def test_params_keep_the_parameter_shapes_and_state_is_per_parameter(tmp_path):
    g = load_graph("mlp_tanh")
    rng = np.random.default_rng(0)
    at = tmp_path / "at.json"
    at.write_text(json.dumps({n: rng.normal(size=tuple(s)).tolist() for n, s in g.leaves().items()}))
    code, out, err = cli(
        "step", "mlp_tanh", "--at", str(at), "--optimizer", "adam",
        "--set", "lr=0.01", "beta1=0.8", "--steps", "4", "--json",
    )  # fmt: skip
    assert code == 0, err
    res = json.loads(out)
    assert set(res["params"]) == set(g.params)
    for p, shape in g.params.items():
        assert np.asarray(res["params"][p]).shape == tuple(shape), p
    assert set(res["state"]) == {"m", "v"}
    for p, shape in g.params.items():
        assert np.asarray(res["state"]["m"][p]).shape == tuple(shape)
    assert len(res["objective"]) == 4
    assert res["settings"]["beta1"] == 0.8


def test_at_values_and_a_multi_step_adam_run_match_torch(tmp_path):
    torch = pytest.importorskip("torch")
    at = tmp_path / "at.json"
    start = {"x": 2.0, "y": 1.0, "w1": 1.2, "b1": -0.5, "w2": 0.7, "b2": 0.1, "w3": 2.0, "b3": -0.3}
    at.write_text(json.dumps({"w1": 1.2, "b1": -0.5, "w2": 0.7}))
    code, out, err = cli(
        "step", "worked_example_ii", "--at", str(at), "--optimizer", "adam",
        "--set", "lr=0.05", "weight_decay=0.01", "--steps", "25", "--json",
    )  # fmt: skip
    assert code == 0, err
    res = json.loads(out)
    names = ["w1", "b1", "w2", "b2", "w3", "b3"]
    ps = {n: torch.tensor(start[n], dtype=torch.float64, requires_grad=True) for n in names}
    opt = torch.optim.Adam(list(ps.values()), lr=0.05, weight_decay=0.01)
    losses = []
    for _ in range(25):
        opt.zero_grad()
        a1 = torch.relu(ps["w1"] * start["x"] + ps["b1"])
        a2 = torch.tanh(ps["w2"] * a1 + ps["b2"])
        yhat = torch.sigmoid(ps["w3"] * a2 + ps["b3"])
        loss = 0.5 * (start["y"] - yhat) ** 2
        losses.append(loss.item())
        loss.backward()
        opt.step()
    np.testing.assert_allclose(res["objective"], losses, rtol=1e-10)
    for n in names:
        assert res["params"][n] == pytest.approx(ps[n].item(), rel=1e-9, abs=1e-12), n


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--optimizer", "adamm"], ["did you mean 'adam'"]),
        (["--optimizer", "newton-cg", "--set", "c1=0.7"], ["c1", "(0, 1/2)"]),
        (["--optimizer", "sgd", "--set", "lr"], ["--set", "key=value"]),
        (["--optimizer", "sgd", "--set", "lr=abc"], ["lr", "number"]),
        (["--optimizer", "sgd", "--set", "lrr=0.1"], ["lrr", "did you mean 'lr'"]),
        (["--optimizer", "sgd", "--set", "momentum=1.5"], ["momentum", "[0, 1)"]),
        (["--optimizer", "sgd", "--steps", "0"], ["--steps", "1 to 100000"]),
        (["--optimizer", "sgd", "--steps", "100001"], ["--steps", "1 to 100000"]),
        (["--optimizer", "sgd", "--steps", "ten"], ["--steps"]),
        ([], ["--optimizer"]),
    ],
)
def test_bad_input_is_one_line_exit_2(argv, words):
    code, out, err = cli("step", "worked_example_ii", *argv)
    assert code == 2, (out, err)
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    for w in words:
        assert w in err, (w, err)


def test_a_bad_optimizer_table_in_the_spec_names_the_line(tmp_path):
    spec = tmp_path / "s.toml"
    source = Path(load_graph("worked_example_iii").info.source or "")
    src = source.read_text().replace("lr = 0.1", "lr = 0.1\nbeta = 0.9")
    spec.write_text(src)
    code, _out, err = cli("step", str(spec), "--steps", "1")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "beta" in err and "sgd" in err


def test_momentum_beta_key_through_set_matches_a_hand_loop():
    """The pinned key `beta` (EMA momentum v = βv + (1−β)g, θ −= ηv) set on the command line."""
    code, out, err = cli(
        "step", "hvp_quadratic", "--optimizer", "momentum", "--set", "lr=0.1", "beta=0.8", "--steps", "4", "--json",
    )  # fmt: skip
    assert code == 0, err
    res = json.loads(out)
    g = load_graph("hvp_quadratic")
    w = np.array([float(g.values["w1"]), float(g.values["w2"])])
    H = np.array([[2.0, 3.0], [3.0, 4.0]])  # f = w1² + 3 w1 w2 + 2 w2² (seed 001 §2.11.1)
    v = np.zeros(2)
    for _ in range(4):
        v = 0.8 * v + 0.2 * (H @ w)
        w = w - 0.1 * v
    assert [res["params"]["w1"], res["params"]["w2"]] == pytest.approx(list(w), rel=1e-12)
