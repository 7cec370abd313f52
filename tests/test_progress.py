"""Progress bars: off during a build."""

from __future__ import annotations

from borderlines import progress


def test_progress_off_during_a_build(monkeypatch):
    monkeypatch.setenv(progress.BUILD_ENV, "1")
    assert not progress.interactive()
    assert progress.progress_bar(10, "x").disable
    monkeypatch.delenv(progress.BUILD_ENV)
    assert not progress.progress_bar(10, "x").disable
    assert progress.progress_bar(10, "x", enabled=False).disable
