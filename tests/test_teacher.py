"""The teacher's build: the worked solutions as a report of their own, linked from no student's page."""

from __future__ import annotations

import nbformat
import pytest

from borderlines import build as b
from borderlines.cli import main

SOLUTION = nbformat.v4.new_notebook(cells=[
    nbformat.v4.new_markdown_cell("# 05 · Worked solutions"),
    nbformat.v4.new_code_cell("output_dir = None", metadata={"tags": ["parameters"]}),
    nbformat.v4.new_code_cell("import os, pathlib\n"
                              "print('tables of', pathlib.Path(os.environ.get('BORDERLINES_TABLES', '-/-')).parent.name)"),
], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


@pytest.fixture
def classroom(tmp_path, monkeypatch):
    """A study file, a folder of notebooks and one of solutions; reports in a temporary folder."""
    monkeypatch.setenv("BORDERLINES_REPORTS", str(tmp_path / "reports"))
    lessons, solutions = tmp_path / "notebooks", tmp_path / "notebooks" / "solutions"
    solutions.mkdir(parents=True)
    nbformat.write(SOLUTION, solutions / "05_exercises_solutions.ipynb")
    lesson = nbformat.v4.new_notebook(cells=SOLUTION.cells[:2], metadata=SOLUTION.metadata)
    lesson.cells[0].source = "# 05 · Exercises"
    nbformat.write(lesson, lessons / "05_exercises.ipynb")
    study_file = tmp_path / "class.yml"
    study_file.write_text("study: class\nparameters: {}\n")
    return tmp_path / "reports", lessons, solutions, study_file


def test_teacher_study_builds_into_the_study_folder_s_teacher_folder():
    study = b.Study("s", {"seed": 3}, source="s.yml")
    teacher = b.teacher_study(study)
    assert teacher.out_dir == study.out_dir / "teacher" and teacher.teacher and not study.teacher
    assert teacher.parameters == study.parameters and teacher.name == "s"
    assert b.solutions_dir().name == "solutions" and (b.solutions_dir() / "05_exercises_solutions.ipynb").exists()


def test_the_teacher_s_build_is_a_report_no_student_page_links(classroom):
    reports, lessons, solutions, study_file = classroom
    assert main(["build", "--params", str(study_file), "--notebooks", str(lessons), "--no-progress"]) == 0
    (reports / "class" / "tables").mkdir()      # where the study's tables would be
    assert main(["build", "--teacher", "--params", str(study_file), "--notebooks", str(solutions),
                 "--no-progress"]) == 0
    teacher = reports / "class" / "teacher"
    page = (teacher / "05_exercises_solutions.html").read_text(encoding="utf-8")
    assert "Worked solutions" in page
    # its notebooks read the study's tables, not a copy of their own
    executed = (teacher / "executed" / "05_exercises_solutions.ipynb").read_text(encoding="utf-8")
    assert "tables of class" in executed      # reports/class/tables, not reports/class/teacher/tables
    assert "the worked solutions for study" in (teacher / "index.html").read_text(encoding="utf-8")
    for student_page in [reports / "index.html", *(reports / "class").glob("*.html")]:
        assert "teacher" not in student_page.read_text(encoding="utf-8").lower(), student_page.name
    assert "solutions" not in (reports / "class" / "manifest.json").read_text(encoding="utf-8")
