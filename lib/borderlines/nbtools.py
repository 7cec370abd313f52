"""Keep committed notebooks clean: no outputs, except the reference outputs of cells
marked ``# NBVAL_CHECK_OUTPUT`` that nbval compares against.

``python -m borderlines.nbtools notebooks/*.ipynb`` strips outputs and execution counts
(``--stdin``: as a git clean filter, standard input to standard output);
with ``--refresh-checks`` it first executes each notebook (in a fresh kernel, in the
notebook's folder) and stores the new outputs of the check cells.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

CHECK_MARK = "# NBVAL_CHECK_OUTPUT"


def is_check_cell(cell) -> bool:
    return cell.cell_type == "code" and CHECK_MARK in cell.source


#: Execution count given to check cells: nbval skips a reference cell that looks unrun,
#: and a fixed number keeps diffs clean.
CHECK_COUNT = 1


def offending_cells(nb) -> list[int]:
    """Indices of code cells that carry outputs or execution counts they should not."""
    bad = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if is_check_cell(cell):
            if cell.get("execution_count") != CHECK_COUNT:
                bad.append(i)
        elif cell.get("outputs") or cell.get("execution_count") is not None:
            bad.append(i)
    return bad


#: Volatile metadata dropped with the outputs (nbstripout's ``extra_keys``).
VOLATILE_KEYS = ["metadata.widgets", "metadata.papermill", "cell.metadata.execution", "cell.metadata.papermill"]


def strip(nb, keep_checks: bool = True):
    """Remove outputs, execution counts and volatile metadata with nbstripout; check
    cells keep their outputs (marked ``keep_output``, which nbstripout honours) and get
    the fixed execution count :data:`CHECK_COUNT` that nbval needs to compare them."""
    from nbstripout import strip_output

    checks = [c for c in nb.cells if keep_checks and is_check_cell(c)]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.metadata.pop("keep_output", None)
    for cell in checks:
        cell.metadata["keep_output"] = True
    strip_output(nb, keep_output=False, keep_count=False, keep_id=True, extra_keys=VOLATILE_KEYS)
    for cell in checks:
        cell.execution_count = CHECK_COUNT
        for out in cell.outputs:
            if out.get("output_type") == "execute_result":
                out["execution_count"] = CHECK_COUNT
    return nb


def clean_filter(source=None, sink=None) -> None:
    """A git ``clean`` filter: the notebook on ``source`` (stdin) stripped to ``sink``
    (stdout), so ``git diff`` and commits never see outputs (``make install`` sets it up
    for ``notebooks/**/*.ipynb``, see ``.gitattributes``)."""
    source = source or sys.stdin
    sink = sink or sys.stdout
    nb = nbformat.read(source, as_version=4)
    nbformat.write(strip(nb), sink)


def refresh_checks(path: Path, timeout: int = 600):
    """Execute ``path`` in a fresh kernel and return it with the check cells' new outputs."""
    from nbclient import NotebookClient
    nb = nbformat.read(path, as_version=4)
    from .build import QUIET_KERNEL
    NotebookClient(nb, timeout=timeout, kernel_name="python3", extra_arguments=QUIET_KERNEL,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--stdin", action="store_true",
                        help="strip the notebook on standard input to standard output (a git clean filter)")
    parser.add_argument("--refresh-checks", action="store_true",
                        help="execute each notebook and store the check cells' outputs")
    args = parser.parse_args(argv)
    if args.stdin:
        clean_filter()
        return 0
    if not args.paths:
        parser.error("name the notebooks to clean, or use --stdin")
    for path in args.paths:
        nb = refresh_checks(path) if args.refresh_checks else nbformat.read(path, as_version=4)
        nbformat.write(strip(nb), path)
        print(f"cleaned {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
