"""`symgrad check`: compiled kernels against independent numeric references.

At random points (random parameters and a small batch of random data with valid targets) the
compiled objective, gradient, HVP, Hessian (small models), forward outputs and Jacobian are
compared with

* graph-wise reverse mode in numpy (codegen.reference_graph, seed 000 Definition 6.6),
* layer-wise backprop + R-operator HVP (codegen.reference, Definition 6.3) for layered specs,
* central finite differences (of the compiled objective along random directions, and of the
  graph-wise reference gradient along u for the HVP).

`run_check(graph, points=N)` returns (rows, ok); each row is one quantity against one reference
with the max absolute / relative error over the points and the tolerance used.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from symbolic.catalogue import CATALOGUE
from symbolic.graph import Graph
from symbolic.spec_schema import ALPHA_ACTIVATIONS

from . import reference as ref_layer
from . import reference_graph as ref_graph

__all__ = [
    "TOLERANCES",
    "CheckError",
    "Row",
    "compare_references",
    "format_table",
    "random_point",
    "run_check",
    "spec_dict",
]

# (rtol, atol) per kind of comparison and dtype
TOLERANCES = {
    ("exact", "float64"): (1e-9, 1e-11),
    ("fd", "float64"): (2e-5, 2e-6),
    ("exact", "float32"): (2e-3, 2e-4),
    ("fd", "float32"): (2e-2, 2e-3),
}
HESSIAN_MAX = 200  # dense Hessian checked up to this many parameters
JACOBIAN_MAX = 200


class CheckError(ValueError):
    """The check cannot run (e.g. no random point where the objective is finite); one line."""


@dataclass
class Row:
    quantity: str
    reference: str
    abs_err: float
    rel_err: float
    tol: tuple
    ok: bool
    scale: float = 0.0

    def as_tuple(self):
        return (self.quantity, self.reference, self.abs_err, self.rel_err, self.ok)


# ---- layer-wise spec and random points --------------------------------------------------------------


def spec_dict(graph: Graph) -> dict | None:
    """The layered spec as a plain dict for codegen.reference (None for assignment graphs and for
    layered models with a layer the layer-wise reference does not implement: their check rests
    on the graph-wise reference alone)."""
    d = _layered_dict(graph)
    if d is None:
        return None
    try:
        shapes = ref_layer.param_shapes(d)
    except (ValueError, KeyError, TypeError):
        return None
    return d if {k: tuple(v) for k, v in shapes.items()} == dict(graph.params) else None


def _layered_dict(graph: Graph) -> dict | None:
    if not graph.info.layered:
        return None
    src = graph.info.source
    if src and Path(src).is_file():
        try:
            d = tomllib.loads(Path(src).read_text(encoding="utf-8"))
            if "layers" in d:
                return d
        except (OSError, tomllib.TOMLDecodeError):
            pass
    layers = []
    by = graph.by_name
    for i, L in enumerate(graph.info.layers, 1):
        entry: dict[str, object] = {"activation": L.activation}
        if L.kind in ("flatten", "layernorm"):
            entry[L.kind] = True
        else:
            entry[L.kind] = L.units  # dense units, conv channels, pooling window, attention heads
        if L.kind == "layernorm":
            entry["eps"] = L.eps
        if L.kind in ("dense", "conv2d"):
            entry["bias"] = L.bias
        if L.kind == "attention":
            entry["bias"] = f"bq{i}" in graph.params
        if L.kind == "conv2d":
            entry.update(kernel=L.kernel, stride=L.stride, padding=L.padding)
        if L.kind in ("maxpool", "avgpool"):
            entry["stride"] = L.stride
        if L.residual:
            entry["residual"] = True
        if L.activation in ALPHA_ACTIVATIONS:
            e = by[L.h].expr
            if e is not None and len(e.args) == 2:
                entry["alpha"] = float(e.args[1])
        layers.append(entry)
    loss = graph.info.loss.as_dict() if graph.info.loss is not None else {"type": "mse", "half": True}
    loss["reduction"] = graph.info.reduction
    shape = graph.info.input_shape
    width = graph.info.input_width if graph.info.input_width is not None else list(shape or ())
    d = {"model": {"input": width}, "layers": layers, "loss": loss}
    if graph.info.penalty is not None:
        d["penalty"] = graph.info.penalty.as_dict()
    return d


def random_point(graph: Graph, rng: np.random.Generator, batch: int, scale: float = 1.0):
    """(params, data) with valid targets; data arrays carry a leading batch axis."""
    spec = spec_dict(graph)
    if spec is not None:
        params, x, y = ref_layer.random_problem(spec, batch, rng, scale=scale)
        return params, {"x": x, "y": y}
    base = graph.values or {}
    params = {}
    for p, s in graph.params.items():
        c = np.asarray(base.get(p, np.zeros(s)), dtype=float).reshape(s)
        params[p] = c + 0.5 * scale * rng.standard_normal(s)
    data = {}
    for name, s in graph.inputs.items():
        if name in base:
            c = np.asarray(base[name], dtype=float).reshape(s)
            data[name] = c + 0.1 * scale * np.abs(c + 0.1) * rng.standard_normal((batch, *s))
        else:
            data[name] = rng.standard_normal((batch, *s))
    return params, data


def _samples(data: dict, i: int) -> dict:
    return {k: v[i] for k, v in data.items()}


def _layer_xy(data):
    return data["x"], data["y"]


# ---- comparisons -----------------------------------------------------------------------------------------


def _flat(v) -> np.ndarray:
    if isinstance(v, dict):
        return np.concatenate([np.ravel(np.asarray(x, dtype=float)) for x in v.values()]) if v else np.zeros(0)
    return np.ravel(np.asarray(v, dtype=float))


class _Acc:
    def __init__(self, dtype):
        self.dtype = dtype
        self.rows: dict[tuple, Row] = {}

    def add(self, quantity, reference, got, want, kind="exact"):
        got, want = _flat(got), _flat(want)
        rtol, atol = TOLERANCES[(kind, self.dtype)]
        if got.shape != want.shape:
            err, rel, ok, sc = math.inf, math.inf, False, 0.0
        else:
            d = np.abs(got - want)
            sc = float(np.max(np.abs(want))) if want.size else 0.0
            err = float(np.max(d)) if d.size else 0.0
            if not np.all(np.isfinite(got)) or not np.all(np.isfinite(want)):
                err = math.inf if not np.array_equal(got, want, equal_nan=True) else 0.0
            rel = err / sc if sc > 0 else (0.0 if err == 0 else math.inf)
            ok = err <= atol + rtol * sc
        key = (quantity, reference)
        old = self.rows.get(key)
        if old is None or err > old.abs_err or (old.ok and not ok):
            self.rows[key] = Row(quantity, reference, err, rel, (rtol, atol), ok and (old.ok if old else True), sc)
        elif not ok:
            old.ok = False


def _ref_batch(graph, params, data):
    """reference_graph.batch_loss_and_grad; a model without inputs is one sample."""
    if not graph.inputs:
        f, g, _ = ref_graph.graph_backprop(graph, dict(params))
        return f, g
    return ref_graph.batch_loss_and_grad(graph, params, data)


def _graph_batch_hvp_fd(graph, params, data, u, eps=1e-5):
    plus = {p: params[p] + eps * u[p] for p in params}
    minus = {p: params[p] - eps * u[p] for p in params}
    gp = _ref_batch(graph, plus, data)[1]
    gm = _ref_batch(graph, minus, data)[1]
    return {p: (gp[p] - gm[p]) / (2 * eps) for p in graph.params}  # the graph's order, as the kernel's


def compare_references(graph: Graph, points: int = 1, *, batch: int = 3, seed: int = 0) -> tuple[list[Row], bool]:
    """The numpy half of `run_check`, nothing compiled: at `points` random points of a layered
    graph, the layer-wise objective, gradient and R-operator HVP against the graph-wise
    objective and gradient and central differences of the graph-wise gradient."""
    spec = spec_dict(graph)
    if spec is None:
        raise CheckError(
            f"{graph.name} is not a layered spec the layer-wise reference covers "
            "(it needs [[layers]] of the kinds codegen.reference implements)"
        )
    acc = _Acc("float64")
    rng = np.random.default_rng(seed)
    for _ in range(points):
        params, data = _good_point(graph, rng, batch)
        u = {p: rng.standard_normal(s) for p, s in graph.params.items()}
        x, y = _layer_xy(data)
        ll, lg, lh = ref_layer.hvp(spec, params, x, y, u)
        rl, rg = _ref_batch(graph, params, data)
        acc.add("objective", "graph-wise", ll, rl)
        acc.add("gradient", "graph-wise", {p: lg[p] for p in graph.params}, rg)
        acc.add(
            "hvp",
            "FD of graph-wise grad",
            {p: lh[p] for p in graph.params},
            _graph_batch_hvp_fd(graph, params, data, u),
            "fd",
        )
    rows = list(acc.rows.values())
    return rows, all(r.ok for r in rows)


def run_check(
    graph: Graph,
    points: int = 3,
    *,
    dtype: str = "float64",
    batch: int = 4,
    seed: int = 0,
    kernel=None,
    portable: bool = False,
    kernel64=None,
):
    """Compile (or use `kernel`) and compare at `points` random points; returns (rows, ok).
    The points are drawn first, so a model without a finite random point fails (CheckError)
    before anything is compiled."""
    from .kernel import compile as kcompile

    if not graph.inputs:
        batch = 1
    rng = np.random.default_rng(seed)
    drawn = [_good_point(graph, rng, batch) for _ in range(points)]
    k = kernel or kcompile(graph, dtype=dtype, portable=portable)
    dtype = k.dtype.name
    k64 = k if dtype == "float64" else kernel64
    if k64 is None:  # float32 kernels: FD steps need a float64 objective and gradient
        k64 = kcompile(graph, dtype="float64", what=("loss_grad", "hvp"), portable=portable)
    acc = _Acc(dtype)
    spec = spec_dict(graph)
    P = k.n_params
    for params, data in drawn:
        theta, D = k.pack(params), k.pack_data(data)
        u = {p: rng.standard_normal(s) for p, s in graph.params.items()}
        loss, grads = k.loss_and_grad(params, data)
        l2, g2, hv = k.hvp(params, data, u)
        # graph-wise reference (numpy, hand-coded local derivatives)
        rl, rg = _ref_batch(graph, params, data)
        acc.add("objective", "graph-wise", loss, rl)
        acc.add("gradient", "graph-wise", grads, rg)
        acc.add("hvp: objective, gradient", "loss_and_grad", [l2, *_flat(g2)], [loss, *_flat(grads)])
        # layer-wise reference
        if spec is not None:
            x, y = _layer_xy(data)
            ll, lg = ref_layer.loss_and_grad(spec, params, x, y)
            _, _, lh = ref_layer.hvp(spec, params, x, y, u)
            acc.add("objective", "layer-wise", loss, ll)
            acc.add("gradient", "layer-wise", grads, {p: lg[p] for p in graph.params})
            acc.add("hvp", "layer-wise (R-op)", hv, {p: lh[p] for p in graph.params})
        # finite differences
        acc.add("hvp", "FD of graph-wise grad", hv, _graph_batch_hvp_fd(graph, params, data, u), "fd")
        kf = k64
        th64 = np.asarray(theta, dtype=np.float64)
        D64 = np.asarray(D, dtype=np.float64)
        for _ in range(2):
            v = rng.standard_normal(P)
            eps = 1e-6 * max(1.0, float(np.linalg.norm(th64)) / math.sqrt(P))
            fp = kf.loss_and_grad_flat(th64 + eps * v, D64)[0]
            fm = kf.loss_and_grad_flat(th64 - eps * v, D64)[0]
            acc.add("gradient·v", "FD of compiled objective", float(_flat(grads) @ v), (fp - fm) / (2 * eps), "fd")
            if "hvp" in kf.functions:
                gp = kf.loss_and_grad_flat(th64 + eps * 10 * v, D64)[1]
                gm = kf.loss_and_grad_flat(th64 - eps * 10 * v, D64)[1]
                hv_v = kf.hvp_flat(th64, D64, v)[2]
                acc.add(
                    "hvp",
                    "FD of compiled gradient",
                    hv_v.astype(float) if dtype == "float64" else k.hvp_flat(theta, D, v.astype(k.dtype))[2],
                    (gp - gm) / (20 * eps),
                    "fd",
                )
        # Hessian
        if "hessian" in k.functions and P <= HESSIAN_MAX:
            H = k.hessian(params, data)
            if spec is not None:
                x, y = _layer_xy(data)
                cols = []
                for j in range(P):
                    e = np.zeros(P)
                    e[j] = 1.0
                    cols.append(_flat(ref_layer.hvp(spec, params, x, y, k.unpack(e))[2]))
                Href = np.array(cols).T
                acc.add("hessian", "layer-wise (R-op)", H, 0.5 * (Href + Href.T))
            else:
                cols = []
                for j in range(P):
                    e = np.zeros(P)
                    e[j] = 1.0
                    cols.append(_flat(_graph_batch_hvp_fd(graph, params, data, k.unpack(e))))
                Href = np.array(cols).T
                acc.add("hessian", "FD of graph-wise grad", H, 0.5 * (Href + Href.T), "fd")
            acc.add("hessian·u", "compiled hvp", H @ _flat(u), hv)
        # forward outputs and Jacobian, per sample
        if "forward" in k.functions:
            fw = k.forward(params, data)
            for i in range(batch):
                vals = ref_graph.graph_forward(graph, {**params, **_samples(data, i)})
                for o in fw:
                    acc.add("forward", "graph-wise", fw[o][i] if graph.inputs else fw[o], vals[o])
        if "jacobian" in k.functions and P + k.data_width <= JACOBIAN_MAX:
            J = k.jacobian(params, data)
            for i in range(min(batch, 2)):
                sample = {**params, **_samples(data, i)}
                wrt = [c.name for c in k.layout.jac_cols]
                rows = []
                for f in k.layout.outputs:
                    gfd = {}
                    for o_idx in _indices(f.shape):
                        gfd[o_idx] = _fd_output(graph, sample, f.name, o_idx, wrt)
                    rows += [gfd[o_idx] for o_idx in _indices(f.shape)]
                Jfd = np.array(rows)
                acc.add("jacobian", "FD of graph-wise forward", J[i] if graph.inputs else J, Jfd, "fd")
    rows = list(acc.rows.values())
    return rows, all(r.ok for r in rows)


def _indices(shape):
    from symbolic.graph import all_indices

    return list(all_indices(shape))


def _fd_output(graph, sample, out, o_idx, wrt, eps=1e-6):
    row = []
    for w in wrt:
        shape = graph.shape_of(w)
        v0 = np.asarray(sample[w], dtype=float).reshape(shape)
        for idx in _indices(shape):
            vp, vm = v0.copy(), v0.copy()
            vp[idx] += eps
            vm[idx] -= eps
            fp = np.asarray(ref_graph.graph_forward(graph, {**sample, w: vp}, out)[out])[o_idx]
            fm = np.asarray(ref_graph.graph_forward(graph, {**sample, w: vm}, out)[out])[o_idx]
            row.append((float(fp) - float(fm)) / (2 * eps))
    return row


def _good_point(graph, rng, batch, tries=20):
    """A random point with a finite objective and gradient and, if one is found, kinks well
    away from FD steps; CheckError when no point with a finite objective turns up."""
    scale = 1.0
    usable = None
    for _ in range(tries):
        params, data = random_point(graph, rng, batch, scale)
        try:
            with np.errstate(all="ignore"):
                l, g = _ref_batch(graph, params, data)
                finite = math.isfinite(l) and all(np.all(np.isfinite(v)) for v in g.values())
                if finite:
                    usable = usable or (params, data)
                    if min(ref_graph.kink_margin(graph, {**params, **_samples(data, i)}) for i in range(batch)) >= 1e-3:
                        return params, data
        except (ValueError, FloatingPointError, ZeroDivisionError):
            pass
        scale *= 0.7
    if usable is None:
        raise CheckError(
            f"no random point where the objective of {graph.name} and its gradient "
            f"are finite in {tries} tries{_domain_hint(graph)}"
        )
    return usable


def _domain_hint(graph: Graph) -> str:
    """Why random points may fall outside the model's domain (layered specs), or ''."""
    layers = graph.info.layers
    loss = graph.info.loss_type
    last = layers[-1].activation if layers else None
    need = CATALOGUE[loss].domain if loss in CATALOGUE else "real"  # as the catalogue declares
    have = CATALOGUE[last].range if last in CATALOGUE else "real"
    if need == "positive" and have not in ("positive", "unit"):
        return (
            f" (loss {loss} takes the logarithm of the outputs: give the last layer a "
            "positive activation such as softmax or sigmoid)"
        )
    if need == "unit" and have != "unit":
        return f" (loss {loss} takes probabilities: give the last layer a sigmoid activation)"
    for i, L in enumerate(layers, 1):
        if CATALOGUE[L.activation].domain == "positive" and not L.bias:
            return f" (layer {i}: {L.activation} needs positive pre-activations; a bias lets the check choose them)"
    return ""


def format_table(rows: list[Row], title: str = "") -> str:
    w = max([len(r.quantity) for r in rows] + [8])
    wr = max([len(r.reference) for r in rows] + [9])
    out = [title] if title else []
    out.append(
        f"{'quantity':<{w}}  {'reference':<{wr}}  {'max abs err':>11}  {'max rel err':>11}  {'tolerance':>17}  ok"
    )
    out.append("-" * (w + wr + 52))
    for r in rows:
        tol = f"{r.tol[0]:.0e}·|ref|+{r.tol[1]:.0e}"
        out.append(
            f"{r.quantity:<{w}}  {r.reference:<{wr}}  {r.abs_err:11.3e}  {r.rel_err:11.3e}  "
            f"{tol:>17}  {'ok' if r.ok else 'FAIL'}"
        )
    return "\n".join(out)
