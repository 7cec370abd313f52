"""Waiting on a condition in Python (a server answering, a process appearing): the one
polling loop of the tests. Browser pages are waited on with Playwright's own waits."""

from __future__ import annotations

import time
from typing import Callable, TypeVar

T = TypeVar("T")

#: Seconds between two looks at the condition: short, so a test goes on as soon as it holds.
POLL = 0.02


def wait_until(predicate: Callable[[], T], timeout: float, what: str) -> T:
    """Call ``predicate`` until it returns something truthy, and return that; after
    ``timeout`` seconds raise ``TimeoutError`` saying the test waited for ``what`` (e.g.
    "JupyterLab to answer on port 8890"). An exception the predicate raises (a server
    that exited) ends the wait at once."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"waited {timeout:g} s for {what}, in vain")
        time.sleep(POLL)
