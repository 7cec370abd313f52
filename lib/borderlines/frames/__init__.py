"""Frames of sentences: which Policy Frames Codebook dimensions (Boydstun et al. 2014)
each sentence of the corpus signals.

- :mod:`~borderlines.frames.lexicon`: the editable lexicon ``data/lexicons/frames.yml``
  (:func:`load_frames`, :func:`frames_from_data`, :func:`add_frame_entry`);
- :mod:`~borderlines.frames.matching`: its entries found in the sentences
  (:func:`frame_matches`, :func:`sentence_frames`; titled names and exclude phrases
  do not fire).

Frame shares per era, their differences, triggers and examples are in
:mod:`borderlines.compare.frames`; tone (VADER) in :mod:`borderlines.tone` and, per era,
:mod:`borderlines.compare.tone`.
"""

from .lexicon import (EXCLUDE, LEXICON_COLUMNS, MATCH_MODES, LexiconError, add_frame_entry,
                      default_frames_path, frame_labels, frames_from_data, load_frames)
from .matching import (FRAME_MATCH_COLUMNS, SENTENCE_FRAME_COLUMNS, TITLE_WORDS, frame_matches,
                       sentence_frames, sentence_frames_from_matches, titled_name_spans,
                       unframed_sentences)

__all__ = [
    "EXCLUDE", "LEXICON_COLUMNS", "MATCH_MODES", "LexiconError", "add_frame_entry", "default_frames_path",
    "frame_labels", "frames_from_data", "load_frames",
    "FRAME_MATCH_COLUMNS", "SENTENCE_FRAME_COLUMNS", "TITLE_WORDS", "frame_matches", "sentence_frames",
    "sentence_frames_from_matches", "titled_name_spans", "unframed_sentences",
]
