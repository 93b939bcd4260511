"""Shared fixtures: paths to the bundled examples and the seed reference cases, and the check
that the tests exercise the installed package (SYMGRAD_TEST_INSTALLED=1, as .ci/run sets)."""

import importlib.resources
import json
import os
import sys
import sysconfig
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent  # the checkout: tests/data, golden files, README

# `python -m pytest` (without -P) puts the checkout first on sys.path, where the packages are not
# what is installed (symgrad.examples is mapped from examples/ at install time). Import them as
# installed, as `python -P -m pytest` (the README's command) does.
sys.path[:] = [p for p in sys.path if Path(p or os.curdir).resolve() != ROOT]
for _name in [m for m in sys.modules if m.split(".")[0] in ("symgrad", "symbolic", "codegen")]:
    del sys.modules[_name]

try:  # the tests need the installed package (its data: examples, templates), not a bare checkout
    import codegen
    import symbolic
    import symgrad
    import symgrad.examples  # package data, mapped from examples/ at install time
except ImportError as exc:
    pytest.exit(
        f"symgrad is not installed ({exc}): run `python -m pip install -e '.[test]'` "
        "(or '.[test]') first, as the README says",
        returncode=4,
    )

# The directory the packages under test are imported from: site-packages for an installed
# symgrad, the checkout for an editable one. Child processes put this on sys.path.
PKG_ROOT = Path(symbolic.__file__).resolve().parent.parent
# The bundled examples as installed (package data symgrad.examples), so missing data fails.
EXAMPLES = Path(str(importlib.resources.files("symgrad.examples")))
CASES = Path(__file__).resolve().parent / "data" / "seed-cases.json"

settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def seed_cases() -> dict:
    return {c["id"]: c for c in json.loads(CASES.read_text())}


def _installed_dirs() -> list[Path]:
    paths = sysconfig.get_paths()
    return [Path(paths[k]).resolve() for k in ("purelib", "platlib")]


def pytest_configure(config):
    """With SYMGRAD_TEST_INSTALLED=1 every package under test must come from site-packages, not
    from the checkout: then missing package data (templates, examples) fails the run."""
    if os.environ.get("SYMGRAD_TEST_INSTALLED", "") in ("", "0"):
        return
    where = _installed_dirs()
    for mod in (symbolic, codegen, symgrad):
        path = Path(mod.__file__).resolve()
        if not any(path.is_relative_to(d) for d in where):
            raise pytest.UsageError(
                f"SYMGRAD_TEST_INSTALLED=1 but {mod.__name__} is imported from {path}, not from the "
                f"installed package in {where[0]}: install with `pip install .` (not -e) and run "
                "`python -P -m pytest` so the checkout is not on sys.path"
            )
    if not (EXAMPLES / "worked_example_ii.toml").is_file():
        raise pytest.UsageError(f"the installed package has no bundled examples in {EXAMPLES}")


def pytest_addoption(parser):
    parser.addoption(
        "--update", action="store_true", help="rewrite the golden generated C in generated/ instead of comparing"
    )


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    """--update (or SYMGRAD_UPDATE_GOLDEN=1): refresh golden files instead of comparing."""
    return bool(request.config.getoption("--update")) or os.environ.get("SYMGRAD_UPDATE_GOLDEN", "") not in ("", "0")


@pytest.fixture(scope="session", autouse=True)
def _kernel_cache(tmp_path_factory):
    """Kernels built by the tests go to one private cache for the run, never the user's cache."""
    old = os.environ.get("SYMGRAD_CACHE_DIR")
    os.environ["SYMGRAD_CACHE_DIR"] = str(tmp_path_factory.getbasetemp() / "symgrad-kernel-cache")
    yield
    if old is None:
        os.environ.pop("SYMGRAD_CACHE_DIR", None)
    else:
        os.environ["SYMGRAD_CACHE_DIR"] = old


def example(name: str) -> str:
    return str(EXAMPLES / name)
