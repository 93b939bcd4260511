"""Lower symgrad assignment programs to batched, tiled C steps (the emission plan).

A kernel function evaluates a *section* program (forward, or forward + adjoint, or forward +
adjoint + tangent) for N samples, T samples at a time (a tile). Every name is classified:

* 'c' (sample-invariant): depends only on parameters / directions: computed once per call;
* 's' (per-sample): lifted to a (T, size) tile array, row stride = size (data inputs are read
  in place from the batch-first data matrix, row stride = data width).

Outputs are either *reduced* over the samples (objective, parameter gradients, HVP: Σ_samples),
or *materialised* per sample (forward outputs, Jacobian rows). Reductions are pushed down through
linear operations so that per-sample outer products are never materialised: a parameter adjoint
outer(δ, h) becomes the tile GEMM  acc += Δᵀ H, and a sum of such terms is combined after the
tile loop. Names needed only in reduced form are not computed per sample at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp

from symbolic.graph import Assignment, Graph, size, sym

from .cprinter import make_printer, prepare


# ---- buffers ---------------------------------------------------------------------------------------

@dataclass
class Buf:
    """A C array: `cname` points at it; tiled buffers hold one row of `size` per sample."""

    cname: str
    shape: tuple
    kind: str               # 'param' | 'dir' | 'data' | 'work' | 'acc' | 'tile'
    tiled: bool = False
    stride: int = 0          # per-sample row stride of tiled buffers
    offset: int = 0          # offset into the workspace (work/acc/tile kinds)
    words: int = 0           # workspace words

    @property
    def size(self) -> int:
        return size(self.shape)

    def at(self, idx) -> str:
        idx = str(idx)
        if self.tiled:
            return f"{self.cname}[s*{self.stride} + {idx}]" if idx != "0" else f"{self.cname}[s*{self.stride}]"
        return f"{self.cname}[{idx}]"


class Namer:
    """Sanitised, unique C identifiers for IR names like 't[d[z1]]' or 'W1[0,1]'."""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, prefix: str, name: str) -> str:
        base = prefix + (re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") or "v")
        c, k = base, 1
        while c in self.used:
            k += 1
            c = f"{base}_{k}"
        self.used.add(c)
        return c


class Workspace:
    def __init__(self):
        self.top = 0
        self.bufs: list[Buf] = []

    def alloc(self, buf: Buf, words: int) -> Buf:
        buf.offset, buf.words = self.top, words
        self.top += (words + 7) // 8 * 8  # 64-byte granules keep rows aligned relative to work
        self.bufs.append(buf)
        return buf


# ---- steps -------------------------------------------------------------------------------------------

@dataclass
class Step:
    """One unit of emitted C; `kind` selects the Jinja macro in templates/ops.c.j2."""

    kind: str
    out: Buf | None = None
    args: list = field(default_factory=list)
    tiled: bool = False
    data: dict = field(default_factory=dict)
    comment: str = ""


# ---- elementwise bodies -------------------------------------------------------------------------------

BIG_BATCH = 8     # from this batch size on, W·x tiles use a transposed copy of W

_N_SYM = sp.Symbol("__n__", real=True)


def ew_body(expr: sp.Expr, arg_names: list[str], dtype: str, extra: dict | None = None):
    """(load symbols, CSE lines, result) for an elementwise template; args become a0, a1, ..."""
    pr = make_printer(dtype)
    rep = {sym(x): sp.Symbol(f"a{i}", real=True) for i, x in enumerate(arg_names)}
    if extra:
        rep.update(extra)
    e = prepare(expr.xreplace(rep))
    subs, red = sp.cse(e, symbols=sp.numbered_symbols("q", real=True), optimizations=None)
    lines = [(str(v), pr.doprint(x)) for v, x in subs]
    return lines, pr.doprint(red[0])


def _bcast_index(arg_shape: tuple, out_shape: tuple, loop_vars: list[str]) -> str:
    """Flat index into an argument broadcast (numpy rules) against the output loops."""
    if arg_shape == ():
        return "0"
    nd, na = len(out_shape), len(arg_shape)
    terms, stride = [], 1
    for ax in range(na - 1, -1, -1):
        d = arg_shape[ax]
        v = loop_vars[nd - na + ax]
        if d != 1:
            terms.append(v if stride == 1 else f"{v}*{stride}")
        stride *= d
    return " + ".join(reversed(terms)) or "0"


def make_ew(a: Assignment, out: Buf, args: list[Buf], dtype: str, expr: sp.Expr | None = None,
            extra_args: list | None = None, tiled: bool = False) -> Step:
    """An elementwise step: flat loop when every argument is the output's shape or a scalar."""
    expr = a.expr if expr is None else expr
    names = list(a.args) + [n for n, _ in (extra_args or [])]
    bufs = list(args) + [b for _, b in (extra_args or [])]
    lines, result = ew_body(expr, names, dtype)
    shape = out.shape
    simple = all(b.shape == shape or b.shape == () for b in bufs)
    used = [i for i, n in enumerate(names) if sym(n) in expr.free_symbols]
    if simple:
        # flatten the sample loop too when every tiled operand is a contiguous work tile
        flat_tile = tiled and out.stride == out.size and all(
            (not b.tiled and b.shape == ()) or (b.tiled and b.stride == b.size and b.shape == shape)
            for b in bufs)
        loads = []
        for i in used:
            b = bufs[i]
            if flat_tile:
                loads.append((f"a{i}", f"{b.cname}[k]" if b.tiled else f"{b.cname}[0]"))
            else:
                loads.append((f"a{i}", b.at("k" if b.shape == shape else "0")))
        store = f"{out.cname}[k]" if flat_tile else out.at("k")
        return Step("ew", out, bufs, tiled=tiled and not flat_tile,
                    data=dict(loops=[("k", "nt*%d" % out.size if flat_tile else str(out.size))],
                              loads=loads, lines=lines, result=result, store=store),
                    comment=_comment(a))
    loop_vars = [f"i{d}" for d in range(len(shape))]
    flat = " + ".join(f"{v}*{size(shape[d + 1:])}" if size(shape[d + 1:]) != 1 else v
                      for d, v in enumerate(loop_vars)) or "0"
    loads = [(f"a{i}", bufs[i].at(_bcast_index(bufs[i].shape, shape, loop_vars))) for i in used]
    return Step("ew", out, bufs, tiled=tiled,
                data=dict(loops=[(v, str(d)) for v, d in zip(loop_vars, shape)], loads=loads,
                          lines=lines, result=result, store=out.at(flat)),
                comment=_comment(a))


def _comment(a: Assignment) -> str:
    txt = f"{a.name} = {a.op}({', '.join(a.args)})"
    if a.op == "ew":
        txt = f"{a.name} = {a.expr}"
    return txt.replace("*/", "* /")[:160]


# ---- structural ops ---------------------------------------------------------------------------------

def matmul_geometry(A: Buf, B: Buf, ta: bool, tb: bool):
    """I, J, K and strides such that out[i*J + j] = Σ_k A'[i,k] B'[k,j]."""
    if len(A.shape) == 2:
        r, c = A.shape
        I, K, a_si, a_sk = (c, r, 1, c) if ta else (r, c, c, 1)
    else:
        I, K, a_si, a_sk = 1, A.shape[0], 0, 1
    if len(B.shape) == 2:
        r, c = B.shape
        K2, J, b_sk, b_sj = (c, r, 1, c) if tb else (r, c, c, 1)
    else:
        K2, J, b_sk, b_sj = B.shape[0], 1, 1, 0
    assert K == K2, (A.shape, B.shape, ta, tb)
    return I, J, K, a_si, a_sk, b_sk, b_sj


def _lin(terms: list[tuple[str, int]]) -> str:
    parts = [(v if s == 1 else f"{v}*{s}") for v, s in terms if s]
    return " + ".join(parts) or "0"


def make_matmul(a: Assignment, out: Buf, A: Buf, B: Buf, tiled: bool) -> Step:
    ta, tb = a.attrs.get("ta", False), a.attrs.get("tb", False)
    I, J, K, a_si, a_sk, b_sk, b_sj = matmul_geometry(A, B, ta, tb)
    if J > 1 and b_sj == 1:
        order = "ikj"
    elif I > 1 and a_si == 1 and J == 1:
        order = "ki"
    else:
        order = "dot"
    d = dict(I=I, J=J, K=K, order=order,
             a=lambda i, k: A.at(_lin([(i, a_si), (k, a_sk)])),
             b=lambda k, j: B.at(_lin([(k, b_sk), (j, b_sj)])),
             o=lambda i, j: out.at(_lin([(i, J), (j, 1)])))
    # tile-level GEMM forms (all samples of a tile at once, parameter operand reused per row)
    if tiled and not A.tiled and B.tiled and len(B.shape) == 1 and len(A.shape) == 2:
        if not ta:   # Z[s,i] = Σ_j W[i,j] X[s,j]   (W rows reused across the tile)
            return Step("mm_tile_nt", out, [A, B], tiled=False, comment=_comment(a),
                        data=dict(M=I, N=K))
        return Step("mm_tile_nn", out, [A, B], tiled=False, comment=_comment(a),  # Z = X W
                    data=dict(M=K, N=I))
    if tiled and A.tiled and not B.tiled and len(A.shape) == 1 and len(B.shape) == 2:
        if tb:       # z[s,i] = Σ_j x[s,j] B[i,j]
            return Step("mm_tile_nt", out, [B, A], tiled=False, comment=_comment(a),
                        data=dict(M=J, N=K))
        return Step("mm_tile_nn", out, [B, A], tiled=False, comment=_comment(a),
                    data=dict(M=K, N=J))
    return Step("matmul", out, [A, B], tiled=tiled, data=d, comment=_comment(a))


def make_struct(a: Assignment, out: Buf, args: list[Buf], dtype: str, tiled: bool) -> Step:
    op = a.op
    if op == "matmul":
        return make_matmul(a, out, args[0], args[1], tiled)
    if op == "outer":
        return Step("outer", out, args, tiled=tiled, data=dict(M=args[0].size, N=args[1].size),
                    comment=_comment(a))
    if op == "transpose":
        A = args[0]
        r, c = A.shape if len(A.shape) == 2 else (A.size, 1)
        return Step("transpose", out, args, tiled=tiled, data=dict(R=r, C=c), comment=_comment(a))
    if op == "index":
        A = args[0]
        idx = tuple(a.attrs["idx"])
        off = sum(i * size(A.shape[d + 1:]) for d, i in enumerate(idx))
        return Step("copy", out, args, tiled=tiled, data=dict(off=off, count=out.size),
                    comment=_comment(a))
    if op == "stack":
        return Step("stack", out, args, tiled=tiled, comment=_comment(a))
    if op == "scatter":
        pos = []
        for arg, p in zip(args, a.attrs["positions"]):
            p = tuple(p)
            pos.append(sum(i * size(out.shape[d + 1:]) for d, i in enumerate(p)))
        return Step("scatter", out, args, tiled=tiled, data=dict(pos=pos), comment=_comment(a))
    if op in ("sum", "softmax", "log_softmax", "logsumexp"):
        return Step(op, out, args, tiled=tiled, data=dict(N=args[0].size), comment=_comment(a))
    raise AssertionError(op)


# ---- section analysis -----------------------------------------------------------------------------------

def _affine(expr: sp.Expr, svars: list[sp.Symbol]) -> bool:
    if not svars:
        return True
    try:
        if not expr.is_polynomial(*svars):
            return False
        return sp.Poly(expr, *svars).total_degree() <= 1
    except (sp.PolynomialError, sp.GeneratorsNeeded):
        return False


@dataclass
class Section:
    """Steps for one program within a function: `pre` (once), `tile` (per tile), `post`."""

    env: dict
    pre: list = field(default_factory=list)
    tile: list = field(default_factory=list)
    tile_names: list = field(default_factory=list)
    tile_red: list = field(default_factory=list)
    post: list = field(default_factory=list)
    acc: dict = field(default_factory=dict)     # reduced name → accumulator Buf
    cls: dict = field(default_factory=dict)


def build_section(program: list[Assignment], env: dict, *, red: list[str], mat: list[str],
                  sample_leaves: set[str], namer: Namer, ws: Workspace, T: int, dtype: str,
                  prefix: str = "") -> Section:
    """Classify, prune and lower `program`; `env` maps leaves (and outer names) to Bufs."""
    env = dict(env)
    by = {a.name: a for a in program}
    cls: dict[str, str] = {}
    for n, b in env.items():
        cls[n] = "s" if (b.tiled or n in sample_leaves) else "c"
    for a in program:
        cls[a.name] = "s" if any(cls.get(x) == "s" for x in a.args) else "c"
    need_mat, need_red, need_c = set(), set(), set()
    mode: dict[str, str] = {}
    for o in red:
        (need_red if cls[o] == "s" else need_c).add(o)
    for o in mat:
        (need_mat if cls[o] == "s" else need_c).add(o)
    for a in reversed(program):
        n = a.name
        if n in env:  # defined in an enclosing section
            continue
        if cls[n] == "c":
            if n in need_c:
                need_c.update(a.args)
            continue
        if n in need_red:
            if n in need_mat:
                mode[n] = "direct"
            else:
                m = _red_rule(a, cls)
                mode[n] = m or "direct"
                if m is None:
                    need_mat.add(n)
                elif m == "outer_ss":
                    need_mat.update(a.args)
                else:
                    for x in a.args:
                        (need_red if cls[x] == "s" else need_c).add(x)
        if n in need_mat:
            for x in a.args:
                (need_mat if cls[x] == "s" else need_c).add(x)
    sec = Section(env, cls=cls)
    # sample-invariant part, once per call
    for a in program:
        if a.name in env or cls[a.name] != "c" or a.name not in need_c:
            continue
        out = ws.alloc(Buf(namer(prefix + "c_", a.name), a.shape, "work"), size(a.shape))
        sec.pre.append(_step(a, out, [env[x] for x in a.args], dtype, tiled=False))
        env[a.name] = out
    # per-sample part
    transposed: dict = {}
    for a in program:
        if a.name in env or a.name not in need_mat:
            continue
        sz = size(a.shape)
        out = ws.alloc(Buf(namer(prefix + "t_", a.name), a.shape, "tile", tiled=True, stride=sz),
                       sz * T)
        st = _step(a, out, [env[x] for x in a.args], dtype, tiled=True)
        if st.kind == "mm_tile_nt" and st.data["M"] >= 4 and st.data["N"] >= 4:
            # large batches: a once-per-call transposed copy of W turns the per-sample dot
            # products into row updates Z[s,:] += X[s,j] Wᵀ[j,:] (vectorised, no reductions)
            W = st.args[0]
            wt = transposed.get(W.cname)
            if wt is None:
                wt = ws.alloc(Buf(namer(prefix + "c_", W.cname + "_T"), (W.shape[1], W.shape[0]), "work"),
                              W.size)
                transposed[W.cname] = wt
                sec.pre.append(Step("transpose", wt, [W], data=dict(R=W.shape[0], C=W.shape[1]),
                                    comment=f"{W.cname}ᵀ (used when n >= {BIG_BATCH})",
                                    tiled=False))
                sec.pre[-1].data["guard"] = f"n >= {BIG_BATCH}"
            st.data["wt"] = wt
            st.data["big"] = BIG_BATCH
        sec.tile.append(st)
        sec.tile_names.append(a.name)
        env[a.name] = out
    # reductions over samples
    acc = {}
    for n in sorted(need_red):      # sample leaves / outer names reduced directly (e.g. Σ x)
        if n in env and n not in by and env[n].tiled:
            b = env[n]
            acc[n] = ws.alloc(Buf(namer(prefix + "r_", n), b.shape, "acc"), b.size)
            sec.tile_red.append(Step("red_sum", acc[n], [b], data=dict(N=b.size), comment=f"Σ {n}"))
    for a in program:
        n = a.name
        if n not in need_red or (n in env and n not in by):
            continue
        sz = size(a.shape)
        buf = ws.alloc(Buf(namer(prefix + "r_", n), a.shape, "acc"), sz)
        acc[n] = buf
        m = mode.get(n, "direct")
        if m == "direct":
            sec.tile_red.append(Step("red_sum", buf, [env[n]], data=dict(N=sz), comment=f"Σ {n}"))
        elif m == "outer_ss":
            A, B = env[a.args[0]], env[a.args[1]]
            sec.tile_red.append(Step("red_outer", buf, [A, B], data=dict(M=A.size, N=B.size),
                                     comment=f"Σ {n} = Σ outer({a.args[0]}, {a.args[1]})"))
        else:
            rargs = [acc[x] if cls[x] == "s" else env[x] for x in a.args]
            if a.op == "ew":
                svars = [sym(x) for x in a.args if cls[x] == "s"]
                c0 = a.expr.xreplace({v: sp.S.Zero for v in svars})
                expr = a.expr - c0 + _N_SYM * c0 if c0 != 0 else a.expr
                nb = Buf("nf", (), "scalar")
                sec.post.append(make_ew(a, buf, rargs, dtype, expr=expr, extra_args=[("__n__", nb)]))
            else:
                sec.post.append(make_struct(a, buf, rargs, dtype, tiled=False))
    sec.acc = acc
    sec.env = env
    return sec


def _red_rule(a: Assignment, cls) -> str | None:
    s_args = [x for x in a.args if cls.get(x) == "s"]
    if a.op == "ew":
        return "linear" if _affine(a.expr, [sym(x) for x in s_args]) else None
    if a.op == "outer":
        return "outer_ss" if len(s_args) == 2 else "bilinear"
    if a.op == "matmul":
        return "bilinear" if len(s_args) == 1 else None
    if a.op in ("sum", "transpose", "index"):
        return "linear"
    if a.op in ("stack", "scatter"):
        return "linear" if len(s_args) == len(a.args) else None
    return None


def _step(a: Assignment, out: Buf, args: list[Buf], dtype: str, tiled: bool) -> Step:
    if a.op == "ew":
        return make_ew(a, out, args, dtype, tiled=tiled)
    return make_struct(a, out, args, dtype, tiled)
