"""The documented caps on user input (files, expressions, graphs), in one place so the README,
the error messages and the tests agree. Each cap is checked before the work it bounds."""

from __future__ import annotations

MAX_FILE_BYTES = 10 * 1024 * 1024  # spec, claims and JSON files: regular files of at most 10 MiB
MAX_EXPRESSION_LENGTH = 20_000  # characters in one [forward] expression or claim formula
MAX_NESTING = 100  # parentheses, calls, lists, unary minus and ** in one expression
MAX_ASSIGNMENTS = 20_000  # lines in [forward] (and layers in [[layers]])
MAX_PRIMITIVES = 100_000  # primitive assignments after lowering one spec
FLOAT_MAX = 1.7976931348623157e308  # constants beyond this overflow double precision
