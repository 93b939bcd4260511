"""Lower symgrad assignment programs to batched, tiled steps (the emission plan, as data).

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

This is planning only: steps hold data (buffers, index expressions as (variable, stride) terms,
GEMM calls as `Gemm` records, elementwise bodies as SymPy expressions); the C backend
(codegen.c_render with templates/ops.c.j2) turns them into C text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp

from symbolic.graph import Assignment, size, sym

from .c_safe import c_identifier
from .plan_rewrite import prepare
from .scalar_block import BlockWriter

# ---- buffers ---------------------------------------------------------------------------------------


@dataclass
class Buf:
    """An array of the kernel: `cname` names it; tiled buffers hold one row of `size` per sample."""

    cname: str
    shape: tuple
    kind: str  # 'param' | 'dir' | 'data' | 'work' | 'acc' | 'tile' | 'out'
    tiled: bool = False
    stride: int = 0  # per-sample row stride of tiled buffers
    offset: int = 0  # offset into the workspace (work/acc/tile kinds)
    words: int = 0  # workspace words
    dst: str = ""  # kind 'out': the output array this buffer is a slice of (at offset)

    @property
    def size(self) -> int:
        return size(self.shape)


Index = tuple[tuple[str, int], ...]  # a flat index Σ var·stride over loop variables; () is 0


@dataclass(frozen=True)
class Ref:
    """One element of a buffer: `index` over the step's loop variables; with `row` the element
    is in the current sample's row of a tiled buffer (offset s·stride), else `index` is flat."""

    buf: Buf
    index: Index = ()
    row: bool = True


class Namer:
    """Sanitised, unique identifiers (valid in C) for IR names like 't[d[z1]]' or 'W1[0,1]'."""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, prefix: str, name: str) -> str:
        base = c_identifier(prefix + (re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") or "v"))
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
    """One unit of the plan; `kind` selects the backend's macro (templates/ops.c.j2 for C).
    `comment` is plain text (the backend sanitises it)."""

    kind: str
    out: Buf | None = None
    args: list = field(default_factory=list)
    tiled: bool = False
    data: dict = field(default_factory=dict)
    comment: str = ""


# ---- elementwise bodies -------------------------------------------------------------------------------

BIG_BATCH = 8  # from this batch size on, W·x tiles use a transposed copy of W (else dot products)
BLAS_MIN_SIZE = 16384  # tile GEMMs whose weight (or accumulator) block has this many entries get
# an `#ifdef SG_USE_BLAS` cblas path (whole tile in one ?gemm call)

_N_SYM = sp.Symbol("__n__", real=True)


def ew_body(expr: sp.Expr, arg_names: list[str], extra: dict | None = None):
    """(CSE lines [(local, expr)], result expr) of an elementwise template over locals a0, a1, ...
    (the arguments, in order), after the stability rewrites; SymPy expressions, not text."""
    rep = {sym(x): sp.Symbol(f"a{i}", real=True) for i, x in enumerate(arg_names)}
    if extra:
        rep.update(extra)
    e = prepare(expr.xreplace(rep))
    subs, red = sp.cse(e, symbols=sp.numbered_symbols("q", real=True), optimizations=None)
    return list(subs), red[0]


_K: Index = (("k", 1),)


def _bcast_index(arg_shape: tuple, out_shape: tuple, loop_vars: list[str]) -> Index:
    """Flat index into an argument broadcast (numpy rules) against the output loops."""
    if arg_shape == ():
        return ()
    nd, na = len(out_shape), len(arg_shape)
    terms, stride = [], 1
    for ax in range(na - 1, -1, -1):
        d = arg_shape[ax]
        v = loop_vars[nd - na + ax]
        if d != 1:
            terms.append((v, stride))
        stride *= d
    return tuple(reversed(terms))


def make_ew(
    a: Assignment,
    out: Buf,
    args: list[Buf],
    dtype: str,
    expr: sp.Expr | None = None,
    extra_args: list | None = None,
    tiled: bool = False,
) -> Step:
    """An elementwise step: flat loop when every argument is the output's shape or a scalar."""
    expr = a.expr if expr is None else expr
    assert expr is not None, a.name  # op 'ew' always carries its template
    names = list(a.args) + [n for n, _ in (extra_args or [])]
    bufs = list(args) + [b for _, b in (extra_args or [])]
    lines, result = ew_body(expr, names)
    shape = out.shape
    simple = all(b.shape == shape or b.shape == () for b in bufs)
    used = [i for i, n in enumerate(names) if sym(n) in expr.free_symbols]
    if simple:
        # flatten the sample loop too when every tiled operand is a contiguous work tile
        flat_tile = (
            tiled
            and out.stride == out.size
            and all(
                (not b.tiled and b.shape == ()) or (b.tiled and b.stride == b.size and b.shape == shape) for b in bufs
            )
        )
        loads = []
        for i in used:
            b = bufs[i]
            if flat_tile:
                loads.append((f"a{i}", Ref(b, _K if b.tiled else (), row=False)))
            else:
                loads.append((f"a{i}", Ref(b, _K if b.shape == shape else ())))
        return Step(
            "ew",
            out,
            bufs,
            tiled=tiled and not flat_tile,
            data=dict(
                loops=[("k", out.size)],
                per_tile=flat_tile,  # the loop covers the whole tile: nt rows of out.size
                loads=loads,
                lines=lines,
                result=result,
                store=Ref(out, _K, row=not flat_tile),
            ),
            comment=_comment(a),
        )
    loop_vars = [f"i{d}" for d in range(len(shape))]
    flat = tuple((v, size(shape[d + 1 :])) for d, v in enumerate(loop_vars))
    loads = [(f"a{i}", Ref(bufs[i], _bcast_index(bufs[i].shape, shape, loop_vars))) for i in used]
    return Step(
        "ew",
        out,
        bufs,
        tiled=tiled,
        data=dict(
            loops=list(zip(loop_vars, shape, strict=True)),
            per_tile=False,
            loads=loads,
            lines=lines,
            result=result,
            store=Ref(out, flat),
        ),
        comment=_comment(a),
    )


def _comment(a: Assignment) -> str:
    """Plain-text description of `a` for the step's comment."""
    txt = f"{a.name} = {a.op}({', '.join(a.args)})"
    if a.op == "ew":
        txt = f"{a.name} = {a.expr}"
    return txt


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


def make_matmul(a: Assignment, out: Buf, A: Buf, B: Buf, tiled: bool) -> Step:
    ta, tb = a.attrs.get("ta", False), a.attrs.get("tb", False)
    I, J, K, a_si, a_sk, b_sk, b_sj = matmul_geometry(A, B, ta, tb)
    if J > 1 and b_sj == 1:
        order = "ikj"
    elif I > 1 and a_si == 1 and J == 1:
        order = "ki"
    else:
        order = "dot"
    # element (i, k) of A' is A[i*a_si + k*a_sk], (k, j) of B' is B[k*b_sk + j*b_sj], out[i*J + j]
    d = dict(I=I, J=J, K=K, order=order, a_strides=(a_si, a_sk), b_strides=(b_sk, b_sj), o_strides=(J, 1))
    # tile-level GEMM forms (all samples of a tile at once, parameter operand reused per row)
    if tiled:
        tm = gemm_term(a, A, B)
        if tm is not None:
            term, M = tm
            return make_mm_tile(out, M, [term], None, _comment(a))
    return Step("matmul", out, [A, B], tiled=tiled, data=d, comment=_comment(a))


def gemm_term(a: Assignment, A: Buf, B: Buf):
    """(term, M) when matmul `a` is a tile GEMM Z[s, :] (M wide) = X[s, :] · op(W), else None.

    kind 'nt': Z[s,i] = Σ_k W[i,k] X[s,k] (W is M×K);  kind 'nn': Z[s,j] = Σ_k X[s,k] W[k,j] (K×M)."""
    ta, tb = a.attrs.get("ta", False), a.attrs.get("tb", False)
    if not A.tiled and len(A.shape) == 2 and B.tiled and len(B.shape) == 1:
        r, c = A.shape
        return (dict(kind="nn", W=A, X=B, K=r, wt=None), c) if ta else (dict(kind="nt", W=A, X=B, K=c, wt=None), r)
    if A.tiled and len(A.shape) == 1 and not B.tiled and len(B.shape) == 2:
        r, c = B.shape
        return (dict(kind="nt", W=B, X=A, K=c, wt=None), r) if tb else (dict(kind="nn", W=B, X=A, K=r, wt=None), c)
    return None


def make_mm_tile(out: Buf, M: int, terms: list, bias: Buf | None, comment: str) -> Step:
    """Z (tile, M wide) = bias + Σ_terms X·op(W): one register-blocked GEMM per term."""
    args = [b for t in terms for b in (t["W"], t["X"])] + ([bias] if bias is not None else [])
    blas = max(M * t["K"] for t in terms) >= BLAS_MIN_SIZE
    return Step(
        "mm_tile",
        out,
        args,
        tiled=False,
        comment=comment,
        data=dict(M=M, terms=terms, bias=bias, blas=blas, big=BIG_BATCH),
    )


TILE_ROWS = "tile"  # a GEMM dimension equal to the row count of the current tile (known at run time)


@dataclass(frozen=True)
class GemmProduct:
    """One product A·B of a GEMM: A (m×k) with row/column strides, B (k×n) with leading dim."""

    k: int | str  # an int, or TILE_ROWS
    A: Buf
    a_rs: int
    a_cs: int
    B: Buf
    ldb: int


@dataclass(frozen=True)
class Gemm:
    """C (m×n, leading dim ldc) = [bias | C +] Σ prods: one register-blocked pass over C (one
    or two products). accumulate: 'store' (C = bias + ...), 'add' (C += ...) or
    'after_first_tile' (store on the first tile of the batch, add afterwards)."""

    m: int | str
    n: int
    prods: tuple[GemmProduct, ...]
    C: Buf
    ldc: int
    bias: Buf | None
    accumulate: str


@dataclass(frozen=True)
class GemmDot:
    """Z[s, 0:n] = [bias | Z +] W·X[s, :] for the rows s of the tile as dot products with the n
    rows of W (n×k): the small-batch form of an 'nt' tile GEMM."""

    n: int
    k: int
    W: Buf
    X: Buf
    ldx: int
    C: Buf
    ldc: int
    bias: Buf | None
    accumulate: str


def _gemm_plan(prods: list, M: int, C: Buf, ldc: int, bias: Buf | None, first: str) -> list[Gemm | GemmDot]:
    """Calls of the register-blocked kernels for Σ products (pairs share one pass over C); the
    bias and `first` (the accumulate mode) apply to the first call, the others add.

    prods: ('gemm', m, GemmProduct) or ('dot', k, W, X, ldx) entries."""
    calls: list[Gemm | GemmDot] = []
    gem = [x for x in prods if x[0] == "gemm"]
    dots = [x for x in prods if x[0] == "dot"]
    for i in range(0, len(gem), 2):
        chunk = gem[i : i + 2]
        calls.append(
            Gemm(chunk[0][1], M, tuple(g[2] for g in chunk), C, ldc, None if calls else bias, "add" if calls else first)
        )
    for d in dots:
        calls.append(
            GemmDot(M, d[1], d[2], d[3], d[4], C, C.stride, None if calls else bias, "add" if calls else first)
        )
    return calls


def mm_tile_gemms(st: Step, big: bool) -> list[Gemm | GemmDot]:
    """Kernel calls of an mm_tile step: with big (n >= BIG_BATCH) 'nt' terms use Wᵀ copies."""
    M, Z = st.data["M"], st.out
    assert Z is not None
    prods: list[tuple] = []
    for t in st.data["terms"]:
        X, W = t["X"], t["W"]
        if t["kind"] == "nt" and not (big and t["wt"] is not None):
            prods.append(("dot", t["K"], W, X, X.stride))
        else:
            Q = t["wt"] if t["kind"] == "nt" else W
            prods.append(("gemm", TILE_ROWS, GemmProduct(t["K"], X, X.stride, 1, Q, M)))
    return _gemm_plan(prods, M, Z, Z.stride, st.data["bias"], "store")


def red_outer_gemms(st: Step) -> list[Gemm | GemmDot]:
    """acc (M×N) = [acc +] Σ_pairs Aᵀ B over the tile; the first tile stores."""
    M, N = st.data["M"], st.data["N"]
    prods: list[tuple] = [("gemm", M, GemmProduct(TILE_ROWS, A, 1, A.stride, B, B.stride)) for A, B in st.data["pairs"]]
    assert st.out is not None
    return _gemm_plan(prods, N, st.out, N, None, "after_first_tile")


@dataclass(frozen=True)
class BatchGuard:
    """Run a once-per-call step only when the batch has >= min_batch samples and, with
    unless_blas, only when the BLAS path is not taken."""

    min_batch: int
    unless_blas: bool


def _transposes(steps: list, pre: list, namer: Namer, ws: Workspace, prefix: str) -> None:
    """Once-per-call transposed copies Wᵀ for the 'nt' terms of tile GEMMs (M >= 2): with them a
    batch tile is Z = X·Wᵀ with contiguous rows of Wᵀ, the register-blocked kernel's layout.
    Computed when n >= BIG_BATCH (smaller batches use dot products with W's rows) and, when every
    use of W is in a BLAS-eligible GEMM, only if BLAS is not in use (cblas transposes itself)."""
    uses: dict = {}
    for st in steps:
        if st.kind != "mm_tile":
            continue
        for t in st.data["terms"]:
            if t["kind"] == "nt" and st.data["M"] >= 2:
                uses.setdefault(t["W"].cname, []).append((st, t))
    for lst in uses.values():
        W = lst[0][1]["W"]
        wt = ws.alloc(Buf(namer(prefix + "c_", W.cname + "_T"), (W.shape[1], W.shape[0]), "work"), W.size)
        guard = BatchGuard(BIG_BATCH, all(st.data["blas"] for st, _ in lst))
        pre.append(
            Step(
                "transpose",
                wt,
                [W],
                data=dict(R=W.shape[0], C=W.shape[1], guard=guard),
                comment=f"{W.cname}ᵀ",
                tiled=False,
            )
        )
        for _, t in lst:
            t["wt"] = wt


def make_struct(a: Assignment, out: Buf, args: list[Buf], dtype: str, tiled: bool) -> Step:
    op = a.op
    if op == "matmul":
        return make_matmul(a, out, args[0], args[1], tiled)
    if op == "outer":
        return Step("outer", out, args, tiled=tiled, data=dict(M=args[0].size, N=args[1].size), comment=_comment(a))
    if op == "transpose":
        A = args[0]
        r, c = A.shape if len(A.shape) == 2 else (A.size, 1)
        return Step("transpose", out, args, tiled=tiled, data=dict(R=r, C=c), comment=_comment(a))
    if op == "index":
        A = args[0]
        idx = tuple(a.attrs["idx"])
        off = sum(i * size(A.shape[d + 1 :]) for d, i in enumerate(idx))
        return Step("copy", out, args, tiled=tiled, data=dict(off=off, count=out.size), comment=_comment(a))
    if op == "stack":
        return Step("stack", out, args, tiled=tiled, comment=_comment(a))
    if op == "scatter":
        pos = []
        for p in a.attrs["positions"][: len(args)]:
            p = tuple(p)
            pos.append(sum(i * size(out.shape[d + 1 :]) for d, i in enumerate(p)))
        return Step("scatter", out, args, tiled=tiled, data=dict(pos=pos), comment=_comment(a))
    if op in ("sum", "softmax", "log_softmax", "logsumexp"):
        return Step(op, out, args, tiled=tiled, data=dict(N=args[0].size), comment=_comment(a))
    if op in ("maxpool", "maxpool_route", "maxpool_pick"):
        C, H, W = args[0].shape
        k, s = int(a.attrs["k"]), int(a.attrs["stride"])
        geo = dict(C=C, H=H, W=W, k=k, s=s, Ho=(H - k) // s + 1, Wo=(W - k) // s + 1)
        return Step(op, out, args, tiled=tiled, data=geo, comment=_comment(a))
    if op == "softmax_rows":
        R, N = args[0].shape
        return Step(op, out, args, tiled=tiled, data=dict(R=R, N=N), comment=_comment(a))
    if op in ("gather", "gather_t"):
        index_map = [int(m) for m in a.attrs["map"]]
        if out.size == args[0].size and index_map == list(range(out.size)):  # a reshape: a plain copy
            return Step("copy", out, args, tiled=tiled, data=dict(off=0, count=out.size), comment=_comment(a))
        return Step(op, out, args, tiled=tiled, data=dict(map=index_map, N=len(index_map)), comment=_comment(a))
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
    acc: dict = field(default_factory=dict)  # reduced name → accumulator Buf
    zero: list = field(default_factory=list)  # accumulators updated with += (zeroed per call);
    # red_outer stores on the first tile instead
    cls: dict = field(default_factory=dict)


def _is_plain_sum(a: Assignment) -> bool:
    """a = arg1 + arg2 + ... (distinct arguments, coefficient 1 each)."""
    if a.op != "ew" or len(a.args) < 2 or len(set(a.args)) != len(a.args):
        return False
    return sp.expand(a.expr - sp.Add(*[sym(x) for x in a.args])) == 0


@dataclass
class _Runs:
    run: dict  # name → run id (consecutive scalar assignments of one group)
    stored: set  # fused names whose value is read outside their run (kept in a tile array)


def _scalar_runs(
    order: list[Assignment], roots: dict, shape_of, mode: dict, need_red: set, mat: list[str], by: dict, group
) -> _Runs:
    """Which per-sample assignments go into straight-line scalar runs, and which of their values
    must be stored: read by a step outside the run (another run, a loop step, a GEMM, an outer
    reduction) or materialised for the caller (`mat`). One pass over `order`: linear."""
    run: dict = {}
    rid, last = 0, None
    for a in order:
        scalar = a.op == "ew" and a.shape == () and a.name not in roots and all(shape_of(x) == () for x in a.args)
        g = group(a.name) if group else 0
        if scalar:
            if last is None or last != g:
                rid += 1
            run[a.name] = rid
            last = g
        else:
            last = None
    stored = {x for x in mat if x in run}
    for a in order:
        r = run.get(a.name)
        if a.name in roots:
            reads = [y for t in roots[a.name][0] for y in by[t].args]
        else:
            reads = list(a.args)
        stored.update(x for x in reads if x in run and run[x] != r)
    for n in need_red:  # "direct" sums of fused names accumulate inside their run
        m = mode.get(n, "direct")
        if m == "outer_ss":
            stored.update(x for x in by[n].args if x in run)
        elif m == "outer_sum":
            stored.update(y for x in by[n].args for y in by[x].args if y in run)
    return _Runs(run, stored)


def _gemm_sums(program, by, cls, shape_of, uses, need_mat, need_red, env) -> tuple[dict, set]:
    """Sums of tile GEMMs (and at most one sample-invariant bias vector) computed as one GEMM step.

    z = b + W·x, t[z] = u[W]·x + W·t[x] + u[b], ...: the matmuls (and partial sums) used only by the
    sum are not materialised; the sum's tile is written by one register-blocked GEMM per term
    (the bias initialises the accumulators). Returns ({root: (matmul names, bias name)}, absorbed)."""

    def gemm_able(a):
        if a.op != "matmul" or len(a.args) != 2:
            return False
        x, y = a.args
        sx, sy = shape_of(x), shape_of(y)
        return (cls[x] == "c" and len(sx) == 2 and cls[y] == "s" and len(sy) == 1) or (
            cls[x] == "s" and len(sx) == 1 and cls[y] == "c" and len(sy) == 2
        )

    roots: dict = {}
    absorbed: set = set()
    for a in program:
        n = a.name
        if n in env or cls.get(n) != "s" or n not in need_mat or len(a.shape) != 1 or not _is_plain_sum(a):
            continue
        terms, bias, sub, ok = [], [], [], True
        for x in a.args:
            if cls.get(x) == "c" and shape_of(x) == a.shape:
                bias.append(x)
            elif (
                x in by
                and x not in env
                and uses.get(x, 0) == 1
                and x not in need_red
                and cls.get(x) == "s"
                and shape_of(x) == a.shape
            ):
                if gemm_able(by[x]):
                    terms.append(x)
                elif x in roots:
                    sub.append(x)
                else:
                    ok = False
            else:
                ok = False
        for r in sub:
            terms += roots[r][0]
            bias += [roots[r][1]] if roots[r][1] else []
        if not ok or not terms or len(bias) > 1 or len(terms) + len(bias) < 2:
            continue
        for r in sub:
            del roots[r]
            absorbed.add(r)
        absorbed.update(terms)
        roots[n] = (terms, bias[0] if bias else None)
    return roots, absorbed


def build_section(
    program: list[Assignment],
    env: dict,
    *,
    red: list[str],
    mat: list[str],
    sample_leaves: set[str],
    namer: Namer,
    ws: Workspace,
    T: int,
    dtype: str,
    prefix: str = "",
    group=None,
) -> Section:
    """Classify, prune and lower `program`; `env` maps leaves (and outer names) to Bufs.

    Consecutive per-sample scalar elementwise assignments are lowered as one straight-line
    `scalar_block` step (codegen.scalar_block); `group(name)` (default: one group) keeps names
    of different groups out of one block (the Jacobian's per-output sweeps)."""
    env = dict(env)
    by = {a.name: a for a in program}
    cls: dict[str, str] = {}
    for n, b in env.items():
        cls[n] = "s" if (b.tiled or n in sample_leaves) else "c"
    for a in program:
        cls[a.name] = "s" if any(cls.get(x) == "s" for x in a.args) else "c"
    uses: dict[str, int] = {}
    for a in program:
        for x in a.args:
            uses[x] = uses.get(x, 0) + 1
    for o in list(red) + list(mat):
        uses[o] = uses.get(o, 0) + 1
    need_mat: set[str] = set()
    need_red: set[str] = set()
    need_c: set[str] = set()
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
                if (
                    m == "linear"
                    and _is_plain_sum(a)
                    and all(
                        x in by
                        and x not in env
                        and cls[x] == "s"
                        and uses.get(x, 0) == 1
                        and _red_rule(by[x], cls) == "outer_ss"
                        for x in a.args
                    )
                ):
                    m = "outer_sum"  # Σ_s (outer(a1, b1) + outer(a2, b2) + ...): one GEMM step
                mode[n] = m or "direct"
                if m is None:
                    need_mat.add(n)
                elif m == "outer_ss":
                    need_mat.update(a.args)
                elif m == "outer_sum":
                    for x in a.args:
                        need_mat.update(by[x].args)
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
    shape_of = lambda x: by[x].shape if x in by else env[x].shape  # noqa: E731
    roots, absorbed = _gemm_sums(program, by, cls, shape_of, uses, need_mat, need_red, env)
    order = [a for a in program if a.name not in env and a.name in need_mat and a.name not in absorbed]
    plan = _scalar_runs(order, roots, shape_of, mode, need_red, mat, by, group)
    blocks: dict = {}  # run id → (BlockWriter, Step)
    fused: dict = {}  # name → its run's BlockWriter (value not necessarily stored)
    for a in order:
        sz = size(a.shape)
        run = plan.run.get(a.name)
        if run is not None:
            if run not in blocks:
                bw = BlockWriter(dtype, lambda x: Ref(env[x]))
                st = Step("scalar_block", None, [], tiled=True, data=dict(block=bw.block))
                blocks[run] = (bw, st, a.name)
                sec.tile.append(st)
                sec.tile_names.append(a.name)
            bw, st, first = blocks[run]
            bw.add(a)
            st.comment = f"{first} ... {a.name} (scalar run)"
            fused[a.name] = bw
            if a.name in plan.stored:
                out = ws.alloc(Buf(namer(prefix + "t_", a.name), a.shape, "tile", tiled=True, stride=sz), sz * T)
                bw.store(a.name, Ref(out))
                env[a.name] = out
            continue
        out = ws.alloc(Buf(namer(prefix + "t_", a.name), a.shape, "tile", tiled=True, stride=sz), sz * T)
        if a.name in roots:
            names, bias = roots[a.name]
            terms = [gemm_term(by[x], env[by[x].args[0]], env[by[x].args[1]])[0] for x in names]
            st = make_mm_tile(out, sz, terms, env[bias] if bias else None, _comment(a))
            st.data["sum_of"] = (bias, [_comment(by[x]) for x in names])  # the terms, for the comment
        else:
            st = _step(a, out, [env[x] for x in a.args], dtype, tiled=True)
        sec.tile.append(st)
        sec.tile_names.append(a.name)
        env[a.name] = out
    _transposes(sec.tile, sec.pre, namer, ws, prefix)
    # reductions over samples
    acc = {}
    for n in sorted(need_red):  # sample leaves / outer names reduced directly (e.g. Σ x)
        if n in env and n not in by and env[n].tiled:
            b = env[n]
            acc[n] = ws.alloc(Buf(namer(prefix + "r_", n), b.shape, "acc"), b.size)
            sec.tile_red.append(Step("red_sum", acc[n], [b], data=dict(N=b.size), comment=f"Σ {n}"))
            sec.zero.append(acc[n])
    for a in program:
        n = a.name
        if n not in need_red or (n in env and n not in by):
            continue
        sz = size(a.shape)
        buf = ws.alloc(Buf(namer(prefix + "r_", n), a.shape, "acc"), sz)
        acc[n] = buf
        m = mode.get(n, "direct")
        if m == "direct" and n in fused:  # Σ_s accumulated inside the scalar run
            fused[n].accumulate(n, Ref(buf))
            sec.zero.append(buf)
        elif m == "direct":
            sec.tile_red.append(Step("red_sum", buf, [env[n]], data=dict(N=sz), comment=f"Σ {n}"))
            sec.zero.append(buf)
        elif m in ("outer_ss", "outer_sum"):
            parts = [a] if m == "outer_ss" else [by[x] for x in a.args]
            pairs = [(env[b.args[0]], env[b.args[1]]) for b in parts]
            M, N = pairs[0][0].size, pairs[0][1].size
            sec.tile_red.append(
                Step(
                    "red_outer",
                    buf,
                    [x for pr in pairs for x in pr],
                    comment=f"Σ {n} = Σ " + " + ".join(f"outer({b.args[0]}, {b.args[1]})" for b in parts),
                    data=dict(M=M, N=N, pairs=pairs, blas=M * N >= BLAS_MIN_SIZE),
                )
            )
        else:
            rargs = [acc[x] if cls[x] == "s" else env[x] for x in a.args]
            if a.op == "ew":
                assert a.expr is not None
                svars = [sym(x) for x in a.args if cls[x] == "s"]
                c0 = a.expr.xreplace(dict.fromkeys(svars, sp.S.Zero))
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
