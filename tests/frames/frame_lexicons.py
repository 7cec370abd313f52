"""Small frame lexicons and corpora shared by the frame tests (written for the tests,
not taken from the bundled articles). The test files of this folder import it as
``frame_lexicons`` (pytest puts a test file's folder on ``sys.path``)."""

from __future__ import annotations

from conftest import make_corpus

#: The nine frames of the default lexicon, in its order (Policy Frames Codebook).
CODEBOOK_FRAMES = ["security_defense", "crime", "economic_trade", "legality_courts", "political",
                   "capacity_resources", "humanitarian", "external_relations", "policy_prescription"]

#: One entry of each match mode; "border wall" in two frames.
LEXICON = {"frames": [
    {"key": "security", "label": "Security", "entries": ["border wall", "wall", {"phrase": "ICE", "match": "exact"}]},
    {"key": "crime", "label": "Crime", "entries": ["deport", {"phrase": "trafficking", "match": "word"}]},
    {"key": "place", "label": "Place", "entries": ["united states", "border wall"]},
    {"key": "economy", "label": "Economy", "entries": ["tariff"]},
]}

#: Entries that are also words of titles and office names, and an exclude phrase.
TITLE_LEXICON = {"frames": [
    {"key": "security", "label": "Security", "entries": ["defense", "national guard", "homeland security", "troop"],
     "exclude": ["defense attorney"]},
    {"key": "diplomacy", "label": "Diplomacy", "entries": ["secretary of state", "state department", "summit"]},
    {"key": "law", "label": "Law", "entries": ["supreme court", "attorney"]},
]}


def share_corpus():
    """Two Trump-era articles (a1, a2) and one Biden-era article (b1) of short sentences."""
    return make_corpus([
        {"doc_id": "a1", "text": "A wall. Deported. Nothing. Nothing else."},
        {"doc_id": "a2", "text": "Another wall. Quiet."},
        {"doc_id": "b1", "text": "Deported. Calm.", "era": "biden"},
    ])
