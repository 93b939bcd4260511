"""Shared fixtures: paths to the bundled examples and the seed reference cases."""
import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = Path(__file__).resolve().parent / "data" / "seed-cases.json"

settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def seed_cases() -> dict:
    return {c["id"]: c for c in json.loads(CASES.read_text())}


def pytest_addoption(parser):
    parser.addoption("--update", action="store_true",
                     help="rewrite the golden generated C in generated/ instead of comparing")


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
