"""`borderlines import`: exports written here in the real layouts (Nexis Uni Word and RTF,
LexisNexis Academic text, Factiva RTF/HTML/text, saved pages, Media Cloud lists,
spreadsheets), with invented articles."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from pathlib import Path

import pandas as pd
import pytest

from borderlines.cli import main
from borderlines.corpus import load_corpus, validate_corpus
from borderlines.importers import (BAD_DATE, DUPLICATE, NO_DATE, REPEAT, UNREADABLE, DateProblem,
                                   import_corpus, iso_date, parse_file, write_import)
from borderlines.importers.records import reason_of
from borderlines.problems import errors

# --------------------------------------------------------------------------- invented articles

ARTICLES = [
    dict(title="Shelters in Juárez fill as hearings are delayed", outlet="The Valley Ledger",
         date_line="March 5, 2019 Tuesday", iso="2019-03-05", author="Ana Ruiz",
         paragraphs=["Church-run shelters in Ciudad Juárez were full on Monday, volunteers said, as families "
                     "waited weeks for their turn at the bridge.",
                     "\u201cWe have beds for 80 and there are 140 people here,\u201d said Pastor Luis Ortega, "
                     "who runs one of the shelters.",
                     "Officials in Chihuahua said a new site would open before the end of the month."]),
    dict(title="Ministers agree on a joint plan for the southern border", outlet="Northern Dispatch",
         date_line="June 7, 2019 Friday 10:31 PM EST", iso="2019-06-07", author="Tom Becker",
         paragraphs=["Negotiators from the two governments reached an outline agreement late on Friday after "
                     "three days of talks.",
                     "The plan sends more officers to the southern border and widens a program under which "
                     "asylum seekers wait in Mexico.",
                     "Critics said the agreement left too many questions open."]),
]


def _uni_lines(a: dict, date_line: str | None = None) -> list[str]:
    """One article in the Nexis Uni layout (the label is followed by a no-break space, as
    in the real exports)."""
    return [a["title"], a["outlet"], date_line or a["date_line"], "Final Edition",
            f"Copyright 2019 {a['outlet']} All Rights Reserved", "Section:\u00a0NEWS; Pg. A4",
            f"Length:\u00a0{sum(len(p.split()) for p in a['paragraphs'])} words", f"Byline:\u00a0{a['author']}",
            "Dateline: EL PASO", "Body", *a["paragraphs"], "Classification", "Language:\u00a0ENGLISH",
            "Publication-Type:\u00a0Newspaper", "Subject:\u00a0IMMIGRATION (91%); BORDERS (88%)",
            "Load-Date:\u00a0March 6, 2019", "End of Document"]


COVER = ["User Name: = researcher", "Date and Time: = March 20, 2019 11:02 AM EST", "Job Number: = 88812345",
         "Documents (3)", "1. Shelters in Juárez fill as hearings are delayed", "Client/Matter: -None-",
         "Search Terms: migration AND Mexico", "Search Type: Terms and Connectors",
         "Narrowed by: Content Type News; Timeline: Jan 01, 2019 to Dec 31, 2019", ""]

BROKEN = dict(ARTICLES[0], title="A column with a season for a date", paragraphs=["Undated column text."])


def _nexis_docx(path: Path) -> Path:
    import docx
    document = docx.Document()
    for line in COVER:
        document.add_paragraph(line)
    for lines in (_uni_lines(ARTICLES[0]), _uni_lines(BROKEN, "Spring 2019"), _uni_lines(ARTICLES[1])):
        for line in lines:
            paragraph = document.add_paragraph()
            label, sep, value = line.partition("\u00a0")
            if sep:   # the export writes labels in bold
                paragraph.add_run(label + sep).bold = True
                paragraph.add_run(value)
            else:
                paragraph.add_run(line)
        document.add_page_break()
    document.save(path)
    return path


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
        else:
            out.append(ch)
    return "".join(out)


def _rtf(paragraphs: list[str]) -> bytes:
    body = "\n".join(f"\\pard\\plain\\f0\\fs20 {_rtf_escape(p)}\\par" for p in paragraphs)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
            "{\\colortbl;\\red0\\green0\\blue0;}\n" + body + "\n}").encode("ascii")


def _academic_txt(articles: list[dict]) -> str:
    """The LexisNexis Academic plain-text layout, Windows line endings."""
    parts = []
    for k, a in enumerate(articles, start=1):
        parts += [f"                              {k} of {len(articles)} DOCUMENTS", "",
                  f"                           {a['outlet']}", "",
                  f"                          {a['date_line']}", "                          Late Edition - Final",
                  "", a["title"], "", f"BYLINE: By {a['author']}", "", "SECTION: Section A; Column 0; Pg. 12",
                  "", f"LENGTH: {sum(len(p.split()) for p in a['paragraphs'])} words", "", "DATELINE: MEXICO CITY",
                  ""]
        for p in a["paragraphs"]:   # paragraphs wrapped at 70 characters, as in the export
            words, line = p.split(), ""
            for w in words:
                if len(line) + len(w) > 70:
                    parts.append(line.rstrip())
                    line = ""
                line += w + " "
            parts += [line.rstrip(), ""]
        parts += ["URL: http://www.example.org/", "", "LOAD-DATE: March 6, 2019", "", "LANGUAGE: ENGLISH", "",
                  "PUBLICATION-TYPE: Newspaper", "", f"      Copyright 2019 {a['outlet']}", "", ""]
    return "\r\n".join(parts)


ACCESSIONS = ["VALLED0020190305ef350000a", "NORDIS0020190607ef670001b"]


def _factiva_rows(a: dict, accession: str, date: str) -> list[tuple[str, list[str]]]:
    return [("HD", [a["title"]]), ("BY", [f"By {a['author']}"]), ("WC", ["412 words"]), ("PD", [date]),
            ("ET", ["22:31"]), ("SN", [a["outlet"]]), ("SC", ["VALLED"]), ("LA", ["English"]),
            ("CY", [f"(c) 2019 {a['outlet']}. All Rights Reserved."]), ("LP", a["paragraphs"][:1]),
            ("TD", a["paragraphs"][1:]), ("NS", ["gimm : Migration | gcat : Political/General News"]),
            ("RE", ["mex : Mexico | usa : United States"]), ("IPD", ["border"]),
            ("AN", [f"Document {accession}"])]


FACTIVA_DATES = ["5 March 2019", "7 June 2019"]


def _factiva_rtf() -> bytes:
    """The indexed display saved as RTF: one table row per field code."""
    rows = []
    for a, accession, date in zip(ARTICLES, ACCESSIONS, FACTIVA_DATES):
        for code, content in _factiva_rows(a, accession, date):
            cell = "\\par ".join(_rtf_escape(c) for c in content)
            rows.append(f"\\trowd\\cellx1200\\cellx9000\\pard\\intbl\\b {code}\\b0\\cell "
                        f"\\pard\\intbl {cell}\\cell\\row")
        rows.append("\\pard\\par")
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\n" + "\n".join(rows) + "\n}").encode("ascii")


def _factiva_html_indexed() -> str:
    articles = []
    for a, accession, date in zip(ARTICLES, ACCESSIONS, FACTIVA_DATES):
        rows = []
        for code, content in _factiva_rows(a, accession, date):
            cell = "".join(f'<p class="articleParagraph enarticleParagraph">{c}</p>' for c in content) \
                if code in ("LP", "TD") else content[0]
            rows.append(f'<tr><td class="index" align="right" valign="top"><b>{code}&nbsp;</b></td>'
                        f"<td>{cell}</td></tr>")
        articles.append(f'<div class="article enArticle"><table border="0">{"".join(rows)}</table></div>')
    return ("<html><head><title>Factiva</title></head><body>" + "<br/>".join(articles)
            + "</body></html>")


def _factiva_html_article_format() -> str:
    articles = []
    for a, accession, date in zip(ARTICLES, ACCESSIONS, FACTIVA_DATES):
        paras = "".join(f'<p class="articleParagraph enarticleParagraph">{p}</p>' for p in a["paragraphs"])
        articles.append(
            f'<div class="article enArticle"><div id="hd"><span class="enHeadline">{a["title"]}</span></div>'
            f'<div class="author">By {a["author"]}</div><div>412 words</div><div>{date}</div>'
            f'<div>{a["outlet"]}</div><div>VALLED</div><div>English</div>'
            f'<div>Copyright 2019 {a["outlet"]}. All Rights Reserved.</div>{paras}'
            f"<div>Document {accession}</div></div>")
    return "<html><body>" + "".join(articles) + "</body></html>"


def _factiva_labelled_txt() -> str:
    """The indexed display as plain text: each field code on a line of its own."""
    lines = []
    for a, accession, date in zip(ARTICLES, ACCESSIONS, FACTIVA_DATES):
        for code, content in _factiva_rows(a, accession, date):
            lines += [code, *content, ""] if code != "AN" else [code, *content, "", ""]
    return "\n".join(lines)


def _factiva_txt() -> str:
    """The unlabelled "Article Format" as plain text, with the search summary at the end."""
    lines = []
    for a, accession, date in zip(ARTICLES, ACCESSIONS, FACTIVA_DATES):
        lines += [a["title"], f"By {a['author']}", "412 words", date, "22:31", a["outlet"], "VALLED", "English",
                  f"Copyright 2019 {a['outlet']}. All Rights Reserved.", ""]
        for p in a["paragraphs"]:
            lines += [p, ""]
        lines += [f"Document {accession}", "", ""]
    lines += ["Search Summary", "Text\tmigration and Mexico", "Date\t01/01/2019 to 12/31/2019"]
    return "\n".join(lines)


def _page(a: dict, published: str | None = "2019-03-05T14:00:00-06:00", url: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paras = "".join(f"<p>{p}</p>" for p in a["paragraphs"])
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{a["title"]} | {a["outlet"]}'
            f'</title><meta property="og:title" content="{a["title"]}">'
            f'<meta property="og:site_name" content="{a["outlet"]}">'
            f'<link rel="canonical" href="{url or _url(a)}">'
            f'<meta name="author" content="{a["author"]}">{meta}</head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
            f"<main><article><h1>{a['title']}</h1>{paras}</article></main>"
            "<footer><p>Subscribe to our newsletter for the day's news.</p></footer></body></html>")


def _url(a: dict) -> str:
    return f"https://news.example.org/{a['iso']}/story"


def _texts(table: pd.DataFrame) -> list[str]:
    """The texts, without a headline printed at their top (saved pages have it; the
    corpus cleaning removes it)."""
    return [text.removeprefix(title + "\n\n") for title, text in zip(table["title"], table["text"])]


def _body(a: dict) -> str:
    return "\n\n".join(a["paragraphs"])


def _check_two(table: pd.DataFrame, with_author: bool = True) -> None:
    """The two invented articles, in order, with their metadata."""
    assert list(table["title"]) == [a["title"] for a in ARTICLES]
    assert list(table["date"]) == [a["iso"] for a in ARTICLES]
    assert list(table["outlet"]) == [a["outlet"] for a in ARTICLES]
    if with_author:
        assert list(table["author"]) == [a["author"] for a in ARTICLES]
    assert _texts(table) == [_body(a) for a in ARTICLES]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("value, expected", [
    ("March 5, 2019 Tuesday", "2019-03-05"),
    ("Tuesday, March 5, 2019", "2019-03-05"),
    ("June 7, 2019 Friday 10:31 PM EST", "2019-06-07"),
    ("5 March 2019", "2019-03-05"),
    ("2019-03-05T10:00:00Z", "2019-03-05"),
    ("2019-03-05T23:30:00-05:00", "2019-03-05"),       # the date as written, not moved to UTC
    ("2019-03-05 14:22:01.123456", "2019-03-05"),      # Media Cloud's publish_date
    ("Updated: March 5, 2019 10:31 AM EST", "2019-03-05"),
    ("5 de marzo de 2019", "2019-03-05"),
    ("25/03/2019", "2019-03-25"),                       # only one order is a date
    ("07/07/2019", "2019-07-07"),
    (datetime.datetime(2019, 3, 5, 22, 0), "2019-03-05"),
    (datetime.date(2021, 1, 20), "2021-01-20"),
])
def test_dates_in_many_formats(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("value, reason", [
    ("", NO_DATE), (None, NO_DATE), ("Spring 2019", BAD_DATE), ("March 2019", BAD_DATE),
    ("2019", BAD_DATE), ("05/03/2019", BAD_DATE), ("2019-02-30", BAD_DATE), ("Copyright 2019 The Ledger", BAD_DATE),
    ("no date given", BAD_DATE),
])
def test_undecidable_dates_are_named_problems(value, reason):
    with pytest.raises(DateProblem) as exc:
        iso_date(value)
    assert exc.value.reason == reason


def test_day_and_month_order_when_told():
    assert iso_date("05/03/2019", dayfirst=True) == "2019-03-05"
    assert iso_date("05/03/2019", dayfirst=False) == "2019-05-03"


# --------------------------------------------------------------------------- Nexis


def test_nexis_uni_docx_with_cover_page_and_a_bad_record(tmp_path):
    path = _nexis_docx(tmp_path / "Files (3).DOCX")
    table, problems = import_corpus([path])
    _check_two(table)
    assert list(table["source_position"]) == [1, 3]
    assert set(table["source_file"]) == {str(path)}
    [problem] = errors(problems)
    assert reason_of(problem) == BAD_DATE and "'Spring 2019'" in problem.message
    title_at = len(COVER) + len(_uni_lines(ARTICLES[0])) + 2    # after the cover, article 1 and a page break
    assert problem.file == str(path) and f"(article 2, paragraph {title_at})" in problem.message


def test_nexis_uni_rtf(tmp_path):
    path = tmp_path / "export.rtf"
    path.write_bytes(_rtf(COVER + _uni_lines(ARTICLES[0]) + _uni_lines(ARTICLES[1])))
    table, problems = import_corpus([path])
    assert problems == []
    _check_two(table)
    assert list(table["id"]) == ["export-001", "export-002"]


@pytest.mark.parametrize("marker", [None, "Document {k} of {n}"])
def test_lexisnexis_academic_text_with_windows_line_endings(tmp_path, marker):
    text = _academic_txt(ARTICLES)
    if marker:
        for k in (1, 2):
            text = text.replace(f"{k} of 2 DOCUMENTS", marker.format(k=k, n=2))
    path = tmp_path / "academic.txt"
    path.write_bytes(text.encode("utf-8"))
    table, problems = import_corpus([path])
    assert problems == []
    _check_two(table)
    assert "\r" not in "".join(table["text"])


def test_nexis_record_without_body_is_named_and_the_rest_imported(tmp_path):
    lines = _uni_lines(ARTICLES[0]) + ["A picture", "Northern Dispatch", "June 7, 2019", "End of Document"]
    path = tmp_path / "mixed.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    table, problems = import_corpus([path])
    assert list(table["title"]) == [ARTICLES[0]["title"]]
    [problem] = problems
    assert reason_of(problem) == UNREADABLE and "(article 2, line 20)" in problem.message


# --------------------------------------------------------------------------- Factiva


@pytest.mark.parametrize("name, make", [
    ("factiva.rtf", _factiva_rtf),
    ("factiva.html", lambda: _factiva_html_indexed().encode("utf-8")),
    ("Factiva-20190620-1530.htm", lambda: _factiva_html_article_format().encode("utf-8")),
    ("factiva.txt", lambda: _factiva_txt().encode("utf-8")),
    ("indexed.txt", lambda: _factiva_labelled_txt().encode("utf-8")),
    ("article-format.rtf", lambda: _rtf(_factiva_txt().split("\n"))),
])
def test_factiva_exports(tmp_path, name, make):
    path = tmp_path / name
    path.write_bytes(make())
    table, problems = import_corpus([path])
    assert problems == []
    _check_two(table)
    assert list(table["id"]) == ACCESSIONS
    assert list(table["source_position"]) == [1, 2]


def test_factiva_cut_short_names_the_unfinished_article(tmp_path):
    text = _factiva_txt()
    cut = text[:text.index("Document " + ACCESSIONS[1])]
    path = tmp_path / "cut.txt"
    path.write_text(cut, encoding="utf-8")
    table, problems = import_corpus([path])
    assert list(table["id"]) == ACCESSIONS[:1]
    [problem] = problems
    assert reason_of(problem) == UNREADABLE and "article 2" in problem.message


def test_a_nexis_article_in_two_exports_is_kept_once(tmp_path):
    (tmp_path / "search1.txt").write_text("\n".join(_uni_lines(ARTICLES[0]) + _uni_lines(ARTICLES[1])))
    (tmp_path / "search2.txt").write_text("\n".join(_uni_lines(ARTICLES[1])))
    table, problems = import_corpus([tmp_path])
    assert list(table["id"]) == ["search1-001", "search1-002"]
    [problem] = problems
    assert problem.severity == "warning" and reason_of(problem) == REPEAT and "'search1-002'" in problem.message
    assert problem.file.endswith("search2.txt")


def test_one_id_for_two_texts_is_an_error(tmp_path):
    (tmp_path / "a.csv").write_text("id,date,text\nx1,2019-01-02,First text.\nx1,2019-01-03,Second text.\n")
    table, problems = import_corpus([tmp_path / "a.csv"])
    assert list(table["text"]) == ["First text."]
    [problem] = problems
    assert reason_of(problem) == DUPLICATE and problem.severity == "error" and problem.row == 2


def test_the_same_article_in_two_exports_is_kept_once(tmp_path):
    (tmp_path / "a.rtf").write_bytes(_factiva_rtf())
    (tmp_path / "b.htm").write_text(_factiva_html_article_format(), encoding="utf-8")
    table, problems = import_corpus([tmp_path])
    assert list(table["id"]) == ACCESSIONS
    assert [reason_of(p) for p in problems] == [REPEAT, REPEAT]
    assert all(p.severity == "warning" for p in problems)


# --------------------------------------------------------------------------- pages, Media Cloud


def test_saved_pages_by_trafilatura(tmp_path):
    for k, a in enumerate(ARTICLES):
        page = _page(a, a["iso"] + "T14:00:00-06:00")
        if k:   # a site's own "article …Article" class does not make the page a Factiva export
            page = page.replace("<article>", '<article class="article mainArticle">')
        (tmp_path / f"page{k}.html").write_text(page, encoding="utf-8")
    (tmp_path / "undated.html").write_text(_page(dict(ARTICLES[0], title="No date here"), None,
                                                 "https://news.example.org/opinion/undated"), encoding="utf-8")
    table, problems = import_corpus([tmp_path])
    assert list(table["id"]) == ["page0", "page1"]
    _check_two(table)
    assert list(table["url"]) == [_url(a) for a in ARTICLES]
    [problem] = problems
    assert reason_of(problem) in (NO_DATE, BAD_DATE) and problem.file.endswith("undated.html")


def _mediacloud_csv(path: Path, with_text: bool, delimiter: str = ",") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    header = ["stories_id", "publish_date", "title", "url", "language", "media_id", "media_name"]
    w.writerow(header + (["text"] if with_text else []))
    for k, a in enumerate(ARTICLES):
        row = [str(1200 + k), a["iso"] + " 14:22:01", a["title"], _url(a),
               "en", "18", a["outlet"]]
        w.writerow(row + ([_body(a)] if with_text else []))
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_media_cloud_list_with_texts(tmp_path):
    table, problems = import_corpus([_mediacloud_csv(tmp_path / "stories.csv", True)])
    assert problems == []
    _check_two(table, with_author=False)
    assert list(table["id"]) == ["1200", "1201"]


def test_media_cloud_list_with_saved_pages(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "1200.html").write_text(_page(ARTICLES[0]), encoding="utf-8")
    # the second page is named otherwise and found by the address it gives for itself
    (pages / "second story.html").write_text(_page(ARTICLES[1]), encoding="utf-8")
    csv_path = _mediacloud_csv(tmp_path / "stories.csv", False)
    table, problems = import_corpus([csv_path], pages=pages)
    assert problems == []
    _check_two(table)
    missing, problems = import_corpus([csv_path], pages=tmp_path / "empty")
    assert len(missing) == 0 and len(errors(problems)) == 2
    assert "story 1200" in problems[0].message and problems[0].row == 1
    _, problems = import_corpus([csv_path])
    assert "no text column" in problems[0].message and "--pages" in problems[0].message


# --------------------------------------------------------------------------- tables


def test_xlsx_with_date_cells_and_named_columns(tmp_path):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Headline", "Published", "Body", "Source", "Writer"])
    for a in ARTICLES:
        y, m, d = map(int, a["iso"].split("-"))
        sheet.append([a["title"], datetime.datetime(y, m, d, 9, 30), _body(a), a["outlet"], a["author"]])
    sheet.append(["A row with a number for text", datetime.datetime(2019, 8, 1), 12345, "X", "Y"])
    book.create_sheet("Notes").append(["coder notes"])
    path = tmp_path / "coded.xlsx"
    book.save(path)
    table, problems = import_corpus([path], columns={"text": "body", "date": "Published", "title": "headline",
                                                    "outlet": "source", "author": "writer"})
    _check_two(table)
    assert list(table["id"]) == ["coded-001", "coded-002"]
    failed = errors(problems)
    assert len(failed) == 1 and failed[0].row == 3 and "(sheet row 4)" in failed[0].message
    assert any("Notes" in p.message for p in problems if p.severity == "warning")


@pytest.mark.parametrize("name, delimiter", [("semicolon.csv", ";"), ("tabs.tsv", "\t"), ("plain.csv", ",")])
def test_delimited_tables(tmp_path, name, delimiter):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(["id", "date", "title", "outlet", "author", "text"])
    for k, a in enumerate(ARTICLES):
        w.writerow([f"a{k}", a["date_line"], a["title"], a["outlet"], a["author"], _body(a)])
    w.writerow(["a9", "2019-09-09", "short row"])
    path = tmp_path / name
    path.write_text(buf.getvalue(), encoding="utf-8")
    table, problems = import_corpus([path])
    _check_two(table)
    [problem] = problems
    assert problem.row == 3 and reason_of(problem) == UNREADABLE and "(line 12)" in problem.message
    assert problem.doc_id == "a9"


def test_missing_text_column_is_named(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id;date;body\na;2019-01-01;words\n", encoding="utf-8")
    table, problems = import_corpus([path])
    assert len(table) == 0 and "no text column" in problems[0].message and "'body'" in problems[0].message
    table, problems = import_corpus([path], columns={"text": "body"})
    assert problems == [] and list(table["text"]) == ["words"]


def test_a_latin1_table_needs_its_encoding(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("id,date,text\na,2019-01-01,Año nuevo en Juárez\n".encode("cp1252"))
    _, problems = import_corpus([path])
    assert "not UTF-8" in problems[0].message and "--encoding cp1252" in problems[0].fix
    table, problems = import_corpus([path], encoding="cp1252")
    assert problems == [] and list(table["text"]) == ["Año nuevo en Juárez"]


# --------------------------------------------------------------------------- detection, files


def test_format_is_found_from_content_and_can_be_forced(tmp_path):
    articles, problems = parse_file("x.txt", b"Just some notes.\n")
    assert articles == [] and "--format" in problems[0].fix
    _, problems = parse_file("x.xlsx", b"", "nexis")
    assert "cannot be a 'nexis' source" in problems[0].message
    _, problems = parse_file("x.docx", b"not a zip file")
    assert problems and problems[0].file == "x.docx"
    tsv = "id\tdate\ttext\n1\t2019-01-02\tA short text.\n".encode()
    articles, problems = parse_file("list.txt", tsv, "table")
    assert problems == [] and articles[0].text == "A short text."


def test_unknown_files_in_a_folder_are_left_out_with_a_warning(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "~$export.docx").write_bytes(b"lock")           # Word's lock file: not an export
    (tmp_path / ".hidden.html").write_text("<html></html>")
    (tmp_path / "a.rtf").write_bytes(_factiva_rtf())
    table, problems = import_corpus([tmp_path])
    assert len(table) == 2
    assert [p.severity for p in problems] == ["warning"] and problems[0].file.endswith("notes.pdf")


# --------------------------------------------------------------------------- output, round trip


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_round_trip_loads_with_no_problems(tmp_path, suffix):
    exports = tmp_path / "exports"
    exports.mkdir()
    _nexis_docx(exports / "nexis.docx")
    (exports / "factiva.rtf").write_bytes(_factiva_rtf())
    (exports / "academic.txt").write_text(_academic_txt([dict(a, title=a["title"] + " (wire)")
                                                         for a in ARTICLES]), encoding="utf-8")
    out = tmp_path / "corpus" / f"articles{suffix}"
    status = main(["import", str(exports), "--out", str(out), "--no-progress"])
    assert status == 1                      # the undated Nexis article failed; the rest were written
    assert validate_corpus(out) == []
    corpus = load_corpus(out)
    # 2 from Nexis (the third is undated), 2 from LexisNexis; Factiva's 2 are the Nexis
    # ones again (same outlet, date, title and text) and are left out as repeats
    assert len(corpus) == 4 and corpus["doc_id"].is_unique
    sums = (out.parent / "SHA256SUMS").read_text()
    assert sums == f"{hashlib.sha256(out.read_bytes()).hexdigest()}  {out.name}\n"
    table = pd.read_parquet(out) if suffix == ".parquet" else None
    if table is not None:
        assert table["source_position"].dtype == "int64"


def test_command_prints_a_summary_and_exits_zero_when_all_imported(tmp_path, capsys):
    (tmp_path / "f.rtf").write_bytes(_factiva_rtf())
    out = tmp_path / "out.csv"
    assert main(["import", str(tmp_path / "f.rtf"), "-o", str(out), "--no-progress"]) == 0
    printed = capsys.readouterr().out
    assert "2 article(s) imported from 1 file(s); 0 failed" in printed
    again = (tmp_path / "SHA256SUMS").read_text()
    assert main(["import", str(tmp_path / "f.rtf"), "-o", str(out), "--no-progress"]) == 0
    assert (tmp_path / "SHA256SUMS").read_text() == again          # same input, same bytes


def test_command_reports_failures_by_reason(tmp_path, capsys):
    _nexis_docx(tmp_path / "n.docx")
    out = tmp_path / "out.parquet"
    assert main(["import", str(tmp_path / "n.docx"), "-o", str(out), "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert "2 article(s) imported from 1 file(s); 1 failed" in captured.out
    assert f"failed: 1 × {BAD_DATE}" in captured.out
    assert "n.docx" in captured.err and "Spring 2019" in captured.err
    assert out.exists()


def test_an_earlier_output_in_the_folder_is_not_read_again(tmp_path):
    (tmp_path / "f.rtf").write_bytes(_factiva_rtf())
    out = tmp_path / "corpus.csv"
    assert main(["import", str(tmp_path), "-o", str(out), "--no-progress"]) == 0
    first = out.read_bytes()
    assert main(["import", str(tmp_path), "-o", str(out), "--no-progress"]) == 0
    assert out.read_bytes() == first


def test_usage_errors(tmp_path, capsys):
    assert main(["import", str(tmp_path), "-o", str(tmp_path / "o.csv"), "--format", "pdf"]) == 2
    assert "unknown format 'pdf'" in capsys.readouterr().err
    assert main(["import", str(tmp_path), "-o", str(tmp_path / "o.xlsx")]) == 2
    assert "name the table .csv, .jsonl or .parquet" in capsys.readouterr().err
    assert main(["import", str(tmp_path), "-o", str(tmp_path / "o.csv"), "--column", "headline"]) == 2


def test_nothing_imported_writes_nothing(tmp_path, capsys):
    path = tmp_path / "x.txt"
    path.write_text("Just notes.", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["import", str(path), "-o", str(out), "--no-progress"]) == 1
    assert not out.exists() and not (tmp_path / "SHA256SUMS").exists()


def test_write_import_keeps_other_checksums(tmp_path):
    (tmp_path / "SHA256SUMS").write_text("ab" * 32 + "  other.csv\n")
    table, _ = import_corpus([_mediacloud_csv(tmp_path / "s.csv", True)])
    write_import(table, tmp_path / "corpus.csv")
    listed = (tmp_path / "SHA256SUMS").read_text().splitlines()
    assert [line.split()[1] for line in listed] == ["corpus.csv", "other.csv"]
