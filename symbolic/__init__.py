"""symgrad's symbolic half: spec → graph of named assignments → reverse-mode derivation → printing
and verification, all in SymPy (no compiled code here)."""

from .builders import LayerSpec, build_mlp, scalar_mlp_toml
from .claims import ClaimsError, load_claims
from .graph import Assignment, Graph, GraphError
from .parser import ParseError, parse_expression
from .point import evaluate_point, hessian_at, hvp_at, jacobian_at
from .printing import derive_report
from .reverse import Derivation, reverse
from .spec import SpecError, load_spec, parse_spec
from .tangent import hvp_program
from .verify import verify

__all__ = [
    "Assignment",
    "ClaimsError",
    "Derivation",
    "Graph",
    "GraphError",
    "LayerSpec",
    "ParseError",
    "SpecError",
    "build_mlp",
    "derive_report",
    "evaluate_point",
    "hessian_at",
    "hvp_at",
    "hvp_program",
    "jacobian_at",
    "load_claims",
    "load_spec",
    "parse_expression",
    "parse_spec",
    "reverse",
    "scalar_mlp_toml",
    "verify",
]
