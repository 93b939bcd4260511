"""The layout functions of the spec grammar — conv2d, im2col, maxpool2d, avgpool2d, reshape,
flatten — lowered to gather maps + matmul + elementwise max: forward values and gradients
against direct-loop numpy references written here (and PyTorch's own layers where installed),
H·u against finite differences, compiled kernels against the numpy evaluation, `symgrad check`,
and one-line errors for bad geometry."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import numpy as np
import pytest
from _nn_loops import conv2d_loops, pool_loops

from codegen.cli import main
from symbolic.graph import GraphError
from symbolic.point import evaluate_point
from symbolic.spec import SpecError, load_spec


def spec(tmp_path: Path, text: str) -> str:
    p = tmp_path / "m.toml"
    p.write_text(text)
    return str(p)


def fd_grad(f, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = h
        g[idx] = (f(x + e) - f(x - e)) / (2 * h)
    return g


GEOMETRIES = [  # C, H, W, O, k, stride, padding
    (1, 5, 5, 2, 3, 1, 1),
    (3, 6, 7, 2, 3, 2, 0),
    (2, 4, 4, 3, 1, 1, 0),
    (1, 7, 5, 1, 2, 2, 2),
]


@pytest.mark.parametrize("geo", GEOMETRIES, ids=lambda g: "C{}H{}W{}O{}k{}s{}p{}".format(*g))
def test_conv2d_value_and_gradients_match_direct_loops(tmp_path, geo):
    C, H, Wd, O, k, s, p = geo
    ho, wo = (H + 2 * p - k) // s + 1, (Wd + 2 * p - k) // s + 1
    g = load_spec(
        spec(
            tmp_path,
            f"""[model]
name = "conv"
inputs = ["x[{C},{H},{Wd}]", "t[{O},{ho},{wo}]"]
params = ["W[{O},{C},{k},{k}]", "b[{O}]"]
objective = "L"
[forward]
z = "conv2d(x, W, b, stride={s}, padding={p})"
L = "sum(tanh(z)*t)"
""",
        )
    )
    rng = np.random.default_rng(sum(geo))
    v = {
        "x": rng.normal(size=(C, H, Wd)),
        "t": rng.normal(size=(O, ho, wo)),
        "W": rng.normal(size=(O, C, k, k)),
        "b": rng.normal(size=O),
    }
    r = evaluate_point(g, v)
    np.testing.assert_allclose(r.env["z"], conv2d_loops(v["x"], v["W"], v["b"], s, p), atol=1e-12)

    def L(W=v["W"], b=v["b"], x=v["x"]):
        return float(np.sum(np.tanh(conv2d_loops(x, W, b, s, p)) * v["t"]))

    np.testing.assert_allclose(r.grad["W"], fd_grad(lambda W: L(W=W), v["W"]), atol=1e-7)
    np.testing.assert_allclose(r.grad["b"], fd_grad(lambda b: L(b=b), v["b"]), atol=1e-7)
    np.testing.assert_allclose(r.adjoints["x"], fd_grad(lambda x: L(x=x), v["x"]), atol=1e-7)


@pytest.mark.parametrize("how, k, stride", [("max", 2, 2), ("max", 3, 1), ("avg", 2, 2), ("avg", 2, 1)])
def test_pooling_value_and_gradient_match_direct_loops(tmp_path, how, k, stride):
    C, H, Wd = 2, 5, 4
    ho, wo = (H - k) // stride + 1, (Wd - k) // stride + 1
    g = load_spec(
        spec(
            tmp_path,
            f"""[model]
name = "pool"
inputs = ["t[{C},{ho},{wo}]"]
params = ["A[{C},{H},{Wd}]"]
objective = "L"
[forward]
p = "{how}pool2d(A, {k}, stride={stride})"
L = "sum(p*t)"
""",
        )
    )
    rng = np.random.default_rng(7)
    v = {"A": rng.normal(size=(C, H, Wd)), "t": rng.normal(size=(C, ho, wo))}
    r = evaluate_point(g, v)
    np.testing.assert_allclose(r.env["p"], pool_loops(v["A"], k, stride, how), atol=1e-14)
    fd = fd_grad(lambda A: float(np.sum(pool_loops(A, k, stride, how) * v["t"])), v["A"])
    np.testing.assert_allclose(r.grad["A"], fd, atol=1e-7)


def test_seed_002_max_pooling_example_with_a_tie_routes_to_the_first_entry(tmp_path):
    """Seed 002 §1.3.6's 4×4 image A, 2×2 pooling, stride 2; plus a tie: the gradient goes to the
    first maximal entry of the window in row-major order, as PyTorch's max_pool2d."""
    A = [[2, 3, 6, 8], [5, 4, 9, 7], [1, 2, 6, 0], [4, 3, 2, 1]]
    g = load_spec(
        spec(
            tmp_path,
            f"""[model]
name = "pool4"
params = ["A[4,4]"]
objective = "J"
[forward]
P = "maxpool2d(A, 2)"
J = "sum(P)"
[values]
A = {A}
""",
        )
    )
    r = evaluate_point(g, g.values)
    np.testing.assert_array_equal(r.env["P"], [[5, 9], [4, 6]])  # the seed's pooled matrix
    mask = np.zeros((4, 4))
    mask[1, 0] = mask[1, 2] = mask[3, 0] = mask[2, 2] = 1
    np.testing.assert_array_equal(r.grad["A"], mask)
    tie = np.array([[1.0, 1.0], [0.0, 1.0]])
    r = evaluate_point(g, {"A": np.kron(np.ones((2, 2)), tie)})
    first = np.zeros((4, 4))
    first[0, 0] = first[0, 2] = first[2, 0] = first[2, 2] = 1
    np.testing.assert_array_equal(r.grad["A"], first)


def test_reshape_flatten_and_im2col(tmp_path):
    g = load_spec(
        spec(
            tmp_path,
            """[model]
name = "shapes"
params = ["A[2,3,4]"]
objective = "L"
[forward]
f = "flatten(A)"
R = "reshape(A, 6, 4)"
P = "im2col(A, 2, stride=1, padding=0)"
L = "sum(f**2) + sum(R[0]*R[5]) + sum(P**3)"
""",
        )
    )
    A = np.arange(24.0).reshape(2, 3, 4) / 10
    r = evaluate_point(g, {"A": A})
    np.testing.assert_array_equal(r.env["f"], A.reshape(-1))
    np.testing.assert_array_equal(r.env["R"], A.reshape(6, 4))
    # φ(A): rows (c, di, dj), columns the 2×3 window positions
    cols = np.array(
        [
            [A[c, i + di, j + dj] for i in range(2) for j in range(3)]
            for c in range(2)
            for di in range(2)
            for dj in range(2)
        ]
    )
    np.testing.assert_array_equal(r.env["P"], cols)

    def L(A):
        R = A.reshape(6, 4)
        P = np.array(
            [
                [A[c, i + di, j + dj] for i in range(2) for j in range(3)]
                for c in range(2)
                for di in range(2)
                for dj in range(2)
            ]
        )
        return float(np.sum(A**2) + np.sum(R[0] * R[5]) + np.sum(P**3))

    np.testing.assert_allclose(r.grad["A"], fd_grad(L, A), atol=1e-6)


CNN = """[model]
name = "tiny_cnn"
inputs = ["x[1,6,6]", "y[3]"]
params = ["W1[2,1,3,3]", "b1[2]", "W2[3,8]", "b2[3]"]
objective = "L"
[forward]
z1 = "conv2d(x, W1, b1, padding=1)"
h1 = "relu(z1)"
p1 = "maxpool2d(h1, 3)"
f = "flatten(p1)"
z2 = "W2 @ f + b2"
L = "cross_entropy(z2, y)"
"""


def test_hvp_matches_finite_differences_of_the_gradient(tmp_path):
    g = load_spec(spec(tmp_path, CNN))
    rng = np.random.default_rng(3)
    v = {n: rng.normal(size=s) for n, s in {**g.params, "x": (1, 6, 6)}.items()}
    v["y"] = np.array([0.0, 1.0, 0.0])
    u = {n: rng.normal(size=s) for n, s in g.params.items()}
    r = evaluate_point(g, v, direction=u)
    h = 1e-6
    plus = evaluate_point(g, {**v, **{p: v[p] + h * u[p] for p in u}}).grad
    minus = evaluate_point(g, {**v, **{p: v[p] - h * u[p] for p in u}}).grad
    for p in u:
        np.testing.assert_allclose(r.hvp[p], (plus[p] - minus[p]) / (2 * h), atol=1e-5)


def test_compiled_kernel_matches_the_numpy_evaluation_over_a_batch(tmp_path):
    pytest.importorskip("cffi")
    from codegen.build import BuildError, find_compiler
    from codegen.kernel import compile as compile_kernel

    try:
        find_compiler()
    except BuildError:
        pytest.skip("no C compiler")
    g = load_spec(spec(tmp_path, CNN))
    rng = np.random.default_rng(5)
    params = {n: rng.normal(size=s) for n, s in g.params.items()}
    n = 5
    X, Y = rng.normal(size=(n, 1, 6, 6)), np.eye(3)[rng.integers(0, 3, n)]
    k = compile_kernel(g)
    loss, grad = k.loss_and_grad(params, {"x": X, "y": Y})
    u = {p: rng.normal(size=s) for p, s in g.params.items()}
    _, _, hvp = k.hvp(params, {"x": X, "y": Y}, u)
    want_loss, want = 0.0, {p: np.zeros(s) for p, s in g.params.items()}
    want_hvp = {p: np.zeros(s) for p, s in g.params.items()}
    for i in range(n):  # the spec's default reduction is the mean
        r = evaluate_point(g, {**params, "x": X[i], "y": Y[i]}, direction=u)
        want_loss += r.objective / n
        for p in want:
            want[p] += r.grad[p] / n
            want_hvp[p] += r.hvp[p] / n
    assert loss == pytest.approx(want_loss, rel=1e-12)
    for p in want:
        np.testing.assert_allclose(grad[p], want[p], rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(hvp[p], want_hvp[p], rtol=1e-10, atol=1e-13)


def test_symgrad_check_passes_on_a_cnn(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", spec(tmp_path, CNN), "--points", "2", "--batch", "3"])
    assert code == 0, out.getvalue() + err.getvalue()
    assert "PASS" in out.getvalue()


def test_against_pytorch_layers(tmp_path):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    g = load_spec(spec(tmp_path, CNN))
    rng = np.random.default_rng(11)
    v = {n: rng.normal(size=s) for n, s in g.params.items()}
    v["x"], v["y"] = rng.normal(size=(1, 6, 6)), np.array([0.0, 0.0, 1.0])
    r = evaluate_point(g, v)
    t = {n: torch.tensor(a, requires_grad=True) for n, a in v.items()}
    z1 = F.conv2d(t["x"][None], t["W1"], t["b1"], padding=1)
    p1 = F.max_pool2d(torch.relu(z1), 3)
    z2 = t["W2"] @ p1.reshape(-1) + t["b2"]
    L = F.cross_entropy(z2[None], torch.tensor([2]))
    L.backward()
    assert r.objective == pytest.approx(L.item(), rel=1e-12)
    for p in g.params:
        np.testing.assert_allclose(r.grad[p], t[p].grad.numpy(), rtol=1e-10, atol=1e-13)


@pytest.mark.parametrize(
    "line, words",
    [
        ('z = "conv2d(x, V)"', ["conv2d() weights must be (out, in, k, k)"]),
        ('z = "conv2d(x, K)"', ["take 3 input channels", "has 1"]),
        ('z = "maxpool2d(x, 7)"', ["does not fit"]),
        ('z = "maxpool2d(x, 2.5)"', ["must be a non-negative integer"]),
        ('z = "maxpool2d(x, 2, size=3)"', ["has no parameter 'size'"]),
        ('z = "reshape(x, 4, 5)"', ["cannot reshape"]),
        ('z = "convv2d(x, K)"', ["did you mean", "conv2d"]),
    ],
)
def test_bad_geometry_is_a_one_line_error(tmp_path, line, words):
    text = f"""[model]
name = "bad"
inputs = ["x[1,5,5]"]
params = ["V[2,3]", "K[2,3,3,3]"]
objective = "L"
[forward]
{line}
L = "sum(z)"
"""
    with pytest.raises((SpecError, GraphError)) as e:
        load_spec(spec(tmp_path, text))
    msg = str(e.value)
    assert "\n" not in msg
    for w in words:
        assert w in msg, msg
