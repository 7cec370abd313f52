"""Frames lexicon (loading and validation), frame matching with multiword and lemma
entries, frame shares with intervals, examples; VADER tone, tone of quotes vs narration."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus

from borderlines import compare, frames as fr, uncertainty
from borderlines import tone as tone_mod
from borderlines.compare import MEASURE_DIFFERENCE_COLUMNS
from borderlines.files import InputProblem
from borderlines.nlp import sentence_table

CODEBOOK_FRAMES = ["security_defense", "crime", "economic_trade", "legality_courts", "political",
                   "capacity_resources", "humanitarian", "external_relations", "policy_prescription"]


# --------------------------------------------------------------------------- lexicon


def test_default_lexicon_has_the_nine_frames():
    lexicon = fr.load_frames()
    assert list(dict.fromkeys(lexicon["frame"])) == CODEBOOK_FRAMES
    entries = lexicon[lexicon["match"] != fr.EXCLUDE]
    sizes = entries.groupby("frame").size()
    assert sizes.between(30, 60).all(), sizes.to_dict()
    assert lexicon["label"].str.len().gt(0).all() and lexicon["description"].str.len().gt(20).all()
    assert set(lexicon["match"]) <= set(fr.MATCH_MODES) | {fr.EXCLUDE}
    assert {"border wall", "deport", "safe third country"} <= set(lexicon["entry"])


def write(tmp_path, body: str):
    path = tmp_path / "frames.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_duplicate_within_a_frame_names_file_line_frame_and_entry(tmp_path):
    path = write(tmp_path, """\
        frames:
          - key: crime
            label: Crime
            entries:
              - arrest
              - deport
              - arrest
          - key: legality
            label: Legality
            entries:
              - arrest
        """)
    with pytest.raises(fr.LexiconError) as info:
        fr.load_frames(path)
    assert len(info.value.problems) == 1          # the same entry in two frames is fine
    message = str(info.value)
    assert str(path) in message and "line 7" in message
    assert "frame 'crime'" in message and "entry 'arrest'" in message and "appears twice" in message


def test_two_inflections_of_one_entry_are_a_duplicate():
    data = {"frames": [{"key": "crime", "label": "Crime", "entries": ["deport", "Deported", "smuggler"]}]}
    with pytest.raises(fr.LexiconError, match="entry 'Deported': matches the same words as 'deport'"):
        fr.frames_from_data(data, "test.yml")
    # as word forms they differ
    data["frames"][0]["entries"][1] = {"phrase": "deported", "match": "word"}
    assert len(fr.frames_from_data(data, "test.yml")) == 3


def test_every_problem_is_reported_at_once(tmp_path):
    path = write(tmp_path, """\
        frames:
          - key: crime
            label: Crime
            entires:
              - arrest
          - key: Bad Key
            label: ""
            entries:
              - {phrase: wall, match: stem}
              - ""
              - {phrase: ICE, match: exact, note: agency}
        colours: red
        """)
    with pytest.raises(InputProblem) as info:
        fr.load_frames(path)
    message = str(info.value)
    for expected in ["unknown top-level field 'colours'", "frame 'crime': unknown field 'entires'",
                     "frame 'crime': has no entries", "key 'Bad Key' is missing or invalid",
                     "label is missing", "entry 'wall': unknown match 'stem'", "line 9",
                     "entry 2: empty or not text", "unknown field 'note'"]:
        assert expected in message, expected
    assert len(info.value.problems) == 8


def test_lexicon_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, "frames:\n  - key: crime\n    entries: [arrest\n")
    with pytest.raises(InputProblem, match=r"frames.yml.*not valid YAML at line"):
        fr.load_frames(path)


def test_lexicon_without_frames(tmp_path):
    with pytest.raises(fr.LexiconError, match="no 'frames:' list"):
        fr.load_frames(write(tmp_path, "- arrest\n"))
    with pytest.raises(fr.LexiconError, match="'frames' is empty"):
        fr.frames_from_data({"frames": []})


# --------------------------------------------------------------------------- matching


LEXICON = {"frames": [
    {"key": "security", "label": "Security", "entries": ["border wall", "wall", {"phrase": "ICE", "match": "exact"}]},
    {"key": "crime", "label": "Crime", "entries": ["deport", {"phrase": "trafficking", "match": "word"}]},
    {"key": "place", "label": "Place", "entries": ["united states", "border wall"]},
    {"key": "economy", "label": "Economy", "entries": ["tariff"]},
]}

MATCH_TEXT = ("They built border walls. The wall was high. Deported migrants waited. Traffic was heavy. "
              "ICE agents came. The ice melted. Officials met at the border. Wall repairs continued. "
              "They live in the United States and oppose deporting people.")


@pytest.mark.parametrize("text, expected", [
    # a lemma entry matches its inflections, any case; within a frame the longest match wins
    ("Crews repaired two walls.", {("security", "wall", "lemma", "walls")}),
    ("Crews extended the border walls.", {("security", "border wall", "lemma", "border walls"),
                                          ("place", "border wall", "lemma", "border walls")}),
    ("Deported families waited.", {("crime", "deport", "lemma", "Deported")}),
    ("They oppose deporting families.", {("crime", "deport", "lemma", "deporting")}),
    ("New tariffs hit exporters.", {("economy", "tariff", "lemma", "tariffs")}),
    ("Exporters met in the United States.", {("place", "united states", "lemma", "United States")}),
    # a word entry matches its words in any case, not other forms
    ("Trafficking rings moved south.", {("crime", "trafficking", "word", "Trafficking")}),
    ("Traffic was heavy at the crossing.", set()),
    # an exact entry matches its text as written
    ("ICE agents arrived.", {("security", "ICE", "exact", "ICE")}),
    ("The ice on the river melted.", set()),
    # a phrase never spans two sentences
    ("They waited at the border. Wall repairs began.", {("security", "wall", "lemma", "Wall")}),
])
def test_entries_match_by_mode(text, expected):
    corpus = make_corpus([{"doc_id": "x", "text": text}])
    matches = fr.frame_matches(corpus, fr.frames_from_data(LEXICON))
    assert set(zip(matches["frame"], matches["entry"], matches["mode"], matches["text"])) == expected


def matched():
    corpus = make_corpus([{"doc_id": "m1", "text": MATCH_TEXT}])
    lexicon = fr.frames_from_data(LEXICON)
    return corpus, lexicon, fr.sentence_frames(corpus, lexicon)


def test_multiword_lemma_exact_and_word_entries():
    _, _, sf = matched()
    got = {(r.sent_id, r.frame): r.triggers for r in sf.itertuples()}
    assert got == {
        (0, "security"): "border walls",      # multiword entry by lemma; "wall" inside it not again
        (0, "place"): "border walls",         # the same entry in another frame also counts
        (1, "security"): "wall",
        (2, "crime"): "Deported",             # lemma of a capitalized first word
        (4, "security"): "ICE",               # exact entry; "ice" in sentence 5 is not ICE
        (7, "security"): "Wall",              # "border. Wall" across sentences is no "border wall"
        (8, "place"): "United States",
        (8, "crime"): "deporting",
    }
    assert sf.set_index(["sent_id", "frame"]).loc[(0, "security"), "n_matches"] == 1
    assert list(sf.columns) == list(fr.SENTENCE_FRAME_COLUMNS)
    assert sf["sentence"].iloc[0] == "They built border walls."


TITLE_LEXICON = {"frames": [
    {"key": "security", "label": "Security", "entries": ["defense", "national guard", "homeland security", "troop"],
     "exclude": ["defense attorney"]},
    {"key": "diplomacy", "label": "Diplomacy", "entries": ["secretary of state", "state department", "summit"]},
    {"key": "law", "label": "Law", "entries": ["supreme court", "attorney"]},
]}


@pytest.mark.parametrize("text, expected", [
    # an entry inside a title or an office's name does not fire ...
    ("Defense Secretary Lloyd Austin flew to Ottawa on Tuesday.", set()),
    ("She spoke to Secretary of State Antony Blinken by phone.", set()),
    ("A spokesman for the Department of Homeland Security declined to comment.", set()),
    ("The Attorney General signed the order.", set()),
    ("Committee on Homeland Security members toured the port.", set()),
    # ... but the same words as the issue, or a name that is the entry itself, do
    ("Officials argued about defense spending and homeland security grants.", {("security", "defense"),
                                                                               ("security", "homeland security")}),
    ("The Ohio National Guard sent more troops.", {("security", "National Guard"), ("security", "troops")}),
    ("The Supreme Court heard the case.", {("law", "Supreme Court")}),
    ("The State Department announced a summit in Lima.", {("diplomacy", "State Department"),
                                                          ("diplomacy", "summit")}),
    # a phrase of the frame's exclude list, in any case
    ("His Defense attorney asked for more time.", {("law", "attorney")}),
    ("The secretary of state of Ohio certified the vote.", {("diplomacy", "secretary of state")}),
])
def test_entries_do_not_fire_inside_titles_names_or_excluded_phrases(text, expected):
    corpus = make_corpus([{"doc_id": "x", "text": text}])
    matches = fr.frame_matches(corpus, fr.frames_from_data(TITLE_LEXICON))
    assert set(zip(matches["frame"], matches["text"])) == expected


def test_titled_name_spans_need_a_title_word_and_two_capitalized_words():
    from borderlines.nlp import get_nlp
    doc = get_nlp()("Homeland Security matters. The Secretary Mayorkas and the Texas Rangers spoke.")
    assert [doc[s:e].text for s, e in fr.titled_name_spans(doc)] == ["Secretary Mayorkas"]


def test_exclude_lists_are_validated_and_kept_by_add_frame_entry():
    with pytest.raises(fr.LexiconError, match="exclude phrase 'Defense Attorney' appears twice"):
        fr.frames_from_data({"frames": [{"key": "s", "label": "S", "entries": ["defense"],
                                         "exclude": ["defense attorney", "Defense  Attorney"]}]})
    with pytest.raises(fr.LexiconError, match="exclude is not a list"):
        fr.frames_from_data({"frames": [{"key": "s", "label": "S", "entries": ["defense"], "exclude": "x"}]})
    lexicon = fr.add_frame_entry(fr.frames_from_data(TITLE_LEXICON), "security", "army")
    kept = lexicon[(lexicon["frame"] == "security") & (lexicon["match"] == fr.EXCLUDE)]
    assert kept["entry"].tolist() == ["defense attorney"] and "army" in set(lexicon["entry"])


def test_frame_matches_give_offsets_and_entries():
    corpus, lexicon, _ = matched()
    matches = fr.frame_matches(corpus, lexicon)
    assert all(MATCH_TEXT[s:e] == t for s, e, t in zip(matches["start"], matches["end"], matches["text"]))
    row = matches[(matches["frame"] == "security") & (matches["sent_id"] == 0)].iloc[0]
    assert (row["entry"], row["mode"], row["text"]) == ("border wall", "lemma", "border walls")
    assert "Traffic" not in set(matches["text"])     # word entry "trafficking" only


def test_unframed_sentences():
    corpus, _, sf = matched()
    sentences = sentence_table(corpus)
    unframed = fr.unframed_sentences(sf, sentences)
    assert list(unframed["sent_id"]) == [3, 5, 6]
    assert len(unframed) + sf[["doc_id", "sent_id"]].drop_duplicates().shape[0] == len(sentences)


def share_corpus():
    return make_corpus([
        {"doc_id": "a1", "text": "A wall. Deported. Nothing. Nothing else."},
        {"doc_id": "a2", "text": "Another wall. Quiet."},
        {"doc_id": "b1", "text": "Deported. Calm.", "era": "biden"},
    ])


def test_frame_shares_with_intervals_and_empty_frames():
    corpus = share_corpus()
    lexicon = fr.frames_from_data(LEXICON)
    sentences = sentence_table(corpus)
    sf = fr.sentence_frames(corpus, lexicon, sentences)
    shares = compare.frames.frame_shares(sf, sentences, corpus, frames=lexicon, seed=1)
    assert list(shares.columns) == list(compare.frames.FRAME_SHARE_COLUMNS)
    assert len(shares) == 2 * 4 and list(dict.fromkeys(shares["era"])) == ["trump_1", "biden"]
    s = shares.set_index(["era", "frame"])
    sec = s.loc[("trump_1", "security")]
    assert (sec["n_framed"], sec["n_sentences"], sec["n_articles"]) == (2, 6, 2)
    assert sec["estimate"] == pytest.approx(2 / 6)
    assert np.isnan(sec["ci_low"]) and sec["note"] == "fewer than 3 articles: no interval"  # two articles
    crime_b = s.loc[("biden", "crime")]
    assert crime_b["estimate"] == pytest.approx(1 / 2) and crime_b["note"] == "one article: no interval"
    assert np.isnan(crime_b["ci_low"])
    assert s.loc[("biden", "economy"), "estimate"] == 0       # listed although nothing matched
    # without the lexicon only frames that matched are listed
    assert set(compare.frames.frame_shares(sf, sentences, corpus)["frame"]) == {"security", "crime"}
    again = compare.frames.frame_shares(sf, sentences, corpus, frames=lexicon, seed=1)
    pd.testing.assert_frame_equal(shares, again)


def test_frame_examples_rank_by_triggers():
    corpus = make_corpus([{"doc_id": "e1", "text": "A wall. A wall and a border wall and ICE. Wall, wall."}])
    sf = fr.sentence_frames(corpus, fr.frames_from_data(LEXICON))
    examples = compare.frames.frame_examples(sf, n=2)
    sec = examples[examples["frame"] == "security"]
    assert list(sec["rank"]) == [1, 2]
    assert list(sec["sent_id"]) == [1, 2]       # three triggers (3 distinct), then two
    assert list(examples.columns) == list(compare.frames.FRAME_EXAMPLE_COLUMNS)


def test_bundled_corpus_frames(bundled_corpus):
    sentences = sentence_table(bundled_corpus)
    sf = fr.sentence_frames(bundled_corpus, sentences=sentences)
    assert set(sf["frame"]) == set(CODEBOOK_FRAMES)
    shares = compare.frames.frame_shares(sf, sentences, bundled_corpus, frames=fr.load_frames())
    assert shares["estimate"].between(0, 1).all()
    biden = shares[shares["era"] == "biden"]
    assert (biden["note"] == "one article: no interval").all()


# --------------------------------------------------------------------------- tone


TONE_TEXT = ("Officials met on Tuesday. “This is a terrible, horrible disaster,” she said. "
             "The plan was a “great” success, according to reports.")


def tone_corpus():
    return make_corpus([{"doc_id": "t1", "text": TONE_TEXT},
                        {"doc_id": "b1", "text": "What a wonderful day. It was fine.", "era": "biden"}])


def test_sentence_tone_uses_vader_scores_and_thresholds():
    tone = tone_mod.sentence_tone(tone_corpus())
    assert list(tone.columns) == list(tone_mod.TONE_COLUMNS)
    t1 = tone[tone["doc_id"] == "t1"].set_index("sent_id")
    assert t1.loc[0, "tone"] == "neutral" and t1.loc[0, "compound"] == 0
    assert t1.loc[1, "tone"] == "negative" and t1.loc[1, "compound"] < -0.5
    assert t1.loc[2, "tone"] == "positive"
    assert np.allclose(tone[["pos", "neu", "neg"]].sum(axis=1), 1, atol=0.01)
    assert [tone_mod.tone_label(x) for x in (0.05, 0.049, -0.05)] == ["positive", "neutral", "negative"]


def test_tone_by_era():
    tone = tone_mod.sentence_tone(tone_corpus())
    by_era = compare.tone.tone_by_era(tone, seed=3).set_index("era")
    assert list(by_era.reset_index().columns) == list(compare.tone.TONE_ERA_COLUMNS)
    trump = tone[tone["era"] == "trump_1"]["compound"]
    assert by_era.loc["trump_1", "estimate"] == pytest.approx(trump.mean())
    assert by_era.loc["trump_1", "median"] == pytest.approx(trump.median())
    assert by_era.loc["trump_1", "n_sentences"] == 3 and by_era.loc["biden", "n_sentences"] == 2
    shares = by_era[["share_positive", "share_neutral", "share_negative"]].sum(axis=1)
    assert np.allclose(shares, 1)
    assert by_era["too_few_sentences"].all()        # 3 and 2 sentences, under the default 20
    assert by_era.loc["biden", "note"] == "one article: no interval; too few sentences (2, under 20): not a finding"
    assert "too few sentences" in uncertainty.format_estimate(by_era.loc["biden"])
    enough = compare.tone.tone_by_era(tone, seed=3, min_sentences=2).set_index("era")
    assert not enough["too_few_sentences"].any() and (enough["note"] == "one article: no interval").all()
    assert enough.loc["trump_1", "estimate"] == by_era.loc["trump_1", "estimate"]   # flagged, not changed


def test_tone_by_voice_flags_too_few_sentences():
    tone = tone_mod.sentence_tone(tone_corpus())
    result = compare.tone.tone_quotes_vs_narration(tone, quotes_table(), min_sentences=2).set_index(["era", "voice"])
    assert bool(result.loc[("trump_1", "quote"), "too_few_sentences"])          # one quoted sentence
    assert not result.loc[("trump_1", "narration"), "too_few_sentences"]        # two narrated ones
    assert "too few sentences (1, under 2)" in result.loc[("trump_1", "quote"), "note"]
    assert result.loc[("biden", "quote"), "note"] == "no articles"              # nothing to flag


def quotes_table():
    first = TONE_TEXT.index("“This")
    first_end = TONE_TEXT.index("”", first) + 1
    great = TONE_TEXT.index("“great”")
    return pd.DataFrame({
        "doc_id": ["t1", "t1", "t1"],
        "start": [first, first + 1, great],           # the second span lies inside the first
        "end": [first_end, first + 10, great + len("“great”")],
        "speaker": ["she", "she", ""],
    })


def test_sentences_are_quote_or_narration_by_overlap():
    tone = tone_mod.sentence_tone(tone_corpus())
    voiced = tone_mod.sentence_voice(tone, quotes_table()).set_index(["doc_id", "sent_id"])
    quote = voiced.loc[("t1", 1)]
    span = TONE_TEXT.index("”") + 1 - TONE_TEXT.index("“This")
    assert quote["quote_chars"] == span                 # nested spans counted once
    assert quote["voice"] == "quote"
    assert voiced.loc[("t1", 2), "voice"] == "narration"    # a scare quote is not a quotation
    assert voiced.loc[("t1", 0), "quote_chars"] == 0
    assert (voiced.loc["b1", "voice"] == "narration").all()
    strict = tone_mod.sentence_voice(tone, quotes_table(), min_overlap=0.9)
    assert (strict["voice"] == "narration").all()


def test_only_quoted_kinds_count_when_quotes_have_kinds():
    tone = tone_mod.sentence_tone(tone_corpus())
    quotes = quotes_table().assign(kind=["indirect", "indirect", "partial"])
    assert (tone_mod.sentence_voice(tone, quotes)["voice"] == "narration").all()
    every = tone_mod.sentence_voice(tone, quotes, kinds=None).set_index(["doc_id", "sent_id"])
    assert every.loc[("t1", 1), "voice"] == "quote"
    direct = tone_mod.sentence_voice(tone, quotes.assign(kind=["direct", "direct", "partial"]))
    assert list(direct.loc[direct["voice"] == "quote", "sent_id"]) == [1]


def test_tone_quotes_vs_narration():
    tone = tone_mod.sentence_tone(tone_corpus())
    result = compare.tone.tone_quotes_vs_narration(tone, quotes_table()).set_index(["era", "voice"])
    assert list(result.reset_index().columns) == list(compare.tone.TONE_VOICE_COLUMNS)
    t1 = tone[tone["doc_id"] == "t1"].set_index("sent_id")["compound"]
    assert result.loc[("trump_1", "quote"), "estimate"] == pytest.approx(t1[1])
    assert result.loc[("trump_1", "narration"), "estimate"] == pytest.approx((t1[0] + t1[2]) / 2)
    assert result.loc[("trump_1", "narration"), "n_sentences"] == 2
    no_quotes = result.loc[("biden", "quote")]
    assert no_quotes["n_articles"] == 0 and no_quotes["note"] == "no articles"
    with pytest.raises(ValueError, match="lacks column.*end"):
        compare.tone.tone_quotes_vs_narration(tone, quotes_table().drop(columns="end"))


# --------------------------------------------------------------------------- helpers for the framing notebook


def test_sentence_frames_from_matches_equals_sentence_frames(bundled_corpus):
    sentences = sentence_table(bundled_corpus)
    lexicon = fr.load_frames()
    matches = fr.frame_matches(bundled_corpus, lexicon, sentences)
    pd.testing.assert_frame_equal(fr.sentence_frames_from_matches(matches, sentences, lexicon),
                                  fr.sentence_frames(bundled_corpus, lexicon, sentences))


def test_frame_triggers_count_matches_sentences_and_forms():
    corpus = make_corpus([
        {"doc_id": "t1", "text": "They built border walls. The wall and another wall stood. Deported men."},
        {"doc_id": "b1", "text": "Deporting, deported: deport.", "era": "biden"},
    ])
    lexicon = fr.frames_from_data(LEXICON)
    triggers = compare.frames.frame_triggers(fr.frame_matches(corpus, lexicon), lexicon, eras=["trump_1", "biden"])
    assert list(triggers.columns) == list(compare.frames.FRAME_TRIGGER_COLUMNS)
    rows = {(r.era, r.frame, r.entry): (r.n_matches, r.n_sentences, r.forms) for r in triggers.itertuples()}
    assert rows[("trump_1", "security", "wall")] == (2, 1, "wall")
    assert rows[("trump_1", "security", "border wall")] == (1, 1, "border walls")
    assert rows[("biden", "crime", "deport")] == (3, 1, "deport; deported; deporting")
    # eras in the order given, frames in lexicon order, most matches first
    assert list(triggers["era"]) == sorted(triggers["era"], key=["trump_1", "biden"].index)
    sec = triggers[(triggers["era"] == "trump_1") & (triggers["frame"] == "security")]
    assert list(sec["entry"]) == ["wall", "border wall"]
    assert compare.frames.frame_triggers(fr.frame_matches(corpus, lexicon), lexicon, eras=["trump_2"]).empty
    assert compare.frames.frame_triggers(fr.frame_matches(corpus, lexicon), max_forms=1).loc[
        lambda t: t["entry"] == "deport", "forms"].tolist() == ["deported", "deport"]


def test_frame_share_differences():
    corpus = share_corpus()
    lexicon = fr.frames_from_data(LEXICON)
    sentences = sentence_table(corpus)
    sf = fr.sentence_frames(corpus, lexicon, sentences)
    shares = compare.frames.frame_shares(sf, sentences, corpus, frames=lexicon, seed=1)
    diffs = compare.frames.frame_share_differences(sf, sentences, corpus, "trump_1", "biden", frames=lexicon, seed=1)
    assert list(diffs.columns) == [*compare.frames.FRAME_DIFFERENCE_COLUMNS, *(c for c in MEASURE_DIFFERENCE_COLUMNS
                                                                  if c != "label")] and len(diffs) == 4
    assert diffs.set_index("frame").loc["crime", "definition"].startswith(
        f"share of the era's sentences with at least one entry of the frame '{diffs.set_index('frame').loc['crime', 'label']}'")
    s = shares.set_index(["era", "frame"])["estimate"]
    row = diffs.set_index("frame").loc["crime"]
    assert row["estimate"] == pytest.approx(s[("biden", "crime")] - s[("trump_1", "crime")])
    assert (row["n_framed_a"], row["n_framed_b"]) == (1, 1)
    # two articles against one: no interval, and no p below 1/3
    assert np.isnan(row["low"]) and "too few articles" in row["note"] and row["p_min"] == pytest.approx(1 / 3)
    assert diffs["estimate"].abs().is_monotonic_decreasing
    missing = compare.frames.frame_share_differences(sf, sentences, corpus, "trump_1", "trump_2", frames=lexicon)
    assert missing["estimate"].isna().all() and (missing["n_framed_b"] == 0).all()
    with pytest.raises(ValueError, match="both 'biden'"):
        compare.frames.frame_share_differences(sf, sentences, corpus, "biden", "biden")


def test_tone_histogram_bins_and_shares():
    tone = pd.DataFrame({"era": ["a", "a", "a", "a", "b"], "compound": [-1.0, -0.05, 0.0, 1.0, 0.3]})
    hist = compare.tone.tone_histogram(tone, bins=4, eras=["a", "b", "c"])
    assert list(hist.columns) == list(compare.tone.TONE_BIN_COLUMNS) and len(hist) == 12
    a = hist[hist["era"] == "a"]
    assert list(a["bin_start"]) == [-1.0, -0.5, 0.0, 0.5]
    assert list(a["n_sentences"]) == [1, 1, 1, 1]                  # 1.0 falls in the last bin
    assert a["share"].sum() == pytest.approx(1)
    assert hist[hist["era"] == "c"]["share"].isna().all()
    with pytest.raises(ValueError):
        compare.tone.tone_histogram(tone, bins=0)
