"""The lock files agree with pyproject.toml: `make run` and `make test` install what was tested."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)(?: ; ([^\\]+?))?\s*\\?$")


def pins(lock: str) -> dict[str, str]:
    """Package -> version for this interpreter, from a lock file written by scripts/lock."""
    found: dict[str, str] = {}
    for line in (ROOT / "requirements" / lock).read_text().splitlines():
        match = PIN.match(line)
        if match and (match[3] is None or Marker(match[3]).evaluate()):
            found[canonicalize_name(match[1])] = match[2]
    return found


def requirements(*extras: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = list(project["dependencies"])
    for extra in extras:
        listed += project["optional-dependencies"][extra]
    return [Requirement(text) for text in listed]


@pytest.mark.parametrize(("lock", "extras"), [("service.txt", ()), ("test.txt", ("test", "bench"))])
def test_every_dependency_is_locked_within_its_range(lock: str, extras: tuple[str, ...]) -> None:
    locked = pins(lock)
    for requirement in requirements(*extras):
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not in requirements/{lock}: run make lock"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"requirements/{lock} pins {name}=={locked[name]}, outside {requirement}: run make lock"
        )


def test_the_service_lock_is_the_tested_versions() -> None:
    service, test = pins("service.txt"), pins("test.txt")
    assert {name: test.get(name) for name in service} == service


def test_every_pin_carries_a_hash() -> None:
    for lock in ("service.txt", "test.txt"):
        text = (ROOT / "requirements" / lock).read_text()
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
        assert blocks and all("--hash=sha256:" in block for block in blocks if "==" in block)
