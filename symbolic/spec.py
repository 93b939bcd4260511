"""Spec files (TOML via tomllib) → Graph, in the assignment form and the layered form.

Errors are SpecError with one line naming the file, the line where it can be found, and the
name at fault. Both forms lower through the same Lowerer, so they produce the same graph.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import replace
from pathlib import Path

import numpy as np

from .catalogue import CATALOGUE, activation_names
from .graph import Graph, GraphError, Shape
from .layers import LAYER_KINDS, LayerError, LayerSpec, PenaltyError, layer_shapes, mlp_lines, penalty_lines
from .limits import MAX_ASSIGNMENTS
from .lowering import Lowerer
from .objective import ObjectiveInfo, TableOptions
from .parser import ParseError, names_in, parse_expression
from .spec_schema import (
    ALPHA_ACTIVATIONS,
    ASSIGNMENT_ONLY_TABLES,
    LAYER_KEYS,
    LAYERED_ONLY_TABLES,
    LOSS_COMMON,
    LOSS_OPTIONS,
    LOSS_TYPES,
    MODEL_ASSIGNMENT,
    MODEL_LAYERED,
    REDUCTIONS,
    TABLES,
    number_problem,
    suggest,
    unknown_keys,
)

NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
HEADER_RE = re.compile(r"^\s*\[")


class SpecError(ValueError):
    """Bad spec: str(e) is one line 'file:line: message'."""


class _Ctx:
    def __init__(self, path: str, text: str):
        self.path, self.text = path, text
        self.lines = text.splitlines()

    def table_line(self, section: str, occurrence: int = 1) -> int | None:
        """Line (1-based) of the `occurrence`-th [section] or [[section]] header."""
        pat = re.compile(r"^\s*\[+\s*" + re.escape(section) + r"\s*\]+")
        seen = 0
        for i, ln in enumerate(self.lines):
            if pat.match(ln):
                seen += 1
                if seen == occurrence:
                    return i + 1
        return None

    def line_of(self, key: str, section: str | None = None, occurrence: int = 1) -> int | None:
        """Line of `key = …` inside [section] (its `occurrence`-th header), else anywhere."""
        pat = re.compile(r'^\s*["\']?' + re.escape(key) + r'["\']?\s*=')
        head = self.table_line(section, occurrence) if section else None
        if head is not None:
            for i in range(head, len(self.lines)):
                if HEADER_RE.match(self.lines[i]):
                    break
                if pat.match(self.lines[i]):
                    return i + 1
        for i, ln in enumerate(self.lines):
            if pat.match(ln):
                return i + 1
        return head

    def error(self, msg: str, key: str | None = None, section: str | None = None, occurrence: int = 1) -> SpecError:
        if key:
            line = self.line_of(key, section, occurrence)
        else:
            line = self.table_line(section, occurrence) if section else None
        where = f"{self.path}:{line}" if line else self.path
        return SpecError(f"{where}: {msg}")


def load_spec(path: str | Path) -> Graph:
    """Read a spec file and return its validated graph."""
    from .textfile import read_user_text

    return parse_spec(read_user_text(path, "spec", SpecError), str(path))


def parse_spec(text: str, path: str = "<spec>") -> Graph:
    """Parse spec text (TOML) into a validated Graph."""
    ctx = _Ctx(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise SpecError(f"{path}: invalid TOML: {e}") from None
    except RecursionError:
        raise SpecError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    _check_tables(data, ctx)
    if "optimizer" in data:
        from .optim import optimizer_problem

        found = optimizer_problem(data["optimizer"])
        if found:
            raise ctx.error(found[1], found[0], "optimizer")
    try:
        if "layers" in data:
            g = _layered(data, ctx)
        else:
            g = _assignment(data, ctx)
        g.values = _values(data.get("values", {}), g, ctx)
        opt = TableOptions.of(data["optimizer"], "") if "optimizer" in data else None
        g.info = replace(g.info, optimizer=opt, source=g.info.source or path)
        return g.validate()
    except GraphError as e:
        name = re.match(r"^'([^']+)'", str(e))
        raise ctx.error(str(e), name.group(1) if name else None, "forward") from None


def _check_tables(data: dict, ctx: _Ctx) -> None:
    """Every top-level name is a known table of the right kind for the spec's form."""
    for table, body in data.items():
        if table not in TABLES:
            if not isinstance(body, (dict, list)):
                in_model = table in MODEL_ASSIGNMENT + MODEL_LAYERED
                hint = " (it belongs in [model])" if in_model else suggest(table, TABLES)
                raise ctx.error(f"key '{table}' is outside any table{hint}", table)
            close = difflib.get_close_matches(table, TABLES, n=1)
            hint = f" (did you mean [{close[0]}]?)" if close else ""
            raise ctx.error(f"unknown table [{table}]{hint}", None, table)
        if table == "layers":
            if isinstance(body, dict):
                raise ctx.error(
                    "layers must be an array of tables: write [[layers]] (double brackets) for each layer",
                    None,
                    "layers",
                )
            if not isinstance(body, list) or not all(isinstance(L, dict) for L in body):
                raise ctx.error(
                    "layers must be [[layers]] tables, one per layer (each with dense = units)", "layers", "layers"
                )
        elif not isinstance(body, dict):
            raise ctx.error(f"[{table}] must be a table", table)
    if "model" not in data:
        raise ctx.error("missing [model] table")
    layered = "layers" in data
    misplaced = ASSIGNMENT_ONLY_TABLES if layered else LAYERED_ONLY_TABLES
    for table in misplaced:
        if table in data:
            why = (
                "does not apply to a layered model ([[layers]])"
                if layered
                else "applies only to a layered model ([[layers]]); in the assignment form write it as a [forward] line"
            )
            raise ctx.error(f"[{table}] {why}", None, table)
    if len(data.get("forward", {})) > MAX_ASSIGNMENTS:
        raise ctx.error(
            f"[forward] has {len(data['forward'])} assignments; the limit is {MAX_ASSIGNMENTS}", None, "forward"
        )
    if layered and len(data["layers"]) > MAX_ASSIGNMENTS:
        raise ctx.error(f"{len(data['layers'])} layers; the limit is {MAX_ASSIGNMENTS}", None, "layers")
    model = data["model"]
    valid, other = (MODEL_LAYERED, MODEL_ASSIGNMENT) if layered else (MODEL_ASSIGNMENT, MODEL_LAYERED)
    why = "to a layered model ([[layers]])" if layered else "to an assignment-form model (it is for [[layers]] models)"
    bad = unknown_keys(model, "[model]", valid, other, why)
    if bad:
        raise ctx.error(bad[1], bad[0], "model")
    if "name" in model and not isinstance(model["name"], str):
        raise ctx.error("[model] name must be a string", "name", "model")


# ---- declarations ---------------------------------------------------------------------------------


def _shape_of(v, name: str, ctx: _Ctx, section: str) -> Shape:
    if isinstance(v, int) and not isinstance(v, bool):
        shape = (v,) if v > 0 else ()
    elif isinstance(v, list) and all(isinstance(d, int) and not isinstance(d, bool) for d in v):
        shape = tuple(v)
    else:
        raise ctx.error(f"shape of '{name}' must be an integer or a list of integers", name, section)
    if any(d <= 0 for d in shape) or len(shape) > 4:
        raise ctx.error(f"shape of '{name}' must have at most 4 positive dimensions, got {list(shape)}", name, section)
    return shape


def _decls(raw, what: str, ctx: _Ctx) -> dict[str, Shape]:
    out: dict[str, Shape] = {}
    if raw is None:
        return out
    if isinstance(raw, dict):
        items = list(raw.items())
    elif isinstance(raw, list):
        items = []
        for entry in raw:
            if not isinstance(entry, str):
                raise ctx.error(f'[model] {what} entries must be names like "W1[2,3]"', what, "model")
            m = re.match(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[\s*([0-9,\s]*)\])?\s*$", entry)
            if not m:
                raise ctx.error(f"bad {what[:-1]} declaration {entry!r}", what, "model")
            dims = [int(d) for d in m.group(2).split(",") if d.strip()] if m.group(2) else []
            items.append((m.group(1), dims))
    else:
        raise ctx.error(f"[model] {what} must be a list or a table", what, "model")
    for name, shape in items:
        if not NAME_RE.match(name) or name.startswith("__"):
            raise ctx.error(f"invalid name {name!r} in [model] {what}", what, "model")
        if name in out:
            raise ctx.error(f"'{name}' is declared twice in [model] {what}", what, "model")
        out[name] = _shape_of(shape, name, ctx, "model")
    return out


# ---- assignment form ------------------------------------------------------------------------------


def _assignment(data: dict, ctx: _Ctx) -> Graph:
    model = data["model"]
    inputs = _decls(model.get("inputs", []), "inputs", ctx)
    params = _decls(model.get("params", []), "params", ctx)
    if not params:
        raise ctx.error("[model] declares no params", "params", "model")
    forward = data.get("forward")
    if not isinstance(forward, dict) or not forward:
        raise ctx.error("missing or empty [forward] table")
    objective = model.get("objective")
    if not isinstance(objective, str):
        raise ctx.error("[model] objective must name a forward quantity", "objective", "model")
    reduction = model.get("reduction", "mean")
    if reduction not in REDUCTIONS:
        raise ctx.error(f"[model] reduction must be 'mean' or 'sum', got {reduction!r}", "reduction", "model")
    asts = {}
    for name, text in forward.items():
        if not NAME_RE.match(name) or name.startswith("__"):
            raise ctx.error(f"invalid quantity name {name!r}", name, "forward")
        if name in inputs or name in params:
            raise ctx.error(
                f"'{name}' is defined twice (declared in [model] and assigned in [forward])", name, "forward"
            )
        if not isinstance(text, str):
            raise ctx.error(f"'{name}' must be an expression string", name, "forward")
        try:
            asts[name] = parse_expression(text)
        except ParseError as e:
            raise ctx.error(f"'{name}': {e}", name, "forward") from None
    order = _topo_order(asts, ctx)
    lw = Lowerer({**inputs, **params})
    for name in order:
        lw.lower(name, asts[name], source=forward[name])
    outputs = model.get("outputs", [])
    if not isinstance(outputs, list) or not all(isinstance(o, str) for o in outputs):
        raise ctx.error("[model] outputs must be a list of names", "outputs", "model")
    if objective not in forward:
        raise ctx.error(f"objective '{objective}' is not assigned in [forward]", "objective", "model")
    g = Graph(
        str(model.get("name", Path(ctx.path).stem)),
        inputs,
        params,
        lw.out,
        objective,
        list(outputs),
        info=ObjectiveInfo(form="assignment", reduction=reduction),
    )
    return g


def _topo_order(asts: dict, ctx: _Ctx) -> list[str]:
    """Written order when valid; otherwise a topological order; cycles are errors. Iterative
    (an explicit stack), so a chain of thousands of assignments needs no deep recursion."""
    position = {n: i for i, n in enumerate(asts)}
    deps = {n: sorted(names_in(a) & position.keys(), key=position.__getitem__) for n, a in asts.items()}
    for n in asts:
        if n in deps[n]:
            raise ctx.error(f"cycle: '{n}' refers to itself", n, "forward")
    order: list[str] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in asts:
        if state.get(root):
            continue
        path, iters = [root], [iter(deps[root])]
        state[root] = 1
        while path:
            d = next(iters[-1], None)
            if d is None:
                state[path[-1]] = 2
                order.append(path.pop())
                iters.pop()
            elif state.get(d) == 1:
                cyc = path[path.index(d) :] + [d]
                raise ctx.error(f"cycle: {' -> '.join(cyc)}", d, "forward")
            elif not state.get(d):
                state[d] = 1
                path.append(d)
                iters.append(iter(deps[d]))
    return order


# ---- layered form -----------------------------------------------------------------------------------


def _layer(i: int, L: dict, acts, ctx: _Ctx) -> LayerSpec:
    """The i-th [[layers]] table (1-based) as a LayerSpec; every key checked."""

    def err(msg, key=None):
        return ctx.error(f"layer {i}: {msg}", key, "layers", i)

    bad = unknown_keys(L, "[[layers]]", LAYER_KEYS)
    if bad:
        raise err(bad[1], bad[0])
    if "batchnorm" in L:
        raise err(
            "batchnorm is not available yet: its statistics couple the samples of a batch, which the "
            "per-sample kernels do not see (use layernorm = true)",
            "batchnorm",
        )
    kinds = [k for k in LAYER_KINDS if k in L]
    if len(kinds) != 1:
        what = "no kind" if not kinds else f"{' and '.join(kinds)}"
        raise err(
            f"a layer is one of {', '.join(LAYER_KINDS)} (e.g. dense = 10); this one has {what}",
            kinds[1] if len(kinds) > 1 else None,
        )
    kind = kinds[0]

    def count(key: str, lowest: int) -> int:
        v = L[key]
        if not isinstance(v, int) or isinstance(v, bool) or v < lowest:
            raise err(f"'{key}' must be an integer ≥ {lowest}", key)
        return v

    geometry = {"conv2d": ("kernel", "stride", "padding"), "maxpool": ("stride",), "avgpool": ("stride",)}
    for key in ("kernel", "stride", "padding"):
        if key in L and key not in geometry.get(kind, ()):
            raise err(f"key '{key}' does not apply to a {kind} layer", key)
    if kind in ("flatten", "layernorm"):
        if L[kind] is not True:
            raise err(f"write {kind} = true", kind)
        units = 0
    else:
        units = count(kind, 1)
    if kind == "conv2d" and "kernel" not in L:
        raise err("conv2d needs kernel = k (the k×k filter size)", "conv2d")
    kernel = count("kernel", 1) if "kernel" in L else 0
    stride = count("stride", 1) if "stride" in L else (1 if kind == "conv2d" else 0)
    padding = count("padding", 0) if "padding" in L else 0
    residual = L.get("residual", False)
    if not isinstance(residual, bool):
        raise err("'residual' must be true or false", "residual")
    eps = 1e-5
    if "eps" in L:
        if kind != "layernorm":
            raise err(f"key 'eps' does not apply to a {kind} layer (only to layernorm)", "eps")
        problem = number_problem(L["eps"], "eps", "[[layers]]", positive=True)
        if problem:
            raise err(problem, "eps")
        eps = float(L["eps"])
    act = L.get("activation", "identity")
    if not isinstance(act, str) or act not in acts:
        hint = (
            f" (did you mean {', '.join(difflib.get_close_matches(act, acts, n=2))}?)"
            if isinstance(act, str) and difflib.get_close_matches(act, acts, n=2)
            else ""
        )
        raise err(f"unknown activation {act!r}{hint}", "activation")
    bias = L.get("bias", True)
    if not isinstance(bias, bool):
        raise err("'bias' must be true or false", "bias")
    if "bias" in L and kind not in ("dense", "conv2d", "attention"):
        raise err(f"key 'bias' does not apply to a {kind} layer (it has no parameters)", "bias")
    alpha = None
    if "alpha" in L:
        if act not in ALPHA_ACTIVATIONS:
            raise err(
                f"key 'alpha' does not apply to activation '{act}' (only to {', '.join(ALPHA_ACTIVATIONS)})", "alpha"
            )
        check = next(o.check for o in CATALOGUE[act].options if o.name == "alpha")
        problem = number_problem(
            L["alpha"], "alpha", "[[layers]]", positive=check == "positive", nonnegative=check == "nonnegative"
        )
        if problem:
            raise err(problem, "alpha")
        alpha = float(L["alpha"])
    return LayerSpec(units, act, bias, alpha, kind, kernel, stride, padding, residual, eps)


def _check_loss(loss: dict, ctx: _Ctx) -> tuple[str, str]:
    """(type, reduction) of a [loss] table; unknown keys and options of other types are errors."""
    ltype = loss.get("type", "mse")
    if not isinstance(ltype, str) or ltype not in LOSS_TYPES:
        close = difflib.get_close_matches(str(ltype), LOSS_TYPES, n=2)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise ctx.error(f"unknown loss type {ltype!r}{hint}", "type", "loss")
    options = LOSS_OPTIONS.get(ltype, ())
    others = sorted({k for opts in LOSS_OPTIONS.values() for k in opts} - set(options))
    bad = unknown_keys(loss, "[loss]", LOSS_COMMON + options, others, f"to loss type '{ltype}'")
    if bad:
        raise ctx.error(bad[1], bad[0], "loss")
    reduction = loss.get("reduction", "mean")
    if reduction not in REDUCTIONS:
        raise ctx.error(f"[loss] reduction must be 'mean' or 'sum', got {reduction!r}", "reduction", "loss")
    return ltype, reduction


def _layered(data: dict, ctx: _Ctx) -> Graph:
    model = data["model"]
    width = model.get("input")
    ok_int = isinstance(width, int) and not isinstance(width, bool) and width > 0
    ok_shape = (
        isinstance(width, list)
        and len(width) in (2, 3)
        and all(isinstance(d, int) and not isinstance(d, bool) and d > 0 for d in width)
    )
    if not (ok_int or ok_shape):
        raise ctx.error(
            "[model] input must be a positive integer (a vector's width) or a shape [C, H, W] / [T, D]",
            "input",
            "model",
        )
    input_shape: tuple[int, ...] = (width,) if ok_int else tuple(width)
    raw_layers = data["layers"]
    if not raw_layers:
        raise ctx.error("[[layers]] must list at least one layer")
    acts = activation_names()
    layers = [_layer(i, L, acts, ctx) for i, L in enumerate(raw_layers, 1)]
    loss = data.get("loss", {"type": "mse", "half": True})
    ltype, reduction = _check_loss(loss, ctx)
    if ltype == "cross_entropy" and layers[-1].activation in ("softmax", "log_softmax"):
        raise ctx.error(
            "cross_entropy takes logits (softmax is fused): use activation 'identity' on the last layer",
            "activation",
            "layers",
            len(layers),
        )
    try:
        param_shapes, out_shapes = layer_shapes(input_shape, layers)
    except LayerError as e:
        raise ctx.error(f"layer {e.layer}: {e}", e.key, "layers", e.layer) from None
    lines, out_name, layer_info = mlp_lines(input_shape, layers)
    lines.append(("L", _loss_expr(ltype, loss, out_name, ctx)))
    objective = "L"
    penalty = data.get("penalty")
    if penalty is not None:
        try:
            weights = [w for i, L in enumerate(layers, 1) for w in L.weight_names(i)]
            plines = penalty_lines(
                penalty,
                weights,
                [p for i, L in enumerate(layers, 1) for p in L.param_names(i) if p not in weights],
            )
        except PenaltyError as e:
            raise ctx.error(
                f"[penalty] {e}" if not str(e).startswith("unknown key") else str(e), e.key or "type", "penalty"
            ) from None
        lines += plines + [("J", "L + R")]
        objective = "J"
    inputs: dict[str, tuple[int, ...]] = {"x": input_shape, "y": out_shapes[-1]}
    params: dict[str, Shape] = dict(param_shapes)
    lw = Lowerer({**inputs, **params})
    for name, text in lines:
        lw.lower(name, text, source=text)
    info = ObjectiveInfo(
        form="layered",
        reduction=reduction,
        data_objective="L",
        penalty_name="R" if penalty is not None else None,
        layers=layer_info,
        input_width=width if ok_int else None,
        input_shape=input_shape,
        loss=TableOptions.of(dict(loss, type=ltype), "mse"),
        penalty=TableOptions.of(penalty, "l2") if penalty is not None else None,
    )
    return Graph(str(model.get("name", "mlp")), inputs, params, lw.out, objective, [out_name], info=info)


def _loss_expr(ltype: str, loss: dict, out: str, ctx: _Ctx) -> str:
    """The loss line `ltype(out, y, option=value, …)`: each option the catalogue declares for
    the loss, from the [loss] table or the catalogue's default, checked as the catalogue says."""
    args = [out, "y"]
    for opt in CATALOGUE[ltype].options:
        v = loss.get(opt.name, opt.default)
        if opt.check == "flag":
            if not isinstance(v, bool):
                raise ctx.error(f"[loss] {opt.name} must be true or false", opt.name, "loss")
            args.append(f"{opt.name}={1 if v else 0}")
            continue
        problem = number_problem(
            v, opt.name, "[loss]", positive=opt.check == "positive", nonnegative=opt.check == "nonnegative"
        )
        if problem:
            raise ctx.error(problem, opt.name, "loss")
        args.append(f"{opt.name}={repr(float(v)) if isinstance(v, float) else str(v)}")
    return f"{ltype}({', '.join(args)})"


# ---- values ------------------------------------------------------------------------------------------


def _values(raw, g: Graph, ctx: _Ctx) -> dict[str, np.ndarray]:
    leaves = g.leaves()
    out = {}
    for name, v in raw.items():
        if name not in leaves:
            close = difflib.get_close_matches(name, list(leaves), n=2)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ctx.error(f"[values] '{name}' is not an input or parameter{hint}", name, "values")
        out[name] = coerce_value(v, leaves[name], name, lambda m, n=name: ctx.error(m, n, "values"))
    return out


_NUMPY_REAL = "iuf"  # numpy dtype kinds accepted as numbers (not bool, complex, object, str)


def _scalar(x) -> float | None:
    """x as a float when it is a real number (int/float, not bool/str/None), else None."""
    if isinstance(x, (bool, np.bool_)):
        return None
    if isinstance(x, (int, float, np.integer, np.floating)):
        try:
            return float(x)
        except OverflowError:
            return float("inf")
    return None


def coerce_value(v, shape: Shape, name: str, err) -> np.ndarray:
    """A number or nested list as a float64 array of the declared shape, else err(message).

    Only real numbers count (JSON true, "1.5" and null are errors); the nesting is walked
    level by level (never recursively) and may be no deeper than the declared shape."""
    want = tuple(shape)
    what = f"value of '{name}'"
    if isinstance(v, np.ndarray):
        if v.dtype.kind not in _NUMPY_REAL:
            raise err(f"{what} must be real numbers, got an array of {v.dtype}")
        arr = v.astype(float)
    else:
        dims: list[int] = []
        x = v
        while isinstance(x, (list, tuple)):
            if len(dims) >= max(len(want), 1):
                raise err(f"{what} is nested deeper than its declared shape {list(want)}")
            dims.append(len(x))
            if not x:
                break
            x = x[0]
        level = [v]
        for d in dims:
            nxt: list[object] = []
            for item in level:
                if not isinstance(item, (list, tuple)):
                    raise err(f"{what} mixes numbers and lists (a ragged list)")
                if len(item) != d:
                    raise err(f"{what} is a ragged list (rows of different lengths)")
                nxt.extend(item)
            level = nxt
        flat = []
        for item in level:
            f = _scalar(item)
            if f is None:
                shown = (
                    "true/false"
                    if isinstance(item, (bool, np.bool_))
                    else ("a list" if isinstance(item, (list, tuple)) else type(item).__name__)
                )
                raise err(f"{what} must be a number or a nested list of numbers, not {shown}")
            flat.append(f)
        arr = np.array(flat, dtype=float).reshape(dims)
    if arr.shape != want:
        if arr.size == 1 and want == ():
            arr = arr.reshape(())
        else:
            raise err(f"{what} has shape {list(arr.shape)}, expected {list(want)}")
    if not np.all(np.isfinite(arr)):
        raise err(f"{what} is not finite")
    return arr
