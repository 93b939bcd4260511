"""Claims files (TOML, read with tomlkit): what a hand derivation asserts, with every number's
literal as written (its digits set the tolerance) and the line of every claim for messages.

Claims are `[[claim]]` tables or an inline array `claim = [{...}, ...]` (the two are the same
claims, with the same tolerances) with `quantity` and `value` (number or nested list) or
`formula` (string, spec grammar or LaTeX), optional `tolerance` and `note`; optional [at]
(point) and [direction] (for hvp claims). With a dataset (`verify --data`), `sample = i` (0-based
row) judges a claim at one sample, and `over = "sum" | "mean"` says how a per-sample value claimed
for the whole set is reduced (default: the spec's reduction). Quantities: value:NAME, adjoint:NAME, local:NAME,ARG,
grad:P, hvp:P, hessian:P1,P2, jacobian:OUT,IN, update:P, each name optionally indexed 0-based.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import numpy as np
import tomlkit
import tomlkit.exceptions
from tomlkit import items
from tomlkit.container import OutOfOrderTableProxy

KINDS = ("value", "adjoint", "local", "grad", "hvp", "hessian", "jacobian", "update")
CLAIM_KEYS = ("quantity", "value", "formula", "tolerance", "note", "sample", "over")
REDUCTIONS = ("sum", "mean")
TOP_LEVEL = ("claim", "at", "direction")


class ClaimsError(ValueError):
    """A bad claims file or an unknown quantity (exit code 2)."""


@dataclass(frozen=True)
class Ref:
    """A named quantity, optionally one element of it."""

    name: str
    index: tuple[int, ...] | None = None

    def __str__(self):
        return self.name if self.index is None else f"{self.name}[{','.join(map(str, self.index))}]"


@dataclass
class Claim:
    """One claim: the quantity, the claimed value (with its literals) or formula, tolerance."""

    quantity: str
    kind: str
    refs: tuple[Ref, ...]
    value: object = None  # float array (numeric claims)
    formula: str | None = None
    tolerance: np.ndarray | float | None = None  # explicit or inferred, per element
    line: int | None = None
    literals: np.ndarray | None = None  # the numbers as written, same shape as value
    explicit_tolerance: bool = False
    sample: int | None = None  # with --data: the 0-based row the claim is about
    over: str | None = None  # with --data: "sum" or "mean" of a per-sample value over the set


@dataclass
class Claims:
    """A claims file: its claims, the point overrides [at] and the HVP [direction]."""

    path: str
    claims: list[Claim]
    at: dict = field(default_factory=dict)
    direction: dict = field(default_factory=dict)
    table_lines: dict = field(default_factory=dict)  # "at"/"direction" → line of the table

    def where(self, table: str) -> str:
        """'file:line' of the [at] or [direction] table, for messages."""
        line = self.table_lines.get(table)
        return f"{self.path}:{line}" if line else self.path


def split_top(text: str) -> list[str]:
    """Split on commas that are not inside brackets: 'W1[0,1],b1' → ['W1[0,1]', 'b1']."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts]


def _ref(part: str, q: str) -> Ref:
    """'W1[0, 1]' → Ref('W1', (0, 1)); a bare identifier → Ref(name)."""
    name, _, rest = part.partition("[")
    name = name.strip()
    if not name.isidentifier() or not name.isascii():
        raise ClaimsError(f"cannot read {part!r} in quantity {q!r}")
    if not rest:
        return Ref(name)
    if not rest.rstrip().endswith("]"):
        raise ClaimsError(f"cannot read {part!r} in quantity {q!r}")
    idx = [s.strip() for s in rest.rstrip()[:-1].split(",")]
    if not all(s.isdigit() for s in idx):
        raise ClaimsError(f"index of {part!r} in quantity {q!r} must be non-negative integers")
    return Ref(name, tuple(int(s) for s in idx))


def parse_quantity(q: str) -> tuple[str, tuple[Ref, ...]]:
    """'grad:W1[0,1]' → ('grad', (Ref('W1', (0, 1)),)); raises ClaimsError."""
    if not isinstance(q, str) or ":" not in q:
        raise ClaimsError(f"quantity {q!r} must look like KIND:NAME (kinds: {', '.join(KINDS)})")
    kind, rest = q.split(":", 1)
    kind = kind.strip()
    if kind not in KINDS:
        close = difflib.get_close_matches(kind, KINDS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ClaimsError(f"unknown quantity kind '{kind}' in {q!r}{hint}; kinds: {', '.join(KINDS)}")
    refs = tuple(_ref(part, q) for part in split_top(rest))
    want = 2 if kind in ("local", "hessian", "jacobian") else 1
    if len(refs) != want:
        raise ClaimsError(f"quantity {q!r}: '{kind}' takes {want} name(s)")
    return kind, refs


def inferred_tolerance(literal: str, floor_rel: float = 1e-9) -> float:
    """Half a unit in the last digit written: 0.215271 → 5e-7; 4.16e-7 → 5e-10; 38 → exact."""
    text = literal.replace("_", "").strip()
    d = Decimal(text)
    exponent = d.as_tuple().exponent  # 'n', 'N' or 'F' for NaN and infinity
    if not d.is_finite() or not isinstance(exponent, int):
        raise ClaimsError(f"{literal!r} is not a finite number")
    if "e" not in text.lower() and "." not in text:
        return floor_rel * max(1.0, abs(float(d)))  # an integer is a claim of exactness
    return 0.5 * 10.0**exponent


# ---- reading ------------------------------------------------------------------------------------


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, max(pos, 0)) + 1


def _claim_items(doc, text: str, path: str) -> list[tuple[object, int | None]]:
    """Each claim's tomlkit item and line: [[claim]] tables (line of the header) or the inline
    tables of `claim = [...]`, located in order in the text they were parsed from."""
    raw = doc["claim"]
    if isinstance(raw, items.AoT):
        members = list(raw.body)
        header = True
    elif isinstance(raw, items.Array):
        members = list(raw)
        header = False
    else:
        raise ClaimsError(f"{path}: 'claim' must be [[claim]] tables or an array of inline tables")
    out: list[tuple[object, int | None]] = []
    pos = 0
    for m in members:
        s = m.as_string() if hasattr(m, "as_string") else ""
        at = text.find(s, pos) if s else -1
        if at < 0:
            out.append((m, None))
            continue
        pos = at + len(s)
        line = _line_of(text, at)
        out.append((m, line - 1 if header and line > 1 else line))
    return out


def _literals(item, where: str, q: str) -> np.ndarray:
    """The numbers of a `value` item exactly as written, as a (nested) array of strings."""

    def walk(it):
        if isinstance(it, (bool, items.Bool)):
            raise ClaimsError(f"{where}: value of {q!r} must be a number or nested list")
        if isinstance(it, (items.Integer, items.Float)):
            lit = it.as_string().strip()
            try:
                finite = math.isfinite(float(it)) and math.isfinite(float(Decimal(lit.replace("_", ""))))
            except (OverflowError, InvalidOperation, ValueError):
                finite = False
            if not finite:
                raise ClaimsError(
                    f"{where}: value of {q!r} must be a finite double, got {lit if len(lit) < 30 else lit[:20] + '…'}"
                )
            return lit, ()
        if isinstance(it, items.Array):
            parts = [walk(x) for x in it]
            if not parts:
                raise ClaimsError(f"{where}: value of {q!r} is an empty list")
            if len({shape for _, shape in parts}) != 1:
                raise ClaimsError(f"{where}: value of {q!r} is a ragged list (rows of different lengths)")
            return [v for v, _ in parts], (len(parts),) + parts[0][1]
        raise ClaimsError(f"{where}: value of {q!r} must be a number or nested list")

    nested, shape = walk(item)
    flat = np.empty(int(np.prod(shape)) if shape else 1, dtype=object)
    k = 0

    def fill(x):
        nonlocal k
        if isinstance(x, list):
            for y in x:
                fill(y)
        else:
            flat[k] = x
            k += 1

    fill(nested)
    return flat.reshape(shape)


def _number(item, where: str, what: str) -> float:
    if isinstance(item, (bool, items.Bool)) or not isinstance(item, (int, float)):
        raise ClaimsError(f"{where}: {what} must be a number, got {_kind(item)}")
    try:
        value = float(item)
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        raise ClaimsError(f"{where}: {what} must be a finite number")
    return value


def _kind(item) -> str:
    if isinstance(item, (bool, items.Bool)):
        return "true/false"
    if isinstance(item, str):
        return "a string"
    if isinstance(item, list):
        return "a list"
    if isinstance(item, dict):
        return "a table"
    return "a date or time" if isinstance(item, (items.Date, items.Time, items.DateTime)) else type(item).__name__


def _did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _key_where(text: str, line: int | None, key: str, path: str) -> str:
    """'file:line' of `key = …` in the claim starting at `line` (the claim's line if not found)."""
    if line:
        pat = re.compile(r'(^|[{,])\s*"?' + re.escape(key) + r'"?\s*=')
        lines = text.splitlines()
        for i in range(line - 1, len(lines)):
            if i > line - 1 and lines[i].lstrip().startswith("[["):  # the next claim
                break
            if pat.search(lines[i]):
                return f"{path}:{i + 1}"
    return f"{path}:{line}" if line else path


def _claim(c, line: int | None, path: str, text: str = "") -> Claim:
    where = f"{path}:{line}" if line else path
    if not isinstance(c, (items.Table, items.InlineTable)):
        raise ClaimsError(f"{where}: a claim must be a table")
    for key in c:
        if key in TOP_LEVEL:
            raise ClaimsError(
                f"{_key_where(text, line, key, path)}: [{key}] must be a top-level table, not inside a claim"
            )
        if key not in CLAIM_KEYS:
            raise ClaimsError(
                f"{_key_where(text, line, key, path)}: unknown key '{key}' in [[claim]]{_did_you_mean(key, CLAIM_KEYS)}"
            )
    if "note" in c and not isinstance(c["note"], str):
        raise ClaimsError(f"{_key_where(text, line, 'note', path)}: 'note' must be a string")
    if "quantity" not in c:
        raise ClaimsError(f"{where}: claim has no 'quantity'")
    q = c["quantity"]
    if not isinstance(q, str):
        raise ClaimsError(f"{where}: 'quantity' must be a string like \"grad:w1\"")
    q = str(q)
    if ("value" in c) == ("formula" in c):
        raise ClaimsError(f"{where}: claim {q!r} needs exactly one of 'value' or 'formula'")
    try:
        kind, refs = parse_quantity(q)
    except ClaimsError as e:
        raise ClaimsError(f"{where}: {e}") from None
    cl = Claim(q, kind, refs, line=line)
    if "sample" in c:
        s = c["sample"]
        if isinstance(s, bool) or not isinstance(s, int) or s < 0:
            raise ClaimsError(f"{_key_where(text, line, 'sample', path)}: 'sample' must be a row number from 0")
        cl.sample = int(s)
    if "over" in c:
        o = c["over"]
        if not isinstance(o, str) or str(o) not in REDUCTIONS:
            raise ClaimsError(f'{_key_where(text, line, "over", path)}: \'over\' must be "sum" or "mean"')
        if "sample" in c:
            raise ClaimsError(f"{_key_where(text, line, 'over', path)}: a claim has 'sample' or 'over', not both")
        cl.over = str(o)
    if "tolerance" in c:
        tol_where = _key_where(text, line, "tolerance", path)
        tol = _number(c["tolerance"], tol_where, "tolerance")
        if tol < 0:
            raise ClaimsError(f"{tol_where}: tolerance must be a non-negative number")
        cl.tolerance, cl.explicit_tolerance = tol, True
    if "value" in c:
        lits = _literals(c.item("value"), _key_where(text, line, "value", path), q)
        try:
            flat = [str(s) for s in lits.ravel()]
            cl.value = np.array([float(Decimal(s.replace("_", ""))) for s in flat]).reshape(lits.shape)
            half = np.array([inferred_tolerance(s) for s in flat]).reshape(lits.shape)
        except (InvalidOperation, ValueError):
            raise ClaimsError(f"{where}: value of {q!r} must be a number or nested list") from None
        cl.literals = lits
        if not cl.explicit_tolerance:
            cl.tolerance = half
    else:
        if not isinstance(c["formula"], str):
            raise ClaimsError(f"{where}: formula of {q!r} must be a string")
        cl.formula = str(c["formula"])
    return cl


def _table_where(text: str, key: str, path: str) -> str:
    """'file:line' of the header [key] / [[key]] or of `key = …` at the top level."""
    for i, ln in enumerate(text.splitlines()):
        s = ln.strip()
        if s.startswith("[") and s.strip("[] \t").split(".")[0].strip().strip('"') == key:
            return f"{path}:{i + 1}"
        if s.startswith((f"{key} ", f"{key}=")):
            return f"{path}:{i + 1}"
    return path


def parse_claims(text: str, path: str = "<claims>") -> Claims:
    """Claims from TOML text; errors are ClaimsError 'file:line: message'."""
    try:
        doc = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as e:
        msg = str(e).rsplit(" at line", 1)[0]
        raise ClaimsError(f"{path}:{e.line}: invalid TOML: {msg}") from None
    except tomlkit.exceptions.TOMLKitError as e:
        raise ClaimsError(f"{path}: invalid TOML: {e}") from None
    except RecursionError:
        raise ClaimsError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    for key in doc:
        if key not in TOP_LEVEL:
            where = _table_where(text, key, path)
            if key in CLAIM_KEYS:
                raise ClaimsError(f"{where}: '{key}' is outside any claim (put it under [[claim]])")
            close = difflib.get_close_matches(key, TOP_LEVEL, n=1)
            hint = f" (did you mean [{close[0]}]?)" if close else ""
            raise ClaimsError(
                f"{where}: unknown table [{key}]{hint}; a claims file has [[claim]] "
                "tables (or claim = [...]), [at] and [direction]"
            )
    if "claim" not in doc:
        raise ClaimsError(f"{path}: no claims ([[claim]] tables or claim = [...])")
    found = _claim_items(doc, text, path)
    if not found:
        raise ClaimsError(f"{path}: no claims ([[claim]] tables or claim = [...])")
    claims = [_claim(c, line, path, text) for c, line in found]
    tables: dict[str, dict[str, Any]] = {}
    lines: dict[str, int] = {}
    for tname in ("at", "direction"):
        t = doc.get(tname)
        if t is None:
            tables[tname] = {}
            continue
        if not isinstance(t, items.AbstractTable | OutOfOrderTableProxy):
            raise ClaimsError(f"{path}: [{tname}] must be a table")
        tables[tname] = t.unwrap()
        if isinstance(t, items.AbstractTable):
            body = t.as_string()
            at = text.find(body) if body else -1
            if at >= 0:
                line = _line_of(text, at)
                lines[tname] = line - 1 if isinstance(t, items.Table) and line > 1 else line
        else:  # a table split over several headers ([at] … [[claim]] … [at.y]): the first header
            m = re.search(rf"^[ \t]*\[[ \t]*{tname}\b", text, re.MULTILINE)
            if m:
                lines[tname] = _line_of(text, m.start())
    return Claims(path, claims, tables["at"], tables["direction"], lines)


def load_claims(path: str | Path) -> Claims:
    """Read and check a claims file; errors are ClaimsError 'file:line: message'."""
    from .textfile import read_user_text

    path = str(path)
    return parse_claims(read_user_text(path, "claims", ClaimsError), path)
