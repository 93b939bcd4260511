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


def example(name: str) -> str:
    return str(EXAMPLES / name)
