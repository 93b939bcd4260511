"""`symgrad train`: shuffled mini-batch training against a hand-written numpy loop (seed 003's
four-point neuron, gradients by hand), CSV = NPZ, compiled = numpy, determinism, --epochs 0,
--out shapes, --plot, Ctrl-C, one-line errors and the pinned flag spellings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

import codegen.train as train_mod
from codegen.build import BuildError, find_compiler
from codegen.cli import main
from symbolic.bundled import examples_dir, load_graph
from symbolic.init import init_params, parse_init

X = np.array([[-3.0, -3.0], [-2.0, -2.0], [4.0, 4.0], [2.0, -5.0]])  # seed 003's four points
Y = np.array([1.0, 1.0, 0.0, 0.0])
SPEC = "seed003_four_points"  # the bundled example: E(w) = Σ_i (y^i − σ(w·x^i))², w from (0, 0)

try:
    find_compiler()
    BACKENDS = ["c", "numpy"]
except BuildError:  # pragma: no cover - machines without a C compiler
    BACKENDS = ["numpy"]

NET = """\
[model]
name = "train_net"
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
"""


def hand_sgd(w0, lr: float, epochs: int, batch: int, seed: int, max_steps: int | None = None) -> np.ndarray:
    """Mini-batch SGD written out: rng = default_rng(seed); per epoch a permutation cut into
    chunks of `batch`; per chunk w -= lr Σ_i ∂e_i/∂w with ∂e/∂w = −2(y − σ)σ(1 − σ)x (sum reduction)."""
    w = np.array(w0, dtype=float)
    rng = np.random.default_rng(seed)
    steps = 0
    for _ in range(epochs):
        perm = rng.permutation(len(Y))
        for i in range(0, len(Y), batch):
            if max_steps is not None and steps == max_steps:
                return w
            idx = perm[i : i + batch]
            s = 1.0 / (1.0 + np.exp(-(X[idx] @ w)))
            grad = ((-2.0 * (Y[idx] - s) * s * (1.0 - s))[:, None] * X[idx]).sum(axis=0)
            w = w - lr * grad
            steps += 1
    return w


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        rc = main(argv)
    except SystemExit as e:  # argparse's usage errors
        rc = int(e.code or 0)
    out, err = capsys.readouterr()
    return rc, out, err


def train_args(tmp_path: Path, *extra: str, data: str | None = None, out: str = "p.json") -> list[str]:
    data = data or str(examples_dir() / "seed003_four_points.csv")
    return ["train", SPEC, "--data", data, "--out", str(tmp_path / out), *extra]


def read_params(path: Path) -> dict:
    return json.loads(path.read_text())


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("batch", [1, 2, 3, 4])  # SGD, mini-batch (one short batch with 3), GD
def test_matches_hand_written_loop(tmp_path, capsys, backend, batch):
    args = ["--optimizer", "sgd", "--set", "lr=0.5", "--epochs", "5", "--batch", str(batch), "--seed", "7"]
    rc, out, _ = run(train_args(tmp_path, *args, "--backend", backend), capsys)
    assert rc == 0, out
    assert f"backend {backend}" in out
    got = np.array(read_params(tmp_path / "p.json")["w"])
    np.testing.assert_allclose(got, hand_sgd([0.0, 0.0], 0.5, 5, batch, 7), rtol=1e-12, atol=1e-14)


def test_csv_and_npz_identical_and_backends_agree(tmp_path, capsys):
    np.savez(tmp_path / "d.npz", x=X, y=Y)
    common = ["--optimizer", "adam", "--set", "lr=0.1", "--epochs", "6", "--batch", "3", "--seed", "3"]
    results = {}
    for backend in BACKENDS:
        for data in (str(examples_dir() / "seed003_four_points.csv"), str(tmp_path / "d.npz")):
            name = f"{backend}-{Path(data).suffix}.json"
            assert run(train_args(tmp_path, *common, "--backend", backend, data=data, out=name), capsys)[0] == 0
            results[name] = read_params(tmp_path / name)
    for backend in BACKENDS:
        assert results[f"{backend}-.csv.json"] == results[f"{backend}-.npz.json"]  # bit-identical
    np.testing.assert_allclose(results["numpy-.csv.json"]["w"], results[f"{BACKENDS[0]}-.csv.json"]["w"], rtol=1e-10)


def test_deterministic_for_a_seed(tmp_path, capsys):
    base = ["--optimizer", "momentum", "--set", "lr=0.2", "--epochs", "4", "--batch", "1"]
    for name, seed in (("a.json", "5"), ("b.json", "5"), ("c.json", "6")):
        assert run(train_args(tmp_path, *base, "--seed", seed, out=name), capsys)[0] == 0
    a, b, c = (read_params(tmp_path / n) for n in ("a.json", "b.json", "c.json"))
    assert a == b
    assert a != c


def test_epochs_zero_writes_initial_params_and_out_shapes(tmp_path, capsys):
    spec = tmp_path / "net.toml"
    spec.write_text(NET)
    g = load_graph(str(spec))
    rng = np.random.default_rng(0)
    np.savez(tmp_path / "d.npz", **{x: rng.normal(size=(10, *s)) for x, s in g.inputs.items()})
    argv = ["train", str(spec), "--data", str(tmp_path / "d.npz"), "--optimizer", "sgd", "--batch", "4"]
    rc, out, _ = run([*argv, "--epochs", "0", "--seed", "11", "--out", str(tmp_path / "p0.json")], capsys)
    assert rc == 0 and "initial parameters" in out
    p0 = read_params(tmp_path / "p0.json")
    expect = init_params(g, list(g.params), parse_init("torch"), 11)
    assert set(p0) == set(g.params)
    for name, shape in g.params.items():
        assert np.asarray(p0[name]).shape == tuple(shape)
        np.testing.assert_array_equal(np.asarray(p0[name]), expect[name])
    rc, out, _ = run([*argv, "--epochs", "2", "--seed", "11", "--out", str(tmp_path / "p2.json"), "--quiet"], capsys)
    assert rc == 0 and "epoch 1/" not in out and "done: 2 epochs, 6 steps" in out
    p2 = read_params(tmp_path / "p2.json")
    assert {k: np.asarray(v).shape for k, v in p2.items()} == {k: tuple(s) for k, s in g.params.items()}
    assert p2 != p0


def test_plot_writes_png(tmp_path, capsys):
    mpimg = pytest.importorskip("matplotlib.image")
    args = ["--optimizer", "sgd", "--set", "lr=0.5", "--epochs", "3", "--batch", "2", "--plot", str(tmp_path / "l.png")]
    assert run(train_args(tmp_path, *args), capsys)[0] == 0
    raw = (tmp_path / "l.png").read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    img = mpimg.imread(tmp_path / "l.png")
    assert img.shape[0] == 400 and img.shape[1] == 640


def test_plot_without_matplotlib_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    args = ["--optimizer", "sgd", "--epochs", "1", "--batch", "2", "--plot", str(tmp_path / "l.png")]
    rc, _, err = run(train_args(tmp_path, *args), capsys)
    assert rc == 2 and err.count("\n") == 1 and "pip install 'symgrad[plot]'" in err
    assert not (tmp_path / "l.png").exists()


@pytest.mark.parametrize("backend", BACKENDS)
def test_ctrl_c_saves_last_good_params(tmp_path, capsys, monkeypatch, backend):
    cls = train_mod.CBackend if backend == "c" else train_mod.NumpyBackend
    real, k = cls.step, 5
    calls = {"n": 0}

    def step(self, idx):
        if calls["n"] == k:
            raise KeyboardInterrupt
        calls["n"] += 1
        return real(self, idx)

    monkeypatch.setattr(cls, "step", step)
    args = ["--optimizer", "sgd", "--set", "lr=0.5", "--epochs", "10", "--batch", "1", "--seed", "2"]
    rc, _, err = run(train_args(tmp_path, *args, "--backend", backend), capsys)
    assert rc == 130
    assert "interrupted after 5 steps" in err and "p.json" in err
    got = np.array(read_params(tmp_path / "p.json")["w"])
    np.testing.assert_allclose(got, hand_sgd([0.0, 0.0], 0.5, 10, 1, 2, max_steps=k), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    "extra, needle",
    [
        (["--optimizer", "sgd", "--epochs", "1", "--batch", "0"], "--batch"),
        (["--optimizer", "sgd", "--epochs", "-1", "--batch", "2"], "--epochs"),
        (["--optimizer", "nope", "--epochs", "1", "--batch", "2"], "nope"),
        (["--optimizer", "sgd", "--set", "lr=-1", "--epochs", "1", "--batch", "2"], "lr"),
        (["--optimizer", "sgd", "--epochs", "1", "--batch", "2", "--init", "bogus"], "--init"),
    ],
)
def test_bad_arguments_are_one_line(tmp_path, capsys, extra, needle):
    rc, _, err = run(train_args(tmp_path, *extra), capsys)
    assert rc == 2 and err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_damaged_data_file_names_row_and_column(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("x[0],x[1],y\n-3,-3,1\n-2,oops,1\n")
    rc, _, err = run(train_args(tmp_path, "--optimizer", "sgd", "--epochs", "1", "--batch", "2", data=str(bad)), capsys)
    assert rc == 2 and err.count("\n") == 1
    assert "bad.csv" in err and "3" in err and "x[1]" in err
    assert not (tmp_path / "p.json").exists()


def test_pinned_flags(tmp_path, capsys):
    """Every pinned flag, spelled as in the issue, in one run."""
    pytest.importorskip("matplotlib")
    argv = [
        "train", SPEC, "--data", str(examples_dir() / "seed003_four_points.csv"),
        "--optimizer", "sgd", "--set", "lr=0.5", "momentum=0.5", "--epochs", "2", "--batch", "2",
        "--seed", "1", "--init", "zeros", "--plot", str(tmp_path / "loss.png"),
        "--out", str(tmp_path / "params.json"), "--quiet",
    ]  # fmt: skip
    rc, out, _ = run(argv, capsys)
    assert rc == 0 and out.startswith("done: 2 epochs")
    assert (tmp_path / "loss.png").is_file() and set(read_params(tmp_path / "params.json")) == {"w"}


def test_progress_bar_on_a_terminal(tmp_path, capsys, monkeypatch):
    """stdout a terminal: a tqdm bar (on stderr) with the running loss instead of per-epoch lines."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    rc, out, err = run(train_args(tmp_path, "--optimizer", "sgd", "--epochs", "3", "--batch", "2"), capsys)
    assert rc == 0 and "epoch 1/3" not in out and "done: 3 epochs, 6 steps" in out
    assert "6/6" in err and "loss=" in err
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    rc, out, err = run(train_args(tmp_path, "--optimizer", "sgd", "--epochs", "3", "--batch", "2", "--quiet"), capsys)
    assert rc == 0 and err == "" and out.startswith("done:")


def test_bundled_data_is_seed_003_table():
    """The bundled CSV holds seed 003's four points (its table: x1, x2, y)."""
    rows = (examples_dir() / "seed003_four_points.csv").read_text().split()
    assert rows[0] == "x[0],x[1],y"
    got = np.array([[float(v) for v in r.split(",")] for r in rows[1:]])
    np.testing.assert_array_equal(got, np.column_stack([X, Y]))
