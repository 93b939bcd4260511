"""CLI glue for the compiled kernels: `symgrad generate`, `symgrad check`, `eval --backend c`.

codegen/cli.py calls `add_commands(subparsers)` (registers generate and check), `kernel_cached`
(does eval default to the compiled kernel?), `kernel_point` (eval --backend c) and
`demo_kernels` (demo). The functions can also be called directly: `cmd_generate(args)` /
`cmd_check(args)` with an argparse-like namespace. Imports only hard dependencies (numpy,
jinja2, cffi via emit/kernel); optional ones (scipy-openblas32) are imported when used.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import emit as _emit
from .cli_errors import CliError

__all__ = [
    "EVAL_FUNCTIONS",
    "MAX_BATCH",
    "MAX_POINTS",
    "add_commands",
    "check_output_dir",
    "cmd_check",
    "cmd_generate",
    "demo_kernels",
    "eval_functions",
    "kernel_cached",
    "kernel_point",
    "output_paths",
    "parse_what",
    "write_sources",
]

MAX_POINTS = 1000  # check --points: each point costs reference backprops in Python
MAX_BATCH = 10000  # check --batch: the graph-wise reference loops over samples in Python


def _err(msg: str) -> Exception:
    """The one-line user error the CLI prints (exit code 2)."""
    return CliError(msg)


def parse_what(text) -> tuple:
    if text is None or text == "all" or text == ["all"]:
        return _emit.FUNCTIONS
    items = text if isinstance(text, (list, tuple)) else [text]
    out = []
    for it in items:
        for w in str(it).split(","):
            w = w.strip().replace("-", "_")
            if not w:
                continue
            if w == "grad":
                w = "loss_grad"
            if w not in _emit.FUNCTIONS:
                raise _err(f"--what: unknown function {w!r} (choose from {', '.join(_emit.FUNCTIONS)}, all)")
            out.append(w)
    return tuple(w for w in _emit.FUNCTIONS if w in out)


def _count(limit: int):
    """argparse type: a whole number in 1..limit; anything else is argparse's one-line usage
    error naming the option (exit 2)."""

    def parse(text: str) -> int:
        try:
            n = int(text, 10)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {limit}, got {text!r}") from None
        if not 1 <= n <= limit:
            raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {limit}, got {n}")
        return n

    return parse


def _seed(text: str) -> int:
    """argparse type: a random seed, 0 .. 2**63 - 1."""
    try:
        n = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= n < 2**63:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 to 2**63 - 1, got {n}")
    return n


def add_commands(sub) -> None:
    g = sub.add_parser("generate", help="write the C kernels (.c/.h) of a spec and build them")
    g.add_argument("spec")
    g.add_argument("-o", "--output", default=".", metavar="DIR", help="output directory (default .)")
    g.add_argument("--dtype", default="float64", choices=["float64", "float32"])
    g.add_argument("--what", default="all", help="comma-separated: " + ",".join(_emit.FUNCTIONS) + " (default all)")
    g.add_argument("--portable", action="store_true", help="build without -march=native")
    g.add_argument(
        "--blas",
        default="auto",
        choices=["auto", "on", "off"],
        help="link the scipy-openblas32 CBLAS into the Python module: auto (when "
        "installed, the model has large GEMMs and OpenBLAS runs >1 thread), on, "
        "off (default auto)",
    )
    g.add_argument("--no-build", action="store_true", help="only write the sources")
    g.add_argument(
        "--single-file",
        action="store_true",
        help=f"write one self-contained NAME.c (the runtime inlined) instead of NAME.c "
        f"that includes {_emit.RUNTIME_HEADER}",
    )
    g.add_argument(
        "--force",
        action="store_true",
        help=f"overwrite existing NAME.c / NAME.h / {_emit.RUNTIME_HEADER} (never through a symbolic link)",
    )
    g.set_defaults(func=cmd_generate)
    c = sub.add_parser("check", help="compile the kernels and compare them with numeric references")
    c.add_argument("spec")
    c.add_argument("--points", type=_count(MAX_POINTS), default=3, help=f"random points, 1..{MAX_POINTS} (default 3)")
    c.add_argument("--batch", type=_count(MAX_BATCH), default=4, help=f"samples per point, 1..{MAX_BATCH} (default 4)")
    c.add_argument("--dtype", default="float64", choices=["float64", "float32", "both"])
    c.add_argument("--seed", type=_seed, default=0, help="random seed (default 0)")
    c.set_defaults(func=cmd_check)


def _show(path) -> str:
    """A path for a one-line message (control characters escaped)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(path))


def _path_error(outdir: Path, where, e: OSError) -> Exception:
    return _err(f"-o {_show(outdir)}: cannot write {_show(where or outdir)} ({e.strerror or e})")


def check_output_dir(outdir: Path) -> None:
    """One-line CLI error unless `outdir` is a directory or absent (a name that is too long, a
    file, a path through a file)."""
    outdir = Path(outdir)
    try:
        if outdir.exists() and not outdir.is_dir():
            raise _err(f"-o {_show(outdir)}: exists and is not a directory")
    except OSError as e:
        raise _path_error(outdir, e.filename, e) from None


def output_paths(outdir: Path, stem: str, force: bool = False, single_file: bool = False) -> tuple[Path, ...]:
    """NAME.c, NAME.h and, unless `single_file`, the runtime header (emit.RUNTIME_HEADER) in
    `outdir`, after the checks that need no writing: `outdir` is a directory (or absent), no
    target is a symbolic link, and each is absent, or a regular file and `force` is set. The
    runtime header may also already exist with exactly this version's text (several models
    generated into one directory share it). One-line CLI errors otherwise."""
    outdir = Path(outdir)
    check_output_dir(outdir)
    if not single_file and f"{stem}.h".lower() == _emit.RUNTIME_HEADER.lower():
        raise _err(
            f"model name {_show(stem)!r}: its header {_show(stem)}.h would be the runtime "
            f"header {_emit.RUNTIME_HEADER}; rename the model or use --single-file"
        )
    try:
        names = [f"{stem}.c", f"{stem}.h"] + ([] if single_file else [_emit.RUNTIME_HEADER])
        paths = tuple(outdir / n for n in names)
        for p in paths:
            if p.is_symlink():
                raise _err(
                    f"-o {_show(outdir)}: {_show(p.name)} is a symbolic link; refusing to "
                    "write through it (remove it first)"
                )
            if p.exists():
                if not p.is_file():
                    raise _err(f"-o {_show(outdir)}: {_show(p.name)} exists and is not a regular file")
                if force or (p.name == _emit.RUNTIME_HEADER and _runtime_is_current(p)):
                    continue
                what = " with a different runtime" if p.name == _emit.RUNTIME_HEADER else ""
                raise _err(f"-o {_show(outdir)}: {_show(p.name)} already exists{what} (use --force to overwrite it)")
    except OSError as e:  # e.g. ENAMETOOLONG, EACCES on a parent
        raise _path_error(outdir, e.filename, e) from None
    return paths


def _runtime_is_current(path: Path) -> bool:
    """Whether the regular file `path` holds exactly emit.runtime_header() (reads at most one
    byte more than that text; no symbolic link is followed)."""
    want = _emit.runtime_header().encode("utf-8")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        return f.read(len(want) + 1) == want


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_new(path: Path, text: str, force: bool) -> None:
    """Write via a temporary file in the same directory, then link it into place: os.link (no
    overwrite, fails on an existing name) without `force`, os.replace with it. Neither follows a
    symbolic link planted at `path` in between: the link itself would be replaced or refused."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            os.fchmod(f.fileno(), 0o666 & ~_umask())
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path, follow_symlinks=False)
            except FileExistsError:
                raise _err(f"{_show(path)} already exists (use --force to overwrite it)") from None
            except OSError:  # no hard links on this file system: re-check, then rename
                if os.path.lexists(path):
                    raise _err(f"{_show(path)} already exists (use --force to overwrite it)") from None
                os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_sources(src, outdir: Path, force: bool = False, single_file: bool = False) -> tuple[Path, ...]:
    """Write NAME.c, NAME.h and the runtime header it includes (emit.RUNTIME_HEADER; left alone
    when it already holds this version's text) into `outdir` (created if missing); with
    `single_file`, NAME.c has the runtime inlined and NAME.h is the only other file. Refuses to
    overwrite existing files unless `force`, never writes through a symbolic link, and reports
    path errors (ENAMETOOLONG, EACCES, /proc, a file given as the directory) as one-line CLI
    errors. Returns the paths written: NAME.c, NAME.h[, runtime header]."""
    outdir = Path(outdir)
    paths = output_paths(outdir, src.name, force, single_file)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise _path_error(outdir, e.filename, e) from None
    texts = (src.single_file() if single_file else src.c, src.h, src.runtime)[: len(paths)]
    written = []
    for path, text in zip(paths, texts, strict=True):
        try:
            if (
                path.name == _emit.RUNTIME_HEADER
                and not force
                and path.is_file()
                and not path.is_symlink()
                and _runtime_is_current(path)
            ):
                continue  # shared with models generated earlier
            _write_new(path, text, force)
        except OSError as e:
            raise _path_error(outdir, path, e) from None
        written.append(path)
    return tuple(written)


def cmd_generate(args) -> int:
    from symbolic.bundled import load_graph

    outdir = Path(getattr(args, "output", ".") or ".")
    force = bool(getattr(args, "force", False))
    dtype = getattr(args, "dtype", "float64")
    check_output_dir(outdir)  # before loading and the (possibly slow) emission
    graph = load_graph(args.spec)  # a path or a bundled example's name
    single = bool(getattr(args, "single_file", False))
    output_paths(outdir, _emit.kernel_prefix(graph, dtype), force, single)
    what = parse_what(getattr(args, "what", "all"))
    try:
        src = _emit.emit(graph, dtype=dtype, what=what)
    except _emit.EmitError as e:
        raise _err(f"{args.spec}: {e}") from None
    paths = write_sources(src, outdir, force, single)
    names = ", ".join(_show(p) for p in paths[:-1]) + f" and {_show(paths[-1])}"
    kept = "" if single or len(paths) == 3 else f"; {_emit.RUNTIME_HEADER} there is current"
    print(
        f"wrote {names}  ({', '.join(src.functions)}; {src.dtype}; "
        f"{src.layout.n_params} params, data row width {src.layout.data_width}{kept})"
    )
    for line in build_hints(src, str(paths[0]), single):
        print(line)
    if not getattr(args, "no_build", False):
        from .build import build_module
        from .kernel import EXTRA_FLAGS, blas_build_options, blas_threads

        mode = getattr(args, "blas", "auto") or "auto"
        opts = None
        if mode == "on":
            try:
                opts = blas_build_options(required=True)
            except ImportError as exc:
                raise _err(f"--blas on: {exc}") from None
        elif mode == "auto" and src.blas_gemms and blas_threads() != 1:
            opts = blas_build_options()
        t0 = time.perf_counter()
        build_module(
            src.single_file(),
            src.cdef,
            name_hint=f"{src.name}_{src.dtype}" + ("_blas" if opts else ""),
            portable=getattr(args, "portable", False),
            extra_compile_args=EXTRA_FLAGS,
            **(opts or {}),
        )
        print(
            f"built the Python module (cffi, cached{', with BLAS' if opts else ''}) in {time.perf_counter() - t0:.2f} s"
        )
    return 0


def build_hints(src, cname: str, single_file: bool = False) -> list[str]:
    """How to compile the generated .c (path `cname`) standalone, without and with a CBLAS."""
    dgemm = "cblas_dgemm" if src.dtype == "float64" else "cblas_sgemm"
    flags = "-O3 -std=c99 -fno-math-errno -fopenmp-simd -DSG_OMP_SIMD"
    cc = os.environ.get("CC", "").strip() or "cc"
    cname = shlex.quote(_show(cname))
    needs = (
        "self-contained: C99 + libm only"
        if single_file
        else f"C99 + libm only; {_emit.RUNTIME_HEADER} is included from the .c's directory"
    )
    lines = [f"build: {cc} {flags} -c {cname}   ({needs}; link with -lm)"]
    if not src.blas_gemms:
        lines.append(
            "build with BLAS: no tile GEMM of this model is large enough for BLAS "
            "(-DSG_USE_BLAS compiles but changes nothing)"
        )
        return lines
    try:
        from .kernel import blas_build_options

        opts = blas_build_options()
    except (ImportError, OSError, AttributeError):  # pragma: no cover - a broken BLAS package
        opts = None
    if opts:
        prefix = dict(opts["define_macros"])["SG_CBLAS_PREFIX"]
        lib = opts["library_dirs"][0]
        lines.append(
            f"build with BLAS: {cc} {flags} -DSG_USE_BLAS -DSG_CBLAS_PREFIX={prefix} -c {cname}"
            f"   (link: -L{lib} -l{opts['libraries'][0]} -Wl,-rpath,{lib} -lm; "
            f"{src.blas_gemms} tile GEMMs call {prefix}{dgemm} for batches >= SG_BLAS_MIN_BATCH)"
        )
    else:
        lines.append(
            f"build with BLAS: {cc} {flags} -DSG_USE_BLAS [-DSG_CBLAS_PREFIX=<symbol prefix>] "
            f"-c {cname}   (link any CBLAS, e.g. -lopenblas; {src.blas_gemms} tile GEMMs "
            f"call {dgemm} for batches >= SG_BLAS_MIN_BATCH)"
        )
    return lines


def cmd_check(args) -> int:
    from symbolic.bundled import load_graph

    from .check import CheckError, format_table, run_check

    graph = load_graph(args.spec)  # a path or a bundled example's name
    points = int(getattr(args, "points", 3))
    batch = int(getattr(args, "batch", 4))
    seed = int(getattr(args, "seed", 0))
    if not 1 <= points <= MAX_POINTS:
        raise _err(f"--points must be from 1 to {MAX_POINTS}, got {points}")
    if not 1 <= batch <= MAX_BATCH:
        raise _err(f"--batch must be from 1 to {MAX_BATCH}, got {batch}")
    if not 0 <= seed < 2**63:
        raise _err(f"--seed must be from 0 to 2**63 - 1, got {seed}")
    dtype = getattr(args, "dtype", "float64")
    dtypes = ["float64", "float32"] if dtype == "both" else [dtype]
    ok_all = True
    for dt in dtypes:
        try:
            rows, ok = run_check(graph, points=points, dtype=dt, batch=batch, seed=seed)
        except (CheckError, _emit.EmitError) as e:
            raise _err(f"{args.spec}: {e}") from None
        print(format_table(rows, f"{graph.name} ({dt}): {points} random point(s), batch {batch}"))
        print(f"{'PASS' if ok else 'FAIL'}: {sum(r.ok for r in rows)}/{len(rows)} comparisons within tolerance\n")
        ok_all &= ok
    return 0 if ok_all else 1


# What `eval` needs from a kernel: the Jacobian and dense Hessian functions are emitted and compiled
# only when asked for (they are most of the C of a weight-by-weight model).
EVAL_FUNCTIONS = ("forward", "loss_grad", "hvp")


def kernel_cached(graph) -> bool:
    """Whether kernel_point(graph, ...) would find a compiled kernel in the cache (no C is emitted
    or compiled to find out; see codegen.kernel.kernel_cached): the full set of functions (as
    `symgrad check` builds it) or the smaller set eval builds itself."""
    from .kernel import kernel_cached as cached

    return cached(graph) or cached(graph, what=EVAL_FUNCTIONS)


def eval_functions(graph, hessian: bool) -> tuple[str, ...]:
    """The functions kernel_point loads: a cached full kernel if there is one, else only what
    this evaluation needs."""
    from .kernel import kernel_cached as cached

    needed = EVAL_FUNCTIONS + (("hessian",) if hessian else ())
    for what in (_emit.FUNCTIONS, needed):
        if cached(graph, what=what):
            return what
    return needed


def kernel_point(graph, values: dict, direction: dict | None = None, hessian: bool = False) -> dict:
    """One sample through the compiled kernels (built, or loaded from the cache): {objective,
    grad, hvp, hessian, values, backend} like symbolic.point.PointResult (hessian = (order, matrix))."""
    from .kernel import compile as kcompile

    try:
        k = kcompile(graph, what=eval_functions(graph, hessian))
    except _emit.EmitError as e:
        raise _err(f"{graph.name}: {e}") from None
    params = {p: values[p] for p in graph.params}
    data = {x: values[x] for x in graph.inputs}
    theta, D = k.pack(params), k.pack_data(data)
    out: dict[str, Any] = {"backend": "c"}
    if direction is not None:
        loss, g, hv = k.hvp_flat(theta, D, k._dir(direction))
        out["hvp"] = k.unpack(hv)
    else:
        loss, g = k.loss_and_grad_flat(theta, D)
    out["objective"] = float(loss)
    out["grad"] = k.unpack(g)
    if "forward" in k.functions:
        fw = k.forward(params, data)
        out["values"] = fw
    if hessian:
        from symbolic.point import MAX_HESSIAN_PARAMS

        if k.n_params > MAX_HESSIAN_PARAMS:
            from symbolic.evaluate import EvaluationError

            raise EvaluationError(
                f"dense Hessian of {k.n_params} parameters is too large "
                f"(limit {MAX_HESSIAN_PARAMS}); use --direction for H·u"
            )
        out["hessian"] = (k.flat_labels(), k.hessian_flat(theta, D))
    return out


def demo_kernels(graph) -> int:
    """`symgrad demo` part two: generate, compile and check the demo network; time it vs numpy."""
    from symbolic.point import evaluate_point

    from .check import format_table, run_check
    from .kernel import compile as kcompile

    t0 = time.perf_counter()
    k = kcompile(graph)
    t_build = time.perf_counter() - t0
    src = k.source
    print(
        f"\nCompiled kernels ({', '.join(src.functions)}) for {graph.name}: "
        f"{len(src.c.splitlines())} lines of C, built in {t_build:.2f} s (cached afterwards)"
    )
    rows, ok = run_check(graph, points=2, kernel=k)
    print(format_table(rows, "check against numeric references (2 random points, batch 4)"))
    values = dict(graph.values)
    theta = k.pack({p: values[p] for p in graph.params})
    D = k.pack_data({x: values[x] for x in graph.inputs})
    g = np.empty(k.n_params)
    n, t0 = 20000, time.perf_counter()
    for _ in range(n):
        k.loss_and_grad_flat(theta, D, out=g)
    t_c = (time.perf_counter() - t0) / n * 1e6
    n, t0 = 200, time.perf_counter()
    for _ in range(n):
        evaluate_point(graph, values)
    t_np = (time.perf_counter() - t0) / n * 1e6
    print(
        f"\nobjective + gradient at the worked example's point: compiled C {t_c:.2f} µs per call, "
        f"numpy program evaluation {t_np:.1f} µs  (×{t_np / t_c:.0f})"
    )
    return 0 if ok else 1


if __name__ == "__main__":  # pragma: no cover - handy for debugging without the main CLI
    import argparse

    p = argparse.ArgumentParser(prog="symgrad-kernels")
    sub = p.add_subparsers(dest="command")
    add_commands(sub)
    a = p.parse_args()
    sys.exit(a.func(a))
