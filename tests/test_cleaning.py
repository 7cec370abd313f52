"""Cleaning rules as data, the cleaning log and embedded posts."""

from __future__ import annotations

import pytest

from borderlines.cleaning import (Rule, clean_text, cleaning_log, cleaning_summary, embedded_posts,
                                  load_rules, normalize_whitespace)
from borderlines.files import InputProblem
from conftest import make_corpus


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def test_log_offsets_point_into_raw_text(rules):
    raw = " date 2019-03-28 Body “quoted” text.\n\n{mosads}Next para.\nMore Stories From KJZZ\n\nPoliticsFronterasMexico\n"
    text, meta, log = clean_text(raw, rules, "d1")
    assert text == "Body “quoted” text.\n\nNext para."
    assert meta == {"meta_scraped_date": "2019-03-28"}
    for row in log:
        assert raw[row["start"]:row["end"]] == row["text"]
    assert {r["rule"] for r in log} == {"date_prefix", "cms_marker", "more_stories_footer", "tag_run"}


def test_headline_and_byline_kept_as_metadata(rules):
    raw = "Big Headline Here\n\nBy Ana María Pérez\nPublished: Monday, May 6, 2019 - 1:00pm\n\nStory text."
    text, meta, _ = clean_text(raw, rules, "d", title="Big Headline Here")
    assert text == "Story text."
    assert meta["meta_byline"] == "Ana María Pérez"
    assert meta["meta_published"] == "Monday, May 6, 2019 - 1:00pm"


def test_repeated_caption_removed_but_single_line_kept(rules):
    cap = "A man holds a sign at the border crossing in Tijuana on Monday."
    raw = f"{cap}\n{cap} (Jane Doe/AP)\n\nStory.\n\n{cap}"
    text, _, log = clean_text(raw, rules)
    assert text == f"Story.\n\n{cap}"
    assert [r["rule"] for r in log] == ["repeated_caption"]


def test_whitespace_normalization_keeps_quotes_and_accents():
    assert normalize_whitespace("A\u00a0 b\u200b  c\n\n\n  “López”  \r\n") == "A b c\n\n“López”"


def test_custom_rule_is_applied_and_logged():
    extra = Rule(name="promo", pattern=r"^SUBSCRIBE NOW[^\n]*$", action="remove")
    text, _, log = clean_text("Para one.\nSUBSCRIBE NOW for $1\nPara two.", [extra])
    assert text == "Para one.\n\nPara two." and log[0]["rule"] == "promo"


@pytest.mark.parametrize("body, message", [
    ("rules:\n  - name: x\n    pattern: '('\n", "invalid regular expression"),
    ("rules:\n  - name: x\n    pattern: 'a'\n    action: delete\n", "unknown action 'delete'"),
    ("rules:\n  - name: x\n    pattern: 'a'\n    action: metadata\n    field: f\n", "(?P<value>"),
    ("rules:\n  - pattern: 'a'\n", "needs at least 'name' and 'pattern'"),
    ("nothing: here\n", "no 'rules:' list"),
    ("rules: [\n", "not valid YAML at line"),
])
def test_bad_rules_file_names_the_problem(tmp_path, body, message):
    path = tmp_path / "rules.yml"
    path.write_text(body)
    with pytest.raises(InputProblem) as info:
        load_rules(path)
    assert message in str(info.value) and str(path) in str(info.value)


def test_cleaning_log_and_summary(bundled_corpus):
    log = cleaning_log(bundled_corpus)
    assert list(log.columns) == ["doc_id", "rule", "action", "text", "start", "end"]
    raw = dict(zip(bundled_corpus.doc_id, bundled_corpus.raw_text))
    assert all(raw[r.doc_id][r.start:r.end] == r.text for r in log.itertuples())
    summary = cleaning_summary(log).set_index("rule")
    assert summary.loc["embedded_post", "matches"] == 3
    assert summary.loc["masthead", "documents"] == 1


def test_embedded_posts_marked_with_clean_offsets(bundled_corpus):
    posts = embedded_posts(bundled_corpus)
    assert posts.handle.tolist() == ["@realDonaldTrump", "@SecNielsen", "@SecNielsen"]
    text = bundled_corpus.set_index("doc_id").text["000"]
    for p in posts.itertuples():
        assert text[p.start:p.text_end].strip() == p.text
    assert posts.author.iloc[1] == "Sec. Kirstjen Nielsen"


def test_make_corpus_fixture_uses_real_cleaner():
    c = make_corpus([{"text": "{mosads}Hello."}])
    assert c.text[0] == "Hello."
