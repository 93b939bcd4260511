"""Graph fingerprint → emitted kernel source, stored beside the kernel cache.

Emitting C for a large scalar model takes seconds to minutes, so "is this model's kernel
cached?" cannot afford to emit the source just to hash it. After a build, compile() records the
emitted source under a fingerprint of the graph, the emission options and the code that emits
(the emitter's imports in symbolic/ and codegen/, templates/); a lookup returns that source
without running the emitter.
Entries are JSON written to a temporary file and renamed into place; anything unreadable is a
miss. The module cache itself (codegen.cache) is unchanged: the stored source still has to
hash to a complete entry there.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

import sympy as sp

from symbolic.graph import Graph

from .emit import RUNTIME_INCLUDE, TEMPLATE_DIR, Field, KernelSource, Layout

__all__ = ["fingerprint", "lookup", "source_from_json", "source_to_json", "store"]

FORMAT = 1
_PACKAGES = ("symbolic", "codegen")
_ROOTS = ("codegen.emit", "codegen.kernel_index")  # what turns a graph into C


def _module_file(pkg_root: Path, module: str) -> Path | None:
    p = pkg_root.joinpath(*module.split(".")).with_suffix(".py")
    return p if p.is_file() else None


_FROM = re.compile(r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.MULTILINE)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n]*)", re.MULTILINE)


def _imports(text: str, package: str) -> list[str]:
    """Modules named by the import statements of a source text (module-level and deferred;
    a regex scan, so a stray match in a string only adds a file to hash)."""
    out = []
    for base, names in _FROM.findall(text):
        dots = len(base) - len(base.lstrip("."))
        if dots:
            parent = package.rsplit(".", dots - 1)[0] if dots > 1 else package
            base = parent + ("." + base[dots:] if base[dots:] else "")
        out.append(base)
        for name in re.findall(r"[A-Za-z_]\w*(?:[ \t]+as[ \t]+\w+)?", names.split("#")[0]):
            out.append(f"{base}.{name.split()[0]}")
    for names in _IMPORT.findall(text):
        out += [n.split()[0] for n in names.split("#")[0].split(",") if n.strip()]
    return out


def _emitter_files(pkg_root: Path) -> list[Path]:
    """The source files of codegen.emit and of everything it imports from symbolic/ and
    codegen/, transitively (module-level and deferred imports; nothing is executed)."""
    seen: set[str] = set()
    todo = list(_ROOTS)
    while todo:
        module = todo.pop()
        path = _module_file(pkg_root, module)
        if module in seen or path is None:
            continue
        seen.add(module)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, ValueError):
            continue
        todo += [m for m in _imports(text, module.rsplit(".", 1)[0]) if m.split(".")[0] in _PACKAGES and m not in seen]
    return sorted(p for m in seen if (p := _module_file(pkg_root, m)) is not None)


def _code_version() -> str:
    """sha256 over the sources that decide what C a graph becomes: the emitter's import
    closure within symbolic/ and codegen/, and the templates."""
    h = hashlib.sha256()
    pkg_root = Path(__file__).resolve().parent.parent
    for f in _emitter_files(pkg_root) + sorted(Path(TEMPLATE_DIR).glob("*.j2")):
        with contextlib.suppress(OSError):
            data = f.read_bytes()
            h.update(f"{f.parent.name}/{f.name}\0{len(data)}\0".encode())
            h.update(data)
    return h.hexdigest()


def _canon(v) -> object:
    """A JSON-able, deterministic form of a graph field value."""
    if isinstance(v, sp.Basic):
        return ["sympy", sp.srepr(v)]
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _canon(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, dict):
        return [[_canon(k), _canon(x)] for k, x in sorted(v.items(), key=lambda kv: repr(kv[0]))]
    if isinstance(v, (list, tuple)):
        return [_canon(x) for x in v]
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return repr(v)


def fingerprint(graph: Graph, **options) -> str:
    """sha256 of everything emission reads: every Graph field but `values` (the spec's path
    only by file name, which the C mentions), `options` (dtype, functions, name) and the code."""
    fields = {}
    for f in dataclasses.fields(graph):
        if f.name == "values":
            continue
        v = getattr(graph, f.name)
        if f.name == "info":  # ObjectiveInfo: the C names the spec file, not its directory
            v = dataclasses.replace(v, source=Path(v.source).name)
        fields[f.name] = _canon(v)
    text = json.dumps(
        {"graph": fields, "options": _canon(options), "code": _code_version(), "format": FORMAT},
        sort_keys=True,
        default=repr,
    )
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _path(root: Path, fp: str) -> Path:
    return Path(root) / "graphs" / fp[:2] / f"{fp}.json"


def _fields(rows) -> list[Field]:
    return [Field(str(n), tuple(int(d) for d in s), int(o)) for n, s, o in rows]


def source_to_json(src: KernelSource) -> dict:
    """An emitted source as plain JSON data (the index file and pickled kernels store this)."""
    lay = src.layout

    def f(fs: list) -> list:
        return [[x.name, list(x.shape), x.offset] for x in fs]

    layout = {
        "params": f(lay.params),
        "inputs": f(lay.inputs),
        "outputs": f(lay.outputs),
        "jac_cols": f(lay.jac_cols),
        "n_params": lay.n_params,
        "data_width": lay.data_width,
        "out_width": lay.out_width,
        "reduction": lay.reduction,
        "data_objective": lay.data_objective,
        "penalty": lay.penalty,
    }
    return {
        "name": src.name,
        "dtype": src.dtype,
        "c": src.c,
        "h": src.h,
        "cdef": src.cdef,
        "layout": layout,
        "info": src.info,
        "functions": list(src.functions),
        "blas_gemms": src.blas_gemms,
    }


def source_from_json(d: dict) -> KernelSource:
    """The source back from `source_to_json` data; ValueError/KeyError/TypeError when malformed."""
    lay = d["layout"]
    layout = Layout(
        _fields(lay["params"]),
        _fields(lay["inputs"]),
        _fields(lay["outputs"]),
        int(lay["n_params"]),
        int(lay["data_width"]),
        int(lay["out_width"]),
        _fields(lay["jac_cols"]),
        str(lay["reduction"]),
        str(lay["data_objective"]),
        None if lay["penalty"] is None else str(lay["penalty"]),
    )
    info = {str(k): int(v) for k, v in d["info"].items()}
    if f"\n{RUNTIME_INCLUDE}\n" not in str(d["c"]):  # not a model file of this emitter: a miss
        raise ValueError("kernel source without the runtime #include")
    return KernelSource(
        str(d["name"]),
        str(d["dtype"]),
        str(d["c"]),
        str(d["h"]),
        str(d["cdef"]),
        layout,
        info,
        tuple(str(x) for x in d["functions"]),
        int(d["blas_gemms"]),
    )


def lookup(root: Path, fp: str) -> KernelSource | None:
    """The source stored under fingerprint `fp`, or None (absent, unreadable, malformed)."""
    try:
        with open(_path(root, fp), encoding="utf-8") as f:
            d = json.load(f)
        if d.get("format") != FORMAT or d.get("fingerprint") != fp:
            return None
        return source_from_json(d["source"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(root: Path, fp: str, src: KernelSource) -> None:
    """Record `src` under `fp` (atomic rename; best effort: an unwritable cache is ignored)."""
    path = _path(root, fp)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"format": FORMAT, "fingerprint": fp, "source": source_to_json(src)}, f)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    except OSError:
        pass
