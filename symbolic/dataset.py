"""A dataset for a spec's data inputs (`--data FILE`), read and checked, and the spec's objective,
gradient and H·u over the whole set.

Files:
* CSV: a header naming the data entries element-wise in row-major order (`x[0],x[1],y[0]`; a
  scalar input is just `x`; a matrix input `X[0,1]`, an image `x[0,1,2]`, quoted or not), then one
  sample per row. Columns may come in any order; every entry of every input must be present, and
  only those.
* `.npz`: one array per data input, named after it, batch-first: shape (N,) + the input's shape.
  Read by numpy with allow_pickle=False.

Every defect is one line naming the file, the row (CSV: the line of the file, the header being
row 1; .npz: the sample, from 1) and the column (entry): a bad number, a wrong column count, an
unknown column (with the closest valid name), a missing column, NaN or infinity, an empty file or
one over symbolic.limits.MAX_FILE_BYTES (files are read through symbolic.textfile, which checks
the type and size first; the arrays of an .npz are also capped at that size unpacked).

The whole-set objective is J = reduce_i L_i + R (reduce = the spec's `mean` or `sum`): L is the
per-sample data objective and R the once-per-batch penalty, as split by the caller (the compiled
split is objective_split below, shared with the compiled kernels' layout).
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt
import sympy as sp

from .graph import Graph, flat_names, sym
from .limits import MAX_FILE_BYTES
from .point import evaluate_point
from .reverse import ancestors
from .textfile import read_user_bytes, read_user_text

__all__ = [
    "DatasetError",
    "DatasetResult",
    "dataset_point",
    "load_dataset",
    "n_samples",
    "objective_split",
    "sample_count_text",
]


class DatasetError(ValueError):
    """A data file that cannot be used: one line naming the file, row and column."""


def _suggest(name: str, valid: list[str]) -> str:
    close = difflib.get_close_matches(name, valid, n=1)
    return (
        f" (did you mean {close[0]!r}?)"
        if close
        else f" (valid: {', '.join(valid[:8])}{', …' if len(valid) > 8 else ''})"
    )


def _finite(value: float, where: str, text: str) -> float:
    if not math.isfinite(value):
        raise DatasetError(f"{where}: {text!r} is not a finite number (NaN and infinity are not data)")
    return value


def _join_brackets(cells: list[str]) -> list[str]:
    """Header cells with the commas of unquoted multi-index names put back: `x[0,1,2]` written
    without quotes arrives as 'x[0', '1', '2]' and is one column again."""
    out: list[str] = []
    for c in cells:
        if out and out[-1].count("[") > out[-1].count("]"):
            out[-1] += "," + c
        else:
            out.append(c)
    return out


def _read_csv(path: str, inputs: Mapping[str, tuple[int, ...]]) -> dict[str, np.ndarray]:
    text = read_user_text(path, "data", DatasetError)
    labels = {lbl: (name, k) for name, shape in inputs.items() for k, lbl in enumerate(flat_names(name, shape))}
    valid = list(labels)
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    rows: list[list[float]] = []
    try:
        for cells in reader:
            row = reader.line_num
            if not cells or all(not c.strip() for c in cells):
                continue  # blank line
            if header is None:
                header = _join_brackets([c.strip() for c in cells])
                for j, lbl in enumerate(header, 1):
                    if lbl not in labels:
                        raise DatasetError(
                            f"{path}: row {row}, column {j}: unknown column {lbl!r}{_suggest(lbl, valid)}"
                        )
                    if header.index(lbl) != j - 1:
                        raise DatasetError(f"{path}: row {row}, column {j}: column {lbl!r} appears twice")
                absent = [lbl for lbl in valid if lbl not in header]
                if absent:
                    raise DatasetError(
                        f"{path}: row {row}, column {len(header) + 1}: missing column {absent[0]!r}"
                        + (f" (and {len(absent) - 1} more)" if len(absent) > 1 else "")
                    )
                continue
            if len(cells) != len(header):
                j = min(len(cells), len(header)) + 1
                raise DatasetError(
                    f"{path}: row {row}, column {j}: {len(cells)} values, the header names {len(header)} columns"
                )
            values = []
            for j, (cell, lbl) in enumerate(zip(cells, header, strict=True), 1):
                where = f"{path}: row {row}, column {j} ({lbl})"
                try:
                    v = float(cell.strip())
                except ValueError:
                    raise DatasetError(f"{where}: {cell.strip()!r} is not a number") from None
                values.append(_finite(v, where, cell.strip()))
            rows.append(values)
    except csv.Error as e:
        raise DatasetError(f"{path}: row {reader.line_num}, column 1: malformed CSV ({e})") from None
    if header is None:
        raise DatasetError(f"{path}: row 1, column 1: empty file (expected a header such as {','.join(valid[:3])})")
    if not rows:
        raise DatasetError(f"{path}: row 2, column 1: no data rows after the header")
    table = np.asarray(rows, dtype=float)
    out: dict[str, np.ndarray] = {}
    for name, shape in inputs.items():
        cols = [header.index(lbl) for lbl in flat_names(name, shape)]
        out[name] = table[:, cols].reshape((len(rows), *shape))
    return out


def _read_npz(path: str, inputs: Mapping[str, tuple[int, ...]]) -> dict[str, np.ndarray]:
    raw = read_user_bytes(path, "data", DatasetError)
    if not raw:
        raise DatasetError(f"{path}: row 1, column 1: empty file (expected a .npz archive of arrays)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise DatasetError(f"{path}: row 1, column 1: not a .npz archive ({e})") from None
    if unpacked > MAX_FILE_BYTES:
        raise DatasetError(f"{path}: row 1, column 1: {unpacked} bytes unpacked; the limit is {MAX_FILE_BYTES}")
    out: dict[str, np.ndarray] = {}
    n_rows: tuple[str, int] | None = None
    valid = list(inputs)
    try:
        with np.load(io.BytesIO(raw), allow_pickle=False) as npz:
            names = list(npz.files)
            for name in names:
                if name not in inputs:
                    raise DatasetError(f"{path}: row 1, column {name!r}: unknown array {name!r}{_suggest(name, valid)}")
            for name, shape in inputs.items():
                if name not in names:
                    raise DatasetError(
                        f"{path}: row 1, column {flat_names(name, shape)[0]!r}: missing array {name!r} "
                        f"(shape (N,) + {tuple(shape)})"
                    )
                try:
                    a = npz[name]
                except ValueError as e:  # an object (pickled) array, or a damaged member
                    msg = str(e).splitlines()[0] if str(e) else type(e).__name__
                    raise DatasetError(f"{path}: row 1, column {name!r}: cannot read array {name!r} ({msg})") from None
                if a.dtype.kind not in "biuf":
                    raise DatasetError(
                        f"{path}: row 1, column {name!r}: array {name!r} holds {a.dtype}, not real numbers"
                    )
                if a.ndim != len(shape) + 1 or tuple(a.shape[1:]) != tuple(shape):
                    raise DatasetError(
                        f"{path}: row 1, column {name!r}: array {name!r} has shape {tuple(a.shape)}, "
                        f"expected (N,) + {tuple(shape)}"
                    )
                if n_rows is None:
                    n_rows = (name, a.shape[0])
                elif a.shape[0] != n_rows[1]:
                    row = min(a.shape[0], n_rows[1]) + 1
                    raise DatasetError(
                        f"{path}: row {row}, column {name!r}: array {name!r} has {a.shape[0]} rows, "
                        f"{n_rows[0]!r} has {n_rows[1]}"
                    )
                a = a.astype(float)
                bad = np.argwhere(~np.isfinite(a.reshape(a.shape[0], -1)))
                if bad.size:
                    i, k = (int(v) for v in bad[0])
                    lbl = flat_names(name, shape)[k]
                    raise DatasetError(
                        f"{path}: row {i + 1}, column {lbl!r}: {a.reshape(a.shape[0], -1)[i, k]} is not a "
                        "finite number (NaN and infinity are not data)"
                    )
                out[name] = a
    except DatasetError:
        raise
    except (ValueError, OSError, zipfile.BadZipFile, EOFError) as e:
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise DatasetError(f"{path}: row 1, column 1: cannot read the .npz archive ({msg})") from None
    if n_rows is not None and n_rows[1] == 0:
        raise DatasetError(f"{path}: row 1, column {n_rows[0]!r}: no samples (N = 0)")
    return out


def load_dataset(path: str | Path, graph: Graph) -> dict[str, np.ndarray]:
    """The samples of a CSV or .npz data file for `graph`'s data inputs: {input: (N,) + shape},
    float64, finite. A `.npz` suffix selects the archive reader, anything else is CSV."""
    path = str(path)
    inputs = {n: tuple(s) for n, s in graph.inputs.items()}
    if not inputs:
        raise DatasetError(f"{path}: row 1, column 1: {graph.name} has no data inputs to read")
    if path.lower().endswith(".npz"):
        return _read_npz(path, inputs)
    return _read_csv(path, inputs)


def n_samples(data: Mapping[str, np.ndarray]) -> int:
    """N, the length of the batch axis."""
    return int(next(iter(data.values())).shape[0]) if data else 0


@dataclass
class DatasetResult:
    """Objective, gradient and (with a direction) H·u of the whole-set objective."""

    objective: float
    grad: dict[str, np.ndarray]
    n: int
    hvp: dict[str, np.ndarray] | None = None


def dataset_point(
    graph: Graph,
    params: Mapping[str, npt.ArrayLike],
    data: Mapping[str, np.ndarray],
    data_objective: str,
    penalty: str | None,
    direction: Mapping[str, npt.ArrayLike] | None = None,
) -> DatasetResult:
    """J = reduce_i L_i + R at `params` over the samples of `data`, with its gradient (and H·u):
    one symbolic.point.evaluate_point per sample of the per-sample objective `data_objective`,
    reduced by the spec's reduction, plus the penalty `penalty` (no input among its ancestors)
    evaluated once. With penalty None, `data_objective` is the whole per-sample objective."""
    n = n_samples(data)
    if n == 0:
        raise DatasetError("the dataset is empty")
    per_sample = replace(graph, objective=data_objective) if data_objective != graph.objective else graph
    fixed = {p: np.asarray(params[p], dtype=float) for p in graph.params}
    total = 0.0
    grad = {p: np.zeros(s) for p, s in graph.params.items()}
    hvp = {p: np.zeros(s) for p, s in graph.params.items()} if direction is not None else None

    def add(res_grad: Mapping[str, np.ndarray], res_hvp: Mapping[str, np.ndarray] | None, w: float) -> None:
        for p in graph.params:
            grad[p] += w * np.asarray(res_grad[p])
            if hvp is not None and res_hvp is not None:
                hvp[p] += w * np.asarray(res_hvp[p])

    weight = 1.0 / n if graph.info.reduction == "mean" else 1.0
    for i in range(n):
        point = {**fixed, **{x: data[x][i] for x in graph.inputs}}
        res = evaluate_point(per_sample, point, direction=direction)
        total += weight * res.objective
        add(res.grad, res.hvp, weight)
    if penalty is not None:
        pen_graph = replace(graph, objective=penalty)
        zeros = {x: np.zeros(s) for x, s in graph.inputs.items()}  # R reads no input
        res = evaluate_point(pen_graph, {**fixed, **zeros}, direction=direction)
        total += res.objective
        add(res.grad, res.hvp, 1.0)
    return DatasetResult(total, grad, n, hvp)


def sample_count_text(n: int) -> str:
    return f"{n} sample{'s' if n != 1 else ''}"


def objective_split(graph: Graph) -> tuple[str, str | None]:
    """(per-sample data objective, once-per-batch penalty or None)."""
    pn, dn = graph.info.penalty_name, graph.info.data_objective
    by = graph.by_name
    if pn and dn and pn in by and dn in by and graph.objective in by and pn != graph.objective:
        J = by[graph.objective]
        if (
            J.op == "ew"
            and sp.expand(J.expr - (sym(dn) + sym(pn))) == 0
            and not (ancestors(graph, pn) & set(graph.inputs))
        ):
            return dn, pn
    return graph.objective, None
