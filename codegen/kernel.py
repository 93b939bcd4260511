"""Compiled kernels as Python objects: `compile(spec_or_graph, dtype)` → Kernel.

    k = compile("examples/mlp.toml")                     # derive, emit C, build (cached), load
    loss, grads = k.loss_and_grad(params, data)           # dicts of arrays; batch = leading axis
    loss, grads, hv = k.hvp(params, data, direction)
    theta, D = k.pack(params), k.pack_data(data)          # flat API for tight loops
    loss, g = k.loss_and_grad_flat(theta, D, out=g)       # zero-copy, no allocation with out
    loss, g, hv = k.hvp_flat(theta, D, u, out=(g, hv))

Flat inputs must be C-contiguous arrays of the kernel's dtype with the exact shapes (θ: (P,),
D: (N, width), u: (P,)); anything else raises ValueError naming expected vs given. Non-finite
θ / data / u are rejected by the C code itself (a status code, then ValueError): no call can
crash the process. ffi pointers of recently used arrays are cached, so a call costs about one
cffi call plus a few attribute checks.
"""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from symbolic.graph import Graph, flat_names

from . import emit as _emit
from . import kernel_index

__all__ = ["EXTRA_FLAGS", "Kernel", "KernelError", "blas_build_options", "blas_threads", "compile",
           "kernel_cached"]

EXTRA_FLAGS = ("-fno-math-errno", "-fopenmp-simd", "-DSG_OMP_SIMD")  # vectorised libm calls + simd reductions
_STATUS = {1: "the batch is empty (N = 0)", 2: "theta contains non-finite values",
           3: "data contains non-finite values", 4: "the direction contains non-finite values"}


class KernelError(ValueError):
    """Bad input to a kernel (shape, dtype, non-finite values): names expected vs given."""


def compile(spec_path_or_graph, dtype: str = "float64", portable: bool = False,
            what=_emit.FUNCTIONS, cache_dir=None, name: str | None = None,
            blas="auto") -> Kernel:
    """Derive, emit, build (content-hash cached) and load the kernels of a model.

    blas: "auto" links the scipy-openblas32 package's CBLAS when it is importable, the model
    has tile GEMMs large enough to profit (emit.KernelSource.blas_gemms > 0; the generated code
    then calls cblas_?gemm for them once the batch has SG_BLAS_MIN_BATCH samples) and OpenBLAS
    runs more than one thread (its gain is the threads: on one thread the register-blocked loop
    kernels are as fast or faster, measured 1.7x faster on an AVX-512 CPU where the wheel picks
    its AVX2 kernels); True requires it (ImportError if missing), False never links it.
    `k.blas` says which build was used."""
    if blas not in ("auto", True, False):
        raise ValueError(f"blas must be 'auto', True or False, given {blas!r}")
    graph = _as_graph(spec_path_or_graph)
    fp, root = _index_key(graph, dtype, what, name, cache_dir)
    src = (kernel_index.lookup(root, fp) if fp else None) or _emit.emit(graph, dtype=dtype, what=what, name=name)
    opts = _blas_options(src, blas)
    from .build import build_module
    mod = build_module(src.c, src.cdef, name_hint=f"{src.name}_{dtype}" + ("_blas" if opts else ""),
                       portable=portable, extra_compile_args=EXTRA_FLAGS, cache_dir=cache_dir,
                       **(opts or {}))
    if fp:
        kernel_index.store(root, fp, src)
    k = Kernel(graph, src, mod)
    k.blas = bool(opts)
    return k


def kernel_cached(spec_path_or_graph, dtype: str = "float64", portable: bool = False,
                  what=_emit.FUNCTIONS, cache_dir=None, name: str | None = None,
                  blas="auto") -> bool:
    """Whether compile() with the same arguments would load a built kernel without emitting or
    compiling C: its source is in the kernel index and its module in the cache. Cheap (a JSON
    read and a hash of the cached module; no emission, no compiler run)."""
    graph = _as_graph(spec_path_or_graph)
    fp, root = _index_key(graph, dtype, what, name, cache_dir)
    src = kernel_index.lookup(root, fp) if fp else None
    if src is None:
        return False
    try:
        opts = _blas_options(src, blas)
    except ImportError:
        return False
    from .build import is_cached
    return is_cached(src.c, src.cdef, portable=portable, extra_compile_args=EXTRA_FLAGS,
                     cache_dir=cache_dir, **(opts or {}))


def _index_key(graph: Graph, dtype, what, name, cache_dir) -> tuple[str | None, Path | None]:
    """(fingerprint, cache root) for the kernel index; (None, None) if the cache dir is unknown."""
    from .build import default_cache_dir
    try:
        root = Path(cache_dir if cache_dir is not None else default_cache_dir()).expanduser()
    except (OSError, RuntimeError, KeyError):  # e.g. no home directory
        return None, None
    what = tuple(sorted({str(w) for w in what}))
    return kernel_index.fingerprint(graph, dtype=str(dtype), what=what, name=name), root


def _blas_options(src, blas) -> dict | None:
    """build_module keyword arguments linking a CBLAS, or None (see compile's `blas`)."""
    if blas is True:
        return blas_build_options(required=True)
    if blas == "auto" and src.blas_gemms:
        opts = blas_build_options(required=False)
        if opts is not None and blas_threads() != 1:
            return opts
    return None


def blas_threads() -> int | None:
    """Threads scipy-openblas32 will use (OPENBLAS_NUM_THREADS / its own default), None if unknown."""
    try:
        import ctypes
        import os

        import scipy_openblas32 as ob
        lib = ctypes.CDLL(os.path.join(ob.get_lib_dir(), ob.get_library(fullname=True)))
        return int(lib.scipy_openblas_get_num_threads())
    except (ImportError, OSError, AttributeError, TypeError, ValueError):  # not installed,
        return None  # another build of the package, no such symbol


def blas_build_options(required: bool = False) -> dict | None:
    """build_module keyword arguments linking the CBLAS of the scipy-openblas32 package
    (pip install scipy-openblas32, or symgrad[blas]); None (or ImportError when required) if
    the package is not importable."""
    try:
        import scipy_openblas32 as ob
    except ImportError:
        if required:
            raise ImportError("blas=True needs the scipy-openblas32 package "
                              "(pip install scipy-openblas32, or pip install 'symgrad[blas]')") from None
        return None
    import re
    import sys
    prefix = "scipy_"
    try:
        m = re.search(r"-DBLAS_SYMBOL_PREFIX=(\w+)", ob.get_pkg_config())
        prefix = m.group(1) if m else prefix
    except (AttributeError, TypeError):  # pragma: no cover - older package versions
        prefix = "scipy_"
    lib = ob.get_lib_dir()
    return {"include_dirs": [ob.get_include_dir()], "library_dirs": [lib],
            "libraries": [ob.get_library()],
            "extra_link_args": [] if sys.platform == "win32" else [f"-Wl,-rpath,{lib}"],
            "define_macros": [("SG_USE_BLAS", None), ("SG_CBLAS_PREFIX", prefix)]}


def _as_graph(x) -> Graph:
    """A Graph as given, or loaded from a spec path or a bundled example's name."""
    if isinstance(x, Graph):
        return x
    if isinstance(x, (str, Path)):
        from symbolic.bundled import load_graph
        return load_graph(x)
    raise TypeError(f"expected a spec path, a bundled example's name or a Graph, got {type(x).__name__}")


class _Scratch:
    """Per-thread workspace and result buffers (cffi releases the GIL during calls)."""

    def __init__(self, k: Kernel):
        ffi, dt, P = k.ffi, k.dtype, k.n_params
        self.work = np.zeros(max(k.info[f"work_{f}"] for f in _emit.FUNCTIONS) + 8, dt)
        self.loss = np.zeros(1, dt)
        self.g = np.zeros(P, dt)
        self.h = np.zeros(P, dt)
        self.pwork, self.ploss, self.pg, self.ph = (k._cast(a) for a in (self.work, self.loss, self.g, self.h))
        del ffi


class Kernel:
    """Compiled forward / loss+gradient / HVP / Hessian / Jacobian of one model."""

    def __init__(self, graph: Graph, source, module):
        self.graph, self.source, self.module = graph, source, module
        self.ffi, self.lib = module.ffi, module.lib
        self.name = source.name
        self.dtype = np.dtype(np.float64 if source.dtype == "float64" else np.float32)
        self._ctype = "double *" if source.dtype == "float64" else "float *"
        self.layout = source.layout
        self.info = dict(source.info)
        for i, key in enumerate(_emit.INFO):  # the loaded module must match the emitted layout
            got = int(getattr(self.lib, f"{self.name}_info")(i))
            if got != self.info[key]:
                raise RuntimeError(f"kernel {self.name}: {key} is {got} in the module, "
                                   f"{self.info[key]} expected (stale build?)")
        self.functions = source.functions
        self.n_params = self.layout.n_params
        self.data_width = self.layout.data_width
        self.out_width = self.layout.out_width
        self.param_shapes = {f.name: f.shape for f in self.layout.params}
        self.input_shapes = {f.name: f.shape for f in self.layout.inputs}
        self.output_shapes = {f.name: f.shape for f in self.layout.outputs}
        self._fn = {f: getattr(self.lib, f"{self.name}_{f}") for f in self.functions}
        self._tshape = (self.n_params,)
        self._tls = threading.local()
        self._ptrs: dict[int, tuple] = {}
        self._lock = threading.Lock()
        self.blas = False   # set by compile(): linked against a CBLAS (SG_USE_BLAS)

    def __repr__(self):
        return (f"<Kernel {self.graph.name} {self.dtype.name}: {self.n_params} params, "
                f"data width {self.data_width}, functions {', '.join(self.functions)}"
                f"{', BLAS' if self.blas else ''}>")

    # ---- low-level helpers ---------------------------------------------------------------------
    def _cast(self, a: np.ndarray):
        return self.ffi.cast(self._ctype, self.ffi.from_buffer(a))

    def _scratch(self) -> _Scratch:
        sc = getattr(self._tls, "sc", None)
        if sc is None:
            sc = self._tls.sc = _Scratch(self)
        return sc

    def _ptr(self, a, shape, what: str, writable: bool = False):
        """ffi pointer to `a` after checking type, dtype, shape, contiguity (cached by identity)."""
        e = self._ptrs.get(id(a))
        if e is not None and e[0] is a and a.shape == shape and a.dtype is self.dtype \
                and (not writable or e[2]):
            return e[1]
        if not isinstance(a, np.ndarray):
            raise KernelError(f"{what}: expected a numpy array of shape {shape} and dtype "
                              f"{self.dtype.name}, given {type(a).__name__}")
        if a.shape != shape:
            raise KernelError(f"{what}: expected shape {shape}, given shape {a.shape}")
        if a.dtype != self.dtype:
            raise KernelError(f"{what}: expected dtype {self.dtype.name}, given {a.dtype} "
                              f"(shape {a.shape})")
        if not a.flags.c_contiguous:
            raise KernelError(f"{what}: expected a C-contiguous array of shape {shape}, "
                              "given a non-contiguous view (use np.ascontiguousarray)")
        if writable and not a.flags.writeable:
            raise KernelError(f"{what}: the output array of shape {shape} is read-only")
        p = self._cast(a)
        with self._lock:
            if len(self._ptrs) >= 16:
                self._ptrs.pop(next(iter(self._ptrs)))
            self._ptrs[id(a)] = (a, p, a.flags.writeable)
        return p

    def _data_ptr(self, D, what: str = "D"):
        if isinstance(D, np.ndarray) and D.ndim == 2 and D.shape[1] == self.data_width:
            n = D.shape[0]
            if n == 0:
                raise KernelError(f"{what}: the batch is empty (shape {D.shape})")
            return self._ptr(D, D.shape, what), n
        if isinstance(D, np.ndarray) and D.shape == (self.data_width,):
            return self._ptr(D, D.shape, what), 1
        shape = getattr(D, "shape", None)
        raise KernelError(f"{what}: expected shape (N, {self.data_width}) (one packed row per "
                          f"sample: {self._row_doc()}), given {shape if shape is not None else type(D).__name__}")

    def _row_doc(self) -> str:
        return ", ".join(f"{f.name}{list(f.shape)}" for f in self.layout.inputs)

    def _check(self, rc: int, fn: str):
        if rc:
            raise KernelError(f"{self.graph.name}.{fn}: {_STATUS.get(rc, f'status {rc}')}")

    def _need(self, fn: str):
        if fn not in self._fn:
            raise KernelError(f"kernel {self.name} was compiled without {fn!r} "
                              f"(functions: {', '.join(self.functions)})")
        return self._fn[fn]

    # ---- flat API ------------------------------------------------------------------------------
    def _fast(self, a, shape):
        """Cached pointer for an array already validated with this exact shape, else None."""
        e = self._ptrs.get(id(a))
        if e is not None and e[0] is a and a.dtype is self.dtype and a.shape == shape:
            return e[1]
        return None

    def _dfast(self, D):
        e = self._ptrs.get(id(D))
        if e is not None and e[0] is D and D.dtype is self.dtype:
            sh = D.shape
            if len(sh) == 2 and sh[1] == self.data_width and sh[0]:
                return e[1], sh[0]
        return self._data_ptr(D)

    def loss_and_grad_flat(self, theta, D, out=None):
        """(loss, grad) for packed θ (P,) and data D (N, width); grad written into `out` if given."""
        # fast path: the same arrays as this thread's previous call (shapes / dtypes re-checked)
        c = getattr(self._tls, "lg", None)
        if c is not None and c[0] is theta and c[1] is D and c[2] is out:
            dt = self.dtype
            if theta.shape == c[3] and D.shape == c[4] and theta.dtype is dt and D.dtype is dt \
                    and (out is None or (out.shape == c[3] and out.dtype is dt)):
                rc = c[5](*c[6])
                if rc:
                    self._check(rc, "loss_and_grad")
                return (c[7][0], c[8].copy()) if out is None else (c[7][0], out)
        return self._loss_and_grad_flat(theta, D, out)

    def _loss_and_grad_flat(self, theta, D, out):
        f = self._fn.get("loss_grad") or self._need("loss_grad")
        pt = self._fast(theta, self._tshape) or self._ptr(theta, self._tshape, "theta")
        pd, n = self._dfast(D)
        sc = getattr(self._tls, "sc", None) or self._scratch()
        if out is None:
            args = (pt, pd, n, sc.ploss, sc.pg, sc.pwork)
        else:
            e = self._ptrs.get(id(out))
            if e is not None and e[0] is out and e[2] and out.dtype is self.dtype \
                    and out.shape == self._tshape:
                po = e[1]
            else:
                po = self._ptr(out, self._tshape, "out", writable=True)
            args = (pt, pd, n, sc.ploss, po, sc.pwork)
        rc = f(*args)
        if rc:
            self._check(rc, "loss_and_grad")
        self._tls.lg = (theta, D, out, theta.shape, D.shape, f, args, sc.ploss, sc.g)
        if out is None:
            return sc.ploss[0], sc.g.copy()
        return sc.ploss[0], out

    def hvp_flat(self, theta, D, u, out=None):
        """(loss, grad, H·u) for packed θ, data D and packed direction u (P,).
        `out` may be a pair (grad_out, hv_out) or a (2, P) array."""
        c = getattr(self._tls, "hv", None)
        if c is not None and c[0] is theta and c[1] is D and c[2] is u and c[3] is out:
            dt = self.dtype
            if theta.shape == c[4] and D.shape == c[5] and u.shape == c[4] and theta.dtype is dt \
                    and D.dtype is dt and u.dtype is dt and c[10]():
                rc = c[6](*c[7])
                if rc:
                    self._check(rc, "hvp")
                if out is None:
                    return c[8][0], c[9][0].copy(), c[9][1].copy()
                return c[8][0], c[9][0], c[9][1]
        return self._hvp_flat(theta, D, u, out)

    def _hvp_flat(self, theta, D, u, out):
        f = self._fn.get("hvp") or self._need("hvp")
        pt = self._fast(theta, self._tshape) or self._ptr(theta, self._tshape, "theta")
        pd, n = self._dfast(D)
        pu = self._fast(u, self._tshape) or self._ptr(u, self._tshape, "u")
        sc = getattr(self._tls, "sc", None) or self._scratch()
        if out is None:
            args = (pt, pd, n, pu, sc.ploss, sc.pg, sc.ph, sc.pwork)
            rc = f(*args)
            if rc:
                self._check(rc, "hvp")
            self._tls.hv = (theta, D, u, out, theta.shape, D.shape, f, args, sc.ploss,
                            (sc.g, sc.h), lambda: True)
            return sc.ploss[0], sc.g.copy(), sc.h.copy()
        if isinstance(out, np.ndarray) and out.ndim == 2:
            if out.shape != (2, self.n_params):
                raise KernelError(f"out: expected shape (2, {self.n_params}) or a pair of "
                                  f"({self.n_params},) arrays, given shape {out.shape}")
            g, h = out[0], out[1]
        else:
            try:
                g, h = out
            except (TypeError, ValueError):
                raise KernelError("out: expected a pair (grad_out, hv_out) or a (2, P) array") from None
        pg = self._ptr(g, self._tshape, "out[0]", writable=True)
        ph = self._ptr(h, self._tshape, "out[1]", writable=True)
        args = (pt, pd, n, pu, sc.ploss, pg, ph, sc.pwork)
        rc = f(*args)
        if rc:
            self._check(rc, "hvp")
        dt, P = self.dtype, self._tshape
        if isinstance(out, np.ndarray):
            shape2 = out.shape
            valid = lambda: out.shape == shape2 and out.dtype is dt
        else:
            valid = lambda: (len(out) == 2 and out[0] is g and out[1] is h
                             and g.shape == P and h.shape == P and g.dtype is dt and h.dtype is dt)
        self._tls.hv = (theta, D, u, out, theta.shape, D.shape, f, args, sc.ploss, (g, h), valid)
        return sc.ploss[0], g, h

    def forward_flat(self, theta, D, out=None):
        """Forward outputs, one packed row (width out_width) per sample: (N, out_width)."""
        f = self._need("forward")
        pt = self._ptr(theta, self._tshape, "theta")
        pd, n = self._data_ptr(D)
        shape = (n, self.out_width)
        if out is None:
            out = np.empty(shape, self.dtype)
        po = self._ptr(out, shape, "out", writable=True)
        self._check(f(pt, pd, n, po, self._scratch().pwork), "forward")
        return out

    def hessian_flat(self, theta, D, out=None):
        """Dense Hessian (P, P) of the batch objective."""
        f = self._need("hessian")
        P = self.n_params
        if P > _emit.MAX_HESSIAN_PARAMS:
            raise KernelError(f"dense Hessian of {P} parameters is too large "
                              f"(limit {_emit.MAX_HESSIAN_PARAMS}); use hvp")
        pt = self._ptr(theta, self._tshape, "theta")
        pd, n = self._data_ptr(D)
        if out is None:
            out = np.empty((P, P), self.dtype)
        po = self._ptr(out, (P, P), "out", writable=True)
        sc = self._scratch()
        self._check(f(pt, pd, n, sc.ploss, sc.pg, po, sc.pwork), "hessian")
        return out

    def jacobian_flat(self, theta, D, out=None):
        """Per-sample Jacobian (N, out_width, data_width + P) of the forward row w.r.t. (data row, θ)."""
        f = self._need("jacobian")
        pt = self._ptr(theta, self._tshape, "theta")
        pd, n = self._data_ptr(D)
        shape = (n, self.info["jac_rows"], self.info["jac_cols"])
        if out is None:
            out = np.empty(shape, self.dtype)
        po = self._ptr(out, shape, "out", writable=True)
        self._check(f(pt, pd, n, po, self._scratch().pwork), "jacobian")
        return out

    # ---- packing -------------------------------------------------------------------------------
    def pack(self, params: dict, what: str = "params") -> np.ndarray:
        """Parameters dict → packed θ (P,) of the kernel's dtype (declaration order, row-major)."""
        if not isinstance(params, dict):
            raise KernelError(f"{what}: expected a dict of arrays keyed by parameter name")
        extra = sorted(set(params) - set(self.param_shapes))
        if extra:
            raise KernelError(f"{what}: unknown parameter(s) {extra}; expected {list(self.param_shapes)}")
        theta = np.empty(self.n_params, self.dtype)
        for f in self.layout.params:
            if f.name not in params:
                raise KernelError(f"{what}: missing '{f.name}' (expected shape {f.shape})")
            a = np.asarray(params[f.name], dtype=float)
            if a.shape != f.shape and not (a.size == 1 and f.shape == ()):
                raise KernelError(f"{what}['{f.name}']: expected shape {f.shape}, given shape {a.shape}")
            theta[f.offset:f.offset + f.size] = a.ravel()
        return theta

    def unpack(self, theta) -> dict:
        theta = np.asarray(theta)
        if theta.shape != self._tshape:
            raise KernelError(f"theta: expected shape {self._tshape}, given shape {theta.shape}")
        return {f.name: theta[f.offset:f.offset + f.size].reshape(f.shape).copy()
                for f in self.layout.params}

    def pack_data(self, data: dict, required=None) -> np.ndarray:
        """Data dict → (N, width) rows. Arrays with exactly the declared shape are one sample;
        a leading axis of length N on every input is a batch."""
        arr, _ = self._pack_data(data, required)
        return arr

    def _pack_data(self, data, required=None):
        if not isinstance(data, dict):
            raise KernelError("data: expected a dict of arrays keyed by input name")
        extra = sorted(set(data) - set(self.input_shapes))
        if extra:
            raise KernelError(f"data: unknown input(s) {extra}; expected {list(self.input_shapes)}")
        required = set(self.input_shapes) if required is None else set(required)
        vals, batched, N = {}, None, None
        for f in self.layout.inputs:
            if f.name not in data:
                if f.name in required:
                    raise KernelError(f"data: missing '{f.name}' (expected shape {f.shape} or (N,) + {f.shape})")
                continue
            a = np.asarray(data[f.name], dtype=float)
            if a.shape == f.shape or (f.shape == () and a.size == 1 and a.ndim <= 1 and batched is False):
                b, n = False, 1
            elif a.ndim == len(f.shape) + 1 and a.shape[1:] == f.shape:
                b, n = True, a.shape[0]
            else:
                raise KernelError(f"data['{f.name}']: expected shape {f.shape} (one sample) or "
                                  f"(N,) + {f.shape} (a batch), given shape {a.shape}")
            if batched is not None and (b != batched or (b and n != N)):
                raise KernelError(f"data['{f.name}']: shape {a.shape} disagrees with the other inputs "
                                  f"({'batch of ' + str(N) if batched else 'one sample'})")
            batched, N = b, n
            vals[f.name] = a.reshape(n, f.size)
        if N is None:
            if required:
                raise KernelError("data: no inputs given")
            N, batched = 1, False   # a model without (needed) inputs: one empty sample
        if N == 0:
            raise KernelError("data: the batch is empty (N = 0)")
        D = np.zeros((N, self.data_width), self.dtype)
        for f in self.layout.inputs:
            if f.name in vals:
                D[:, f.offset:f.offset + f.size] = vals[f.name]
        return D, bool(batched)

    def _dir(self, direction) -> np.ndarray:
        if isinstance(direction, dict):
            full = {p: direction.get(p, np.zeros(s)) for p, s in self.param_shapes.items()}
            extra = sorted(set(direction) - set(self.param_shapes))
            if extra:
                raise KernelError(f"direction: unknown parameter(s) {extra}; expected {list(self.param_shapes)}")
            return self.pack(full, "direction")
        u = np.ascontiguousarray(direction, dtype=self.dtype)
        if u.shape != self._tshape:
            raise KernelError(f"direction: expected shape {self._tshape}, given shape {u.shape}")
        return u

    # ---- dict API ------------------------------------------------------------------------------
    def loss_and_grad(self, params, data):
        """(objective, gradient dict shaped like params) over the batch (or one sample)."""
        loss, g = self.loss_and_grad_flat(self.pack(params), self.pack_data(data))
        return loss, self.unpack(g)

    def hvp(self, params, data, direction):
        """(objective, gradient dict, H·u dict); `direction` is a dict (missing = 0) or packed u."""
        loss, g, h = self.hvp_flat(self.pack(params), self.pack_data(data), self._dir(direction))
        return loss, self.unpack(g), self.unpack(h)

    def forward(self, params, data):
        """Forward outputs {name: array}; inputs the outputs do not depend on may be omitted."""
        need = self._forward_inputs()
        D, batched = self._pack_data(data, required=need)
        rows = self.forward_flat(self.pack(params), D)
        out = {}
        for f in self.layout.outputs:
            v = rows[:, f.offset:f.offset + f.size].reshape((rows.shape[0],) + f.shape)
            out[f.name] = v if batched else v[0]
        return out

    def hessian(self, params, data) -> np.ndarray:
        """Dense (P, P) Hessian of the batch objective, rows/cols in `flat_labels()` order."""
        return self.hessian_flat(self.pack(params), self.pack_data(data))

    def jacobian(self, params, data) -> np.ndarray:
        """∂(forward row)/∂(data row, θ): (out_width, width + P), or (N, ...) for a batch.
        Row labels: `jacobian_labels()[0]`, column labels `jacobian_labels()[1]`."""
        need = self._forward_inputs()
        D, batched = self._pack_data(data, required=need)
        J = self.jacobian_flat(self.pack(params), D)
        return J if batched else J[0]

    def flat_labels(self) -> list[str]:
        return [lbl for f in self.layout.params for lbl in flat_names(f.name, f.shape)]

    def jacobian_labels(self) -> tuple[list[str], list[str]]:
        rows = [lbl for f in self.layout.outputs for lbl in flat_names(f.name, f.shape)]
        cols = [lbl for f in self.layout.jac_cols for lbl in flat_names(f.name, f.shape)]
        return rows, cols

    def _forward_inputs(self) -> set[str]:
        from symbolic.reverse import ancestors
        need = set()
        for f in self.layout.outputs:
            need |= ancestors(self.graph, f.name)
        return need & set(self.input_shapes)
