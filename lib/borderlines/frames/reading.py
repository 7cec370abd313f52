"""Everything the language and framing analysis reads from a corpus, parsed once per batch."""

from __future__ import annotations

import pandas as pd

from ..nlp import sentence_table
from ..tone import QUOTED_KINDS, sentence_tone
from .lexicon import load_frames
from .matching import frame_matches

#: The tables of :func:`language_tables`.
LANGUAGE_TABLES = {
    "tokens": "borderlines.terms.token_table",
    "sentences": "borderlines.nlp.sentence_table",
    "matches": "frame_matches (every trigger of every frame)",
    "tone": "sentence_tone (VADER scores of every sentence)",
    "quotes": "borderlines.quotes.extract_quotes of kinds QUOTED_KINDS (quotes vs narration)",
}


def language_tables(corpus: pd.DataFrame, frames: pd.DataFrame | None = None, batch_size: int = 250,
                    progress: bool = False) -> dict[str, pd.DataFrame]:
    """Everything the language and framing analysis reads from the articles
    (:data:`LANGUAGE_TABLES`), each batch of ``batch_size`` articles parsed once and the
    parse shared by every step, with a progress bar over articles (``progress``). The
    tables equal those of the functions named, run on the whole corpus."""
    from ..nlp import parse_texts
    from ..progress import in_batches
    from ..quotes import extract_quotes
    from ..terms import concat_tokens, token_table

    if not len(corpus):
        raise ValueError("the corpus has no articles: there is nothing to read")
    frames = load_frames() if frames is None else frames

    def extract(batch):
        docs = parse_texts(batch["text"])
        sentences = sentence_table(batch, docs=docs)
        return {"tokens": token_table(batch, docs=docs), "sentences": sentences,
                "matches": frame_matches(batch, frames, sentences, docs=docs),
                "tone": sentence_tone(batch, sentences),
                "quotes": extract_quotes(batch, kinds=QUOTED_KINDS, sentences=sentences, docs=docs)}

    return in_batches(corpus, extract, batch_size, progress, combine={"tokens": concat_tokens})
