"""Claims files (TOML): what a hand derivation asserts, read with the digits as written.

[[claim]] tables with `quantity` and `value` (number or nested list) or `formula` (string, spec
grammar or LaTeX), optional `tolerance`; optional [at] (point) and [direction] (for hvp claims).
Quantities: value:NAME, adjoint:NAME, local:NAME,ARG, grad:P, hvp:P, hessian:P1,P2,
jacobian:OUT,IN, update:P, each name optionally indexed 0-based, e.g. grad:W1[0,1].
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np

KINDS = ("value", "adjoint", "local", "grad", "hvp", "hessian", "jacobian", "update")
NUMBER_RE = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
REF_RE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[\s*(\d+(?:\s*,\s*\d+)*)\s*\])?\s*$")


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
    quantity: str
    kind: str
    refs: tuple[Ref, ...]
    value: object = None          # float or nested list (numeric claims)
    formula: str | None = None
    tolerance: np.ndarray | float | None = None   # explicit or inferred, per element
    line: int | None = None


@dataclass
class Claims:
    path: str
    claims: list[Claim]
    at: dict = field(default_factory=dict)
    direction: dict = field(default_factory=dict)


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


def parse_quantity(q: str) -> tuple[str, tuple[Ref, ...]]:
    """'grad:W1[0,1]' → ('grad', (Ref('W1', (0, 1)),)); raises ClaimsError."""
    if not isinstance(q, str) or ":" not in q:
        raise ClaimsError(f"quantity {q!r} must look like KIND:NAME (kinds: {', '.join(KINDS)})")
    kind, rest = q.split(":", 1)
    kind = kind.strip()
    if kind not in KINDS:
        import difflib
        close = difflib.get_close_matches(kind, KINDS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ClaimsError(f"unknown quantity kind '{kind}' in {q!r}{hint}; kinds: {', '.join(KINDS)}")
    refs = []
    for part in split_top(rest):
        m = REF_RE.match(part)
        if not m:
            raise ClaimsError(f"cannot read {part!r} in quantity {q!r}")
        idx = tuple(int(i) for i in m.group(2).split(",")) if m.group(2) else None
        refs.append(Ref(m.group(1), idx))
    want = 2 if kind in ("local", "hessian", "jacobian") else 1
    if len(refs) != want:
        raise ClaimsError(f"quantity {q!r}: '{kind}' takes {want} name(s)")
    return kind, tuple(refs)


def inferred_tolerance(literal: str, floor_rel: float = 1e-9) -> float:
    """Half a unit in the last digit written: 0.215271 → 5e-7; 4.16e-7 → 5e-10; 38 → exact."""
    d = Decimal(literal)
    exp = d.as_tuple().exponent
    if exp >= 0 and "e" not in literal.lower() and "." not in literal:
        return floor_rel * max(1.0, abs(float(d)))           # an integer is a claim of exactness
    return 0.5 * 10.0 ** exp


def _claim_blocks(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each [[claim]] block, in order."""
    lines = text.splitlines()
    starts = [i for i, ln in enumerate(lines) if re.match(r"^\s*\[\[\s*claim\s*\]\]", ln)]
    blocks = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = lines[s:e]
        for j, ln in enumerate(body[1:], 1):      # stop at the next table header
            if re.match(r"^\s*\[", ln):
                body = body[:j]
                break
        blocks.append((s + 1, "\n".join(body)))
    return blocks


def _value_literals(block: str) -> list[str]:
    m = re.search(r"^\s*value\s*=\s*(.*)$", block, re.M | re.S)
    if not m:
        return []
    raw = m.group(1)
    raw = re.split(r"^\s*[A-Za-z_]+\s*=", raw, flags=re.M)[0]  # up to the next key
    raw = re.sub(r"#.*", "", raw)
    return NUMBER_RE.findall(raw)


def load_claims(path: str | Path) -> Claims:
    """Read and check a claims file; errors are ClaimsError 'file:line: message'."""
    path = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise ClaimsError(f"{path}: cannot read claims ({e.strerror})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ClaimsError(f"{path}: invalid TOML: {e}") from None
    for key in data:
        if key not in ("claim", "at", "direction"):
            raise ClaimsError(f"{path}: unknown table [{key}] (expected [[claim]], [at], [direction])")
    raw = data.get("claim", [])
    if not isinstance(raw, list) or not raw:
        raise ClaimsError(f"{path}: no [[claim]] tables")
    blocks = _claim_blocks(text)
    claims = []
    for i, c in enumerate(raw):
        line, block = blocks[i] if i < len(blocks) else (None, "")
        where = f"{path}:{line}" if line else path
        if not isinstance(c, dict):
            raise ClaimsError(f"{where}: a claim must be a table")
        unknown = set(c) - {"quantity", "value", "formula", "tolerance", "note"}
        if unknown:
            raise ClaimsError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} in claim")
        if "quantity" not in c:
            raise ClaimsError(f"{where}: claim has no 'quantity'")
        if ("value" in c) == ("formula" in c):
            raise ClaimsError(f"{where}: claim {c['quantity']!r} needs exactly one of 'value' or 'formula'")
        try:
            kind, refs = parse_quantity(c["quantity"])
        except ClaimsError as e:
            raise ClaimsError(f"{where}: {e}") from None
        cl = Claim(c["quantity"], kind, refs, line=line)
        if "value" in c:
            try:
                arr = np.asarray(c["value"], dtype=float)
            except (TypeError, ValueError):
                raise ClaimsError(f"{where}: value of {c['quantity']!r} must be a number or nested list") from None
            cl.value = arr
            lits = _value_literals(block)
            if "tolerance" in c:
                tol = c["tolerance"]
                if isinstance(tol, bool) or not isinstance(tol, (int, float)) or tol < 0:
                    raise ClaimsError(f"{where}: tolerance must be a non-negative number")
                cl.tolerance = float(tol)
            elif len(lits) == arr.size:
                cl.tolerance = np.array([inferred_tolerance(s) for s in lits]).reshape(arr.shape)
            else:
                cl.tolerance = 1e-6
        else:
            if not isinstance(c["formula"], str):
                raise ClaimsError(f"{where}: formula of {c['quantity']!r} must be a string")
            cl.formula = c["formula"]
            if "tolerance" in c:
                cl.tolerance = float(c["tolerance"])
        claims.append(cl)
    for tname in ("at", "direction"):
        if tname in data and not isinstance(data[tname], dict):
            raise ClaimsError(f"{path}: [{tname}] must be a table")
    return Claims(path, claims, dict(data.get("at", {})), dict(data.get("direction", {})))
