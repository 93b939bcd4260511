"""Kernels that travel: the pickled form of a codegen.kernel.Kernel and its rebuild.

A Kernel holds a loaded cffi extension (ffi, lib, function pointers, per-thread buffers), none
of which can be pickled. What makes a kernel is text: its emitted source (C file, header, cffi
cdef, the packing layout and info constants), the build options that matter on any machine
(portable or -march=native, whether a CBLAS was linked) and the model's Graph (the kernel's name
in messages, the inputs `forward` needs, the penalty term symgrad.distributed evaluates). So a
Kernel pickles as that recipe plus a sha256 content hash over it (the C translation unit, the
source, the graph's canonical JSON text, the options; the pickled Graph bytes carry their own
sha256), and unpickling

  1. recomputes both hashes over the carried recipe, before anything is unpickled or compiled,
     and refuses a mismatch (KernelPickleError: the source, recipe or model was altered after
     pickling; a different kernel is never built silently);
  2. calls codegen.build.build_module with the same source, cdef and flags compile() used, so a
     process that finds the module in its cache (SYMGRAD_CACHE_DIR) loads it (~ms) and one that
     does not compiles the carried source (no spec file needed, any cwd);
  3. wraps the module in a Kernel (which checks the module's layout constants).

Machine-specific settings are re-derived where the pickle is loaded: -march=native targets the
loading CPU (build_module's cache key covers it), the CBLAS is the loading machine's
scipy-openblas32 (built without it, with the same C semantics, when that package is absent), the
cache dir is the loading process's. The hash is an integrity check, not a security boundary:
unpickling untrusted data executes code anyway (pickle's own rule).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy as sp

from symbolic.graph import Graph

from .emit import EmitError, KernelSource
from .kernel_index import source_from_json, source_to_json

Kernel = Any  # codegen.kernel.Kernel (not imported: codegen.kernel imports this module)

__all__ = ["FORMAT", "KernelPickleError", "content_hash", "load_kernel", "recipe"]

FORMAT = "symgrad-kernel-pickle-1"


class KernelPickleError(ValueError):
    """A pickled kernel that cannot be trusted or read: one line naming the kernel and why."""


def _source_json(src: KernelSource) -> str:
    """Canonical JSON text of an emitted source (every field: C, header, cdef, layout, info), in
    the kernel index's format (codegen.kernel_index.source_to_json)."""
    return json.dumps(source_to_json(src), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _canon(v: object) -> object:
    """A JSON-able, deterministic form of a graph field value (pickle bytes are not canonical:
    SymPy objects shared in one process are separate after a round trip)."""
    if isinstance(v, sp.Basic):
        return ["sympy", sp.srepr(v)]
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _canon(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, dict):
        return [[_canon(k), _canon(x)] for k, x in v.items()]  # declaration order is meaningful
    if isinstance(v, (list, tuple)):
        return [_canon(x) for x in v]
    if isinstance(v, np.ndarray):
        return ["ndarray", str(v.dtype), list(v.shape), v.tolist()]
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return repr(v)


def _graph_text(graph: Graph) -> str:
    """Canonical JSON text of every Graph field: what the content hash covers of the model."""
    return json.dumps(_canon(graph), sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=repr)


def _digest(module_c: str, source_json: str, graph_text: str, portable: bool, blas: bool) -> str:
    """sha256 hex over the recipe's parts, each length-prefixed (no ambiguity between fields)."""
    h = hashlib.sha256()
    for name, data in (
        ("format", FORMAT.encode()),
        ("module_c", module_c.encode("utf-8", "surrogatepass")),
        ("source", source_json.encode("utf-8", "surrogatepass")),
        ("graph", graph_text.encode("utf-8", "surrogatepass")),
        ("portable", b"1" if portable else b"0"),
        ("blas", b"1" if blas else b"0"),
    ):
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _graph_bytes(k: Kernel) -> bytes:
    """The kernel's Graph pickled without its memo of derived programs (a fresh copy: the
    memo is rebuilt on demand and would only make the pickle larger)."""
    return pickle.dumps(dataclasses.replace(k.graph), protocol=pickle.HIGHEST_PROTOCOL)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recipe(k: Kernel) -> dict[str, Any]:
    """The pickled state of a kernel: plain str / bytes / bool values and the content hash.
    `module_c` is the exact translation unit compile() built (runtime header inlined), so the
    loading side compiles the same text even if its own symgrad runtime differs."""
    module_c, source_json = k.source.single_file(), _source_json(k.source)
    graph_bytes = _graph_bytes(k)
    graph_text = _graph_text(pickle.loads(graph_bytes))  # of the copy a loader gets: re-pickling is stable
    portable, blas = bool(getattr(k, "portable", False)), bool(k.blas)
    return {
        "format": FORMAT,
        "name": k.name,
        "module_c": module_c,
        "source": source_json,
        "graph": graph_bytes,
        "graph_text": graph_text,
        "graph_sha256": _sha256(graph_bytes),
        "portable": portable,
        "blas": blas,
        "hash": _digest(module_c, source_json, graph_text, portable, blas),
    }


def content_hash(k: Kernel) -> str:
    """sha256 of what a pickled `k` carries (source, layout, graph, portable, BLAS): equal
    hashes mean interchangeable kernels, whatever process compiled them."""
    return str(recipe(k)["hash"])


def load_kernel(
    state: dict[str, Any],
    kernel_cls: Callable[..., Kernel],
    extra_flags: Sequence[str],
    blas_options: Callable[..., dict | None],
) -> Kernel:
    """Rebuild a pickled kernel (codegen.kernel's unpickler calls this with its Kernel class,
    EXTRA_FLAGS and blas_build_options): verify the content hash, then load the module from
    this process's kernel cache or compile the carried source with the flags compile() uses."""
    from .build import build_module

    if not isinstance(state, dict):
        raise KernelPickleError(f"pickled kernel: expected a recipe dict, found {type(state).__name__}")
    name = str(state.get("name", "?"))
    if state.get("format") != FORMAT:
        raise KernelPickleError(
            f"pickled kernel {name!r}: format {state.get('format')!r} is not {FORMAT!r} "
            "(pickled by another symgrad version; pickle it again)"
        )
    try:
        module_c, source_json, graph_bytes = str(state["module_c"]), str(state["source"]), bytes(state["graph"])
        graph_text, graph_sha = str(state["graph_text"]), str(state["graph_sha256"])
        portable, blas, expected = bool(state["portable"]), bool(state["blas"]), str(state["hash"])
    except (KeyError, TypeError, ValueError) as e:
        raise KernelPickleError(f"pickled kernel {name!r}: incomplete recipe ({type(e).__name__}: {e})") from None
    got = _digest(module_c, source_json, graph_text, portable, blas)
    if got != expected or _sha256(graph_bytes) != graph_sha:
        what = "the C source or build recipe" if got != expected else "the pickled model (Graph)"
        raise KernelPickleError(
            f"pickled kernel {name!r}: content hash mismatch (carried {expected[:16]}…, computed {got[:16]}…): "
            f"{what} was altered after pickling; refusing to build it"
        )
    try:
        src = source_from_json(json.loads(source_json))
        graph = pickle.loads(graph_bytes)
    except (KeyError, TypeError, ValueError, EmitError, pickle.UnpicklingError) as e:
        raise KernelPickleError(f"pickled kernel {name!r}: unreadable recipe ({type(e).__name__}: {e})") from None
    if not isinstance(graph, Graph):
        raise KernelPickleError(f"pickled kernel {name!r}: the carried model is a {type(graph).__name__}, not a Graph")
    opts = blas_options(required=False) if blas else None
    mod = build_module(
        module_c,
        src.cdef,
        name_hint=f"{src.name}_{src.dtype}" + ("_blas" if opts else ""),
        portable=portable,
        extra_compile_args=tuple(extra_flags),
        manifest_info={"model": str(graph.name), "dtype": src.dtype},  # as compile() records it
        **(opts or {}),
    )
    k = kernel_cls(graph, src, mod)
    k.blas, k.portable = bool(opts), portable
    return k
