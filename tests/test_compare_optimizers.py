"""The bundled two-moons optimizer comparison (python -m symgrad.examples.compare_optimizers): the
bundled data is the documented generator's output, the geometry is two half-moons, equivalent
update rules give the same run, accuracy agrees with a plain numpy forward pass, and the command
runs from any directory."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from symbolic.bundled import examples_dir, load_graph
from symgrad.examples import compare_optimizers as cmp


def test_bundled_csv_is_the_generator_output(tmp_path):
    out = tmp_path / "moons.csv"
    cmp.write_csv(str(out), *cmp.make_two_moons(200, 0.15, seed=0))
    assert out.read_bytes() == (examples_dir() / "two_moons.csv").read_bytes()


def test_two_half_moons():
    X, Y = cmp.make_two_moons(2000, 0.0, seed=1)  # no noise: points exactly on the two arcs
    up, low = X[Y[:, 0] == 1], X[Y[:, 1] == 1]
    np.testing.assert_allclose(np.hypot(up[:, 0], up[:, 1]), 1.0, atol=1e-12)
    np.testing.assert_allclose(np.hypot(low[:, 0] - 1.0, low[:, 1] - 0.5), 1.0, atol=1e-12)
    assert up[:, 1].min() >= -1e-12 and low[:, 1].max() <= 0.5 + 1e-12
    assert len(up) == len(low) == 1000


def numpy_accuracy(params: dict, X: np.ndarray, Y: np.ndarray) -> float:
    h = np.tanh(X @ params["W1"].T + params["b1"])
    logits = h @ params["W2"].T + params["b2"]
    return float(np.mean(np.argmax(logits, axis=1) == np.argmax(Y, axis=1)))


def test_ema_momentum_and_heavy_ball_are_the_same_run_and_accuracy_is_the_numpy_forward():
    outs = {o.name: o for o in cmp.compare(epochs=3, batch=20, names=["momentum", "heavy-ball"], backend="numpy")}
    # v = βv + (1 − β)g, θ −= 0.5 v  ≡  v = μv + g, θ −= 0.05 v  (β = μ = 0.9)
    np.testing.assert_allclose(outs["momentum"].step_losses, outs["heavy-ball"].step_losses, rtol=1e-9)
    assert len(outs["momentum"].step_losses) == 3 * 10
    assert outs["momentum"].epoch_losses[-1] < outs["momentum"].epoch_losses[0]

    from codegen.train import train
    from symbolic.dataset import load_dataset
    from symbolic.init import init_params, parse_init
    from symbolic.optim import settings

    g = load_graph("two_moons")
    data = load_dataset(examples_dir() / "two_moons.csv", g)
    start = init_params(g, list(g.params), parse_init("torch"), 0)
    res = train(g, start, data, settings({"type": "adam", "lr": 0.02}), 2, 20, 0, "numpy")
    assert cmp.accuracy(g, res.params, data) == pytest.approx(numpy_accuracy(res.params, data["x"], data["y"]))


def test_runs_from_any_directory(tmp_path):
    r = subprocess.run(
        [sys.executable, "-P", "-m", "symgrad.examples.compare_optimizers", "--only", "adam", "sgd", "--epochs", "2"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    rows = [ln.split() for ln in r.stdout.splitlines()[2:]]
    assert sorted(row[0] for row in rows) == ["adam", "sgd"]
    for row in rows:
        assert 0.0 < float(row[-3]) < 1.0 and row[-2].endswith("%")
