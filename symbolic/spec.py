"""Spec files (TOML via tomllib) → Graph, in the assignment form and the layered form.

Errors are SpecError with one line naming the file, the line where it can be found, and the
name at fault. Both forms lower through the same Lowerer, so they produce the same graph.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import numpy as np

from .builders import LayerSpec, mlp_lines, penalty_lines
from .catalogue import activation_names
from .graph import Graph, GraphError, Shape
from .lowering import Lowerer
from .parser import ParseError, names_in, parse_expression

NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
TABLES = ("model", "forward", "values", "layers", "loss", "penalty", "optimizer")
LOSS_TYPES = ("mse", "sse", "mae", "huber", "cross_entropy", "nll", "bce", "bce_logits", "focal",
              "dice", "kl", "hinge", "logistic")


class SpecError(ValueError):
    """Bad spec: str(e) is one line 'file:line: message'."""


class _Ctx:
    def __init__(self, path: str, text: str):
        self.path, self.text = path, text
        self.lines = text.splitlines()

    def line_of(self, key: str, section: str | None = None) -> int | None:
        start = 0
        if section:
            for i, ln in enumerate(self.lines):
                if re.match(r"^\s*\[+\s*" + re.escape(section) + r"\s*\]+", ln):
                    start = i
                    break
        pat = re.compile(r'^\s*"?' + re.escape(key) + r'"?\s*=')
        for i in range(start, len(self.lines)):
            if pat.match(self.lines[i]):
                return i + 1
        return None

    def error(self, msg: str, key: str | None = None, section: str | None = None) -> SpecError:
        line = self.line_of(key, section) if key else None
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
    if "model" not in data or not isinstance(data["model"], dict):
        raise ctx.error("missing [model] table")
    for table in data:
        if table not in TABLES:
            import difflib
            close = difflib.get_close_matches(table, TABLES, n=1)
            hint = f" (did you mean [{close[0]}]?)" if close else ""
            raise ctx.error(f"unknown table [{table}]{hint}", table)
    if "optimizer" in data:
        from .optim import check_optimizer
        opt = data["optimizer"]
        problem = check_optimizer(opt) if isinstance(opt, dict) else "[optimizer] must be a table"
        if problem:
            raise ctx.error(problem, "type", "optimizer")
    try:
        if "layers" in data:
            g = _layered(data, ctx)
        else:
            g = _assignment(data, ctx)
        g.values = _values(data.get("values", {}), g, ctx)
        if "optimizer" in data:
            g.meta["optimizer"] = dict(data["optimizer"])
        g.meta.setdefault("source", path)
        return g.validate()
    except GraphError as e:
        name = re.match(r"^'([^']+)'", str(e))
        raise ctx.error(str(e), name.group(1) if name else None, "forward") from None


# ---- declarations ---------------------------------------------------------------------------------

def _shape_of(v, name: str, ctx: _Ctx, section: str) -> Shape:
    if isinstance(v, int) and not isinstance(v, bool):
        shape = (v,) if v > 0 else ()
    elif isinstance(v, list) and all(isinstance(d, int) and not isinstance(d, bool) for d in v):
        shape = tuple(v)
    else:
        raise ctx.error(f"shape of '{name}' must be an integer or a list of integers", name, section)
    if any(d <= 0 for d in shape) or len(shape) > 2:
        raise ctx.error(f"shape of '{name}' must have at most 2 positive dimensions, got {list(shape)}",
                        name, section)
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
                raise ctx.error(f"[model] {what} entries must be names like \"W1[2,3]\"", what, "model")
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
    asts = {}
    for name, text in forward.items():
        if not NAME_RE.match(name) or name.startswith("__"):
            raise ctx.error(f"invalid quantity name {name!r}", name, "forward")
        if name in inputs or name in params:
            raise ctx.error(f"'{name}' is defined twice (declared in [model] and assigned in [forward])",
                            name, "forward")
        if not isinstance(text, str):
            raise ctx.error(f"'{name}' must be an expression string", name, "forward")
        try:
            asts[name] = parse_expression(text)
        except ParseError as e:
            raise ctx.error(f"'{name}': {e}", name, "forward") from None
    order = _topo_order(asts, set(inputs) | set(params), ctx)
    lw = Lowerer({**inputs, **params})
    for name in order:
        lw.lower(name, asts[name], source=forward[name])
    outputs = model.get("outputs", [])
    if not isinstance(outputs, list) or not all(isinstance(o, str) for o in outputs):
        raise ctx.error("[model] outputs must be a list of names", "outputs", "model")
    if objective not in forward:
        raise ctx.error(f"objective '{objective}' is not assigned in [forward]", "objective", "model")
    g = Graph(str(model.get("name", Path(ctx.path).stem)), inputs, params, lw.out, objective,
              list(outputs), meta={"form": "assignment", "reduction": model.get("reduction", "mean")})
    return g


def _topo_order(asts: dict, leaves: set[str], ctx: _Ctx) -> list[str]:
    """Written order when valid; otherwise a topological order; cycles are errors."""
    deps = {n: names_in(a) & set(asts) for n, a in asts.items()}
    for n in asts:
        if n in deps[n]:
            raise ctx.error(f"cycle: '{n}' refers to itself", n, "forward")
    order, state = [], {}

    def visit(n, stack):
        if state.get(n) == 2:
            return
        if state.get(n) == 1:
            cyc = stack[stack.index(n):] + [n]
            raise ctx.error(f"cycle: {' -> '.join(cyc)}", n, "forward")
        state[n] = 1
        for d in sorted(deps[n], key=list(asts).index):
            visit(d, stack + [n])
        state[n] = 2
        order.append(n)

    for n in asts:
        visit(n, [])
    return order


# ---- layered form -----------------------------------------------------------------------------------

def _layered(data: dict, ctx: _Ctx) -> Graph:
    model = data["model"]
    width = model.get("input")
    if not isinstance(width, int) or isinstance(width, bool) or width <= 0:
        raise ctx.error("[model] input must be a positive integer (the input width)", "input", "model")
    raw_layers = data["layers"]
    if not isinstance(raw_layers, list) or not raw_layers:
        raise ctx.error("[[layers]] must list at least one layer")
    layers = []
    acts = activation_names()
    for i, L in enumerate(raw_layers, 1):
        units = L.get("dense")
        if not isinstance(units, int) or isinstance(units, bool) or units <= 0:
            raise ctx.error(f"layer {i}: 'dense' must be a positive integer", "dense", "layers")
        act = L.get("activation", "identity")
        if act not in acts:
            import difflib
            close = difflib.get_close_matches(str(act), acts, n=2)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ctx.error(f"layer {i}: unknown activation {act!r}{hint}", "activation", "layers")
        bias = L.get("bias", True)
        if not isinstance(bias, bool):
            raise ctx.error(f"layer {i}: 'bias' must be true or false", "bias", "layers")
        extra = {k: v for k, v in L.items() if k not in ("dense", "activation", "bias")}
        for k, v in extra.items():
            if k != "alpha" or not isinstance(v, (int, float)):
                raise ctx.error(f"layer {i}: unknown or invalid key {k!r}", k, "layers")
        layers.append(LayerSpec(units, act, bias, float(extra["alpha"]) if "alpha" in extra else None))
    loss = data.get("loss", {"type": "mse", "half": True})
    if not isinstance(loss, dict):
        raise ctx.error("[loss] must be a table", "loss")
    ltype = loss.get("type", "mse")
    if ltype not in LOSS_TYPES:
        import difflib
        close = difflib.get_close_matches(str(ltype), LOSS_TYPES, n=2)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise ctx.error(f"unknown loss type {ltype!r}{hint}", "type", "loss")
    reduction = loss.get("reduction", "mean")
    if reduction not in ("mean", "sum"):
        raise ctx.error(f"[loss] reduction must be 'mean' or 'sum', got {reduction!r}", "reduction", "loss")
    if ltype == "cross_entropy" and layers[-1].activation in ("softmax", "log_softmax"):
        raise ctx.error("cross_entropy takes logits (softmax is fused): use activation 'identity' "
                        "on the last layer", "activation", "layers")
    lines, out_name, meta = mlp_lines(width, layers)
    lines.append(("L", _loss_expr(ltype, loss, out_name, ctx)))
    objective = "L"
    penalty = data.get("penalty")
    if penalty is not None:
        if not isinstance(penalty, dict):
            raise ctx.error("[penalty] must be a table", "penalty")
        try:
            plines = penalty_lines(penalty, [f"W{i}" for i in range(1, len(layers) + 1)],
                                   [f"b{i}" for i, L in enumerate(layers, 1) if L.bias])
        except ValueError as e:
            raise ctx.error(f"[penalty] {e}", "type", "penalty") from None
        lines += plines + [("J", "L + R")]
        objective = "J"
    inputs = {"x": (width,), "y": (layers[-1].units,)}
    params: dict[str, Shape] = {}
    prev = width
    for i, L in enumerate(layers, 1):
        params[f"W{i}"] = (L.units, prev)
        if L.bias:
            params[f"b{i}"] = (L.units,)
        prev = L.units
    lw = Lowerer({**inputs, **params})
    for name, text in lines:
        lw.lower(name, text, source=text)
    meta.update({"form": "layered", "loss": dict(loss, type=ltype), "reduction": reduction,
                 "penalty": penalty, "data_objective": "L", "input_width": width})
    if penalty is not None:
        meta["penalty_name"] = "R"
    return Graph(str(model.get("name", "mlp")), inputs, params, lw.out, objective,
                 [out_name], meta=meta)


def _loss_expr(ltype: str, loss: dict, out: str, ctx: _Ctx) -> str:
    def num(key, default):
        v = loss.get(key, default)
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise ctx.error(f"[loss] {key} must be a number", key, "loss")
        return repr(float(v)) if isinstance(v, float) else str(v)
    if ltype == "mse":
        half = loss.get("half", False)
        if not isinstance(half, bool):
            raise ctx.error("[loss] half must be true or false", "half", "loss")
        return f"mse({out}, y, half={1 if half else 0})"
    if ltype == "huber":
        return f"huber({out}, y, delta={num('delta', 1.0)})"
    if ltype == "focal":
        return f"focal({out}, y, alpha={num('alpha', 0.25)}, gamma={num('gamma', 2)})"
    if ltype == "dice":
        return f"dice({out}, y, eps={num('eps', 1.0)})"
    return f"{ltype}({out}, y)"


# ---- values ------------------------------------------------------------------------------------------

def _values(raw, g: Graph, ctx: _Ctx) -> dict[str, np.ndarray]:
    if not isinstance(raw, dict):
        raise ctx.error("[values] must be a table", "values")
    leaves = g.leaves()
    out = {}
    for name, v in raw.items():
        if name not in leaves:
            import difflib
            close = difflib.get_close_matches(name, list(leaves), n=2)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ctx.error(f"[values] '{name}' is not an input or parameter{hint}", name, "values")
        out[name] = coerce_value(v, leaves[name], name, lambda m: ctx.error(m, name, "values"))
    return out


def coerce_value(v, shape: Shape, name: str, err) -> np.ndarray:
    """A number or nested list as a float64 array of the declared shape, else err(message)."""
    try:
        arr = np.asarray(v, dtype=float)
    except (TypeError, ValueError):
        raise err(f"value of '{name}' must be a number or a nested list of numbers") from None
    if arr.shape != tuple(shape):
        if arr.size == 1 and shape == ():
            arr = arr.reshape(())
        else:
            raise err(f"value of '{name}' has shape {list(arr.shape)}, expected {list(shape)}")
    if not np.all(np.isfinite(arr)):
        raise err(f"value of '{name}' is not finite")
    return arr
