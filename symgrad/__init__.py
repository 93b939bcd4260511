"""symgrad: exact derivative formulas, compiled kernels and checked hand derivations for small
neural networks — the public entry points (each a thin call into `symbolic` or `codegen`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from codegen.kernel import Kernel
    from symbolic.graph import Graph
    from symbolic.verify import ClaimResult

__all__ = ["__version__", "compile", "derive", "load", "verify"]


def load(spec: str | Path | Graph) -> Graph:
    """A validated graph from a spec path or a bundled example's name (a Graph passes through)."""
    from symbolic.bundled import load_graph

    return load_graph(spec)


def derive(
    spec: str | Path | Graph,
    what: str = "grad",
    wrt: list[str] | None = None,
    fmt: str = "text",
    closed_form: bool = False,
    table: bool = False,
    standalone: bool = False,
) -> str:
    """The printed derivation (`symgrad derive`): grad, deltas, jacobian, hessian or hvp."""
    from symbolic.printing import derive_report

    return derive_report(
        load(spec), what=what, wrt=wrt, fmt=fmt, closed_form=closed_form, table=table, standalone=standalone
    )


def compile(spec: str | Path | Graph, **options: Any) -> Kernel:
    """Compiled kernels of a model (`codegen.compile`; options: dtype, portable, what, blas…)."""
    from codegen.kernel import compile as compile_kernel

    return compile_kernel(load(spec), **options)


def verify(spec: str | Path | Graph, claims: str | Path, probes: int = 8) -> list[ClaimResult]:
    """Judge every claim of a claims file (path or bundled name) against the model."""
    from symbolic.bundled import resolve
    from symbolic.claims import load_claims
    from symbolic.verify import verify as verify_claims

    return verify_claims(load(spec), load_claims(resolve(claims, "claims")), probes=probes)
