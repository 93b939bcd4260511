"""Lowering: parsed expressions → primitive assignments with shapes checked.

Maximal elementwise subtrees become one 'ew' assignment (a SymPy template); structural tensor
operations become hidden assignments of their own. Catalogue losses expand to their formulas.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias

import sympy as sp

from .catalogue import CATALOGUE, Entry
from .graph import Assignment, GraphError, Shape, sym
from .layout import broadcast_rows_map, im2col_map, image, reshape_map, window_map
from .limits import FLOAT_MAX, MAX_PRIMITIVES
from .ops.pooling import pooled_shape
from .parser import Node, ParseError, parse_expression

# An elementwise value: its SymPy expression and its shape.
Value: TypeAlias = tuple[sp.Expr, Shape]

CONSTANTS = {"pi": sp.pi}
# layout functions: (tensor arguments (min, max), integer options with defaults; None = required)
LAYOUT_FUNCTIONS: dict[str, tuple[tuple[int, int], dict[str, int | None]]] = {
    "reshape": ((1, 1), {}),  # reshape(x, d1, d2, …): the dims follow x
    "flatten": ((1, 1), {}),
    "im2col": ((1, 1), {"k": None, "stride": 1, "padding": 0}),
    "conv2d": ((2, 3), {"stride": 1, "padding": 0}),  # conv2d(x, W[, b], stride=…, padding=…)
    "maxpool2d": ((1, 1), {"k": None, "stride": 0}),  # stride 0: the window size
    "avgpool2d": ((1, 1), {"k": None, "stride": 0}),
}
TINY = 1e-300  # smallest non-zero constant magnitude accepted (keeps products of two normal)


def _suggest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=3)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


class Lowerer:
    """Turns ASTs into assignments appended to `self.out`, tracking every name's shape."""

    def __init__(self, shapes: dict[str, Shape]) -> None:
        self.shapes: dict[str, Shape] = dict(shapes)
        self.out: list[Assignment] = []
        self.cache: dict[tuple[Any, ...], str] = {}
        self.local: list[dict[str, Value]] = []
        self.target = ""
        self.counter = 0

    # ---- public ------------------------------------------------------------------------------
    def lower(self, target: str, text_or_ast: str | Node, source: str = "") -> Assignment:
        """Lower one `target = expression` line; returns the assignment that defines target."""
        ast = parse_expression(text_or_ast) if isinstance(text_or_ast, str) else text_or_ast
        self.target = target
        self.counter = 0
        expr, shape = self.ew(ast)
        if (
            isinstance(expr, sp.Symbol)
            and self.out
            and self.out[-1].name == expr.name
            and self.out[-1].hidden
            and expr.name.startswith(target + "#")
        ):
            last = self.out[-1]
            del self.shapes[last.name]
            self.cache = {k: v for k, v in self.cache.items() if v != last.name}
            last.name, last.hidden, last.source = target, False, source
        else:
            self.emit_ew(target, expr, shape, hidden=False, source=source)
        self.shapes[target] = self.out[-1].shape
        return self.out[-1]

    @property
    def who(self) -> str:
        """The quantity being lowered, as messages name it (a claim formula has no name)."""
        return "the formula" if self.target.startswith("__") else f"'{self.target}'"

    # ---- emission --------------------------------------------------------------------------
    def fresh(self) -> str:
        self.counter += 1
        return f"{self.target}#{self.counter}"

    def emit(self, a: Assignment) -> str:
        if len(self.out) >= MAX_PRIMITIVES:
            raise GraphError(f"{self.who}: the model lowers to more than {MAX_PRIMITIVES} primitive assignments")
        self.out.append(a)
        self.shapes[a.name] = a.shape
        return a.name

    def emit_ew(
        self, name: str, expr: sp.Basic | float, shape: Sequence[int], hidden: bool = True, source: str = ""
    ) -> str:
        expr = sp.sympify(expr)
        args = tuple(sorted(s.name for s in expr.free_symbols))
        return self.emit(Assignment(name, "ew", args, tuple(shape), expr, hidden=hidden, source=source))

    def structural(self, op: str, args: Sequence[str], shape: Sequence[int], **attrs: Any) -> sp.Symbol:
        key = (op, tuple(args), tuple(sorted(attrs.items())))
        if key in self.cache:
            return sym(self.cache[key])
        if op == "index" and not args[0].count("#"):
            name = f"{args[0]}[{','.join(map(str, attrs['idx']))}]"
        else:
            name = self.fresh()
        self.emit(Assignment(name, op, tuple(args), tuple(shape), None, dict(attrs), hidden=True))
        self.cache[key] = name
        return sym(name)

    def materialize(self, node: Node) -> str:
        """Lower an AST node and make sure its value has a name."""
        return self.store(*self.ew(node))

    def store(self, expr: sp.Expr, shape: Shape) -> str:
        """Name an elementwise expression (reusing the name if it is just one)."""
        if isinstance(expr, sp.Symbol) and expr.name in self.shapes:
            return str(expr.name)
        return self.emit_ew(self.fresh(), expr, shape)

    # ---- elementwise core ----------------------------------------------------------------------
    def ew(self, node: Node) -> Value:
        kind = node[0]
        if kind == "num":
            value = float(node[1])
            exact = sp.Rational(node[1])
            if not math.isfinite(value):
                raise GraphError(f"{self.who}: number {node[1]} overflows to inf in double precision")
            if exact != 0 and abs(value) < TINY:
                raise GraphError(f"{self.who}: number {node[1]} underflows (below {TINY:g} in magnitude)")
            return exact, ()
        if kind == "name":
            return self.name(node[1])
        if kind == "neg":
            e, s = self.ew(node[1])
            return -e, s
        if kind == "bin":
            return self.binary(node[1], node[2], node[3])
        if kind == "T":
            ref = self.materialize(node[1])
            s = self.shapes[ref]
            if len(s) < 2:
                return sym(ref), s
            return self.structural("transpose", [ref], (s[1], s[0])), (s[1], s[0])
        if kind == "index":
            return self.index(node[1], node[2])
        if kind == "list":
            refs = []
            for item in node[1]:
                e, s = self.ew(item)
                if s != ():
                    raise GraphError(f"{self.who}: list items must be scalars, got shape {s}")
                refs.append(self.store(e, s))
            return self.structural("stack", refs, (len(refs),)), (len(refs),)
        if kind == "call":
            return self.call(node[1], node[2], node[3])
        raise AssertionError(kind)

    def name(self, n: str) -> Value:
        for scope in self.local[::-1]:
            if n in scope:
                return scope[n]
        if n in self.shapes:
            return sym(n), self.shapes[n]
        if n in CONSTANTS:
            return CONSTANTS[n], ()
        known = [k for k in self.shapes if "#" not in k and "[" not in k]
        raise GraphError(f"{self.who} uses undefined name '{n}'{_suggest(n, known)}")

    def binary(self, op: str, left: Node, right: Node) -> Value:
        if op == "@":
            return self.matmul(left, right)
        if op == "**":
            return self.power(left, right)
        # a left-leaning chain a + b - c + … (or a * b / c …) is lowered in a loop, not by
        # recursion, so a sum of thousands of terms needs no deep stack
        group = ("+", "-") if op in ("+", "-") else ("*", "/")
        chain = [(op, right)]
        while left[0] == "bin" and left[1] in group:
            chain.append((left[1], left[3]))
            left = left[2]
        acc, shape = self.ew(left)
        terms = [acc]
        for o, node in reversed(chain):
            b, sb = self.ew(node)
            shape = self.broadcast(shape, sb, o)
            terms.append(b if o in ("+", "*") else (-b if o == "-" else 1 / b))
        out = sp.Add(*terms) if group[0] == "+" else sp.Mul(*terms)
        self.check_constants(out)
        return out, shape

    def power(self, left: Node, right: Node) -> Value:
        a, sa = self.ew(left)
        b, sb = self.ew(right)
        shape = self.broadcast(sa, sb, "**")
        if a.is_Number and b.is_Number:  # fold constants in floating point: 9**9**9 must not hang
            try:
                value = float(a) ** float(b)
            except (OverflowError, ZeroDivisionError):
                raise GraphError(f"{self.who}: constant {a}**{b} is out of range") from None
            if isinstance(value, complex) or not math.isfinite(value):
                raise GraphError(f"{self.who}: constant {a}**{b} is not a finite real number")
            exact = b.is_Integer and abs(int(b)) <= 64 and a.is_Rational
            out = a**b if exact else sp.Float(value)
            self.check_constants(out)
            return out, shape
        if b.is_Number and abs(float(b)) > 1e6:
            raise GraphError(f"{self.who}: exponent {b} is too large")
        out = a**b
        self.check_constants(out)
        return out, shape

    def check_constants(self, expr: sp.Expr) -> None:
        """Constants folded by SymPy must stay finite doubles: 1e299*1e299 overflows to inf."""
        if expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            raise GraphError(f"{self.who}: constant division by zero (or an infinite constant)")
        for c in expr.atoms(sp.Number) if not expr.is_Number else (expr,):
            if not c.is_finite:
                raise GraphError(f"{self.who}: constant division by zero (or an infinite constant)")
            if c != 0:
                mag = abs(c)
                if mag > FLOAT_MAX:
                    raise GraphError(f"{self.who}: constant overflows to inf in double precision ({sp.Float(c, 4)})")
                if float(mag) < TINY:
                    raise GraphError(f"{self.who}: constant underflows to 0 in double precision ({sp.Float(c, 4)})")

    def broadcast(self, sa: Shape, sb: Shape, op: str) -> Shape:
        if sa == sb or sb == ():
            return sa
        if sa == ():
            return sb
        raise GraphError(f"shape mismatch in {self.who}: {sa} {op} {sb}")

    def matmul(self, left: Node, right: Node) -> Value:
        chain = [right]  # a @ b @ c … lowered in a loop, left to right
        while left[0] == "bin" and left[1] == "@":
            chain.append(left[3])
            left = left[2]
        ta = left[0] == "T"
        ra = self.materialize(left[1] if ta else left)
        result = None
        for node in reversed(chain):
            tb = node[0] == "T"
            rb = self.materialize(node[1] if tb else node)
            result, shape = self.matmul_refs(ra, ta, rb, tb)
            ra, ta = result.name, False
        return result, shape

    def matmul_refs(self, ra: str, ta: bool, rb: str, tb: bool) -> tuple[sp.Symbol, Shape]:
        sa, sb = self.shapes[ra], self.shapes[rb]
        if len(sa) < 2:
            ta = False
        if len(sb) < 2:
            tb = False
        if sa == () or sb == ():
            raise GraphError(f"{self.who}: '@' needs vectors or matrices, got shapes {sa} and {sb}")
        ea = (sa[1], sa[0]) if ta else sa
        eb = (sb[1], sb[0]) if tb else sb
        inner_a = ea[-1]
        inner_b = eb[0]
        if inner_a != inner_b:
            raise GraphError(f"shape mismatch in {self.who}: {ea} @ {eb}")
        shape = ea[:-1] + eb[1:]
        return self.structural("matmul", [ra, rb], shape, ta=ta, tb=tb), shape

    def index(self, operand: Node, idx: tuple[int, ...]) -> Value:
        ref = self.materialize(operand)
        s = self.shapes[ref]
        if len(idx) > len(s):
            raise GraphError(f"{self.who}: '{ref}' has {len(s)} dimensions, indexed with {len(idx)}")
        for i, (k, d) in enumerate(zip(idx, s, strict=False)):  # idx may be a prefix of the axes
            if k >= d:
                raise GraphError(f"{self.who}: index {k} out of range for axis {i} of '{ref}' (size {d})")
        shape = s[len(idx) :]
        return self.structural("index", [ref], shape, idx=tuple(idx)), shape

    # ---- calls -----------------------------------------------------------------------------
    def call(self, fname: str, args: list[Node], kwargs: dict[str, Node]) -> Value:
        if fname == "layernorm":
            return self.layernorm(args, kwargs)
        if fname == "linear":
            return self.linear(args, kwargs)
        if fname == "attention":
            return self.attention(args, kwargs)
        if fname in LAYOUT_FUNCTIONS:
            return self.layout_call(fname, args, kwargs)
        entry = CATALOGUE.get(fname)
        if entry is None:
            known = [*CATALOGUE, *LAYOUT_FUNCTIONS, "layernorm", "linear", "attention"]
            raise GraphError(f"{self.who} calls unknown function '{fname}'{_suggest(fname, known)}")
        nt = entry.n_tensor_args
        if fname == "max" and len(args) >= 2 and not kwargs:
            nt = len(args)
        allowed = nt + len(entry.params)
        if len(args) > allowed:
            raise GraphError(f"{self.who}: {fname}() takes at most {allowed} arguments, got {len(args)}")
        for k in kwargs:
            if k not in entry.params:
                raise GraphError(f"{self.who}: {fname}() has no parameter '{k}'")
        tensor_args = args[:nt]
        if len(tensor_args) < nt:
            raise GraphError(f"{self.who}: {fname}() needs {nt} argument(s), got {len(args)}")
        params: list[Value] = []
        for i, pname in enumerate(entry.params):
            if nt + i < len(args):
                node = args[nt + i]
            elif pname in kwargs:
                node = kwargs[pname]
            elif i - (len(entry.params) - len(entry.defaults)) >= 0:
                params.append((entry.defaults[i - (len(entry.params) - len(entry.defaults))], ()))
                continue
            else:
                raise GraphError(f"{self.who}: {fname}() needs parameter '{pname}'")
            e, s = self.ew(node)
            if s != ():
                raise GraphError(f"{self.who}: parameter '{pname}' of {fname}() must be scalar")
            params.append((e, s))
        if entry.kind == "elementwise":
            vals = [self.ew(a) for a in tensor_args]
            shape: Shape = ()
            for _, s in vals:
                shape = self.broadcast(shape, s, fname)
            if fname == "identity":
                return vals[0]
            fn = entry.sympy_fn
            if fn is None:
                raise AssertionError(f"catalogue entry {fname!r} is elementwise without a SymPy form")
            if fname == "max":
                acc = vals[0][0]
                for e, _ in vals[1:]:
                    acc = fn(acc, e)
                return acc, shape
            return fn(*[e for e, _ in vals], *[p for p, _ in params]), shape
        if entry.kind == "loss":
            return self.composite(entry, tensor_args, params)
        return self.tensor_call(fname, tensor_args)

    # ---- layout functions (gather maps, symbolic/layout.py) ----------------------------------
    def _int(self, fname: str, what: str, node: Node) -> int:
        if node[0] != "num" or not sp.Rational(node[1]).is_integer or int(sp.Rational(node[1])) < 0:
            raise GraphError(f"{self.who}: {what} of {fname}() must be a non-negative integer")
        return int(sp.Rational(node[1]))

    def gather(self, ref: str, index_map: tuple[int, ...], shape: Shape, label: str) -> sp.Symbol:
        return self.structural("gather", [ref], shape, map=index_map, label=label)

    def layout_call(self, fname: str, args: list[Node], kwargs: dict[str, Node]) -> Value:
        """reshape, flatten, im2col, conv2d, maxpool2d, avgpool2d: gathers (+ matmul, max, sums)."""
        (lo, hi), options = LAYOUT_FUNCTIONS[fname]
        n_tensors = min(len(args), hi) if fname != "reshape" else 1
        if n_tensors < lo:
            raise GraphError(f"{self.who}: {fname}() needs at least {lo} argument(s)")
        refs = [self.materialize(a) for a in args[:n_tensors]]
        rest = args[n_tensors:]
        where = f"{fname}()"
        if fname == "reshape":
            dims = tuple(self._int(fname, "a dimension", d) for d in rest)
            if not dims or 0 in dims:
                raise GraphError(f"{self.who}: reshape(x, d1, d2, …) needs positive dimensions")
            return self.gather(refs[0], reshape_map(self.shapes[refs[0]], dims, where), dims, "reshape"), dims
        opts: dict[str, int] = {}
        names = list(options)
        if len(rest) > len(names):
            raise GraphError(f"{self.who}: {fname}() takes at most {hi + len(names)} arguments, got {len(args)}")
        for name, node in zip(names, rest, strict=False):
            opts[name] = self._int(fname, name, node)
        for key, node in kwargs.items():
            if key not in options:
                raise GraphError(f"{self.who}: {fname}() has no parameter '{key}' (its options: {', '.join(names)})")
            if key in opts:
                raise GraphError(f"{self.who}: {fname}() got '{key}' twice")
            opts[key] = self._int(fname, key, node)
        for name, default in options.items():
            if name not in opts:
                if default is None:
                    raise GraphError(f"{self.who}: {fname}() needs '{name}'")
                opts[name] = default
        x = refs[0]
        sx = self.shapes[x]
        if fname == "flatten":
            n = 1
            for d in sx:
                n *= d
            return self.gather(x, reshape_map(sx, (n,), where), (n,), "flatten"), (n,)
        if fname == "im2col":
            if opts["k"] < 1 or opts["stride"] < 1:
                raise GraphError(f"{self.who}: im2col() needs k >= 1 and stride >= 1")
            m, cols, _ = im2col_map(image(sx, where), opts["k"], opts["stride"], opts["padding"], where)
            return self.gather(x, m, cols, "im2col"), cols
        if fname == "conv2d":
            return self.conv2d(refs, opts["stride"], opts["padding"])
        k = opts["k"]
        stride = opts["stride"] or k
        if k < 1:
            raise GraphError(f"{self.who}: {fname}() needs a window k >= 1")
        chw = image(sx, where)
        if fname == "maxpool2d":  # one op: scans each window, its VJP routes to the first maximum
            src = x if len(sx) == 3 else self.gather(x, reshape_map(sx, chw, where), chw, "reshape").name
            try:
                pooled = pooled_shape(chw, k, stride)
            except GraphError as e:
                raise GraphError(f"{self.who}: {where}: {e}") from None
            out = self.structural("maxpool", [src], pooled, k=k, stride=stride)
            if len(sx) == 3:
                return out, pooled
            return self.gather(out.name, reshape_map(pooled, pooled[1:], where), pooled[1:], "reshape"), pooled[1:]
        windows = []
        shape: Shape = ()
        for di in range(k):
            for dj in range(k):
                m, shape = window_map(chw, k, stride, di, dj, where)
                windows.append(self.gather(x, m, shape, f"window:{di},{dj}"))
        if fname == "avgpool2d":
            acc: sp.Expr = sp.Add(*windows) / (k * k)
        else:
            fn = CATALOGUE["max"].sympy_fn
            assert fn is not None
            acc = windows[-1]  # ties go to the earliest entry of the window (PyTorch's scan)
            for w in reversed(windows[:-1]):
                acc = fn(acc, w)
        if len(sx) == 3:
            return acc, shape
        out_shape = shape[1:]  # a matrix in, a matrix out
        ref = self.store(acc, shape)
        return self.gather(ref, reshape_map(shape, out_shape, where), out_shape, "reshape"), out_shape

    def attention(self, args: list[Node], kwargs: dict[str, Node]) -> Value:
        """attention(X, Wq, Wk, Wv, Wo[, bq, bk, bv, bo], heads=H): multi-head scaled dot-product
        self-attention over the rows (tokens) of X (T, D), as torch.nn.MultiheadAttention:
        Q = X Wqᵀ + 1 bqᵀ (K, V alike), per head softmax_rows(Q_h K_hᵀ/√(D/H)) V_h, the heads
        concatenated (gather_t into their columns), then the output projection Wo."""
        if len(args) not in (5, 9) or set(kwargs) - {"heads"}:
            raise GraphError(f"{self.who}: attention(X, Wq, Wk, Wv, Wo[, bq, bk, bv, bo], heads=H)")
        heads = self._int("attention", "heads", kwargs["heads"]) if "heads" in kwargs else 1
        refs = [self.materialize(a) for a in args]
        X = refs[0]
        sx = self.shapes[X]
        if len(sx) != 2:
            raise GraphError(f"{self.who}: attention() needs tokens X of shape (T, D), got {list(sx)}")
        T, D = sx
        if heads < 1 or D % heads:
            raise GraphError(f"{self.who}: attention() heads must divide the feature size {D}, got {heads}")
        for r in refs[1:5]:
            if self.shapes[r] != (D, D):
                raise GraphError(
                    f"{self.who}: attention() projections must be ({D}, {D}), '{r}' is {list(self.shapes[r])}"
                )
        bias = refs[5:] if len(refs) == 9 else [None] * 4
        q, k, v = (self.store(*self.linear_refs(X, W, b)) for W, b in zip(refs[1:4], bias[:3], strict=True))
        dh = D // heads
        scale = 1 / sp.sqrt(dh)
        parts = []
        for h in range(heads):
            cols = tuple(t * D + h * dh + j for t in range(T) for j in range(dh))
            qh, kh, vh = (self.gather(m, cols, (T, dh), f"heads:{h}").name for m in (q, k, v))
            scores, _ = self.matmul_refs(qh, False, kh, True)
            weights = self.structural("softmax_rows", [self.store(scores * scale, (T, T))], (T, T))
            out_h, _ = self.matmul_refs(weights.name, False, vh, False)
            parts.append(self.structural("gather_t", [out_h.name], (T, D), map=cols, label=f"heads:{h}"))
        concat = self.store(sp.Add(*parts), (T, D))
        return self.linear_refs(concat, refs[4], bias[3])

    def linear_refs(self, h: str, W: str, b: str | None) -> Value:
        """W h + b (vector h) or h Wᵀ + 1 bᵀ (token rows h)."""
        sh = self.shapes[h]
        if len(sh) == 1:
            z, shape = self.matmul_refs(W, False, h, False)
            return (z + sym(b) if b else z), shape
        z, shape = self.matmul_refs(h, False, W, True)
        if not b:
            return z, shape
        cols = tuple(j for _ in range(sh[0]) for j in range(shape[1]))  # 1 bᵀ: b on every row
        return z + self.gather(b, cols, shape, "broadcast"), shape

    def linear(self, args: list[Node], kwargs: dict[str, Node]) -> Value:
        """linear(h, W[, b]) on the last axis, as torch.nn.functional.linear: W h + b for a vector,
        h Wᵀ + 1 bᵀ for the rows of a (T, D) token matrix."""
        if len(args) not in (2, 3) or kwargs:
            raise GraphError(f"{self.who}: linear(h, W[, b]) takes two or three arguments")
        h, W = self.materialize(args[0]), self.materialize(args[1])
        sh, sw = self.shapes[h], self.shapes[W]
        if len(sw) != 2 or len(sh) not in (1, 2) or sh[-1] != sw[1]:
            raise GraphError(f"{self.who}: linear() needs W of shape (out, {sh[-1] if sh else '…'}), got {list(sw)}")
        b = self.materialize(args[2]) if len(args) == 3 else None
        if b is not None and self.shapes[b] != (sw[0],):
            raise GraphError(f"{self.who}: linear() bias must have shape ({sw[0]},), got {list(self.shapes[b])}")
        return self.linear_refs(h, W, b)

    def layernorm(self, args: list[Node], kwargs: dict[str, Node]) -> Value:
        """layernorm(x, gamma, beta, eps=1e-5): (x − mean)/√(var + eps) ⊙ γ + β over the last axis
        (a vector, or each row of a (T, D) token matrix), with the biased variance as PyTorch.
        Row sums are gather_t with the row map, broadcasts gathers (no new op)."""
        if len(args) not in (3, 4) or set(kwargs) - {"eps"} or (len(args) == 4 and kwargs):
            raise GraphError(f"{self.who}: layernorm(x, gamma, beta, eps=1e-5) takes x, gamma, beta and eps")
        eps_node = args[3] if len(args) == 4 else kwargs.get("eps")
        eps, es = self.ew(eps_node) if eps_node is not None else (sp.Rational(1, 100000), ())
        if es != () or not (eps.is_number and eps > 0):
            raise GraphError(f"{self.who}: layernorm() eps must be a positive number")
        x, gamma, beta = (self.materialize(a) for a in args[:3])
        sx = self.shapes[x]
        if len(sx) not in (1, 2):
            raise GraphError(
                f"{self.who}: layernorm() normalises a vector or the rows of a matrix, got shape {list(sx)}"
            )
        D = sx[-1]
        for name, ref in (("gamma", gamma), ("beta", beta)):
            if self.shapes[ref] != (D,):
                raise GraphError(f"{self.who}: layernorm() {name} must have shape ({D},), got {list(self.shapes[ref])}")
        X = sym(x)
        if len(sx) == 1:
            mu = self.structural("sum", [x], ()) / D
            c = sym(self.store(X - mu, sx))
            var = self.structural("sum", [self.store(c**2, sx)], ()) / D
            return c / sp.sqrt(var + eps) * sym(gamma) + sym(beta), sx
        T = sx[0]
        rows = tuple(r for r in range(T) for _ in range(D))  # row r's entries ↔ entry r
        cols = tuple(j for _ in range(T) for j in range(D))  # γ, β on every row

        def row_mean(ref: str) -> sp.Expr:
            return self.structural("gather_t", [ref], (T,), map=rows, label="broadcast") / D

        mean = self.store(row_mean(x), (T,))
        c = sym(self.store(X - self.gather(mean, rows, sx, "broadcast"), sx))
        rstd = self.store(1 / sp.sqrt(row_mean(self.store(c**2, sx)) + eps), (T,))
        scale = self.gather(rstd, rows, sx, "broadcast")
        return c * scale * self.gather(gamma, cols, sx, "broadcast") + self.gather(beta, cols, sx, "broadcast"), sx

    def conv2d(self, refs: list[str], stride: int, padding: int) -> Value:
        """S = W_(O, C·k·k) φ(x) + b 1ᵀ, reshaped to (O, Ho, Wo) (seed 002's matrix form)."""
        where = "conv2d()"
        x, W = refs[0], refs[1]
        sx, sw = self.shapes[x], self.shapes[W]
        if len(sw) != 4 or sw[2] != sw[3]:
            raise GraphError(f"{self.who}: conv2d() weights must be (out, in, k, k), got shape {list(sw)}")
        O, C, k = sw[0], sw[1], sw[2]
        chw = image(sx, where)
        if chw[0] != C:
            raise GraphError(f"{self.who}: conv2d() weights take {C} input channels, the image has {chw[0]}")
        if stride < 1:
            raise GraphError(f"{self.who}: conv2d() needs stride >= 1")
        m, cols_shape, (ho, wo) = im2col_map(chw, k, stride, padding, where)
        cols = self.gather(x, m, cols_shape, "im2col")
        wm = self.gather(W, reshape_map(sw, (O, C * k * k), where), (O, C * k * k), "reshape")
        S, shape = self.matmul_refs(wm.name, False, cols.name, False)
        if len(refs) == 3:
            b = refs[2]
            if self.shapes[b] != (O,):
                raise GraphError(f"{self.who}: conv2d() bias must have shape ({O},), got {list(self.shapes[b])}")
            bb = self.gather(b, broadcast_rows_map(O, ho * wo, where), (O, ho * wo), "broadcast")
            S = sym(self.store(S + bb, shape))
        out = (O, ho, wo)
        return self.gather(S.name, reshape_map(shape, out, where), out, "reshape"), out

    def composite(self, entry: Entry, tensor_args: list[Node], params: list[Value]) -> Value:
        vals = [self.ew(a) for a in tensor_args]
        if vals[0][1] != vals[1][1] and vals[1][1] != () and vals[0][1] != ():
            raise GraphError(f"shape mismatch in {self.who}: {entry.name}() of shapes {vals[0][1]} and {vals[1][1]}")
        scope = {"a": vals[0], "b": vals[1]}
        for pname, p in zip(entry.params, params, strict=True):
            scope[pname] = p
        self.local.append(scope)
        try:
            return self.ew(parse_expression(entry.formula))
        finally:
            self.local.pop()

    def tensor_call(self, fname: str, args: list[Node]) -> Value:
        if fname in ("dot", "outer"):
            ra, rb = self.materialize(args[0]), self.materialize(args[1])
            sa, sb = self.shapes[ra], self.shapes[rb]
            if len(sa) != 1 or len(sb) != 1:
                raise GraphError(f"{self.who}: {fname}() needs two vectors, got {sa} and {sb}")
            if fname == "dot":
                if sa != sb:
                    raise GraphError(f"shape mismatch in {self.who}: dot of {sa} and {sb}")
                return self.structural("matmul", [ra, rb], (), ta=False, tb=False), ()
            return self.structural("outer", [ra, rb], (sa[0], sb[0])), (sa[0], sb[0])
        e, s = self.ew(args[0])
        if fname in ("sum", "mean"):
            if s == ():
                return e, ()
            ref = self.store(e, s)
            total = self.structural("sum", [ref], ())
            n = 1
            for d in s:
                n *= d
            return (total / n if fname == "mean" else total), ()
        if fname == "softmax" and len(s) == 2:  # attention weights: each row
            ref = self.store(e, s)
            return self.structural("softmax_rows", [ref], s), s
        if len(s) != 1:
            raise GraphError(f"{self.who}: {fname}() needs a vector, got shape {s}")
        ref = self.store(e, s)
        if fname == "logsumexp":
            return self.structural("logsumexp", [ref], ()), ()
        return self.structural(fname, [ref], s), s


__all__ = ["GraphError", "Lowerer", "ParseError"]
