"""CliError: the one-line user-facing error of the command line (exit code 2).

Its own module so that both CLI modules (codegen/cli.py and codegen/kernel_cli.py) can raise it
without importing each other: cli.py imports kernel_cli.py, never the other way round.
"""

from __future__ import annotations

__all__ = ["CliError"]


class CliError(Exception):
    """A one-line user-facing error (exit code 2)."""
