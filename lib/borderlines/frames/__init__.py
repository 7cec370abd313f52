"""Frames of sentences: which Policy Frames Codebook dimensions (Boydstun et al. 2014)
each sentence of the corpus signals, and how often per era.

- :mod:`~borderlines.frames.lexicon`: the editable lexicon ``data/lexicons/frames.yml``
  (:func:`load_frames`, :func:`frames_from_data`, :func:`add_frame_entry`);
- :mod:`~borderlines.frames.matching`: its entries found in the sentences
  (:func:`frame_matches`, :func:`sentence_frames`; titled names and exclude phrases
  do not fire);
- :mod:`~borderlines.frames.shares`: per era, the share of sentences with each frame
  with a jackknife t interval over articles, differences between eras, examples and
  triggers;

Tone (VADER) lives in :mod:`borderlines.tone`; its names are re-exported here for
code written against the single ``frames`` module.
"""

from ..tone import (MIN_TONE_SENTENCES, QUOTED_KINDS, TONE_BIN_COLUMNS, TONE_COLUMNS, TONE_ERA_COLUMNS,
                    TONE_VOICE_COLUMNS, VADER_THRESHOLD, sentence_tone, sentence_voice, tone_by_era,
                    tone_differences, tone_histogram, tone_label, tone_per_article,
                    tone_quotes_vs_narration, tone_voice_per_article, too_few_sentences)
from ..tone_fast import FastSentimentIntensityAnalyzer, fast_vader
from ..uncertainty import DEFAULT_RESAMPLES
from .lexicon import (EXCLUDE, LEXICON_COLUMNS, MATCH_MODES, LexiconError, add_frame_entry,
                      default_frames_path, frame_labels, frames_from_data, load_frames)
from .matching import (FRAME_MATCH_COLUMNS, SENTENCE_FRAME_COLUMNS, TITLE_WORDS, frame_matches,
                       sentence_frames, sentence_frames_from_matches, titled_name_spans,
                       unframed_sentences)
from .shares import (FRAME_DIFFERENCE_COLUMNS, FRAME_EXAMPLE_COLUMNS, FRAME_SHARE_COLUMNS,
                     FRAME_TRIGGER_COLUMNS, FRAMES_PER_ARTICLE_COLUMNS, frame_examples,
                     frame_share_differences, frame_shares, frame_triggers, frames_per_article)

__all__ = [
    "EXCLUDE", "LEXICON_COLUMNS", "MATCH_MODES", "LexiconError", "add_frame_entry", "default_frames_path",
    "frame_labels", "frames_from_data", "load_frames",
    "FRAME_MATCH_COLUMNS", "SENTENCE_FRAME_COLUMNS", "TITLE_WORDS", "frame_matches", "sentence_frames",
    "sentence_frames_from_matches", "titled_name_spans", "unframed_sentences",
    "FRAME_DIFFERENCE_COLUMNS", "FRAME_EXAMPLE_COLUMNS", "FRAME_SHARE_COLUMNS", "FRAME_TRIGGER_COLUMNS",
    "frame_examples", "frame_share_differences", "frame_shares", "frame_triggers",
    "FRAMES_PER_ARTICLE_COLUMNS", "frames_per_article",
    "DEFAULT_RESAMPLES",
    "FastSentimentIntensityAnalyzer", "fast_vader",
    "MIN_TONE_SENTENCES", "QUOTED_KINDS", "TONE_BIN_COLUMNS", "TONE_COLUMNS", "TONE_ERA_COLUMNS",
    "TONE_VOICE_COLUMNS", "VADER_THRESHOLD", "sentence_tone", "sentence_voice", "tone_by_era",
    "tone_differences", "tone_histogram", "tone_label", "tone_per_article", "tone_quotes_vs_narration",
    "tone_voice_per_article", "too_few_sentences",
]
