"""Keep ``environment.yml`` (conda, Binder) in step with ``requirements.lock`` (pip).

``python -m borderlines.lockfile`` drops the :data:`EXCLUDED` packages from the lock and
rewrites ``environment.yml`` from it: Python
3.11 from conda-forge, then every locked package at its exact version through pip, so
both routes install the same versions. A test fails when the two disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .paths import project_root

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")

#: Packages the resolver pulls in that the lock leaves out, and why. jupyter-events asks
#: for ``jsonschema[format-nongpl]``; with rfc3987-syntax installed, every process that
#: imports jsonschema (altair does, in every kernel) compiles 39 lark grammars at
#: start-up, about 3 s of CPU, only to validate "iri" string formats nothing here uses.
EXCLUDED = {
    "rfc3987-syntax": "slow import (3 s per process) for an unused jsonschema format check",
    "lark": "only needed by rfc3987-syntax",
}


def drop_excluded(lock_text: str) -> str:
    """The lock without the :data:`EXCLUDED` packages' blocks (name line, hashes, via comments)."""
    out, skipping = [], False
    for line in lock_text.splitlines(keepends=True):
        m = _PIN.match(line)
        if m:
            skipping = canonical(m.group(1)) in EXCLUDED
        elif line and not line.startswith((" ", "\t")):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


def canonical(name: str) -> str:
    """PEP 503 normalized package name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_pins(path: Path | None = None) -> dict[str, str]:
    """``{package: version}`` pinned in ``requirements.lock``."""
    path = path or project_root() / "requirements.lock"
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _PIN.match(line.strip())
        if m:
            pins[canonical(m.group(1))] = m.group(2)
    return pins


def environment_pins(path: Path | None = None) -> tuple[str, dict[str, str]]:
    """``(python spec, {package: version})`` from the pip section of ``environment.yml``."""
    import yaml
    path = path or project_root() / "environment.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    python, pins = "", {}
    for dep in doc.get("dependencies", []):
        if isinstance(dep, str) and dep.startswith("python"):
            python = dep
        elif isinstance(dep, dict) and "pip" in dep:
            for line in dep["pip"]:
                m = _PIN.match(line.strip())
                if m:
                    pins[canonical(m.group(1))] = m.group(2)
    return python, pins


def render_environment(pins: dict[str, str]) -> str:
    """The text of ``environment.yml`` for the given pins."""
    lines = [
        "# Generated from requirements.lock by `python -m borderlines.lockfile`; do not edit by hand.",
        "# conda / Binder: `conda env create -f environment.yml`, then `pip install --no-deps -e .`",
        "# (Binder runs postBuild for that). Same exact versions as the pip lock.",
        "name: borderlines",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        "  - python=3.11",
        "  - pip",
        "  - pip:",
    ]
    lines += [f"      - {name}=={version}" for name, version in sorted(pins.items())]
    return "\n".join(lines) + "\n"


def main() -> int:
    from .files import write_text_atomic
    lock = project_root() / "requirements.lock"
    write_text_atomic(lock, drop_excluded(lock.read_text(encoding="utf-8")))
    target = project_root() / "environment.yml"
    write_text_atomic(target, render_environment(lock_pins()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
