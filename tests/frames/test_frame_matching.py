"""Frame entries found in sentences (borderlines.frames.matching), as tables of
(text, expected matches) run through :func:`frame_matches` on a one-article corpus,
then the sentence table built from the matches."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import make_corpus
from frame_lexicons import LEXICON, TITLE_LEXICON

from borderlines import frames as fr
from borderlines.nlp import get_nlp, sentence_table


def matches_of(text: str, lexicon: dict) -> pd.DataFrame:
    """The frame matches (``FRAME_MATCH_COLUMNS``) of one article with ``text``."""
    return fr.frame_matches(make_corpus([{"doc_id": "x", "text": text}]), fr.frames_from_data(lexicon))


BY_MODE = [
    # a lemma entry matches its inflections, any case; within a frame the longest match wins
    pytest.param("Crews repaired two walls.", {("security", "wall", "lemma", "walls")}, id="lemma-plural"),
    pytest.param("Crews extended the border walls.", {("security", "border wall", "lemma", "border walls"),
                                                      ("place", "border wall", "lemma", "border walls")},
                 id="multiword-lemma-longest-wins-in-two-frames"),
    pytest.param("Deported families waited.", {("crime", "deport", "lemma", "Deported")},
                 id="lemma-capitalized-first-word"),
    pytest.param("They oppose deporting families.", {("crime", "deport", "lemma", "deporting")}, id="lemma-gerund"),
    pytest.param("New tariffs hit exporters.", {("economy", "tariff", "lemma", "tariffs")}, id="lemma-noun-plural"),
    pytest.param("Exporters met in the United States.", {("place", "united states", "lemma", "United States")},
                 id="lemma-name-any-case"),
    # a word entry matches its words in any case, not other forms
    pytest.param("Trafficking rings moved south.", {("crime", "trafficking", "word", "Trafficking")},
                 id="word-any-case"),
    pytest.param("Traffic was heavy at the crossing.", set(), id="word-not-other-forms"),
    # an exact entry matches its text as written
    pytest.param("ICE agents arrived.", {("security", "ICE", "exact", "ICE")}, id="exact-as-written"),
    pytest.param("The ice on the river melted.", set(), id="exact-not-lower-case"),
    # a phrase never spans two sentences
    pytest.param("They waited at the border. Wall repairs began.", {("security", "wall", "lemma", "Wall")},
                 id="no-phrase-across-sentences"),
]


@pytest.mark.parametrize("text, expected", BY_MODE)
def test_entries_match_by_mode(text, expected):
    matches = matches_of(text, LEXICON)
    assert set(zip(matches["frame"], matches["entry"], matches["mode"], matches["text"])) == expected


TITLES_AND_EXCLUDES = [
    # an entry inside a title or an office's name does not fire ...
    pytest.param("Defense Secretary Lloyd Austin flew to Ottawa on Tuesday.", set(), id="title-before-a-name"),
    pytest.param("She spoke to Secretary of State Antony Blinken by phone.", set(), id="multiword-title"),
    pytest.param("A spokesman for the Department of Homeland Security declined to comment.", set(),
                 id="department-name"),
    pytest.param("The Attorney General signed the order.", set(), id="office-title"),
    pytest.param("Committee on Homeland Security members toured the port.", set(), id="committee-name"),
    # ... but the same words as the issue, or a name that is the entry itself, do
    pytest.param("Officials argued about defense spending and homeland security grants.",
                 {("security", "defense"), ("security", "homeland security")}, id="same-words-as-the-issue"),
    pytest.param("The Ohio National Guard sent more troops.", {("security", "National Guard"), ("security", "troops")},
                 id="name-that-is-the-entry"),
    pytest.param("The Supreme Court heard the case.", {("law", "Supreme Court")}, id="court-name-is-the-entry"),
    pytest.param("The State Department announced a summit in Lima.",
                 {("diplomacy", "State Department"), ("diplomacy", "summit")}, id="department-is-the-entry"),
    # a phrase of the frame's exclude list, in any case
    pytest.param("His Defense attorney asked for more time.", {("law", "attorney")}, id="excluded-phrase"),
    pytest.param("The secretary of state of Ohio certified the vote.", {("diplomacy", "secretary of state")},
                 id="lower-case-title-is-the-entry"),
]


@pytest.mark.parametrize("text, expected", TITLES_AND_EXCLUDES)
def test_entries_do_not_fire_inside_titles_names_or_excluded_phrases(text, expected):
    matches = matches_of(text, TITLE_LEXICON)
    assert set(zip(matches["frame"], matches["text"])) == expected


TITLED_NAMES = [
    # a titled name needs a title word and two capitalized words
    pytest.param("Homeland Security matters. The Secretary Mayorkas and the Texas Rangers spoke.",
                 ["Secretary Mayorkas"], id="title-word-and-two-capitalized-words"),
    pytest.param("Homeland Security matters.", [], id="no-title-word"),
    pytest.param("The Texas Rangers won.", [], id="capitalized-words-without-a-title"),
    pytest.param("The minister spoke.", [], id="title-alone"),
    pytest.param("Senator Cruz agreed.", ["Senator Cruz"], id="title-and-surname"),
    pytest.param("The Border Patrol Chief Raul Ortiz said so.", ["Border Patrol Chief Raul Ortiz"],
                 id="leading-the-left-out"),
    pytest.param("Governor Greg Abbott and Ambassador Ken Salazar met.",
                 ["Governor Greg Abbott and Ambassador Ken Salazar"], id="and-joins-a-run"),
]


@pytest.mark.parametrize("text, expected", TITLED_NAMES)
def test_titled_name_spans(text, expected):
    doc = get_nlp()(text)
    assert [doc[s:e].text for s, e in fr.titled_name_spans(doc)] == expected


# --- one article of several sentences: the sentence table and offsets ----------------

MATCH_TEXT = ("They built border walls. The wall was high. Deported migrants waited. Traffic was heavy. "
              "ICE agents came. The ice melted. Officials met at the border. Wall repairs continued. "
              "They live in the United States and oppose deporting people.")


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


def test_sentence_frames_from_matches_equals_sentence_frames(bundled_corpus):
    sentences = sentence_table(bundled_corpus)
    lexicon = fr.load_frames()
    matches = fr.frame_matches(bundled_corpus, lexicon, sentences)
    pd.testing.assert_frame_equal(fr.sentence_frames_from_matches(matches, sentences, lexicon),
                                  fr.sentence_frames(bundled_corpus, lexicon, sentences))
