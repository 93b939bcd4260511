"""The "rounding" verdict: a claimed number that misses only by what rounding its upstream
values to the digits the author prints explains. First order, per claimed element e:

    |claimed − true| ≤ tol + Σ_k |∂claim/∂u_k| · h_k

over every element u_k of the named step-table quantities upstream of the claim (forward
values, local derivatives, adjoints); h_k is half a unit in the last digit the author printed
for u_k (another claim in the same file, else this claim's own digits), and 0 when rounding
u_k to those digits changes nothing (an exact value such as 4.50 is not a rounded one).
∂claim/∂u_k is taken through the whole derivation — change u_k, recompute everything computed
from it — by central differences.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .claims import Claim, inferred_tolerance
from .evaluate import compile_template
from .graph import Graph, all_indices
from .perturb import ClaimProgram, Site
from .reverse import local_partial

MAX_UPSTREAM = 600  # upstream numbers beyond which the analysis is skipped (cost)
FD_REL = 1e-6


@dataclass
class Rounding:
    """Outcome of the rounding analysis of one claim."""

    explained: bool
    bound: np.ndarray  # per claimed element: tol + Σ |s|·h
    upstream: list[tuple[str, float, str]]  # (quantity, contribution to the bound, digits)
    skipped: str | None = None  # why no analysis was made


def _key_of(c: Claim) -> str | None:
    r = c.refs[0]
    if c.kind == "value":
        return f"value:{r.name}"
    if c.kind in ("adjoint", "grad"):
        return f"adjoint:{r.name}"
    if c.kind == "local":
        return f"local:{r.name},{c.refs[1].name}"
    return None


def printed_digits(claims: list[Claim]) -> dict[str, list[tuple[tuple | None, np.ndarray, np.ndarray]]]:
    """For every step-table quantity a numeric claim prints: (element or None, half units,
    literals) of each such claim."""
    out: dict[str, list] = {}
    for c in claims:
        key = _key_of(c)
        if key is None or c.literals is None:
            continue
        half = np.array([inferred_tolerance(str(s)) for s in c.literals.ravel()]).reshape(c.literals.shape)
        out.setdefault(key, []).append((c.refs[0].index, half, c.literals))
    return out


def _site_half(site: Site, printed: dict) -> tuple[np.ndarray, np.ndarray]:
    """Half units printed for each element of a site (inf where not printed) and, for the note,
    the decimals written (−1 where not printed)."""
    h = np.full(site.shape, np.inf)
    dec = np.full(site.shape, -1)
    for key in site.keys:
        for idx, half, lits in printed.get(key, []):
            sl = idx if idx is not None else Ellipsis
            try:
                cur = h[sl]
                new = np.broadcast_to(half, np.shape(cur))
            except (IndexError, ValueError):
                continue
            lit_dec = np.broadcast_to(np.vectorize(decimals, otypes=[int])(lits), np.shape(cur))
            better = new < cur
            if np.shape(cur) == ():
                if better:
                    h[sl], dec[sl] = new, lit_dec
            else:
                h[sl] = np.where(better, new, cur)
                dec[sl] = np.where(better, lit_dec, dec[sl])
    return h, dec


def decimals(literal) -> int:
    """Decimals a literal is written to: 0.1796 → 4, 2.5e-2 → 2, 38 → 0."""
    s = str(literal).lower().replace("_", "")
    mant, _, exp = s.partition("e")
    frac = mant.split(".", 1)[1] if "." in mant else ""
    return max(len(frac) - (int(exp) if exp else 0), 0)


def _exact(u: float, half: float) -> bool:
    """Rounding u to the unit 2·half changes nothing (u has no further digits)."""
    if not np.isfinite(half) or half <= 0:
        return True
    q = 2.0 * half
    return abs(round(u / q) * q - u) <= 1e-12 * max(1.0, abs(u))


def _site_values(p: ClaimProgram, site: Site, env: dict) -> np.ndarray:
    if site.node is not None:
        return np.asarray(env[site.node], dtype=float)
    key = site.keys[0]
    out, arg = key.split(":", 1)[1].split(",", 1)
    a = p.g.by_name[out]
    return np.broadcast_to(np.asarray(compile_template(local_partial(a, arg))(env), dtype=float), a.shape)


def analyse(
    graph: Graph, values: dict, claim: Claim, claimed: np.ndarray, correct: np.ndarray, tol: np.ndarray, printed: dict
) -> Rounding:
    """Whether rounding the upstream values explains the claim's miss (see the module doc)."""
    p = ClaimProgram(graph, values, claim)
    tol = np.broadcast_to(np.asarray(tol, dtype=float), correct.shape)
    n = sum(int(np.prod(s.shape)) for s in p.sites)
    if n > MAX_UPSTREAM:
        return Rounding(False, tol, [], skipped=f"rounding not analysed ({n} upstream numbers)")
    env = p.base_env()
    own_half = (
        tol
        if not claim.explicit_tolerance or claim.literals is None
        else np.broadcast_to(
            np.array([inferred_tolerance(str(s)) for s in claim.literals.ravel()]).reshape(claim.literals.shape),
            correct.shape,
        )
    )
    own_dec = (
        np.broadcast_to(np.vectorize(decimals, otypes=[int])(claim.literals), correct.shape)
        if claim.literals is not None
        else np.full(correct.shape, -1)
    )
    extra_bound = np.zeros(correct.shape)
    upstream = []
    for site in p.sites:
        u = _site_values(p, site, env)
        h, dec = _site_half(site, printed)
        total = 0.0
        digits = set()
        for k in all_indices(site.shape):
            s = _sensitivity(p, site, k, float(u[k]))
            if not np.any(s):
                continue
            hk = np.where(np.isfinite(h[k]), h[k], own_half)  # per claimed element
            hk = np.array([0.0 if _exact(float(u[k]), float(x)) else float(x) for x in np.ravel(hk)]).reshape(
                np.shape(hk)
            )
            contrib = np.abs(s) * hk
            extra_bound = extra_bound + contrib
            total = max(total, float(np.max(contrib)))
            if np.any(contrib > 0):
                digits.add(
                    f"{dec[k]} decimals"
                    if dec[k] >= 0
                    else f"{int(np.max(own_dec))} decimals, as this claim (not printed)"
                )
        if total > 0:
            upstream.append((site.keys[0], total, ", ".join(sorted(digits))))
    bound = tol + extra_bound
    diff = np.abs(np.asarray(claimed, dtype=float) - correct)
    explained = bool(np.all(diff <= bound + 1e-9 * np.abs(correct)))
    upstream.sort(key=lambda t: -t[1])
    return Rounding(explained, bound, upstream)


def _sensitivity(p: ClaimProgram, site: Site, k: tuple, u: float) -> np.ndarray:
    """∂claim/∂u_k (claim-shaped) by central differences through the whole derivation."""
    h = FD_REL * max(abs(u), 1e-3)

    def at(delta):
        e = np.zeros(site.shape)
        e[k] = delta
        if site.node is not None:
            return p.evaluate(adds={site.node: e})
        return p.evaluate(extra={site.eps: e})

    with np.errstate(all="ignore"):
        s = (at(h) - at(-h)) / (2 * h)
    s = np.where(np.isfinite(s), s, 0.0)
    return np.where(np.abs(s) < 1e-10, 0.0, s)
