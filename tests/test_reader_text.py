"""What a reader of a report meets: corpus descriptions computed from the corpus, no
machine paths, studies that never mix corpora, checks that answer a wrong-type answer."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from borderlines import build as b
from borderlines import exercises
from borderlines.corpus import corpus_description, corpus_from_records, count_outlets
from borderlines.eras import load_eras
from borderlines.paths import project_root, shown_path
from borderlines.report import path_replacements, without_machine_paths


@pytest.fixture(scope="module")
def eras():
    return load_eras()


def _corpus(rows, eras):
    return corpus_from_records([{"id": f"d{i}", "date": d, "outlet": o, "text": "Officials met on Tuesday."}
                                for i, (d, o) in enumerate(rows)], eras=eras)


@pytest.mark.parametrize("rows, source, expected, absent", [
    ([("2018-05-01", "Gazette"), ("2019-02-02", "Courier"), ("2022-03-03", "Gazette")], None,
     ["the bundled corpus", "**3** articles", "**2** named outlets", "2018-05-01 to 2022-03-03",
      "**2** from Trump (first term)", "**1** from Biden", "none from Trump (second term)",
      "Biden has a single article", "Trump (second term) has no articles"], ["five", "four"]),
    ([("2019-01-01", ""), ("2019-01-02", "Daily")], "my_corpus.csv",
     ["`my_corpus.csv`", "**2** articles", "**1** named outlet,", "none from Biden"],
     ["bundled", "single article"]),
    ([("2015-01-01", "Daily")], "x.parquet", ["**1** article ", "**1** in Outside every era", "dated 2015-01-01"],
     ["single article"]),
])
def test_corpus_description_says_what_the_corpus_holds(rows, source, expected, absent, eras, monkeypatch):
    monkeypatch.chdir(project_root())   # a relative source is read from the working folder
    text = corpus_description(_corpus(rows, eras), eras, source)
    for part in expected:
        assert part in text
    for part in absent:
        assert part not in text


def test_corpus_description_of_a_path_outside_the_project_shows_its_name_only(eras):
    text = corpus_description(_corpus([("2019-01-01", "D")], eras), eras, "/somewhere/else/news.csv")
    assert "`news.csv`" in text and "/somewhere" not in text


def test_blank_outlet_is_not_an_outlet(eras):
    assert count_outlets(_corpus([("2019-01-01", ""), ("2019-01-02", " "), ("2019-01-03", "A")], eras)) == 1


def test_shown_path_is_relative_inside_the_project_and_a_name_outside():
    assert shown_path(project_root() / "data" / "eras.csv") == "data/eras.csv"
    assert shown_path("/elsewhere/corpus/articles.parquet") == "articles.parquet"


@pytest.mark.parametrize("text, expected", [
    ("corpus_path = \"/data/news/a.csv\"\n", "corpus_path = \"a.csv\"\n"),
    ("read /data/news/a.csv: row 3", "read a.csv: row 3"),
    ("/data/news/a.csv.bak stays", "/data/news/a.csv.bak stays"),  # another file, not a prefix match
    ("output_dir = \"/r/study/.partial/01_x/data\"", "output_dir = \"reports/s/data\""),
    ("{ROOT}/data/eras.csv and {ROOT}", "data/eras.csv and ."),
    ("{TMP}/tmpab12/my_corpus.csv row 2", "my_corpus.csv row 2"),
])
def test_without_machine_paths(text, expected):
    text = text.replace("{ROOT}", str(project_root())).replace("{TMP}", tempfile.gettempdir())
    replacements = path_replacements({"/data/news/a.csv": None, "/r/study/.partial/01_x/data": "reports/s/data"})
    assert without_machine_paths(text, replacements) == expected


# --------------------------------------------------------------------------- studies


def _manifest(folder: Path, corpus_path=None, checksum="c1", stems=("01_a", "02_b"), eras_path=None):
    params = {k: v for k, v in (("corpus_path", corpus_path), ("eras_path", eras_path)) if v}
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"parameters": params, "notebooks": [
        {"stem": s, "status": "built", "provenance": {"corpus_checksum": checksum, "parameters": params}}
        for s in stems]}
    (folder / "manifest.json").write_text(json.dumps(doc))
    return doc


def test_a_corpus_set_on_the_command_line_gets_its_own_study(tmp_path):
    study_file = tmp_path / "s.yml"
    study_file.write_text("study: mine\nparameters:\n  seed: 3\n")
    assert b.load_study(str(study_file), ["corpus_path=/news/my articles.csv"]).name == "mine-my-articles"
    assert b.load_study(str(study_file), ["corpus_path=/news/x.csv"], name="lab").name == "lab"
    assert b.load_study(str(study_file), ["seed=4"]).name == "mine"


@pytest.mark.parametrize("before, now, only, checksum, message", [
    (None, "/news/a.csv", None, "c1", "holds the reports of corpus 'bundled'; this build reads corpus 'a.csv'"),
    ("/news/a.csv", None, ["01"], "c1", "holds the reports of corpus 'a.csv'"),
    ("/news/a.csv", "/news/a.csv", ["01"], "c2", "the corpus changed since 02_b was built"),
    ("/news/a.csv", "/news/a.csv", ["01"], "c1", ""),
    ("/news/a.csv", "/news/a.csv", None, "c2", ""),   # every page rebuilt: nothing mixes
])
def test_mixing_problem(tmp_path, before, now, only, checksum, message):
    previous = _manifest(tmp_path / "s", before)
    study = b.Study("s", {"corpus_path": now} if now else {}, out_dir=tmp_path / "s")
    problem = b.mixing_problem(study, previous, checksum, only)
    assert (message in problem) if message else problem == ""
    if message:
        assert "--study NAME" in problem


def test_only_with_other_eras_is_refused(tmp_path):
    previous = _manifest(tmp_path / "s", eras_path="data/eras.csv")
    study = b.Study("s", {"eras_path": "my_eras.csv"}, out_dir=tmp_path / "s")
    assert "another eras_path" in b.mixing_problem(study, previous, "c1", ["01"])


# --------------------------------------------------------------------------- classroom


@pytest.fixture(scope="module")
def small():
    return corpus_from_records([{"id": "a", "date": "2019-03-01", "text": "Tariffs rose. Tariffs fell."}])


@pytest.mark.parametrize("check, args, message", [
    (exercises.check_concordance, ("4 lines", 1, "tariffs"), "answer_1_lines should be a whole number"),
    (exercises.check_concordance, (2, 1.5, "tariffs"), "answer_1_articles should be a whole number"),
    (exercises.check_era_boundaries, ("eras", 1, "2019-06-08"), "my_eras_2 should be a table"),
    (exercises.check_era_boundaries, (pd.DataFrame({"era": []}), 1, "2019-06-08"), "lacks the column(s) start, end"),
])
def test_a_wrong_type_answer_gets_a_message_not_an_error(small, check, args, message):
    v = check(*args, small)
    assert v.ok is False and message in v.message


@pytest.mark.parametrize("answers, message", [
    (("+1.2", 0.2, False), "answer_5_difference should be a number"),
    ((1.2, "0.2", False), "answer_5_p_min should be a number"),
    ((1.2, 0.2, "no"), "answer_5_clear should be True or False"),
])
def test_era_difference_answers_of_the_wrong_type(answers, message):
    v = exercises.check_era_difference(*answers, [1, 2, 3], [100, 100, 100], [4], [100])
    assert v.ok is False and message in v.message


@pytest.mark.parametrize("source, names", [
    ("answer_1_lines = int('4 lines')\nanswer_1_articles = 2", ["answer_1_articles", "answer_1_lines"]),
    ("my_eras_2 = eras.copy()\nmy_eras_2.loc[0, 'x'] = 1\ntariffs = 3", ["my_eras_2"]),
    ("answer_5_low, answer_5_high = bad(", ["answer_5_high", "answer_5_low"]),
    ("x = 1", []),
])
def test_answers_assigned(source, names):
    assert exercises.answers_assigned(source) == names


def test_after_an_error_the_check_judges_the_failed_answer_not_the_previous_one(small):
    namespace = {"answer_1_lines": 2, "answer_1_articles": 1}
    assert exercises.check_concordance(namespace["answer_1_lines"], 1, "tariffs", small).ok is True
    exercises.forget_failed_answers(namespace, "answer_1_lines = int('4 lines')")
    v = exercises.check_concordance(namespace["answer_1_lines"], namespace["answer_1_articles"], "tariffs", small)
    assert v.ok is None and "stopped with an error" in v.message


def test_the_clean_report_leaves_out_check_cells_and_their_notes():
    import nbformat

    from borderlines.report import reader_cells
    cells = [nbformat.v4.new_markdown_cell("Intro"),
             nbformat.v4.new_markdown_cell("The key counts", metadata={"tags": ["check-note"]}),
             nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(1)"),
             nbformat.v4.new_code_cell("print(2)")]
    assert [c.source for c in reader_cells(cells)] == ["Intro", "print(2)"]


@pytest.mark.parametrize("name, expected", [
    ("doc_id", "Article"), ("share_a", "Share (A)"), ("ci_low_b", "95% interval: low (B)"),
    ("outside_interval", "Outside interval"), ("n_quotes", "Quotes"), ("n_words_a", "Words (A)"), ("x", "X"),
])
def test_column_label(name, expected):
    from borderlines.notebook import column_label
    assert column_label(name) == expected


def test_reader_table_shows_yes_no_and_keeps_numbers():
    import numpy as np

    from borderlines.notebook import MISSING, reader_table, static_table_html
    df = pd.DataFrame({"flag": [True, False, None], "value": [0.5, np.nan, 2.0], "note": ["a", None, "b"]})
    shown = reader_table(df)
    assert list(shown.columns) == ["Flag", "Value", "Note"]
    assert list(shown["Flag"]) == ["yes", "no", MISSING] and list(shown["Note"]) == ["a", MISSING, "b"]
    assert pd.api.types.is_float_dtype(shown["Value"])
    page = static_table_html(shown.assign(Note=["<b>x</b>", "", ""]), [0, 2])
    assert "&lt;b&gt;" in page and ">NaN<" not in page and f'<td class="bl-num">{MISSING}</td>' in page


# --------------------------------------------------------------------------- charts


def _log(rows):
    return pd.DataFrame(rows, columns=["doc_id", "rule", "action", "start", "end"])


def test_cleaning_chart_names_the_top_rules_and_sums_the_rest():
    from borderlines.charts.corpus import cleaning_removals
    log = _log([(f"d{i % 3}", f"rule_{i}", "remove", 0, 100 - i) for i in range(9)]
               + [("d0", "space", "normalize", 0, 5)])
    spec = cleaning_removals(log, top=6).to_dict()
    groups = [v["group"] for v in spec["datasets"][next(iter(spec["datasets"]))]]
    assert groups[:6] == [f"rule_{i}" for i in range(6)] and groups[6] == "other rules (3)" and len(groups) == 7


def test_cleaning_chart_says_when_nothing_was_cleaned():
    from borderlines.charts.corpus import cleaning_removals
    spec = cleaning_removals(_log([("d0", "space", "normalize", 0, 5)])).to_dict()
    assert "Cleaning removed nothing" in str(spec["datasets"])


def test_legend_lists_only_eras_with_articles(eras):
    from borderlines import charts
    corpus = _corpus([("2018-05-01", "Gazette"), ("2022-03-03", "Courier")], eras)
    spec = charts.article_timeline(corpus, eras).to_dict()
    colour = spec["layer"][1]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["Trump (first term)", "Biden"]
    assert spec["layer"][1]["encoding"]["shape"]["scale"]["domain"] == colour["domain"]  # not colour alone
    full = charts.era_scale(eras)
    assert colour["range"] == full.range[:2]


def test_every_chart_gets_a_text_alternative(eras):
    from borderlines import charts
    from borderlines.charts import borderlines_renderer, chart_description
    corpus = _corpus([("2018-05-01", "Gazette")], eras)
    spec = charts.article_timeline(corpus, eras).to_dict()
    text = chart_description(spec)
    assert text.startswith("Articles over time. Each point is an article") and "x: Publication date" in text
    assert 'description' in borderlines_renderer(spec)["text/html"]
    assert chart_description({"description": "Given."}) == "Given."


def test_a_study_keeps_its_description_unless_another_corpus_is_set(tmp_path):
    path = tmp_path / "s.yml"
    path.write_text("study: s\ndescription: Five articles.\nparameters: {}\n")
    assert b.load_study(str(path)).description == "Five articles."
    assert b.load_study(str(path), ["corpus_path=x.csv"]).description == ""


def test_kept_metadata_lists_only_articles_with_some():
    from borderlines.cleaning import kept_metadata
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "meta_byline": ["By X", ""], "meta_credit": ["", " "]})
    assert list(kept_metadata(corpus)["doc_id"]) == ["a"]
    assert kept_metadata(corpus.assign(meta_byline="")).empty


def test_workbook_has_a_contents_sheet_and_a_sheet_per_table(tmp_path):
    import openpyxl

    from borderlines.files import write_workbook
    path = write_workbook({"quotes_by_speaker_and_role_per_era_long": pd.DataFrame({"n": [1, 2]}),
                           "dates": pd.DataFrame({"d": pd.to_datetime(["2020-01-01"]).tz_localize("UTC")})},
                          tmp_path / "all.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["contents", "quotes_by_speaker_and_role_per_", "dates"]
    rows = [[c.value for c in r] for r in book["contents"].iter_rows()]
    assert rows[1][:3] == ["quotes_by_speaker_and_role_per_", "quotes_by_speaker_and_role_per_era_long", 2]


def test_articles_per_month_by_outlet(eras):
    from borderlines import charts
    rows = [("2019-03-01", "Gazette"), ("2019-03-20", "Gazette"), ("2019-04-02", ""), ("2022-01-05", "Courier")]
    spec = charts.articles_per_month(_corpus(rows, eras), eras).to_dict()
    data = spec["datasets"][next(iter(spec["datasets"]))]
    gazette = [d for d in data if d["outlet"] == "Gazette"]
    assert len(gazette) == 1 and gazette[0]["articles"] == 2
    assert {d["outlet"] for d in data} == {"Gazette", "Courier", "(unknown outlet)"}
    assert spec["spec"]["encoding"]["color"]["scale"]["domain"] == ["Trump (first term)", "Biden"]


def test_watch_answers_in_a_shell_marks_a_failed_answer_cell():
    from IPython.core.interactiveshell import InteractiveShell
    shell = InteractiveShell.instance()
    exercises.watch_answers(shell)
    exercises.watch_answers(shell)  # registering twice keeps one hook
    shell.run_cell("answer_1_lines = 2")
    shell.run_cell("answer_1_lines = int('4 lines')")
    assert shell.user_ns["answer_1_lines"] is exercises.FAILED_ANSWER
    shell.run_cell("answer_1_lines = 4")
    assert shell.user_ns["answer_1_lines"] == 4
    hooks = [f for f in shell.events.callbacks["post_run_cell"] if getattr(f, "_borderlines_answers", False)]
    assert len(hooks) == 1


def test_reader_table_shows_dates_as_dates_and_keeps_repeated_columns():
    from borderlines.notebook import MISSING, reader_table
    df = pd.DataFrame([[pd.Timestamp("2019-03-28"), 1, 2], [pd.NaT, 3, 4]], columns=["date", "n", "n"])
    shown = reader_table(df)
    assert list(shown.columns) == ["Date", "N", "N"] and list(shown.iloc[:, 0]) == ["2019-03-28", MISSING]
    stamped = reader_table(pd.DataFrame({"at": [pd.Timestamp("2019-03-28 14:05")]}))
    assert pd.api.types.is_datetime64_any_dtype(stamped["At"])
