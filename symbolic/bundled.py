"""The bundled examples (package `symgrad.examples`): list them, copy them out, and resolve a
SPEC/claims/JSON argument that names one instead of a path, so README commands run anywhere."""

from __future__ import annotations

import filecmp
import importlib.util
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .spec import SpecError, load_spec

if TYPE_CHECKING:
    from .graph import Graph

_SUFFIXES = {
    "spec": (".toml",),
    "claims": (".claims.toml", ".toml"),
    "json": (".json",),
    "data": (".csv", ".npz"),
    "notebook": (".ipynb",),
}


@dataclass(frozen=True)
class Example:
    """One bundled file: its name (path inside the bundle, no suffix), kind, location, summary."""

    name: str
    kind: str  # "spec", "claims", "json" or "data"
    path: Path
    summary: str


def examples_dir() -> Path:
    """Where the bundled examples live: `symgrad/examples` in an installed wheel, `examples/` in a
    source checkout (or an editable install)."""
    try:
        return Path(str(resources.files("symgrad.examples")))
    except ModuleNotFoundError:  # `symgrad` imported from a source checkout: examples/ is its sibling
        spec = importlib.util.find_spec("symgrad")
        locations = list(spec.submodule_search_locations or []) if spec else []
        for loc in locations:
            for cand in (Path(loc) / "examples", Path(loc).parent / "examples"):
                if (cand / "__init__.py").is_file():
                    return cand
        raise SpecError("the bundled examples are not installed (reinstall symgrad)") from None


def _summary(path: Path) -> str:
    """The file's first comment sentence (up to the first full stop or line end)."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        words.append(line.lstrip("#").strip())
    text = " ".join(words)
    cut = text.find(". ")
    text = text[: cut + 1] if cut > 0 else text
    if len(text) > 100:
        text = text[:100].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return text


def _kind(path: Path) -> str:
    if path.name.endswith(".claims.toml"):
        return "claims"
    if path.suffix in _SUFFIXES["data"]:
        return "data"
    if path.suffix in _SUFFIXES["notebook"]:
        return "notebook"
    return "json" if path.suffix == ".json" else "spec"


def _data_summary(path: Path) -> str:
    """'N samples: x[0], x[1], y' for a bundled CSV (its header and row count)."""
    if path.suffix != ".csv":
        return ""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    n = len(lines) - 1
    return f"{n} sample{'s' if n != 1 else ''}: {lines[0].replace(',', ', ')}" if lines else ""


def _notebook_summary(path: Path) -> str:
    """A notebook's title: the first heading of its first Markdown cell."""
    import json

    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return ""
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            text = "".join(cell.get("source", []))
            return next((ln.lstrip("#").strip() for ln in text.splitlines() if ln.startswith("#")), "")
    return ""


def _name(path: Path, root: Path) -> str:
    rel = path.relative_to(root).as_posix()
    for suffix in (".toml", ".json"):
        if rel.endswith(suffix):
            return rel[: -len(suffix)]
    return rel


def bundled_examples() -> list[Example]:
    """Every bundled spec, claims, JSON and data file, specs first, each sorted by name."""
    root = examples_dir()
    files = [
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix in (".toml", ".json", *_SUFFIXES["data"], *_SUFFIXES["notebook"])
    ]
    out = [
        Example(
            _name(p, root),
            _kind(p),
            p,
            _summary(p) if p.suffix == ".toml" else _notebook_summary(p) if p.suffix == ".ipynb" else _data_summary(p),
        )
        for p in files
    ]
    order = {"spec": 0, "claims": 1, "json": 2, "data": 3, "notebook": 4}
    return sorted(out, key=lambda e: (order[e.kind], e.name))


def resolve(arg: str | Path, kind: str = "spec") -> Path:
    """A path as given when it exists, else the bundled file it names (with or without suffix or
    directory); a SpecError naming the argument when it is neither."""
    path = Path(arg)
    if path.exists():
        return path
    text = str(arg)
    root = examples_dir()
    candidates = [text] + [text + s for s in _SUFFIXES[kind] if not text.endswith(s)]
    for cand in candidates:
        for base in (root, root / "claims"):
            p = base / cand
            if ".." not in Path(cand).parts and p.is_file():
                return p
    raise SpecError(f"{text}: no such file, and no bundled example of that name (`symgrad examples` lists them)")


def load_graph(spec: str | Path | Graph) -> Graph:
    """A validated graph from a spec path or a bundled example's name; a Graph passes through."""
    if isinstance(spec, (str, Path)):
        return load_spec(resolve(spec, "spec"))
    return spec


def copy_examples(dest: str | Path, overwrite: bool = False) -> list[Path]:
    """Write every bundled file under dest (keeping claims/); refuses to replace a different file."""
    root, dest = examples_dir(), Path(dest)
    written = []
    for ex in bundled_examples():
        target = dest / ex.path.relative_to(root)
        if target.exists() and not overwrite and not filecmp.cmp(ex.path, target, shallow=False):
            raise SpecError(f"{target}: exists and differs from the bundled file (use --force to replace)")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ex.path, target)
        except OSError as e:
            raise SpecError(f"{target}: cannot write ({e.strerror})") from None
        written.append(target)
    return written
