"""Problems found in a researcher's input, reported all at once.

A :class:`Problem` names where it is (file, row, field), what is wrong and how to fix
it. :class:`CorpusError` carries every problem found, so a researcher fixes them in one
pass instead of one run per mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    ``file``: the file it is in; ``row``: 1-based data row of a table (``None`` for a
    whole file); ``field``: the column or field; ``message``: what is wrong; ``fix``: what
    to do about it; ``severity``: ``"error"`` stops loading, ``"warning"`` is reported.
    """

    file: str
    message: str
    row: int | None = None
    field: str | None = None
    fix: str = ""
    severity: str = "error"
    doc_id: str | None = None

    def location(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}" + (f" (id {self.doc_id})" if self.doc_id else ""))
        elif self.doc_id:
            parts.append(f"id {self.doc_id}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.fix:
            text += f" — {self.fix}"
        return text


@dataclass
class CorpusError(ValueError):
    """Raised when the corpus cannot be loaded; ``problems`` lists every error found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        errors = [p for p in self.problems if p.severity == "error"]
        head = f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the corpus:"
        return "\n".join([head] + [f"  - {p}" for p in errors])


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop loading."""
    return [p for p in problems if p.severity == "error"]
