"""The frame lexicon (borderlines.frames.lexicon): the default lexicon, and a lexicon file's
problems reported with file, line, frame and entry."""

from __future__ import annotations

import textwrap

import pytest
from frame_lexicons import CODEBOOK_FRAMES, TITLE_LEXICON

from borderlines import frames as fr
from borderlines.files import InputProblem


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


def test_exclude_lists_are_validated_and_kept_by_add_frame_entry():
    with pytest.raises(fr.LexiconError, match="exclude phrase 'Defense Attorney' appears twice"):
        fr.frames_from_data({"frames": [{"key": "s", "label": "S", "entries": ["defense"],
                                         "exclude": ["defense attorney", "Defense  Attorney"]}]})
    with pytest.raises(fr.LexiconError, match="exclude is not a list"):
        fr.frames_from_data({"frames": [{"key": "s", "label": "S", "entries": ["defense"], "exclude": "x"}]})
    lexicon = fr.add_frame_entry(fr.frames_from_data(TITLE_LEXICON), "security", "army")
    kept = lexicon[(lexicon["frame"] == "security") & (lexicon["match"] == fr.EXCLUDE)]
    assert kept["entry"].tolist() == ["defense attorney"] and "army" in set(lexicon["entry"])
