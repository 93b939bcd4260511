"""Layered CNN specs (issue 11): the pinned [[layers]] keys (conv2d, kernel, stride, padding,
maxpool, avgpool, flatten, residual, activation on any layer) and `input = [C, H, W]`; values and
gradients against direct loops written in the test (and PyTorch's layers where installed), the δ
recursion through conv/pool/flatten, PyTorch-style initialisation fans, training the bundled
small CNN on its bars data, and one-line errors naming the layer."""

from __future__ import annotations

import contextlib
import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
from _nn_loops import conv2d_loops, log_softmax, pool_loops

from codegen.cli import main
from symbolic.bundled import examples_dir, load_graph
from symbolic.point import evaluate_point
from symbolic.spec import SpecError, load_spec

PINNED = """[model]
name = "pinned"
input = [1, 8, 8]       # C, H, W
[[layers]]
conv2d = 2              # output channels
kernel = 3
stride = 1
padding = 1             # zero padding
activation = "relu"
[[layers]]
maxpool = 2             # window; stride = window unless `stride` is given
[[layers]]
flatten = true
[[layers]]
dense = 10
[loss]
type = "cross_entropy"
"""


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


def spec(tmp_path: Path, text: str, name: str = "m.toml") -> str:
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def test_pinned_keys_parameter_names_and_shapes(tmp_path):
    g = load_spec(spec(tmp_path, PINNED))
    assert g.params == {"W1": (2, 1, 3, 3), "b1": (2,), "W4": (10, 32), "b4": (10,)}
    assert g.inputs == {"x": (1, 8, 8), "y": (10,)}
    kinds = [L.kind for L in g.info.layers]
    assert kinds == ["conv2d", "maxpool", "flatten", "dense"]
    assert [L.shape for L in g.info.layers] == [(2, 8, 8), (2, 4, 4), (32,), (10,)]
    assert g.info.layers[1].stride == 2 and g.info.input_shape == (1, 8, 8)


def forward_loops(v: dict, pool: str = "max") -> float:
    """The pinned CNN by direct loops: conv → ReLU → 2×2 pool → flatten → dense → CE."""
    h = np.maximum(conv2d_loops(v["x"], v["W1"], v["b1"], 1, 1), 0.0)
    p = pool_loops(h, 2, 2, pool).reshape(-1)
    z = v["W4"] @ p + v["b4"]
    return float(-np.sum(v["y"] * log_softmax(z)))


@pytest.mark.parametrize("pool", ["max", "avg"])
def test_value_and_gradients_against_direct_loops(tmp_path, pool):
    g = load_spec(spec(tmp_path, PINNED.replace("maxpool = 2", f"{pool}pool = 2")))
    rng = np.random.default_rng(1)
    v = {p: rng.normal(size=s) for p, s in g.params.items()}
    v["x"], v["y"] = rng.normal(size=(1, 8, 8)), np.eye(10)[3]
    r = evaluate_point(g, v)
    assert r.objective == pytest.approx(forward_loops(v, pool), rel=1e-12)
    h = 1e-6
    for p in ("W1", "b1"):
        fd = np.zeros(g.params[p])
        for idx in np.ndindex(g.params[p]):
            e = np.zeros(g.params[p])
            e[idx] = h
            fd[idx] = (forward_loops({**v, p: v[p] + e}, pool) - forward_loops({**v, p: v[p] - e}, pool)) / (2 * h)
        np.testing.assert_allclose(r.grad[p], fd, atol=1e-7)


def test_against_pytorch_modules_with_a_residual_conv(tmp_path):
    torch = pytest.importorskip("torch")
    text = """[model]
name = "res"
input = [2, 6, 6]
[[layers]]
conv2d = 2
kernel = 3
padding = 1
activation = "tanh"
residual = true
[[layers]]
avgpool = 3
stride = 3
[[layers]]
flatten = true
[[layers]]
dense = 3
activation = "identity"
[loss]
type = "mse"
half = true
reduction = "sum"
"""
    g = load_spec(spec(tmp_path, text))
    rng = np.random.default_rng(4)
    v = {p: rng.normal(size=s) for p, s in g.params.items()}
    v["x"], v["y"] = rng.normal(size=(2, 6, 6)), rng.normal(size=3)
    r = evaluate_point(g, v)
    conv, pool, dense = torch.nn.Conv2d(2, 2, 3, padding=1).double(), torch.nn.AvgPool2d(3), torch.nn.Linear(8, 3)
    dense = dense.double()
    with torch.no_grad():
        conv.weight.copy_(torch.tensor(v["W1"]))
        conv.bias.copy_(torch.tensor(v["b1"]))
        dense.weight.copy_(torch.tensor(v["W4"]))
        dense.bias.copy_(torch.tensor(v["b4"]))
    x = torch.tensor(v["x"])[None]
    h = torch.tanh(conv(x)) + x
    out = dense(torch.flatten(pool(h), 1))[0]
    L = 0.5 * torch.sum((out - torch.tensor(v["y"])) ** 2)
    L.backward()
    assert r.objective == pytest.approx(L.item(), rel=1e-12)
    np.testing.assert_allclose(r.grad["W1"], conv.weight.grad.numpy(), rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(r.grad["b1"], conv.bias.grad.numpy(), rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(r.grad["W4"], dense.weight.grad.numpy(), rtol=1e-10, atol=1e-13)


def test_recursion_goes_through_conv_pool_and_flatten_and_its_latex_compiles(tmp_path):
    code, out, err = cli("derive", "small_cnn")
    assert code == 0, err
    rec = out[out.index("Matrix-form recursion") :]
    assert "δ⁽2⁾ = vecᵀ(δ⁽3⁾)" in rec
    assert "δ⁽1⁾ = maxpoolᵀ(δ⁽2⁾) ⊙ 𝟙[z⁽1⁾ > 0]" in rec
    assert "∂L/∂W⁽1⁾ = δ⁽1⁾·φ(x)ᵀ" in rec and "∂L/∂b⁽1⁾ = δ⁽1⁾·1" in rec
    assert "W⁽3⁾" not in rec  # the flatten layer has no weights
    import shutil
    import subprocess

    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not installed")
    code, tex, err = cli("derive", "small_cnn", "--format", "latex", "--standalone")
    assert code == 0, err
    (tmp_path / "d.tex").write_text(tex)
    r = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "d.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout[-2000:]


def test_init_uses_the_conv_fans_as_pytorch(tmp_path):
    from symbolic.init import fan_in_out, init_params, parse_init

    g = load_spec(spec(tmp_path, PINNED))
    fans = fan_in_out(g)
    assert fans["W1"] == (1 * 3 * 3, 2 * 3 * 3, False) and fans["b1"] == (9, 18, True)
    vals = init_params(g, list(g.params), parse_init("torch"), seed=2)
    bound = 1 / math.sqrt(9)  # nn.Conv2d's default: U(±1/√(in·k·k)) for weight and bias
    assert np.all(np.abs(vals["W1"]) <= bound) and np.all(np.abs(vals["b1"]) <= bound)
    assert np.max(np.abs(vals["W1"])) > 0.5 * bound


def test_the_bundled_small_cnn_trains_on_its_bars(tmp_path):
    out_json = tmp_path / "p.json"
    code, _, err = cli(
        "train", "small_cnn", "--data", "bars_8x8.csv", "--optimizer", "adam", "--set", "lr=0.01",
        "--epochs", "8", "--batch", "20", "--out", str(out_json), "--quiet",
    )  # fmt: skip
    assert code == 0, err
    params = {k: np.asarray(v) for k, v in json.loads(out_json.read_text()).items()}
    g = load_graph("small_cnn")
    assert {k: v.shape for k, v in params.items()} == g.params
    from symbolic.dataset import load_dataset

    data = load_dataset(examples_dir() / "bars_8x8.csv", g)
    correct = 0
    for x, y in zip(data["x"], data["y"], strict=True):
        h = np.maximum(conv2d_loops(x, params["W1"], params["b1"], 1, 1), 0.0)
        z = params["W4"] @ pool_loops(h, 2, 2, "max").reshape(-1) + params["b4"]
        correct += int(np.argmax(z) == np.argmax(y))
    assert correct / len(data["x"]) >= 0.9  # bars are easy: most are classified after 8 epochs


def test_bundled_bars_are_the_generator_output(tmp_path):
    from symgrad.examples import make_bars

    path = tmp_path / "bars.csv"
    make_bars.write_csv(str(path), *make_bars.make_bars())
    assert path.read_bytes() == (examples_dir() / "bars_8x8.csv").read_bytes()


@pytest.mark.parametrize(
    "change, words",
    [
        (("flatten = true\n", "flatten = false\n"), ["layer 3", "flatten = true"]),
        (("maxpool = 2", "maxpool = 2\nbias = false"), ["layer 2", "'bias' does not apply"]),
        (("maxpool = 2", "maxpool = 9"), ["layer 2", "does not fit"]),
        (("kernel = 3", "kernel = 3\ndense = 4"), ["layer 1", "dense and conv2d"]),
        (("[[layers]]\nflatten = true\n", ""), ["layer 3", "needs a vector", "flatten = true"]),
        (("kernel = 3\n", ""), ["layer 1", "needs kernel"]),
        (("padding = 1", "padding = -1"), ["layer 1", "'padding' must be an integer ≥ 0"]),
        (("flatten = true", "flatten = true\nstride = 2"), ["layer 3", "'stride' does not apply"]),
        (('activation = "relu"', 'activation = "relu"\nresidual = true'), ["layer 1", "residual needs equal"]),
        (("input = [1, 8, 8]", "input = [1, 8]"), ["layer 1", "conv2d needs an image"]),
        (("input = [1, 8, 8]", "input = [0, 8, 8]"), ["input must be"]),
        (("maxpool = 2", "maxpol = 2"), ["did you mean", "maxpool"]),
    ],
)
def test_bad_layers_are_one_line_errors_naming_the_layer(tmp_path, change, words):
    text = PINNED.replace(*change)
    assert text != PINNED
    with pytest.raises(SpecError) as e:
        load_spec(spec(tmp_path, text))
    msg = str(e.value)
    assert "\n" not in msg
    for w in words:
        assert w in msg, msg


@pytest.mark.parametrize("name", ["small_cnn", "tiny_transformer"])
def test_layer_wise_reference_covers_the_examples_built_in_memory(name):
    """Without a spec file, check rebuilds the layer list from the graph for codegen.reference."""
    from codegen.check import compare_references, spec_dict
    from symbolic.spec import parse_spec

    g = parse_spec((examples_dir() / f"{name}.toml").read_text(encoding="utf-8"))
    d = spec_dict(g)
    assert d is not None and [next(iter(k for k in L if k != "activation")) for L in d["layers"]]
    rows, ok = compare_references(g, 1, batch=2)
    assert ok, rows
