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
crash the process. An `out` array may share memory with θ, D or u (the input is read from a
copy) but outputs may not overlap each other (ValueError). Each thread remembers its previous
loss_and_grad_flat / hvp_flat call: the same arrays with unchanged shape, strides, dtype and
writability reuse the ffi arguments (about one cffi call plus a dozen attribute checks); a
remembered array cannot be resized meanwhile (NumPy refuses; `k.release()` forgets it).
The dict API (pack, pack_data, direction) takes real numbers only: complex, bool, string and
object data are a ValueError, never silently converted.
"""

from __future__ import annotations

import difflib
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

import numpy as np

from symbolic.graph import Graph, flat_names

from . import emit as _emit
from . import kernel_index

__all__ = ["EXTRA_FLAGS", "Kernel", "KernelError", "blas_build_options", "blas_threads", "compile", "kernel_cached"]

EXTRA_FLAGS = ("-fno-math-errno", "-fopenmp-simd", "-DSG_OMP_SIMD")  # vectorised libm calls + simd reductions
_STATUS = {
    1: "the batch is empty (N = 0)",
    2: "theta contains non-finite values",
    3: "data contains non-finite values",
    4: "the direction contains non-finite values",
}


class KernelError(ValueError):
    """Bad input to a kernel (shape, dtype, non-finite values): names expected vs given."""


def compile(
    spec_path_or_graph,
    dtype: str = "float64",
    portable: bool = False,
    what=_emit.FUNCTIONS,
    cache_dir=None,
    name: str | None = None,
    blas="auto",
) -> Kernel:
    """Derive, emit, build (content-hash cached) and load the kernels of a model.

    blas: "auto" links the scipy-openblas32 package's CBLAS when it is importable, the model
    has tile GEMMs large enough to profit (emit.KernelSource.blas_gemms > 0; the generated code
    then calls cblas_?gemm for them once the batch has SG_BLAS_MIN_BATCH samples) and OpenBLAS
    runs more than one thread (its gain is the threads: on one thread the register-blocked loop
    kernels are as fast or faster, measured 1.7x faster on an AVX-512 CPU where the wheel picks
    its AVX2 kernels); True requires it (ImportError if missing), False never links it.
    `k.blas` says which build was used. what: a function name or names from emit.FUNCTIONS
    (hessian implies hvp); anything else is a ValueError naming it and the valid names."""
    if blas not in ("auto", True, False):
        raise ValueError(f"blas must be 'auto', True or False, given {blas!r}")
    what = _fnames(what)
    graph = _as_graph(spec_path_or_graph)
    key = _index_key(graph, dtype, what, name, cache_dir)
    src = (kernel_index.lookup(*key) if key else None) or _emit.emit(graph, dtype=dtype, what=what, name=name)
    opts = _blas_options(src, blas)
    from .build import build_module

    mod = build_module(
        src.single_file(),
        src.cdef,
        name_hint=f"{src.name}_{dtype}" + ("_blas" if opts else ""),
        portable=portable,
        extra_compile_args=EXTRA_FLAGS,
        cache_dir=cache_dir,
        manifest_info={"model": graph.name, "dtype": str(dtype)},  # for `symgrad cache list`
        **(opts or {}),
    )
    if key:
        kernel_index.store(*key, src)
    k = Kernel(graph, src, mod)
    k.blas, k.portable = bool(opts), bool(portable)
    return k


def kernel_cached(
    spec_path_or_graph,
    dtype: str = "float64",
    portable: bool = False,
    what=_emit.FUNCTIONS,
    cache_dir=None,
    name: str | None = None,
    blas="auto",
) -> bool:
    """Whether compile() with the same arguments would load a built kernel without emitting or
    compiling C: its source is in the kernel index and its module in the cache. Cheap (a JSON
    read and a hash of the cached module; no emission, no compiler run)."""
    what = _fnames(what)
    graph = _as_graph(spec_path_or_graph)
    key = _index_key(graph, dtype, what, name, cache_dir)
    src = kernel_index.lookup(*key) if key else None
    if src is None:
        return False
    try:
        opts = _blas_options(src, blas)
    except ImportError:
        return False
    from .build import is_cached

    return is_cached(
        src.single_file(),
        src.cdef,
        portable=portable,
        extra_compile_args=EXTRA_FLAGS,
        cache_dir=cache_dir,
        **(opts or {}),
    )


def _index_key(graph: Graph, dtype, what, name, cache_dir) -> tuple[Path, str] | None:
    """(cache root, fingerprint) for the kernel index; None if the cache dir is unknown."""
    from .build import BuildError, cache_root

    try:  # the checked root (ours, 0700) or the private fallback: never a planted index
        root = cache_root(cache_dir)
    except (BuildError, OSError, RuntimeError, KeyError):  # no private dir either
        return None
    what = tuple(sorted({str(w) for w in what}))
    return root, kernel_index.fingerprint(graph, dtype=str(dtype), what=what, name=name)


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
            raise ImportError(
                "blas=True needs the scipy-openblas32 package "
                "(pip install scipy-openblas32, or pip install 'symgrad[blas]')"
            ) from None
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
    return {
        "include_dirs": [ob.get_include_dir()],
        "library_dirs": [lib],
        "libraries": [ob.get_library()],
        "extra_link_args": [] if sys.platform == "win32" else [f"-Wl,-rpath,{lib}"],
        "define_macros": [("SG_USE_BLAS", None), ("SG_CBLAS_PREFIX", prefix)],
    }


def _as_graph(x) -> Graph:
    """A Graph as given, or loaded from a spec path or a bundled example's name."""
    if isinstance(x, Graph):
        return x
    if isinstance(x, (str, Path)):
        from symbolic.bundled import load_graph

        return load_graph(x)
    raise TypeError(f"expected a spec path, a bundled example's name or a Graph, got {type(x).__name__}")


def _unpickle(state: dict) -> Kernel:
    """A pickled Kernel back (pickle calls this): codegen.kernel_pickle verifies the recipe and
    builds or loads the module with this module's flags and CBLAS options."""
    from .kernel_pickle import load_kernel

    return load_kernel(state, Kernel, EXTRA_FLAGS, blas_build_options)


class _Scratch:
    """Per-thread workspace and result buffers (cffi releases the GIL during calls)."""

    def __init__(self, k: Kernel):
        dt, P = k.dtype, k.n_params
        self.work = np.zeros(max(k.info[f"work_{f}"] for f in _emit.FUNCTIONS) + 8, dt)
        self.loss = np.zeros(1, dt)
        self.g = np.zeros(P, dt)
        self.h = np.zeros(P, dt)
        self.pwork, self.ploss, self.pg, self.ph = (k._buf(a) for a in (self.work, self.loss, self.g, self.h))


def _is_none(out) -> bool:
    """The fast-path test for a remembered hvp_flat call that had out=None."""
    return out is None


def _pin(a: np.ndarray) -> tuple:
    """Weak references that keep `a`'s memory in place while a fast-path record remembers its
    pointer: NumPy refuses to resize an array that has a weak reference (even with
    refcheck=False), so the pointer cannot dangle; a view's owning array is pinned too."""
    base = a.base
    if isinstance(base, np.ndarray):
        return weakref.ref(a), weakref.ref(base)
    return (weakref.ref(a),)


def _fnames(what) -> tuple[str, ...]:
    """Validated `what` of compile(): a function name or an iterable of them, in FUNCTIONS order."""
    items = [what] if isinstance(what, str) else what
    try:
        items = list(items)
    except TypeError:
        raise ValueError(f"what: expected function names from {', '.join(_emit.FUNCTIONS)}, given {what!r}") from None
    valid = ", ".join(_emit.FUNCTIONS)
    for w in items:
        if not isinstance(w, str) or w not in _emit.FUNCTIONS:
            near = difflib.get_close_matches(str(w), _emit.FUNCTIONS, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise ValueError(f"what: unknown function {w!r}{hint}; valid names: {valid}")
    if not items:
        raise ValueError(f"what: no functions selected; valid names: {valid}")
    return tuple(w for w in _emit.FUNCTIONS if w in items)


def _real(x, what: str) -> np.ndarray:
    """`x` as a float64 array, refusing what would silently change its meaning: complex
    (imaginary parts dropped), bool (not a number here), strings, objects, dates."""
    if isinstance(x, (str, bytes)):
        raise KernelError(f"{what}: expected real numbers, given a string {x[:40]!r}")
    try:
        a = np.asarray(x)
    except (TypeError, ValueError) as e:  # ragged nested lists, odd objects
        raise KernelError(f"{what}: expected an array of real numbers ({e})") from None
    kind = a.dtype.kind
    if kind in "fiu":
        return a.astype(np.float64, copy=False)
    if kind == "c":
        raise KernelError(
            f"{what}: complex values are not accepted (the kernels are real; "
            "pass x.real explicitly if the imaginary part is meant to be dropped)"
        )
    if kind == "b":
        raise KernelError(f"{what}: booleans are not accepted as numbers (convert explicitly, e.g. x.astype(float))")
    raise KernelError(f"{what}: expected real numbers, given dtype {a.dtype} (shape {a.shape})")


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
                raise RuntimeError(
                    f"kernel {self.name}: {key} is {got} in the module, {self.info[key]} expected (stale build?)"
                )
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
        self.blas = False  # set by compile(): linked against a CBLAS (SG_USE_BLAS)
        self.portable = False  # set by compile(): built without -march=native

    def __reduce__(self):
        """Pickle as C source + build recipe + content hash (codegen.kernel_pickle); loading
        takes the module from the cache or rebuilds it, in any process."""
        from .kernel_pickle import recipe

        return (_unpickle, (recipe(self),))

    def __repr__(self):
        return (
            f"<Kernel {self.graph.name} {self.dtype.name}: {self.n_params} params, "
            f"data width {self.data_width}, functions {', '.join(self.functions)}"
            f"{', BLAS' if self.blas else ''}>"
        )

    def release(self) -> None:
        """Forget this thread's remembered fast-path arrays: the record keeps them alive and
        pinned (NumPy refuses to resize an array a kernel remembers)."""
        self._tls.lg = self._tls.hv = None

    # ---- low-level helpers ---------------------------------------------------------------------
    def _buf(self, a: np.ndarray, writable: bool = False):
        """ffi pointer to a validated C-contiguous array of the dtype. A plain pointer passes
        faster than an array cdata but does not keep `a` alive: callers hold `a` themselves."""
        return self.ffi.cast(self._ctype, self.ffi.from_buffer(a, require_writable=writable))

    def _scratch(self) -> _Scratch:
        sc = getattr(self._tls, "sc", None)
        if sc is None:
            sc = self._tls.sc = _Scratch(self)
        return sc

    def _arr(self, a, shape, what: str, writable: bool = False) -> np.ndarray:
        """`a` after checking type, shape, dtype, contiguity (and writability for outputs)."""
        if not isinstance(a, np.ndarray) or isinstance(a, np.ma.MaskedArray):
            raise KernelError(
                f"{what}: expected a numpy array of shape {shape} and dtype {self.dtype.name}, given {type(a).__name__}"
            )
        if a.shape != shape:
            raise KernelError(f"{what}: expected shape {shape}, given shape {a.shape}")
        if a.dtype != self.dtype:
            raise KernelError(f"{what}: expected dtype {self.dtype.name}, given {a.dtype} (shape {a.shape})")
        if not a.flags.c_contiguous:
            raise KernelError(
                f"{what}: expected a C-contiguous array of shape {shape}, "
                "given a non-contiguous view (use np.ascontiguousarray)"
            )
        if writable and not a.flags.writeable:
            raise KernelError(f"{what}: the output array of shape {shape} is read-only")
        return a

    def _data(self, D, what: str = "D") -> tuple[np.ndarray, int]:
        """Validated data rows and the batch size: (N, width), or (width,) for one sample."""
        if isinstance(D, np.ndarray) and D.ndim == 2 and D.shape[1] == self.data_width:
            if D.shape[0] == 0:
                raise KernelError(f"{what}: the batch is empty (shape {D.shape})")
            return self._arr(D, D.shape, what), D.shape[0]
        if isinstance(D, np.ndarray) and D.shape == (self.data_width,):
            return self._arr(D, D.shape, what), 1
        shape = getattr(D, "shape", None)
        raise KernelError(
            f"{what}: expected shape (N, {self.data_width}) (one packed row per "
            f"sample: {self._row_doc()}), given {shape if shape is not None else type(D).__name__}"
        )

    @staticmethod
    def _separate(inputs: list, outputs: list) -> tuple[list, bool]:
        """Inputs with a private copy for each one sharing memory with an output (the C code
        writes outputs while it still reads inputs), and whether any copy was made; outputs
        sharing memory with each other are refused. Arrays here are validated C-contiguous, for
        which np.may_share_memory (an extent test) is exact."""
        for i, (na, a) in enumerate(outputs):
            for nb, b in outputs[i + 1 :]:
                if np.may_share_memory(a, b):
                    raise KernelError(f"{na} and {nb} share memory; give separate output arrays")
        copied = False
        res = []
        for a in inputs:
            if any(np.may_share_memory(a, o) for _, o in outputs):
                a, copied = a.copy(), True
            res.append(a)
        return res, copied

    def _row_doc(self) -> str:
        return ", ".join(f"{f.name}{list(f.shape)}" for f in self.layout.inputs)

    def _check(self, rc: int, fn: str):
        if rc:
            raise KernelError(f"{self.graph.name}.{fn}: {_STATUS.get(rc, f'status {rc}')}")

    def _need(self, fn: str):
        if fn not in self._fn:
            raise KernelError(
                f"kernel {self.name} was compiled without {fn!r} (functions: {', '.join(self.functions)})"
            )
        return self._fn[fn]

    # ---- flat API ------------------------------------------------------------------------------
    # Fast path: each thread remembers its previous loss_and_grad_flat / hvp_flat call (the
    # arrays, the ffi arguments, each input's shape and strides, each output's flags). A call
    # with the same array objects whose shape, strides (inputs) or flags (outputs: contiguity
    # and writability) and dtype are unchanged reuses the arguments; anything else takes the
    # validating path. The remembered memory cannot move (see _pin), so the pointers and the
    # no-aliasing verdict stay true. Calls that needed an aliasing copy are not remembered.

    def loss_and_grad_flat(self, theta, D, out=None):
        """(loss, grad) for packed θ (P,) and data D (N, width); grad written into `out` if given.
        `out` may be θ itself (θ is read from a copy) or any array not overlapping D's rows."""
        c = getattr(self._tls, "lg", None)
        if (
            c is not None
            and c[0] is theta
            and c[1] is D
            and c[2] is out
            and theta.shape == c[3]
            and theta.strides == c[4]
            and theta.dtype is c[5]
            and D.shape == c[6]
            and D.strides == c[7]
            and D.dtype is c[5]
            and (out is None or (out.flags.num == c[12] and out.shape == c[3] and out.dtype is c[5]))
        ):
            rc = c[8](*c[9])
            if rc:
                self._check(rc, "loss_and_grad")
            return (c[10][0], c[11].copy()) if out is None else (c[10][0], out)
        return self._loss_and_grad_flat(theta, D, out)

    def _loss_and_grad_flat(self, theta, D, out):
        f = self._need("loss_grad")
        t = self._arr(theta, self._tshape, "theta")
        d, n = self._data(D)
        sc = self._scratch()
        copied = False
        if out is None:
            po = sc.pg
        else:
            o = self._arr(out, self._tshape, "out", writable=True)
            (t, d), copied = self._separate([t, d], [("out", o)])
            po = self._buf(o, True)
        args = (self._buf(t), self._buf(d), n, sc.ploss, po, sc.pwork)
        rc = f(*args)
        if rc:
            self._tls.lg = None
            self._check(rc, "loss_and_grad")
        if not copied:
            pins = _pin(theta) + _pin(D) + (_pin(out) if out is not None else ())
            self._tls.lg = (
                theta,
                D,
                out,
                theta.shape,
                theta.strides,
                self.dtype,
                D.shape,
                D.strides,
                f,
                args,
                sc.ploss,
                sc.g,
                None if out is None else out.flags.num,
                pins,
            )
        else:
            self._tls.lg = None
        if out is None:
            return sc.ploss[0], sc.g.copy()
        return sc.ploss[0], out

    def hvp_flat(self, theta, D, u, out=None):
        """(loss, grad, H·u) for packed θ, data D and packed direction u (P,).
        `out` may be a pair (grad_out, hv_out) or a (2, P) array; outputs may overlap θ, D or u
        (those are read from copies) but not each other."""
        c = getattr(self._tls, "hv", None)
        if (
            c is not None
            and c[0] is theta
            and c[1] is D
            and c[2] is u
            and theta.shape == c[4]
            and theta.strides == c[5]
            and theta.dtype is c[6]
            and u.shape == c[4]
            and u.strides == c[5]
            and u.dtype is c[6]
            and D.shape == c[7]
            and D.strides == c[8]
            and D.dtype is c[6]
            and c[3](out)
        ):
            rc = c[9](*c[10])
            if rc:
                self._check(rc, "hvp")
            if out is None:
                return c[11][0], c[12][0].copy(), c[12][1].copy()
            return c[11][0], out[0], out[1]
        return self._hvp_flat(theta, D, u, out)

    def _hvp_outputs(self, out) -> tuple[np.ndarray, np.ndarray, tuple, Callable[[object], bool]]:
        """(grad_out, hv_out, their pins, a cheap test that a later `out` is the same object(s)
        with unchanged flags, shape and dtype)."""
        P, dt = self._tshape, self.dtype
        if isinstance(out, np.ndarray) and out.ndim == 2:
            if out.shape != (2, self.n_params):
                raise KernelError(
                    f"out: expected shape (2, {self.n_params}) or a pair of "
                    f"({self.n_params},) arrays, given shape {out.shape}"
                )
            self._arr(out, out.shape, "out", writable=True)
            shape, flags = out.shape, out.flags.num
            return (
                out[0],
                out[1],
                _pin(out),
                lambda o: o is out and o.flags.num == flags and o.shape == shape and o.dtype is dt,
            )
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            raise KernelError("out: expected a pair (grad_out, hv_out) or a (2, P) array")
        g = self._arr(out[0], P, "out[0]", writable=True)
        h = self._arr(out[1], P, "out[1]", writable=True)
        fg, fh, kind = g.flags.num, h.flags.num, type(out)
        return (
            g,
            h,
            _pin(g) + _pin(h),
            lambda o: (
                type(o) is kind
                and len(o) == 2
                and o[0] is g
                and o[1] is h
                and g.flags.num == fg
                and h.flags.num == fh
                and g.shape == P
                and h.shape == P
                and g.dtype is dt
                and h.dtype is dt
            ),
        )

    def _hvp_flat(self, theta, D, u, out):
        f = self._need("hvp")
        t = self._arr(theta, self._tshape, "theta")
        d, n = self._data(D)
        v = self._arr(u, self._tshape, "u")
        sc = self._scratch()
        copied = False
        same: Callable[[object], bool]
        if out is None:
            g, h, pins, same = sc.g, sc.h, (), _is_none
            pg, ph = sc.pg, sc.ph
        else:
            g, h, pins, same = self._hvp_outputs(out)
            (t, d, v), copied = self._separate([t, d, v], [("out[0]", g), ("out[1]", h)])
            pg, ph = self._buf(g, True), self._buf(h, True)
        args = (self._buf(t), self._buf(d), n, self._buf(v), sc.ploss, pg, ph, sc.pwork)
        rc = f(*args)
        if rc:
            self._tls.hv = None
            self._check(rc, "hvp")
        if not copied:
            self._tls.hv = (
                theta,
                D,
                u,
                same,
                theta.shape,
                theta.strides,
                self.dtype,
                D.shape,
                D.strides,
                f,
                args,
                sc.ploss,
                (sc.g, sc.h),
                _pin(theta) + _pin(D) + _pin(u) + pins,
            )
        else:
            self._tls.hv = None
        if out is None:
            return sc.ploss[0], sc.g.copy(), sc.h.copy()
        return sc.ploss[0], g, h

    def forward_flat(self, theta, D, out=None):
        """Forward outputs, one packed row (width out_width) per sample: (N, out_width)."""
        f = self._need("forward")
        t = self._arr(theta, self._tshape, "theta")
        d, n = self._data(D)
        shape = (n, self.out_width)
        if out is None:
            out = np.empty(shape, self.dtype)
        o = self._arr(out, shape, "out", writable=True)
        (t, d), _ = self._separate([t, d], [("out", o)])
        self._check(f(self._buf(t), self._buf(d), n, self._buf(o, True), self._scratch().pwork), "forward")
        return out

    def hessian_flat(self, theta, D, out=None):
        """Dense Hessian (P, P) of the batch objective."""
        f = self._need("hessian")
        P = self.n_params
        if P > _emit.MAX_HESSIAN_PARAMS:
            raise KernelError(
                f"dense Hessian of {P} parameters is too large (limit {_emit.MAX_HESSIAN_PARAMS}); use hvp"
            )
        t = self._arr(theta, self._tshape, "theta")
        d, n = self._data(D)
        if out is None:
            out = np.empty((P, P), self.dtype)
        o = self._arr(out, (P, P), "out", writable=True)
        (t, d), _ = self._separate([t, d], [("out", o)])
        sc = self._scratch()
        self._check(f(self._buf(t), self._buf(d), n, sc.ploss, sc.pg, self._buf(o, True), sc.pwork), "hessian")
        return out

    def jacobian_flat(self, theta, D, out=None):
        """Per-sample Jacobian (N, out_width, data_width + P) of the forward row w.r.t. (data row, θ)."""
        f = self._need("jacobian")
        t = self._arr(theta, self._tshape, "theta")
        d, n = self._data(D)
        shape = (n, self.info["jac_rows"], self.info["jac_cols"])
        if out is None:
            out = np.empty(shape, self.dtype)
        o = self._arr(out, shape, "out", writable=True)
        (t, d), _ = self._separate([t, d], [("out", o)])
        self._check(f(self._buf(t), self._buf(d), n, self._buf(o, True), self._scratch().pwork), "jacobian")
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
            a = _real(params[f.name], f"{what}['{f.name}']")
            if a.shape != f.shape and not (a.size == 1 and f.shape == ()):
                raise KernelError(f"{what}['{f.name}']: expected shape {f.shape}, given shape {a.shape}")
            theta[f.offset : f.offset + f.size] = a.ravel()
        return theta

    def unpack(self, theta) -> dict:
        """Packed θ (P,) → parameters dict of float64 arrays shaped as declared."""
        theta = _real(theta, "theta")
        if theta.shape != self._tshape:
            raise KernelError(f"theta: expected shape {self._tshape}, given shape {theta.shape}")
        return {f.name: theta[f.offset : f.offset + f.size].reshape(f.shape).copy() for f in self.layout.params}

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
            a = _real(data[f.name], f"data['{f.name}']")
            if a.shape == f.shape or (f.shape == () and a.size == 1 and a.ndim <= 1 and batched is False):
                b, n = False, 1
            elif a.ndim == len(f.shape) + 1 and a.shape[1:] == f.shape:
                b, n = True, a.shape[0]
            else:
                raise KernelError(
                    f"data['{f.name}']: expected shape {f.shape} (one sample) or "
                    f"(N,) + {f.shape} (a batch), given shape {a.shape}"
                )
            if batched is not None and (b != batched or (b and n != N)):
                raise KernelError(
                    f"data['{f.name}']: shape {a.shape} disagrees with the other inputs "
                    f"({'batch of ' + str(N) if batched else 'one sample'})"
                )
            batched, N = b, n
            vals[f.name] = a.reshape(n, f.size)
        if N is None:
            if required:
                raise KernelError("data: no inputs given")
            N, batched = 1, False  # a model without (needed) inputs: one empty sample
        if N == 0:
            raise KernelError("data: the batch is empty (N = 0)")
        D = np.zeros((N, self.data_width), self.dtype)
        for f in self.layout.inputs:
            if f.name in vals:
                D[:, f.offset : f.offset + f.size] = vals[f.name]
        return D, bool(batched)

    def _dir(self, direction) -> np.ndarray:
        if isinstance(direction, dict):
            full = {p: direction.get(p, np.zeros(s)) for p, s in self.param_shapes.items()}
            extra = sorted(set(direction) - set(self.param_shapes))
            if extra:
                raise KernelError(f"direction: unknown parameter(s) {extra}; expected {list(self.param_shapes)}")
            return self.pack(full, "direction")
        u = np.ascontiguousarray(_real(direction, "direction"), dtype=self.dtype)
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
            v = rows[:, f.offset : f.offset + f.size].reshape((rows.shape[0],) + f.shape)
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
