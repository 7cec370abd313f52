"""Quotations and reported speech in the articles, and who said them.

:func:`extract_quotes` returns one row per quote (:data:`QUOTE_COLUMNS`):

* ``direct``: a clause or more inside double quotation marks (curly, straight or mixed,
  across sentences). A quotation split by its attribution ("“A,” he said. “B.”") gives a
  row per part, with one speaker and one ``group``.
* ``partial``: a short quoted phrase woven into the reporter's sentence ("called the
  trends “substantial and real”").
* ``embedded``: a post reproduced without quotation marks and signed
  "— Name (@handle) date" (found by :func:`borderlines.cleaning.embedded_posts`).
* ``indirect``: reported speech: "X said (that) ...", "..., X said", "according to X".

``start``/``end`` are character offsets into the article's clean ``text`` of the quote
itself (no quotation marks, no trailing comma; for posts the text without the signature;
for indirect speech the reported clause), so ``text[start:end] == quote`` always.

Speakers are found by rules only (no statistical model is needed): names, titles,
surnames, appositives and institutions from ``data/actors.csv`` matched by a spaCy
``EntityRuler`` on accent-folded text (López Obrador = Lopez Obrador); unlisted people
introduced by a title, an appositive or a speech verb; groups ("U.S. officials", "a
spokeswoman for the Foreign Ministry"); pronouns, "the agency" and "the president"
resolved to the most recent fitting person or institution. The speaker is named after
the closing mark (“...,” he said / said Brown) or by the speech verb before the opening
mark (Pompeo added that “...”); the parts of a split or continued quotation share it.
Speakers missing from the actors table keep role ``unknown``; :func:`unknown_speakers`
lists them. Bad text is flagged, never fatal: see the ``flags`` column.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import spacy
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler

from .cleaning import embedded_posts
from .io import InputProblem, read_csv_strings
from .nlp import doc_sentences, get_nlp, is_word
from .paths import default_actors
from .patterns import trie_pattern
from .problems import Problem

# --------------------------------------------------------------------------- vocabularies

#: Role categories of ``data/actors.csv``; speakers not in the table get ``unknown``.
ROLES = {
    "us_executive": "US president, vice president, cabinet, White House and their offices",
    "us_agency": "US federal agencies and their officials (CBP, Border Patrol, ATF)",
    "us_congress_or_state": "Congress, its members, state and local governments",
    "mexico_government": "Mexican federal government, ministries and officials",
    "central_america_government": "governments and officials of Central American countries",
    "international_org": "UN agencies and other international organisations",
    "expert_or_ngo": "analysts, think tanks, advocacy and rights groups",
    "other": "anyone else listed",
}
UNKNOWN_ROLE = "unknown"

#: What an actor is: decides which pronouns can refer to it.
ACTOR_TYPES = {
    "person": "one person (he/she)",
    "institution": "a government, ministry, agency or organisation (it)",
    "group": "unnamed people speaking together, e.g. 'U.S. officials' (they)",
}

#: Columns of :func:`load_actors` (and of ``data/actors.csv``).
ACTOR_COLUMNS = {
    "name": "canonical name, used as the speaker (unique)",
    "aliases": "other spellings, separated by '|': full names, surnames, handles (@name); "
               "accents never matter; an all-lowercase alias also matches capitalized",
    "role": "role category, one of ROLES",
    "country": "country of the speaker ('US', 'Mexico', 'Honduras', ..., 'international'; '' unknown)",
    "type": "person | institution | group (optional column; default person)",
    "gender": "f | m | '' (optional column; lets she/he find the right person)",
    "notes": "free text for the researcher (optional column)",
}
_REQUIRED_ACTOR_COLUMNS = ("name", "aliases", "role", "country")
_OPTIONAL_ACTOR_COLUMNS = {"type": "person", "gender": "", "notes": ""}

#: Kinds of quotes, in the order rows are sorted when at the same offset.
KINDS = ("direct", "partial", "embedded", "indirect")

#: Attribution methods and the base confidence of each (explicit name adjacent > title +
#: name > surname > pronoun > institution > none).
METHOD_CONFIDENCE = {
    "tweet_signature": 0.98,
    "name": 0.95,
    "title_name": 0.9,
    "appositive": 0.9,
    "surname": 0.85,
    "pronoun": 0.7,
    "institution": 0.6,
    "none": 0.0,
}
#: Multipliers applied to the base confidence for each flag (and for indirect speech).
FLAG_CONFIDENCE = {
    "split_quote": 0.95,
    "inherited_speaker": 0.8,
    "unclosed_quote": 0.8,
    "ambiguous_alias": 0.8,
    "indirect": 0.9,
}
_UNRESOLVED_PRONOUN_CONFIDENCE = 0.2

#: Columns of :func:`extract_quotes` (the interface columns first, in this order).
QUOTE_COLUMNS = {
    "doc_id": "article id",
    "kind": "direct | partial | embedded | indirect",
    "quote": "the quoted words (text[start:end]): no quotation marks, no trailing comma",
    "start": "offset of the quote in the article's clean text (characters)",
    "end": "end offset (exclusive) in the clean text (characters)",
    "sentence": "the sentence(s) holding the quote; for posts, the whole signed post",
    "speaker_mention": "the words that name the speaker, as written ('he', 'Mexican President "
                       "Andres Manuel Lopez Obrador', 'Donald J. Trump (@realDonaldTrump)')",
    "speaker": "canonical name from the actors table; the name as written for unlisted "
               "speakers; '' when unattributed",
    "role": "role category (ROLES) or 'unknown' (unlisted or unattributed)",
    "country": "speaker's country; '' when unknown",
    "method": "how the speaker was found: name (full name), title_name (title + name), surname, "
              "appositive (name, a role, said), pronoun (also a title alone: 'the president'), "
              "institution (also groups: 'U.S. officials'), tweet_signature, or none",
    "confidence": "0–1: the method's METHOD_CONFIDENCE times FLAG_CONFIDENCE of each flag",
    "flags": "'|'-separated warnings: unclosed_quote, continues_paragraph, continued_quote, "
             "mixed_marks, nested_quote, split_quote, inherited_speaker, unresolved_pronoun, "
             "ambiguous_alias, contains_quote; '' when none",
    "paragraph": "0-based paragraph of the quote's start",
    "sent_id": "0-based sentence (as in the sentence table) of the quote's start",
    "group": "0-based quotation number within the article; parts of one quotation "
             "(split by the attribution or continued across paragraphs) share it",
    "speaker_start": "offset of the speaker mention in the clean text (-1 when none)",
    "speaker_end": "end offset of the speaker mention (-1 when none)",
}

_TITLE_WORDS = (
    "President", "Vice", "Secretary", "Sec.", "Minister", "Commissioner", "Gov.", "Governor",
    "Sen.", "Senator", "Rep.", "Representative", "Mr.", "Mrs.", "Ms.", "Miss", "Dr.",
    "Director", "Ambassador", "Mayor", "Chief", "Adviser", "Advisor", "Spokesman",
    "Spokeswoman", "Spokesperson", "Speaker", "Leader", "Chancellor", "Judge", "Justice",
    "Gen.", "General", "Lt.", "Col.", "Adm.", "Commander", "Chairman", "Chairwoman", "Chair",
    "Undersecretary", "Premier", "Envoy", "Administrator", "Coordinator", "Officer",
    "Attorney", "Prosecutor", "Bishop", "Father", "Sheriff",
)
_CORE_TITLES = frozenset(_TITLE_WORDS)
_FEMALE_TITLES = frozenset({"Mrs.", "Ms.", "Miss", "Spokeswoman", "Chairwoman"})
_MALE_TITLES = frozenset({"Mr.", "Spokesman", "Chairman", "Father"})
# Capitalized words that start sentences or clauses, never part of a title or a name.
_FUNCTION_CAPS = frozenset("""A An The But And Or In On At As When While After Before
    Meanwhile Later Earlier Shortly Last This That These Those Then Also However Still Yet
    Since If Though Although During Like With From To For By Of Over Among According Even
    Only Now So Here There It He She They We I His Her Their Its Our My Your Despite
    Because Until Unless Whether Why What Who How Where Which Some Many Most Several
    Other Another Each Every No Not Both Either Neither Instead Indeed Thus Next First
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan. Feb. Mar. Apr. Aug.
    Sept. Sep. Oct. Nov. Dec. Mexican American U.S. US Central North South East West
    Southern Northern New El Los Las San Santa Fort Port Lake Mount Saint St. Texas""".split())
_ORG_KEYWORDS = ("Ministry", "Department", "Office", "Agency", "Commission", "Council",
                 "Institute", "Embassy", "Patrol", "Police", "Court", "Party", "Committee",
                 "Administration", "Government", "Organization", "Organisation", "Bureau",
                 "Service", "Center", "Centre", "Union", "Association", "Coalition",
                 "Network", "Foundation", "Forum", "Secretariat", "Senate", "Congress",
                 "Army", "Navy", "Guard", "Watch", "Fund", "Bank", "University", "Caucus",
                 "Cabinet", "Parliament", "Assembly", "Tribunal", "Alliance", "Federation")
_ROLE_NOUNS = ("analyst", "expert", "secretary", "leader", "director", "spokesman",
               "spokeswoman", "spokesperson", "official", "adviser", "advisor", "lawyer",
               "attorney", "professor", "researcher", "fellow", "president", "minister",
               "commissioner", "chief", "head", "senator", "representative", "governor",
               "mayor", "ambassador", "activist", "advocate", "founder", "executive",
               "economist", "scholar", "journalist", "reporter", "author", "member",
               "chairman", "chairwoman", "chair", "deputy", "manager", "coordinator",
               "officer", "agent", "migrant", "mother", "father", "resident", "worker",
               "priest", "pastor", "volunteer", "organizer", "candidate", "lawmaker", "judge",
               "consultant", "strategist", "specialist", "historian", "negotiator", "envoy",
               "diplomat", "owner", "student", "teacher", "farmer", "doctor", "nurse",
               "asylum seeker", "correspondent", "administrator", "commander", "sheriff")
# Nouns after which "of X" still names the speaker ("the office of the U.N. refugee agency").
_ORG_HEADS = frozenset({"office", "ministry", "spokesman", "spokeswoman", "spokesperson", "head",
                        "chief", "director", "leader", "secretary", "minister", "department",
                        "agency", "embassy", "government", "delegation", "representative",
                        "president", "members", "member", "staff"})
_PREPOSITIONS = frozenset({"in", "at", "on", "with", "from", "to", "for", "by", "about", "into",
                           "over", "against", "after", "before", "during", "between", "among",
                           "near", "toward", "towards", "across", "through", "under", "than",
                           "like", "of", "via", "without"})
_SUBJECT_OPENERS = frozenset({"i", "we", "you", "he", "she", "they", "there", "it"})
_SUBORDINATORS = frozenset({"because", "if", "when", "while", "although", "though", "since",
                            "unless", "whether", "once"})

# Speech verbs: form -> (lemma). Noun-like forms ("claims", "calls", "notes") are left out.
_VERB_FORMS = {
    "say": "said says say saying", "tell": "told tells telling", "add": "added adds adding",
    "state": "stated stating", "write": "wrote writes writing", "tweet": "tweeted tweeting",
    "post": "posted", "note": "noted noting", "explain": "explained explains explaining",
    "ask": "asked asks asking", "argue": "argued argues arguing", "claim": "claimed claiming",
    "insist": "insisted insists insisting", "warn": "warned warns warning",
    "declare": "declared declares declaring", "announce": "announced announces announcing",
    "acknowledge": "acknowledged acknowledges acknowledging",
    "reiterate": "reiterated reiterates reiterating", "call": "called calling",
    "accuse": "accused accuses accusing", "rail": "railed railing",
    "stress": "stressed stressing", "emphasize": "emphasized emphasised emphasizing",
    "urge": "urged urges urging", "reply": "replied replies replying",
    "respond": "responded responds responding", "recall": "recalled recalling",
    "predict": "predicted predicting", "promise": "promised promising", "vow": "vowed vowing",
    "concede": "conceded conceding", "admit": "admitted admits admitting",
    "suggest": "suggested suggests suggesting", "contend": "contended contending",
    "complain": "complained complaining", "caution": "cautioned cautioning",
    "describe": "described describes describing", "confirm": "confirmed confirming",
    "deny": "denied denying", "brief": "briefed briefing", "speak": "spoke speaks", "maintain": "maintained", "assert": "asserted asserting",
    "remark": "remarked", "comment": "commented", "testify": "testified testifying",
    "boast": "boasted boasting", "continue": "continued", "conclude": "concluded",
    "dub": "dubbed", "label": "labeled labelled", "denounce": "denounced denouncing",
    "criticize": "criticized criticised criticizing", "blast": "blasted", "slam": "slammed",
}
_FORM_LEMMA = {form: lemma for lemma, forms in _VERB_FORMS.items() for form in forms.split()}
# Verbs whose complement is a reported clause (indirect speech).
_CLAUSE_VERBS = frozenset("""say tell add state write tweet post note explain argue claim
    insist warn declare announce acknowledge reiterate stress emphasize reply respond
    suggest predict promise vow concede admit contend complain caution confirm maintain
    assert testify boast conclude""".split())
# Clause verbs that also take a plain object ("declared a national emergency",
# "emphasized the need for ..."): their complement is reported speech only after "that",
# a comma or a colon (and, for a promise, "to": "promising to employ more troops").
_OBJECT_VERBS = frozenset("""declare announce acknowledge reiterate stress emphasize promise vow
    confirm predict admit concede maintain boast conclude""".split())
_PROMISE_VERBS = frozenset({"promise", "vow"})
_CLAUSE_LEAD_END_RE = re.compile(r"(?:\bthat|[,:])\s*$")
# Verbs that can come before their subject ("..., said Brown").
_INVERTIBLE = frozenset("say add write tweet explain note ask insist argue warn declare reply "
                        "respond continue conclude according".split())

# --------------------------------------------------------------------------- regexes

# Patterns scanned over whole articles start with a literal character where their first
# characters are few (see trie_pattern); verbs and group nouns start with most letters.
_VERB_RE = re.compile(r"\b" + trie_pattern(_FORM_LEMMA) + r"\b")
_ENDS_WITH_VERB_RE = re.compile(r"\b(?:" + "|".join(_FORM_LEMMA) + r")(?:\s+that)?$")
_ACCORDING_RE = re.compile(trie_pattern(["According to", "according to"], r"\w") + r"\b")
_MARK_RE = re.compile(r"[“”\"«»]")
_OPENING_GLYPHS = "“«"
_CLOSING_GLYPHS = "”»"
_BEFORE_OPEN = set("([{—–-/‘'“«")
_AFTER_CLOSE = set(".,;:!?)]}—–-/’'”»")
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)")
_ADVERBS = (r"(?:(?:\w+ly|also|later|then|again|further|previously|earlier|recently|once|often|"
            r"still|even|already|now|afterwards?|too|first|never|not|has|have|had|would|will|"
            r"could|did|does|do|was|were|is|are|might|may|can|should|must|"
            rf"(?:on\s+)?{_DAYS}|(?:last|this|next)\s+(?:week|month|year|night|{_DAYS})|"
            rf"(?:in|on|since|last)\s+{_MONTHS}(?:\s+\d{{1,2}})?|"
            r"yesterday|today|tonight)(?![\w’']))")
# What may stand between a speaker and the speech verb: "of Mexico", an appositive or a
# parenthetical between commas, adverbs, auxiliaries and days.
_GAP_RE = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"
    r"(?:\s*,[^,;:“”\"]{1,160},)?"
    rf"(?:\s+{_ADVERBS})*\s*")
_APPOSITIVE_RE = re.compile(
    r"\s*,\s+(?:a|an|the|its|his|her|their|[A-Z][\w.'’-]*’s|[A-Z][\w.'’-]*'s)\s"
    r"[^,;:“”\"]{0,140}?\b(?:" + "|".join(_ROLE_NOUNS) + r")s?\b")
# After a speaker in subject position comes a verb-like word (or a relative clause).
_SUBJECT_POSITION_RE = re.compile(
    r"\s*,\s*(?:who|whose)\b|"
    r"(?:\s*,[^,;:“”\"]{1,160},)?(?:\s+" + _ADVERBS + r")*"
    r"\s+(?!(?:and|or|but|of|in|at|on|to|for|with|by|from|about|as|the|a|an|that|this|who|"
    r"which|whose|is|are|was|were)\b)[a-z][a-z’'-]+\b")
_LEAD_FILLER_RE = re.compile(r"[\s,.!?;:—–-]*(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]ome)\s+)?")
_PUNCT_ONLY_RE = re.compile(r"[\s,.!?;:—–-]*")
_INVERTED_GAP_RE = re.compile(r"\s+(?:(?:later|also|then|again)\s+)?(?:(?:the|an?|one|another)\s+)?")
# An attribution inside an unclosed quotation shows where its closing mark was forgotten.
_INNER_ATTRIBUTION_RE = re.compile(
    r",\s+(?:he|she|it|they|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:later\s+|also\s+)?(?:said|says|added|told|wrote|tweeted|explained|noted)\b")
_SENTENCE_BREAK_RE = re.compile(r"[.!?][’'”\")\]]*(?=\s)")

_NAME_TOKEN = r"[A-Z][a-zA-Z'’-]*[a-z][a-zA-Z'’-]*"
_NAME_PART = rf"(?:{_NAME_TOKEN}|[A-Z]\.|de|del|la|van|von|da|dos|bin)"
# _NAME_TOKEN not after a word character, "@" or ".", then more name parts
_FULL_NAME_RE = re.compile(rf"[A-Z](?<![\w@.].)[a-zA-Z'’-]*[a-z][a-zA-Z'’-]*(?:\s+{_NAME_PART}){{0,3}}\s+{_NAME_TOKEN}\b")
_TITLE_NAME_RE = re.compile(
    r"(?P<title>" + trie_pattern(_TITLE_WORDS, r"[\w.]") + r")(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?"
    + rf"\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_PART}){{0,3}})")
_ORG_KEYWORD_RE = re.compile(trie_pattern(_ORG_KEYWORDS, r"\w") + r"\b")
_GROUP_NOUNS = ("official", "officials", "expert", "experts", "analyst", "analysts", "aides", "spokesman",
                "spokeswoman", "spokesperson", "advocates", "lawmakers", "legislators", "critics",
                "authorities", "diplomats", "sources", "leaders", "negotiators", "activists", "groups")
_GROUP_NOUN_RE = re.compile(r"\b" + trie_pattern([*_GROUP_NOUNS, *(w.capitalize() for w in _GROUP_NOUNS)]) + r"\b")
# Up to three words before the group noun that belong to it ("senior U.S. border officials").
_GROUP_MODIFIERS_RE = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Tt]wo|[Tt]hree|[Ss]enior|[Tt]op|[Ll]ocal|"
    r"[Ff]ederal|[Ss]tate|[Bb]order|[Aa]dministration|[Gg]overnment|[Cc]ampaign|[Hh]is|[Hh]er|"
    r"[Tt]heir|[Ii]ts|[Ii]mmigrant|[Rr]ights|[Hh]uman|[A-Z][\w.'’-]*)\s+){1,3}$")
_GROUP_TAIL_RE = re.compile(r"\s+(?:officials?|aides|spokes(?:man|woman|person)|leaders|negotiators|"
                            r"agents|officers|authorities|diplomats)\b")
_GROUP_DETERMINERS = frozenset({"the", "some", "many", "several", "other", "his", "her", "their", "its",
                                "a", "an", "one", "another"})
_PRONOUNS = ("He", "he", "She", "she", "It", "it", "They", "they")
_PRONOUN_RE = re.compile(trie_pattern(_PRONOUNS, r"\w") + r"\b")
_THE = trie_pattern(["The", "the"], r"\w")   # \b[Tt]he
# A title alone standing for a person mentioned before ("the president said").
_PERSON_NOMINAL_RE = re.compile(
    _THE + r"\s+(?P<head>(?:(?:Mexican|U\.S\.|American|acting)\s+)?(?:vice\s+president|president|"
    r"(?:foreign\s+|interior\s+|homeland\s+security\s+)?(?:secretary|minister)|governor|commissioner|"
    r"ambassador|mayor|senator))\b")
_OF_INSTITUTION_RE = re.compile(r"\s+(?:for|at|of|with|from)\s+(?:the\s+)?")
# After a reported clause and its speaker ("..., he said"), only circumstances may follow.
_REVERSE_REST_RE = re.compile(
    rf"(?:\s+{_ADVERBS})*(?:\s+(?:reporters|journalists))?"
    r"(?:\s+(?:in|at|on|during|to|from|via|after|before|with|by|while|of)\b[^,;“”\"]*)?\s*[.!?]?\s*")
_NOMINAL_RE = re.compile(_THE + r"\s+(?P<head>agency|ministry|department|office|commission|"
                         r"organization|government|administration|embassy|group|campaign|"
                         r"committee|council|bureau|statement)\b")
_TELL_OBJECT = (r"(?:\s+(?:reporters|journalists|lawmakers|supporters|him|her|them|us|me|"
                r"(?:the|a|an|his|her|their)\s+(?:[\w.'’-]+\s+){0,2}[\w'’-]+|"
                r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}))")
_CONTENT_LEAD = (
    rf"(?:\s+{_ADVERBS})*"
    r"(?:\s+(?:in|at|during|on|via)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|news\s+conference|press\s+conference|briefing|tweet|post|letter|"
    r"speech|readout|hearing|call|meeting|rally|email|message|video|report)"
    r"(?:\s+(?:in|at|on)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?)?"
    rf"(?:\s+{_ADVERBS})*")
_CONTENT_START_RE = re.compile(_CONTENT_LEAD + r"\s*[,:]?\s*(?:that\b\s*)?")
_TELL_CONTENT_START_RE = re.compile(_TELL_OBJECT + r"?" + _CONTENT_LEAD + r"\s*[,:]?\s*(?:that\b\s*)?")
_REVERSE_TAIL_RE = re.compile(
    r",\s+(?:he|she|it|they|(?:the\s+)?[A-Za-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:later\s+|also\s+)?(?:said|added|told|wrote|noted|explained)\b[^,“”\"]*$")


# Small patterns tried at one place at a time (compiled once).
_NESTED_RE = re.compile(r"(?:^|[\s(“\"—])[‘']\w")
_INNER_SENTENCE_RE = re.compile(r"[.!?]\s+[A-Z“‘\"']")
_APOSTROPHE_RE = re.compile(r"['’]")
_FINAL_STOP_RE = re.compile(r"[.!?][’'”\"]?$")
_NONSPACE_RE = re.compile(r"\S+")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")
_POSSESSIVE_RE = re.compile(r"['’]s\b")
_NAME_BEFORE_RE = re.compile(rf"({_NAME_TOKEN})\s+$")
_INITIAL_RE = re.compile(r"[A-Z]\.")
_ORG_LEFT_RE = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|and|for|on|the)\s+){1,6}$")
_ORG_RIGHT_RE = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")
_WORD_BEFORE_RE = re.compile(r"(\w+)\s+(?:(?:the|a|an)\s+)?$")
_HEAD_OF_BEFORE_RE = re.compile(r"(\w+)\s+of\s+(?:(?:the|a|an)\s+)?$")
_TO_COLON_RE = re.compile(r"[^.!?“”\"]*?[,:]\s*")
_COMMA_THE_END_RE = re.compile(r",\s*(?:the\s+)?$")
_COMMA_ACCORDING_RE = re.compile(r",\s+according to\b")
_ACCORDING_GAP_RE = re.compile(r"\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}")
_COMMA_END_RE = re.compile(r",\s*$")
_THE_GAP_RE = re.compile(r"\s+(?:the\s+)?")


@lru_cache(maxsize=4096)
def _surname_re(surname: str) -> re.Pattern:
    """``(?<![\\w@])surname\\b``, written to start with the surname's first character (so
    the engine scans for it instead of trying every position)."""
    return re.compile(re.escape(surname[0]) + r"(?<![\w@].)" + re.escape(surname[1:]) + r"\b")


# --------------------------------------------------------------------------- accents


def _fold_table() -> dict[int, str]:
    table = {}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        parts = unicodedata.normalize("NFD", chr(cp))
        if (len(parts) > 1 and parts[0].isascii() and parts[0].isalpha()
                and all(unicodedata.combining(c) for c in parts[1:])):
            table[cp] = parts[0]
    return table


_FOLD = _fold_table()
_FOLD_CHARS = frozenset(map(chr, _FOLD))   # texts without these are unchanged by fold_accents
# The same set as a regex class: searching a text for one is much faster than a set test per character.
_FOLD_CHAR_RE = re.compile("[" + "".join(sorted(_FOLD_CHARS)) + "]")
_FOLD_RANGES = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")   # holds every key of _FOLD


def fold_accents(text: str) -> str:
    """``text`` with accented Latin letters replaced by their base letter, one character
    for one, so offsets are unchanged ("López" -> "Lopez")."""
    return text.translate(_FOLD) if _FOLD_CHAR_RE.search(text) else text


def _key(text: str) -> str:
    """Lookup key of a name: accents folded, lowercase, straight apostrophes, single spaces."""
    return " ".join(fold_accents(text).replace("’", "'").lower().split())


# --------------------------------------------------------------------------- actors


class ActorsError(ValueError):
    """The actors table cannot be used; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__()
        self.problems = problems

    def __str__(self) -> str:
        n = len(self.problems)
        return "\n".join([f"{n} problem{'s' if n != 1 else ''} in the actors table:"]
                         + [f"  - {p}" for p in self.problems])


def load_actors(path: str | Path | None = None) -> pd.DataFrame:
    """The actors table (default ``data/actors.csv``): one row per speaker the study
    knows, columns :data:`ACTOR_COLUMNS`.

    Raises :class:`~borderlines.io.InputProblem` if the file is missing or not UTF-8 and
    :class:`ActorsError` naming file, row and field of every bad value."""
    path = Path(path) if path is not None else default_actors()
    return checked_actors(read_csv_strings(path), str(path))


def checked_actors(table: pd.DataFrame, file: str = "<actors table>") -> pd.DataFrame:
    """``table`` validated and completed (optional columns filled with their defaults),
    columns :data:`ACTOR_COLUMNS`; :class:`ActorsError` lists every problem (rows are
    1-based data rows of ``file``)."""
    missing = [c for c in _REQUIRED_ACTOR_COLUMNS if c not in table.columns]
    if missing:
        raise ActorsError([Problem(file=file, field=c, message="required column is missing",
                                   fix="the actors table needs columns name, aliases, role, "
                                       "country (and optionally type, gender, notes)")
                           for c in missing])
    table = table.copy()
    for column, default in _OPTIONAL_ACTOR_COLUMNS.items():
        if column not in table.columns:
            table[column] = default
    table = table[list(ACTOR_COLUMNS)].fillna("").astype(str).apply(lambda s: s.str.strip())
    problems = []
    seen: dict[str, int] = {}
    for row, actor in enumerate(table.itertuples(index=False), start=1):
        def problem(column, message, fix):
            problems.append(Problem(file=file, row=row, field=column, message=message, fix=fix,
                                    doc_id=actor.name or None))
        if not actor.name:
            problem("name", "empty name", "give the canonical name, or delete the row")
        elif actor.name in seen:
            problem("name", f"'{actor.name}' is listed twice (also row {seen[actor.name]})",
                    "keep one row; put other spellings in its 'aliases'")
        else:
            seen[actor.name] = row
        if actor.role not in ROLES:
            problem("role", f"unknown role '{actor.role}'", f"use one of: {', '.join(ROLES)}")
        if actor.type not in ACTOR_TYPES:
            problem("type", f"unknown type '{actor.type}'", f"use one of: {', '.join(ACTOR_TYPES)}")
        if actor.gender not in ("", "f", "m"):
            problem("gender", f"unknown gender '{actor.gender}'", "use f, m, or leave it empty")
        if actor.aliases and any(not a.strip() for a in actor.aliases.split("|")):
            problem("aliases", f"empty alias in '{actor.aliases}'",
                    "separate aliases with a single '|' and no '|' at either end")
    if problems:
        raise ActorsError(problems)
    return table.reset_index(drop=True)


@dataclass(frozen=True)
class _Actor:
    name: str
    role: str
    country: str
    type: str
    gender: str


@dataclass
class _ActorIndex:
    actors: dict[str, _Actor]
    ruler: EntityRuler
    alias_kind: dict[str, str]              # folded alias text -> name | surname | handle | institution
    candidates: dict[str, tuple[str, ...]]  # ruler id -> actor names (several when ambiguous)
    lookup: dict[str, tuple[str, ...]]      # _key(alias) -> actor names
    # the ruler's phrase patterns as token ORTH ids, by first token: {orth: [(orths, ruler id)]},
    # and in a PhraseMatcher keyed by ruler id; None when two patterns are the same tokens
    # (then only the ruler itself decides between them)
    phrases: dict[int, list[tuple[tuple[int, ...], str]]] | None = None
    matcher: PhraseMatcher | None = None


def _actor_rows(actors: pd.DataFrame) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(r) for r in actors[["name", "aliases", "role", "country", "type", "gender"]]
                 .itertuples(index=False))


@lru_cache(maxsize=8)
def _actor_index(rows: tuple[tuple[str, ...], ...]) -> _ActorIndex:
    """Entity ruler and lookups for one actors table, built once per table."""
    actors: dict[str, _Actor] = {}
    names_of: dict[str, list[str]] = {}     # folded alias -> names
    kind_of: dict[str, str] = {}
    lookup: dict[str, list[str]] = {}
    for name, aliases, role, country, typ, gender in rows:
        actors[name] = _Actor(name, role, country, typ, gender)
        spellings = list(dict.fromkeys([name, *(a.strip() for a in aliases.split("|") if a.strip())]))
        full = [_key(s).split() for s in spellings if not s.startswith("@") and len(s.split()) > 1]
        for spelling in spellings:
            toks = _key(spelling).split()
            if spelling.startswith("@"):
                kind = "handle"
            elif typ != "person":
                kind = "institution"
            elif any(len(f) > len(toks) and f[-len(toks):] == toks for f in full):
                kind = "surname"
            else:
                kind = "name"
            variants = {fold_accents(spelling)}
            for v in list(variants):
                variants |= {v.replace("'", "’"), v.replace("’", "'")}
            if spelling == spelling.lower():
                variants |= {v[:1].upper() + v[1:] for v in variants}
            for v in variants:
                names_of.setdefault(v, [])
                if name not in names_of[v]:
                    names_of[v].append(name)
                kind_of.setdefault(v, kind)
            lookup.setdefault(_key(spelling), [])
            if name not in lookup[_key(spelling)]:
                lookup[_key(spelling)].append(name)
    ruler = EntityRuler(spacy.blank("en", vocab=get_nlp().vocab), phrase_matcher_attr="ORTH")
    patterns, candidates = [], {}
    for alias, names in names_of.items():
        ent_id = names[0] if len(names) == 1 else "?" + alias
        candidates[ent_id] = tuple(names)
        label = "PERSON" if any(actors[n].type == "person" for n in names) else "ORG"
        patterns.append({"label": label, "pattern": alias, "id": ent_id})
    ruler.add_patterns(patterns)
    return _ActorIndex(actors, ruler, kind_of, candidates, {k: tuple(v) for k, v in lookup.items()},
                       *_phrase_tables(ruler, patterns))


def _phrase_tables(ruler: EntityRuler, patterns: list[dict]):
    """The ruler's patterns tokenized as the ruler tokenizes them: by first token, and
    in a PhraseMatcher keyed by ruler id (see :func:`_actor_entities`); ``(None, None)``
    when two patterns are the same tokens."""
    table: dict[int, list[tuple[tuple[int, ...], str]]] = {}
    matcher = PhraseMatcher(ruler.nlp.vocab, attr="ORTH")
    seen: set[tuple[int, ...]] = set()
    for entry, doc in zip(patterns, ruler.nlp.pipe([e["pattern"] for e in patterns])):
        orths = tuple(doc.to_array(ORTH).tolist())
        if not orths:
            continue
        if orths in seen:
            return None, None
        seen.add(orths)
        table.setdefault(orths[0], []).append((orths, entry["id"]))
        matcher.add(entry["id"], [doc])
    return table, matcher


def actor_ruler(actors: pd.DataFrame | None = None) -> EntityRuler:
    """The spaCy ``EntityRuler`` built from the actors table (labels PERSON/ORG, entity
    id = canonical name, or ``?alias`` when an alias fits several actors). It matches
    accent-folded text: apply it to ``get_nlp()(fold_accents(text))``."""
    actors = checked_actors(actors) if actors is not None else load_actors()
    return _actor_index(_actor_rows(actors)).ruler


# --------------------------------------------------------------------------- per-article state


@dataclass
class _Mention:
    start: int            # the mention as written, title included
    end: int
    speaker: str          # canonical or discovered name; '' while unresolved
    type: str             # person | institution | group | pronoun | nominal
    method: str           # name | title_name | surname | institution | pronoun
    gender: str = ""
    weak: bool = False    # pronouns, nominals, one-word institutions: only next to their verb
    possessive: bool = False
    candidates: tuple[str, ...] = ()   # several actors share the alias
    word: str = ""        # pronoun or nominal head
    flags: tuple[str, ...] = ()


@dataclass
class _Verb:
    start: int
    end: int
    lemma: str
    participle: bool


@dataclass
class _Segment:
    open: int             # offset of the opening mark
    close: int            # offset of the closing mark (content end when unclosed)
    close_end: int        # just after the closing mark
    q_start: int
    q_end: int
    para: int
    flags: list[str] = field(default_factory=list)
    chain: int = -1       # segments continued across paragraphs share a chain
    attribution: tuple | None = None   # (mention, method, flags)
    kind: str = ""
    group: int = -1


@dataclass
class _Article:
    doc_id: str
    text: str
    paragraphs: list[tuple[int, int]]
    sent_starts: list[int]
    sent_ends: list[int]
    sent_ids: list[int]
    quoted: list[tuple[int, int]] = field(default_factory=list)
    quoted_starts: list[int] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    verbs: list[_Verb] = field(default_factory=list)
    verb_starts: list[int] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    paragraph_starts: list[int] = field(default_factory=list)
    eligible: dict[int, bool] = field(default_factory=dict)   # _eligible_subject by id(mention)

    def __post_init__(self):
        self.paragraph_starts = [p[0] for p in self.paragraphs]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, pos) - 1)

    def in_quoted(self, pos: int) -> bool:
        i = bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def mentions_in(self, a: int, b: int) -> list[_Mention]:
        i = bisect_left(self.mention_starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def verbs_in(self, a: int, b: int) -> list[_Verb]:
        i, j = bisect_left(self.verb_starts, a), bisect_left(self.verb_starts, b)
        return [v for v in self.verbs[i:j] if v.end <= b]


# --------------------------------------------------------------------------- quotation marks


def _mark_role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or '' (undecided) for the mark at ``i`` from its neighbours."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _BEFORE_OPEN)
    right = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE)
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return ""


def _content_span(text: str, a: int, b: int) -> tuple[int, int]:
    """The quote inside ``text[a:b]``: surrounding spaces and a trailing comma dropped."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and text[b - 1] == ",":
        b -= 1
        while b > a and text[b - 1].isspace():
            b -= 1
    return a, b


def _unclosed_end(text: str, open_at: int, limit: int) -> int:
    """Where an unclosed quotation that meets another opening mark at ``limit`` most
    likely ends: after the last sentence it holds, else just before ``limit``."""
    last = None
    for m in _SENTENCE_BREAK_RE.finditer(text, open_at + 1, limit):
        last = m.end()
    return last if last is not None else limit


def _style(ch: str) -> str:
    return "straight" if ch == '"' else "guillemet" if ch in "«»" else "curly"


def _mark(text: str, i: int, lo: int, hi: int, open_style: str | None) -> str:
    """'open', 'close' or '' (not a quotation mark here) for the mark at ``i``, given the
    style of the quotation open at that point (None when none is)."""
    ch = text[i]
    context = _mark_role(text, i, lo, hi)
    if ch in _OPENING_GLYPHS:
        return "close" if context == "close" else "open"
    if ch in _CLOSING_GLYPHS:
        return "open" if context == "open" else "close"
    if context:
        return context
    if open_style is None:
        return "open"
    # A straight mark glued to words inside a curly quotation is an inch mark or markup.
    return "close" if open_style == "straight" else ""


def _quote_segments(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[_Segment]:
    """Quotation spans of one clean text, paired paragraph by paragraph; marks inside
    ``skip`` spans (embedded posts) are ignored. A quotation of the other style inside
    one ("“He said "no"”") stays part of it. An opening mark that never closes stops at
    its paragraph's end, or at an attribution it holds (", Ebrard said"), flagged
    ``unclosed_quote``, unless the next paragraph opens with a quotation mark (the
    journalistic convention) or its first mark closes one (hard-wrapped text): then the
    quotation continues there (``continues_paragraph`` / ``continued_quote``)."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text)]
    skip_starts = [a for a, _ in skip]
    segments: list[_Segment] = []
    chains = 0

    def marks(lo, hi):
        for m in _MARK_RE.finditer(text, lo, hi):
            i = bisect_right(skip_starts, m.start()) - 1
            if not (i >= 0 and skip[i][0] <= m.start() < skip[i][1]):
                yield m.start()

    def emit(o, content_from, c, c_end, para, flags, chain):
        qs, qe = _content_span(text, content_from, c)
        if qe <= qs:
            return
        mixed = c_end > c and content_from > o and (text[o] == '"') != (text[c] == '"')
        nested = bool(_NESTED_RE.search(text[qs:qe]))
        segments.append(_Segment(o, c, c_end, qs, qe, para,
                                 flags + ["mixed_marks"] * mixed + ["nested_quote"] * nested, chain))

    carry = None   # (style, chain, with_mark) of a quotation continuing into the next paragraph
    for p_index, (lo, hi) in enumerate(paragraphs):
        state = None   # [open offset, content start, style, flags, chain, nested other style]
        if carry is not None and not carry[2]:
            state = [lo, lo, carry[0], ["continued_quote"], carry[1], False]
        for i in marks(lo, hi):
            role = _mark(text, i, lo, hi, state[2] if state else None)
            style = _style(text[i])
            if role == "open":
                if state is None:
                    state = [i, i + 1, style, [], -1, False]
                    if carry is not None and carry[2] and i == lo:
                        state[3], state[4] = ["continued_quote"], carry[1]
                elif style != state[2] and not state[5]:
                    state[5] = True
                else:
                    end = _unclosed_end(text, state[1], i)
                    emit(state[0], state[1], end, end, p_index, state[3] + ["unclosed_quote"], state[4])
                    state = [i, i + 1, style, [], -1, False]
            elif role == "close" and state is not None:
                if state[5] and style != state[2]:
                    state[5] = False
                else:
                    emit(state[0], state[1], i, i + 1, p_index, state[3], state[4])
                    state = None
        carry = None
        if state is None:
            continue
        nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
        first = next(marks(*nxt), None) if nxt else None
        with_mark = first == nxt[0] and _mark(text, first, *nxt, None) == "open" if first is not None else False
        without_mark = (first is not None and not with_mark
                        and _mark(text, first, nxt[0], nxt[1], state[2]) == "close")
        if with_mark or without_mark:
            chain = state[4] if state[4] >= 0 else chains
            chains += state[4] < 0
            emit(state[0], state[1], hi, hi, p_index, state[3] + ["continues_paragraph"], chain)
            carry = (state[2], chain, with_mark)
        else:
            inner = _INNER_ATTRIBUTION_RE.search(text, state[1], hi)
            end = inner.start() if inner else hi
            emit(state[0], state[1], end, end, p_index, state[3] + ["unclosed_quote"], state[4])
    return segments


def _quote_kind(seg: _Segment, text: str, sent_start: int) -> str:
    """'direct' for a clause or more, 'partial' for a phrase woven into the sentence."""
    if "continued_quote" in seg.flags:
        return "direct"
    before = text[sent_start:seg.open].rstrip()
    if not before.strip("([{—–- ") or before.endswith((":", ",")):
        return "direct"
    quote = text[seg.q_start:seg.q_end]
    words = _WORD_RE.findall(quote)
    if len(words) >= 15 or _INNER_SENTENCE_RE.search(quote):
        return "direct"
    if len(words) >= 4 and _ENDS_WITH_VERB_RE.search(before):
        return "direct"   # the whole complement of a speech verb: "Pompeo added that “...”"
    first = _APOSTROPHE_RE.split(words[0].lower())[0] if words else ""
    if first in _SUBJECT_OPENERS or (first in _SUBORDINATORS and len(words) >= 4):
        return "direct"
    if quote[:1].isupper() and _FINAL_STOP_RE.search(quote) and len(words) >= 3:
        return "direct"
    return "partial"


# --------------------------------------------------------------------------- mentions


_TITLE_ADJECTIVES = frozenset({"Mexican", "American", "U.S.", "US", "Texas", "National"})
_JOINERS = ("of", "and", "for", "the")
_NAME_PARTICLES = ("de", "del", "la", "van", "von", "da", "dos", "bin")


def _title_start(text: str, s: int, floor: int) -> int | None:
    """Start of a title written just before the name at ``s`` ("Mexican Foreign Minister",
    "Secretary of State", "Mr."), or None."""
    floor = max(floor, s - 160)
    # the title's last word ends one space before the name
    if s - floor < 2 or not text[s - 1].isspace() or text[s - 2].isspace():
        return None
    floor = _last_words_start(text, floor, s, 8)   # only the last eight words count
    words = list(_NONSPACE_RE.finditer(text[floor:s]))
    taken: list[re.Match] = []
    for w in reversed(words[-8:]):
        tok = w.group()
        if tok[-1] in ",;:)—–\"”" or (tok[-1] == "." and tok not in _CORE_TITLES
                                      and not _INITIALS_RE.fullmatch(tok)):
            break
        if tok in _JOINERS or (tok[0].isupper() and (tok not in _FUNCTION_CAPS or tok in _TITLE_ADJECTIVES)):
            taken.append(w)
        else:
            break
    while taken and taken[-1].group() in _JOINERS:
        taken.pop()
    if not taken or not any(w.group() in _CORE_TITLES for w in taken):
        return None
    return floor + taken[-1].start()


def _is_possessive(text: str, e: int) -> bool:
    """Whether the name ending at ``e`` is followed by a possessive ('s, ’s, s’)."""
    if _POSSESSIVE_RE.match(text[e:e + 3]):
        return True
    return e < len(text) and text[e] in "’'" and text[e - 1:e] == "s" and text[e + 1:e + 2].isspace()


def _name_tokens_ok(tokens: list[str]) -> bool:
    # (a token is an organisation keyword when _ORG_KEYWORD_RE matches all of it)
    return (bool(tokens) and tokens[0] not in _FUNCTION_CAPS and tokens[-1] not in _FUNCTION_CAPS
            and _TITLES_AND_ORG_KEYWORDS.isdisjoint(tokens))


def _last_words_start(text: str, lo: int, hi: int, n: int) -> int:
    """Start of the ``n``-th last whitespace-separated word of ``text[lo:hi]`` (``lo``
    when there are fewer). A pattern of at most ``n`` words each followed by spaces,
    anchored at ``hi``, cannot match before it: searching from there finds the same
    match sooner."""
    segment = text[lo:hi]
    parts = segment.rsplit(None, n)
    if len(parts) <= n:
        return lo
    rest = segment[len(parts[0]):]
    return lo + len(parts[0]) + len(rest) - len(rest.lstrip())


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _NONSPACE_RE.finditer(text, a, b)]


def _article_mentions(art: _Article, ents: Sequence[tuple[int, int, str]], index: _ActorIndex,
                      person_spans: Sequence[tuple[int, int]],
                      listed: Sequence[tuple[int, int, str]] | None = None) -> None:
    """Fill ``art.mentions``: listed actors (entity ruler), unlisted people, institutions,
    groups, pronouns and nominals ("the agency"), outside quotations."""
    text = art.text
    covered = bytearray(len(text) + 1)
    found: list[_Mention] = []
    listed = _listed_words(text) if listed is None else listed

    def free(s, e):
        return not any(covered[s:e]) and not art.in_quoted(s)

    def take(m: _Mention):
        found.append(m)
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)

    def sent_floor(pos):
        return art.sent_starts[art.sentence_of(pos)]

    # listed actors
    actor_at: dict[int, _Mention] = {}
    prev_end = 0
    for s, e, ent_id in ents:
        if art.in_quoted(s):
            continue
        names = index.candidates.get(ent_id, (ent_id,))
        kind = index.alias_kind.get(fold_accents(text[s:e]), "name")
        actor = index.actors.get(names[0])
        if actor is None:
            continue
        if kind == "surname":
            before = _NAME_BEFORE_RE.search(text[max(prev_end, s - 40):s])
            if before and before.group(1) not in _FUNCTION_CAPS and before.group(1) not in _CORE_TITLES:
                continue   # "Stephen Miller" is not Troy Miller
        start, method = s, ("institution" if actor.type != "person" else kind)
        if actor.type == "person":
            t = _title_start(text, s, max(prev_end, sent_floor(s)))
            if t is not None:
                start, method = t, "title_name"
                if found and found[-1].type != "person" and text[found[-1].end:t].strip() == "":
                    gone = found.pop()       # "U.S. Customs and Border Protection Commissioner"
                    covered[gone.start:gone.end] = b"\x00" * (gone.end - gone.start)
                    start = gone.start
            if method == "handle":
                method = "name"
        typ = actor.type
        tail = _GROUP_TAIL_RE.match(text, e)
        if typ != "person" and tail:
            e, typ = tail.end(), "group"
        weak = typ == "institution" and len(text[s:e].split()) == 1
        mention = _Mention(start, e, names[0] if len(names) == 1 else "", typ, method,
                           gender=actor.gender, weak=weak, possessive=_is_possessive(text, e),
                           candidates=names if len(names) > 1 else ())
        take(mention)
        actor_at[start] = mention
        prev_end = e
    # unlisted people: after a title, before an appositive, next to a speech verb, or by a model
    people: dict[str, _Mention] = {}

    def person(s, e, title_s=None, gender=""):
        name = text[s:e]
        if not free(title_s if title_s is not None else s, e):
            return
        m = _Mention(title_s if title_s is not None else s, e, name, "person",
                     "title_name" if title_s is not None else "name", gender=gender,
                     possessive=_is_possessive(text, e))
        take(m)
        people.setdefault(name, m)

    for m in _TITLE_NAME_RE.finditer(text):
        tokens = _tokens(text, m.start("name"), m.end("name"))
        while tokens and (_INITIAL_RE.fullmatch(tokens[-1][2]) or tokens[-1][2] in _NAME_PARTICLES):
            tokens.pop()
        if tokens and _name_tokens_ok([t[2] for t in tokens]):
            title = m.group("title")
            person(tokens[0][0], tokens[-1][1], m.start("title"),
                   "f" if title in _FEMALE_TITLES else "m" if title in _MALE_TITLES else "")
    for m in _FULL_NAME_RE.finditer(text):
        tokens = _tokens(text, m.start(), m.end())
        while tokens and tokens[0][2] in _FUNCTION_CAPS:
            tokens.pop(0)
        if len(tokens) < 2 or not _name_tokens_ok([t[2] for t in tokens]):
            continue
        s, e = tokens[0][0], tokens[-1][1]
        if not free(s, e):
            continue
        verbs = art.verbs_in(e, e + 200)[:1]
        next_to_verb = bool(verbs) and bool(_GAP_RE.fullmatch(text, e, verbs[0].start))
        after_verb = any(v.lemma in _INVERTIBLE and _INVERTED_GAP_RE.fullmatch(text, v.end, s)
                         for v in art.verbs_in(max(0, s - 30), s))
        if _APPOSITIVE_RE.match(text, e) or next_to_verb or after_verb:
            person(s, e)
    for s, e in person_spans:
        tokens = text[s:e].split()
        if len(tokens) >= 2 and _name_tokens_ok(tokens):
            person(s, e)
    # later surname-only mentions of unlisted people
    for name, first in list(people.items()):
        if len(name.split()) < 2:
            continue
        for m in _surname_re(name.split()[-1]).finditer(text, first.end):
            s, e = m.span()
            if free(s, e):
                t = _title_start(text, s, sent_floor(s))
                take(_Mention(t if t is not None else s, e, name, "person",
                              "title_name" if t is not None else "surname",
                              gender=first.gender, possessive=_is_possessive(text, e)))
    # unlisted institutions: capitalized names around an organisation keyword
    for keyword_start, e, _ in (w for w in listed if w[2] in _ORG_KEYWORD_SET):
        s = keyword_start
        left = _ORG_LEFT_RE.search(text[max(0, s - 90):s])
        if left:
            words = _tokens(text, s - len(left.group()), s)
            while words and (words[0][2] in (*_JOINERS, "on")
                             or (words[0][2] in _FUNCTION_CAPS and words[0][2] not in _TITLE_ADJECTIVES)):
                words.pop(0)
            s = words[0][0] if words else s
        right = _ORG_RIGHT_RE.match(text, e)
        if right:
            e = right.end()
        if (s < keyword_start or right) and free(s, e):
            take(_Mention(s, e, text[s:e], "institution", "institution",
                          possessive=_is_possessive(text, e)))
    # groups: "U.S. officials", "experts", "his aides"; not the role noun of a person's
    # appositive ("Theresa C. Brown, an immigration analyst at ...")
    appositives = [a.span() for a in (_APPOSITIVE_RE.match(text, m.end) for m in found if m.type == "person") if a]
    for noun_start, noun_end, _ in (w for w in listed if w[2] in _GROUP_NOUN_FORMS):
        if any(a <= noun_start < b for a, b in appositives):
            continue
        left = _GROUP_MODIFIERS_RE.search(text, _last_words_start(text, max(0, noun_start - 60), noun_start, 3),
                                          noun_start)
        words = _tokens(text, left.start() if left else noun_start, noun_end)
        while len(words) > 1 and (words[0][2].lower() in _GROUP_DETERMINERS
                                  or (words[0][2] in _FUNCTION_CAPS and words[0][2] not in _TITLE_ADJECTIVES)):
            words.pop(0)
        s, e = words[0][0], words[-1][1]
        tail = next((x for x in found[-3:] if x.end == e and x.start > s and x.type != "person"), None)
        if tail is not None and free(s, tail.start):
            # "a senior" + the listed "administration official"
            covered[s:tail.start] = b"\x01" * (tail.start - s)
            tail.start = s
            continue
        if not free(s, e):
            continue
        phrase = text[s:e]
        words = phrase.split()
        names = next((index.lookup[k] for k in (_key(" ".join(words[i:])) for i in range(len(words)))
                      if k in index.lookup), ())
        label = names[0] if names else (phrase[0].lower() + phrase[1:] if phrase.lower() in _GROUP_WORDS
                                        else phrase)
        of = _OF_INSTITUTION_RE.match(text, e)
        owner = actor_at.get(of.end()) if of else None
        if owner is not None and owner.type != "person" and owner in found:
            # "a spokeswoman for the Mexican Foreign Ministry" speaks for the ministry
            found.remove(owner)
            covered[owner.start:owner.end] = b"\x00" * (owner.end - owner.start)
            e, label = owner.end, owner.speaker
        take(_Mention(s, e, label, "group", "institution", possessive=_is_possessive(text, e)))
    # pronouns (he/she everywhere; it/they only as the subject of a speech verb) and nominals
    for s, e, word in (w for w in listed if w[2] in _PRONOUN_SET):
        word = word.lower()
        if not free(s, e):
            continue
        if word in ("it", "they") and not _next_to_verb(art, e):
            continue
        take(_Mention(s, e, "", "pronoun", "pronoun", weak=True, word=word))
    for m in _NOMINAL_RE.finditer(text):
        s, e = m.span()
        if free(s, e) and _next_to_verb(art, e):
            take(_Mention(s, e, "", "nominal", "institution", weak=True, word=m.group("head")))
    for m in _PERSON_NOMINAL_RE.finditer(text):
        s, e = m.span()
        if free(s, e) and _next_to_verb(art, e):
            take(_Mention(s, e, "", "title", "pronoun", weak=True, word=" ".join(m.group("head").lower().split())))
    found.sort(key=lambda m: m.start)
    art.mentions = found
    art.mention_starts = [m.start for m in found]


_GROUP_WORDS = frozenset(_GROUP_NOUNS)
# Speech verbs, organisation keywords, group nouns and pronouns are all whole words: one
# scan finds them all (as _VERB_RE, _ORG_KEYWORD_RE, _GROUP_NOUN_RE and _PRONOUN_RE
# would each), and each step takes its own.
_GROUP_NOUN_FORMS = frozenset([*_GROUP_NOUNS, *(w.capitalize() for w in _GROUP_NOUNS)])
_ORG_KEYWORD_SET = frozenset(_ORG_KEYWORDS)
_TITLES_AND_ORG_KEYWORDS = _CORE_TITLES | _ORG_KEYWORD_SET
_PRONOUN_SET = frozenset(_PRONOUNS)
_LISTED_WORD_RE = re.compile(
    r"\b" + trie_pattern({*_FORM_LEMMA, *_ORG_KEYWORDS, *_GROUP_NOUN_FORMS, *_PRONOUNS}) + r"\b")


def _listed_words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every speech verb, organisation keyword, group noun and
    pronoun of ``text``, in text order."""
    return [(m.start(), m.end(), m.group()) for m in _LISTED_WORD_RE.finditer(text)]


def _next_to_verb(art: _Article, e: int) -> bool:
    """Whether a speech verb follows the mention ending at ``e`` as its subject."""
    verbs = art.verbs_in(e, e + 200)
    return bool(verbs) and bool(_GAP_RE.fullmatch(art.text, e, verbs[0].start))


def _speaks(art: _Article, m: _Mention) -> bool:
    """Whether the mention is the subject of a speech verb ("Ebrard said", "said Brown")."""
    if _next_to_verb(art, m.end):
        return True
    verbs = art.verbs_in(max(0, m.start - 30), m.start)
    return bool(verbs) and verbs[-1].lemma in _INVERTIBLE and bool(
        _INVERTED_GAP_RE.fullmatch(art.text, verbs[-1].end, m.start))


def _resolve_references(art: _Article, index: _ActorIndex) -> None:
    """Give pronouns, nominals ("the agency") and ambiguous aliases their speaker, in
    reading order, so a resolved pronoun can itself be the antecedent of the next one."""
    for k, m in enumerate(art.mentions):
        if m.candidates and not m.speaker:
            earlier = [p.speaker for p in art.mentions[:k] if p.speaker in m.candidates]
            m.speaker = earlier[-1] if earlier else m.candidates[0]
            if not earlier:
                m.flags = m.flags + ("ambiguous_alias",)
            actor = index.actors[m.speaker]
            m.gender = actor.gender
        if m.type not in ("pronoun", "nominal", "title"):
            continue
        antecedent = (_antecedent(art, k) if m.type == "pronoun" else _title_antecedent(art, k)
                      if m.type == "title" else _nominal_antecedent(art, k, index))
        if antecedent is None:
            continue
        m.speaker = antecedent.speaker
        if m.type == "pronoun" and m.word in ("he", "she"):
            m.gender = "m" if m.word == "he" else "f"
            art.genders.setdefault(m.speaker, m.gender)
            m.type = "person"
        else:
            m.gender, m.type = antecedent.gender, antecedent.type


def _fits(pronoun: _Mention, m: _Mention, genders: dict[str, str]) -> bool:
    if not m.speaker or m.type in ("pronoun", "nominal", "title"):
        return False
    if pronoun.word in ("he", "she"):
        gender = m.gender or genders.get(m.speaker, "")
        return m.type == "person" and gender in ("", "m" if pronoun.word == "he" else "f")
    if pronoun.word == "it":
        return m.type == "institution"
    return m.type in ("group", "institution")


def _antecedent(art: _Article, k: int, max_sentences: int = 6, max_paragraphs: int = 3) -> _Mention | None:
    """The person or institution a pronoun refers to.

    After reported words ("“...,” he said", "..., he said"): the last speaker of this or
    the previous sentence, else the subject opening the previous sentence, else the most
    recent speaker of the sentences before. Otherwise, and failing those, the first fitting
    mention before the pronoun in its own sentence (not after reported words), else in
    the nearest earlier sentence that has one."""
    p = art.mentions[k]
    text = art.text
    si = art.sentence_of(p.start)
    after_reported = text[art.sent_starts[si]:p.start].rstrip().endswith((",", "”", '"', "—", "–", "»"))
    para = art.paragraph_of(p.start)
    first = max(0, si - max_sentences)
    while para - art.paragraph_of(art.sent_starts[first]) >= max_paragraphs:
        first += 1
    if after_reported:
        speakers = [m for m in art.mentions_in(art.sent_starts[first], p.start)
                    if m is not p and _fits(p, m, art.genders) and _speaks(art, m)]
        recent = [m for m in speakers if m.start >= art.sent_starts[max(first, si - 1)]]
        if recent:
            return recent[-1]
        if si > first:
            lo = art.sent_starts[si - 1]
            opener = next((m for m in art.mentions_in(lo, art.sent_ends[si - 1]) if _fits(p, m, art.genders)), None)
            if opener is not None and text[lo:opener.start].strip() in _FUNCTION_CAPS | {""}:
                return opener
        if speakers:
            return speakers[-1]
    for j in range(si, first - 1, -1):
        if j == si and after_reported:
            continue
        hi = p.start if j == si else art.sent_ends[j]
        for m in art.mentions_in(art.sent_starts[j], hi):
            if m is not p and _fits(p, m, art.genders):
                return m
    return None


def _title_antecedent(art: _Article, k: int) -> _Mention | None:
    """The person "the president" / "the foreign minister" refers to: of the people
    mentioned earlier in the article with that title, the most mentioned (then the most
    recent), so "the president" of a US story is not the Mexican president named once."""
    p = art.mentions[k]
    head = p.word.split()[-1]
    earlier = art.mentions[:k]
    titled = {}
    for m in earlier:
        written = " ".join(art.text[m.start:m.end].lower().split())
        if (m.type == "person" and m.speaker and head in written
                and ("vice president" in written) == ("vice president" in p.word)):
            titled[m.speaker] = m
    if not titled:
        return None
    counts = {name: sum(1 for m in earlier if m.speaker == name) for name in titled}
    best = max(titled, key=lambda name: (counts[name], titled[name].start))
    return titled[best]


def _nominal_antecedent(art: _Article, k: int, index: _ActorIndex, max_sentences: int = 5) -> _Mention | None:
    """The institution "the agency" / "the ministry" refers to: the most recent one whose
    name has the same head word, else the most recent institution."""
    p = art.mentions[k]
    lo = art.sent_starts[max(0, art.sentence_of(p.start) - max_sentences)]
    earlier = [m for m in art.mentions_in(lo, p.start) if m.speaker and m.type in ("institution", "group")]
    if not earlier:
        return None
    head = p.word
    for m in reversed(earlier):
        names = [m.speaker] + [a for a, ns in index.lookup.items() if m.speaker in ns]
        if any(head in _key(n) for n in names) or head in _key(art.text[m.start:m.end]):
            return m
    return earlier[-1]


# --------------------------------------------------------------------------- attribution


def _eligible_subject(art: _Article, m: _Mention) -> bool:
    """A mention that can be a verb's subject: not a possessive, not after a preposition
    (except "of" after an organisation noun: "the office of the U.N. refugee agency").
    Asked again and again of the same mentions (fixed once found): remembered."""
    known = art.eligible.get(id(m))
    if known is None:
        known = art.eligible[id(m)] = _eligible(art.text, m)
    return known


def _eligible(text: str, m: _Mention) -> bool:
    if m.possessive:
        return False
    before = _WORD_BEFORE_RE.search(text[max(0, m.start - 40):m.start])
    if before and before.group(1).lower() in _PREPOSITIONS:
        if before.group(1).lower() != "of":
            return False
        head = _HEAD_OF_BEFORE_RE.search(text[max(0, m.start - 60):m.start])
        return bool(head) and head.group(1).lower() in _ORG_HEADS
    return True


def _appositive_between(text: str, a: int, b: int) -> bool:
    return bool(_APPOSITIVE_RE.match(text, a)) and _APPOSITIVE_RE.match(text, a).end() <= b


def _subject_before(art: _Article, verb: _Verb, floor: int, depth: int = 0):
    """(mention, appositive?) of the speaker of ``verb``, looking left of it from ``floor``:
    the nearest eligible mention if it stands next to the verb (weak mentions must), else
    the nearest full name or institution in subject position; for a participle ("...,
    telling"), else the subject of an earlier speech verb of the sentence."""
    text = art.text
    cands = art.mentions_in(floor, verb.start)
    for m in reversed(cands):
        if not _eligible_subject(art, m):
            continue
        if _GAP_RE.fullmatch(text, m.end, verb.start):
            return m, _appositive_between(text, m.end, verb.start)
        break
    for m in reversed(cands):
        if (not m.weak and _eligible_subject(art, m)
                and _SUBJECT_POSITION_RE.match(text, m.end)):
            return m, _appositive_between(text, m.end, verb.start)
    if verb.participle and depth == 0:
        for v in art.verbs_in(floor, verb.start):
            if not v.participle:
                found = _subject_before(art, v, floor, depth + 1)
                if found:
                    return found
    return None


def _subject_after(art: _Article, verb: _Verb, limit: int):
    """(mention, appositive?) of an inverted attribution: "said Brown, who ..."."""
    if verb.lemma not in _INVERTIBLE:
        return None
    for m in art.mentions_in(verb.end, min(limit, verb.end + 80))[:1]:
        if m.method != "pronoun" and _INVERTED_GAP_RE.fullmatch(art.text, verb.end, m.start):
            return m, bool(_APPOSITIVE_RE.match(art.text, m.end))
    return None


def _post_limit(art: _Article, seg: _Segment, next_open: int) -> int:
    """End of the text after a closing mark that may hold its attribution."""
    si = art.sentence_of(max(seg.close_end - 1, seg.open))
    end = art.sent_ends[si]
    # The sentencizer ends a sentence at "!”" even when a lowercase attribution follows.
    while (si + 1 < len(art.sent_starts) and art.text[art.sent_starts[si + 1]:art.sent_starts[si + 1] + 1].islower()
           and "\n" not in art.text[end:art.sent_starts[si + 1]]):
        si += 1
        end = art.sent_ends[si]
    return min(max(end, seg.close_end), next_open, art.paragraphs[seg.para][1])


def _post_attribution(art: _Article, seg: _Segment, limit: int):
    """(mention, appositive?, verb) named right after the closing mark: “...,” he said /
    said Brown / Ebrard said / according to X."""
    text = art.text
    a = seg.close_end
    verbs = art.verbs_in(a, min(limit, a + 220))
    if verbs:
        verb = verbs[0]
        if _PUNCT_ONLY_RE.fullmatch(text, a, verb.start):
            found = _subject_after(art, verb, limit)
            return (*found, verb) if found else None
        for m in art.mentions_in(a, verb.start)[:1]:
            if _LEAD_FILLER_RE.fullmatch(text, a, m.start) and _GAP_RE.fullmatch(text, m.end, verb.start):
                return m, _appositive_between(text, m.end, verb.start), verb
    according = _ACCORDING_RE.search(text, a, limit)
    if according and _PUNCT_ONLY_RE.fullmatch(text, a, according.start()):
        for m in art.mentions_in(according.end(), limit)[:1]:
            if _THE_GAP_RE.fullmatch(text[according.end():m.start]) and m.speaker:
                return m, False, None
    return None


def _pre_attribution(art: _Article, seg: _Segment, floor: int):
    """(mention, appositive?, verb) of the speech verb before the opening mark: Pompeo
    added that “...” / said Brown: “...” / according to X, “...”."""
    text = art.text
    for verb in list(reversed(art.verbs_in(floor, seg.open)))[:2]:
        after = _subject_after(art, verb, seg.open)
        if after and _TO_COLON_RE.fullmatch(text[after[0].end:seg.open]):
            return (*after, verb)
        found = _subject_before(art, verb, floor)
        if found:
            return (*found, verb)
    for m in _ACCORDING_RE.finditer(text, floor, seg.open):
        for men in art.mentions_in(m.end(), seg.open)[:1]:
            if _THE_GAP_RE.fullmatch(text[m.end():men.start]) and men.speaker:
                return men, False, None
    return None


def _method_of(m: _Mention, appositive: bool) -> str:
    if m.method == "pronoun":
        return "pronoun"
    if m.type in ("institution", "group", "nominal"):
        return "institution"
    return "appositive" if appositive else m.method


# --------------------------------------------------------------------------- rows


def _row(art: _Article, kind: str, start: int, end: int, sent_a: int, sent_b: int,
         mention: _Mention | None, method: str, flags: Sequence[str], index: _ActorIndex,
         group: int) -> dict:
    """One output row (see :data:`QUOTE_COLUMNS`)."""
    text = art.text
    speaker = mention.speaker if mention is not None else ""
    actor = index.actors.get(speaker)
    flags = list(dict.fromkeys([*flags, *(mention.flags if mention is not None else ())]))
    if mention is not None and mention.method == "pronoun" and not speaker:
        flags.append("unresolved_pronoun")
    confidence = (_UNRESOLVED_PRONOUN_CONFIDENCE if "unresolved_pronoun" in flags
                  else METHOD_CONFIDENCE[method])
    for f in [*flags, kind]:
        confidence *= FLAG_CONFIDENCE.get(f, 1.0)
    return {
        "doc_id": art.doc_id, "kind": kind, "quote": text[start:end], "start": start, "end": end,
        "sentence": text[sent_a:sent_b],
        "speaker_mention": text[mention.start:mention.end] if mention is not None else "",
        "speaker": speaker,
        "role": actor.role if actor else UNKNOWN_ROLE,
        "country": actor.country if actor else "",
        "method": method, "confidence": round(confidence, 3), "flags": "|".join(flags),
        "paragraph": art.paragraph_of(start), "sent_id": art.sent_ids[art.sentence_of(start)],
        "group": group,
        "speaker_start": mention.start if mention is not None else -1,
        "speaker_end": mention.end if mention is not None else -1,
    }


def _share_attributions(art: _Article, segments: list[_Segment]) -> None:
    """Parts of one quotation take its speaker: the other parts of a quotation continued
    across paragraphs, the part before or after it in the same paragraph ("“A,” he said.
    “B.”"), or the quotation of the previous paragraph when a paragraph is only a quote."""
    text = art.text
    for k, seg in enumerate(segments):
        if seg.attribution or seg.kind != "direct":
            continue
        prev = segments[k - 1] if k else None
        nxt = segments[k + 1] if k + 1 < len(segments) else None
        donors = [s for s in segments if seg.chain >= 0 and s.chain == seg.chain and s.attribution]
        if donors:
            seg.attribution = (*donors[0].attribution[:2], ())
        elif prev and prev.para == seg.para and prev.attribution and prev.kind == "direct":
            seg.attribution = (*prev.attribution[:2], ("split_quote",))
        elif (nxt and nxt.para == seg.para and nxt.attribution and nxt.kind == "direct"
              and not _WORD_RE.search(text, seg.close_end, nxt.open)):
            seg.attribution = (*nxt.attribution[:2], ("split_quote",))
        elif (prev and prev.para == seg.para - 1 and prev.attribution and prev.kind == "direct"
              and seg.open == art.paragraphs[seg.para][0]
              and not _WORD_RE.search(text, seg.close_end, art.paragraphs[seg.para][1])):
            seg.attribution = (*prev.attribution[:2], ("inherited_speaker",))


def _quoted_rows(art: _Article, segments: list[_Segment], index: _ActorIndex) -> tuple[list[dict], set[int]]:
    """Rows for quotes in quotation marks, and the offsets of the speech verbs that
    attribute them after the closing mark (not reported speech of their own)."""
    text = art.text
    used_verbs: set[int] = set()
    for k, seg in enumerate(segments):
        prev = segments[k - 1] if k and segments[k - 1].para == seg.para else None
        sent_start = art.sent_starts[art.sentence_of(seg.open)]
        floor = max(sent_start, art.paragraphs[seg.para][0],
                    prev.close_end if prev and prev.close_end <= seg.open else 0)
        seg.kind = _quote_kind(seg, text, sent_start)
        limit = _post_limit(art, seg, segments[k + 1].open if k + 1 < len(segments) else len(text))
        post = _post_attribution(art, seg, limit)
        pre = _pre_attribution(art, seg, floor) if seg.kind == "partial" or not post else None
        found = pre or post if seg.kind == "partial" else post or pre
        if found:
            seg.attribution = (found[0], _method_of(found[0], found[1]), ())
        if found and found[2] is not None and (found is post or seg.kind == "direct"):
            used_verbs.add(found[2].start)
    _share_attributions(art, segments)
    rows = []
    group = -1
    for k, seg in enumerate(segments):
        prev = segments[k - 1] if k else None
        joined = prev is not None and (
            (seg.chain >= 0 and seg.chain == prev.chain)
            or (prev.para == seg.para and seg.attribution is not None and prev.attribution is not None
                and prev.attribution[0] is seg.attribution[0]
                and "split_quote" in seg.attribution[2] + prev.attribution[2]))
        group = group if joined else group + 1
        seg.group = group
        mention, method, extra = seg.attribution or (None, "none", ())
        sa = art.sent_starts[art.sentence_of(seg.open)]
        sb = art.sent_ends[art.sentence_of(max(seg.open, seg.close_end - 1))]
        rows.append(_row(art, seg.kind, seg.q_start, seg.q_end, sa, max(sb, seg.q_end), mention,
                         method, [*seg.flags, *extra], index, group))
    return rows, used_verbs


class _Post(NamedTuple):
    """One row of :func:`~borderlines.cleaning.embedded_posts`, as much as quotes need."""
    start: int
    end: int
    text_end: int
    author: str
    handle: str


def _posts_by_doc(posts: pd.DataFrame) -> dict[object, list[_Post]]:
    """``{doc_id: [post, ...]}`` in table order: plain records, because reading pandas
    rows one at a time inside the per-article loop is slow."""
    out: dict[object, list[_Post]] = {}
    if not len(posts):
        return out
    for d, start, end, text_end, author, handle in zip(posts["doc_id"], posts["start"], posts["end"],
                                                       posts["text_end"], posts["author"], posts["handle"]):
        out.setdefault(d, []).append(_Post(int(start), int(end), int(text_end), author, handle))
    return out


_LEADING_TITLES_RE = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in _TITLE_WORDS) + r")\s+)+")


def _embedded_rows(art: _Article, posts: list[_Post], index: _ActorIndex, group0: int) -> list[dict]:
    """Rows for posts reproduced in the text; the speaker comes from the signature's
    handle, else its name (titles such as "Sec." dropped)."""
    text = art.text
    rows = []
    for k, post in enumerate(posts):
        start, end = _content_span(text, post.start, post.text_end)
        bare = _LEADING_TITLES_RE.sub("", post.author)
        names = (index.lookup.get(_key(post.handle), ()) or index.lookup.get(_key(post.author), ())
                 or index.lookup.get(_key(bare), ()))
        sig_start = text.find(post.author, post.text_end, post.end)
        sig_end = text.find(")", sig_start) + 1 if sig_start >= 0 else 0
        if sig_start < 0 or sig_end <= 0:
            sig_start, sig_end = post.text_end, post.end
        mention = _Mention(sig_start, sig_end, names[0] if names else bare, "person", "tweet_signature")
        rows.append(_row(art, "embedded", start, end, post.start, post.end, mention,
                         "tweet_signature", [], index, group0 + k))
    return rows


def _indirect_rows(art: _Article, used_verbs: set[int], index: _ActorIndex, group0: int) -> list[dict]:
    """Reported speech: "X said (that) ...", "..., X said", "according to X". A sentence
    gives one row per speech act: verbs inside an earlier reported clause are skipped."""
    text = art.text
    rows: list[dict] = []
    taken: list[tuple[int, int]] = []

    def inside_taken(pos):
        return any(a <= pos < b for a, b in taken)

    def add(start, end, si, mention, appositive, cover):
        start, end = _content_span(text, start, end)
        while end > start and text[end - 1] in ".!?;:—– ":
            end -= 1
        if len(_WORD_RE.findall(text, start, end)) < 3 or text[start] in "“\"«":
            return
        flags = ["contains_quote"] if _MARK_RE.search(text, start, end) else []
        rows.append(_row(art, "indirect", start, end, art.sent_starts[si], art.sent_ends[si], mention,
                         _method_of(mention, appositive), flags, index, group0 + len(rows)))
        taken.append(cover)

    for verb in art.verbs:
        if verb.lemma not in _CLAUSE_VERBS or verb.start in used_verbs or inside_taken(verb.start):
            continue
        si = art.sentence_of(verb.start)
        s_lo, s_hi = art.sent_starts[si], art.sent_ends[si]
        found = _subject_before(art, verb, s_lo)
        if not found:
            continue
        mention, appositive = found
        if not verb.participle and not _GAP_RE.fullmatch(text, mention.end, verb.start):
            continue
        before = text[s_lo:mention.start]
        comma = _COMMA_THE_END_RE.search(before)
        rest = text[verb.end:s_hi]
        if (comma and before[:comma.start()].strip() and not verb.participle
                and _REVERSE_REST_RE.fullmatch(rest)):
            # "..., he said." — the reported clause comes first
            add(s_lo, s_lo + comma.start(), si, mention, appositive, (s_lo, s_hi))
            continue
        lead = (_TELL_CONTENT_START_RE if verb.lemma == "tell" else _CONTENT_START_RE).match(text, verb.end, s_hi)
        start = lead.end() if lead else verb.end
        if start < s_hi and text[start] in "“\"«":
            continue   # the complement is a quotation: a direct or partial row already
        if (verb.lemma in _OBJECT_VERBS and not _CLAUSE_LEAD_END_RE.search(text, verb.end, start)
                and not (verb.lemma in _PROMISE_VERBS and text.startswith(" to ", verb.end))):
            continue   # an object, not a reported clause
        end = s_hi
        tail = _REVERSE_TAIL_RE.search(text, start, s_hi)
        if tail:
            end = tail.start()
        according = _COMMA_ACCORDING_RE.search(text, start, end)
        if according:
            end = according.start()
        add(start, end, si, mention, appositive, (verb.start, s_hi))
    for m in _ACCORDING_RE.finditer(text):
        if art.in_quoted(m.start()) or inside_taken(m.start()):
            continue
        si = art.sentence_of(m.start())
        s_lo, s_hi = art.sent_starts[si], art.sent_ends[si]
        men = next((x for x in art.mentions_in(m.end(), min(s_hi, m.end() + 60))
                    if _ACCORDING_GAP_RE.fullmatch(text[m.end():x.start])), None)
        if men is None or not men.speaker:
            continue
        if _COMMA_END_RE.search(text[s_lo:m.start()]):
            add(s_lo, m.start(), si, men, False, (s_lo, s_hi))
        elif not text[s_lo:m.start()].strip():
            comma = text.find(",", men.end, s_hi)
            if comma > 0:
                add(comma + 1, s_hi, si, men, False, (s_lo, s_hi))
    return rows


# --------------------------------------------------------------------------- extraction


def _article(doc_id: str, text: str, sentences: Sequence[tuple[int, int, int]]) -> _Article:
    """Per-article state from its text and its sentences ``(start, end, sent_id)``."""
    sentences = sorted(sentences) or [(0, len(text), 0)]
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text)] or [(0, len(text))]
    return _Article(doc_id, text, paragraphs, [int(a) for a, _, _ in sentences],
                    [int(b) for _, b, _ in sentences], [int(i) for _, _, i in sentences])


def _sentence_spans(sentences: pd.DataFrame) -> dict[str, list[tuple[int, int, int]]]:
    """``{doc_id: [(start, end, sent_id), ...]}`` from a sentence table."""
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for d, a, b, i in zip(sentences["doc_id"].astype(str).tolist(), _ints(sentences["start"]),
                          _ints(sentences["end"]), _ints(sentences["sent_id"])):
        spans.setdefault(d, []).append((a, b, i))
    return spans


def _ints(values: pd.Series) -> list[int]:
    """``[int(v) for v in values]``, without the per-value pandas overhead for integer columns."""
    array = values.to_numpy()
    return array.tolist() if array.dtype.kind in "iu" else [int(v) for v in array]


def _person_model_spans(texts: list[str], model: str | None) -> list[list[tuple[int, int]]]:
    if model is None:
        return [[] for _ in texts]
    try:
        nlp = spacy.load(model, exclude=["lemmatizer", "textcat"])
    except OSError:
        raise InputProblem(Problem(file=f"spaCy model '{model}'", field="person_model",
                                   message="the model is not installed",
                                   fix="leave person_model=None (the rules need no model), or "
                                       "install the model package")) from None
    return [[(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            for doc in nlp.pipe(texts)]


def _folded_docs(docs, texts: list[str], parse):
    """Parses of the accent-folded ``texts``: the given parse of a text that folding
    leaves unchanged, else ``parse`` (tokenizer or pipeline) of the folded text."""
    for doc, text in zip(docs, texts):
        yield doc if _FOLD_CHAR_RE.search(text) is None else parse(_fold_sparse(text))


def _actor_entities(doc, index: _ActorIndex, text: str | None = None) -> list[tuple[int, int, str]]:
    """``(start_char, end_char, ruler id)`` of the actors ``index.ruler`` finds in the
    fresh parse ``doc``, in text order, without setting them on ``doc``. ``text``: the
    doc's text when it may hold accents, which the ruler matches folded
    (:func:`_refolded`).

    The ruler's rule, on token ORTH ids: every occurrence of every pattern, the longest
    first (then the leftmost), each kept unless its first or last token is already taken.
    A doc with entities already set goes to the ruler itself."""
    fold = text is not None and _FOLD_CHAR_RE.search(text) is not None
    if index.phrases is None or (not fold and doc.has_annotation("ENT_IOB")):
        target = get_nlp().tokenizer(_fold_sparse(text)) if fold else doc
        index.ruler(target)
        return [(e.start_char, e.end_char, e.ent_id_) for e in sorted(target.ents, key=lambda e: e.start_char)]
    if not fold:
        strings = doc.vocab.strings
        kept = _longest_first([(s, e, strings[key]) for key, s, e in index.matcher(doc)])
        return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), ent_id) for s, e, ent_id in kept]
    arr = _refolded(text, doc.to_array([ORTH, IDX, LENGTH]))
    orth = arr[:, 0].tolist()
    phrases = index.phrases
    found = []
    for i in [i for i, o in enumerate(orth) if o in phrases]:
        for pattern, ent_id in phrases[orth[i]]:
            if tuple(orth[i:i + len(pattern)]) == pattern:
                found.append((i, i + len(pattern), ent_id))
    idx, length = arr[:, 1].tolist(), arr[:, 2].tolist()
    return [(idx[s], idx[e - 1] + length[e - 1], ent_id) for s, e, ent_id in _longest_first(found)]


def _longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The token spans the ruler keeps of ``found`` (start, end, id), in text order."""
    found.sort(key=lambda m: (m[1] - m[0], -m[0]), reverse=True)
    taken: set[int] = set()
    kept = []
    for start, end, ent_id in found:
        if start not in taken and end - 1 not in taken:
            kept.append((start, end, ent_id))
            taken.update(range(start, end))
    kept.sort()
    return kept


def _refolded(text: str, arr: np.ndarray) -> np.ndarray:
    """``[ORTH, IDX, LENGTH]`` token rows of ``fold_accents(text)`` from those of ``text``.
    The tokenizer splits each whitespace-separated chunk of a text on its own, so only
    the chunks with an accented letter are tokenized again, folded (folding keeps the
    offsets: one character for one)."""
    tokenizer = get_nlp().tokenizer
    idx = arr[:, 1]
    pieces, last, chunk_end = [], 0, -1
    for m in _FOLD_CHAR_RE.finditer(text):
        if m.start() < chunk_end:
            continue
        a, b = m.start(), m.end()
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        chunk_end = b
        first, stop = np.searchsorted(idx, [a, b]).tolist()   # the chunk's tokens start in [a, b)
        folded = tokenizer(_fold_sparse(text[a:b])).to_array([ORTH, IDX, LENGTH])
        folded[:, 1] += a
        pieces += [arr[last:first], folded]
        last = stop
    pieces.append(arr[last:])
    return np.concatenate(pieces)


def _fold_sparse(text: str) -> str:
    """:func:`fold_accents` for a text with few accented letters (the same string, faster)."""
    return _FOLD_RANGES.sub(lambda m: _FOLD.get(ord(m.group()), m.group()), text)


def extract_quotes(corpus: pd.DataFrame, actors: pd.DataFrame | None = None,
                   kinds: Iterable[str] | None = None, sentences: pd.DataFrame | None = None,
                   person_model: str | None = None, docs=None, posts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every quote of every article with its speaker: columns :data:`QUOTE_COLUMNS`,
    sorted by ``doc_id`` and ``start``.

    ``corpus``: the table of :func:`~borderlines.corpus.load_corpus` (``doc_id``, ``text``).
    ``actors``: table of :func:`load_actors` (default ``data/actors.csv``).
    ``kinds``: keep only these of :data:`KINDS` (default all).
    ``sentences``: ``sentence_table(corpus)`` if already computed (saves a parse).
    ``person_model``: name of an installed statistical spaCy model to add person names
    the rules miss (optional; nothing needs it).
    ``docs``: the articles already parsed (:func:`borderlines.nlp.parse_texts`), one per
    row, to skip parsing again (actors are matched on their tokens, accents folded; the
    docs are left as they are). Same table either way.
    ``posts``: :func:`borderlines.cleaning.embedded_posts` of the corpus, if already
    computed (default: found with the default cleaning rules)."""
    kinds = tuple(KINDS if kinds is None else kinds)
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise ValueError(f"unknown kind(s) {bad}: choose from {list(KINDS)}")
    for column in ("doc_id", "text"):
        if column not in corpus.columns:
            raise ValueError(f"corpus table lacks column '{column}': pass the table from load_corpus()")
    actors = load_actors() if actors is None else checked_actors(actors)
    index = _actor_index(_actor_rows(actors))
    refold = False   # docs of the texts as written, matched folded by _actor_entities
    doc_ids = [str(d) for d in corpus["doc_id"]]
    texts = [str(t) for t in corpus["text"]]
    nlp = get_nlp()
    if sentences is not None:
        missing = sorted(set(doc_ids) - set(sentences["doc_id"].astype(str)))
        if missing:
            raise ValueError(f"sentences lacks article(s) {missing[:5]}: pass sentence_table(corpus) "
                             "of this same corpus, or leave sentences=None")
        by_doc = _sentence_spans(sentences)
        if docs is None:
            docs = nlp.tokenizer.pipe([fold_accents(t) for t in texts], batch_size=64)
        else:
            refold = True
    else:
        by_doc = None
        docs = (nlp.pipe([fold_accents(t) for t in texts], batch_size=64) if docs is None
                else _folded_docs(docs, texts, nlp))
    if posts is None:
        posts = embedded_posts(corpus[["doc_id", "text"]].assign(
            title=corpus["title"] if "title" in corpus.columns else ""))
    posts_by_doc = _posts_by_doc(posts)
    model_spans = _person_model_spans(texts, person_model)
    rows: list[dict] = []
    for doc_id, text, doc, spans in zip(doc_ids, texts, docs, model_spans):
        ents = _actor_entities(doc, index, text if refold else None)
        sent_rows = (by_doc[doc_id] if by_doc is not None else
                     [(r["start"], r["end"], r["sent_id"]) for r in doc_sentences(doc, doc_id)])
        rows.extend(_article_quotes(doc_id, text, ents, sent_rows, posts_by_doc.get(doc_id), index,
                                    kinds, spans))
    table = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    table = table.astype({"start": "int64", "end": "int64", "paragraph": "int64", "sent_id": "int64",
                          "group": "int64", "speaker_start": "int64", "speaker_end": "int64",
                          "confidence": "float64"})
    order = {k: i for i, k in enumerate(KINDS)}
    table = (table.assign(_k=table["kind"].map(order))
             .sort_values(["doc_id", "start", "_k"], kind="stable").drop(columns="_k")
             .reset_index(drop=True))
    table["group"] = np.asarray(_renumber_groups(table["doc_id"].tolist(), table["group"].tolist()),
                                dtype=np.int64)
    return table


def _renumber_groups(doc_ids: list, groups: list[int]) -> list[int]:
    """Quotation numbers from 0 within each article, in order of first appearance; the
    rows of an article are consecutive (the table is sorted by ``doc_id``)."""
    out, seen, current = [], {}, object()
    for doc_id, group in zip(doc_ids, groups):
        if doc_id != current:
            seen, current = {}, doc_id
        out.append(seen.setdefault(group, len(seen)))
    return out


def _article_quotes(doc_id, text, ents, sent_rows, posts, index, kinds, person_spans) -> list[dict]:
    """All rows of one article (see :func:`extract_quotes`)."""
    art = _article(doc_id, text, sent_rows)
    post_spans = [] if posts is None else sorted((p.start, p.text_end) for p in posts)
    segments = _quote_segments(text, post_spans)
    art.quoted = sorted([(s.open, max(s.close_end, s.q_end)) for s in segments] + post_spans)
    art.quoted_starts = [a for a, _ in art.quoted]
    listed = _listed_words(text)
    for start, end, form in listed:
        if form in _FORM_LEMMA and not art.in_quoted(start):
            art.verbs.append(_Verb(start, end, _FORM_LEMMA[form], form.endswith("ing")))
    art.verb_starts = [v.start for v in art.verbs]
    _article_mentions(art, ents, index, person_spans, listed)
    _resolve_references(art, index)
    rows, used = _quoted_rows(art, segments, index)
    rows = [r for r in rows if r["kind"] in kinds]
    group0 = 1 + max([s.group for s in segments], default=-1)
    if "embedded" in kinds and posts is not None:
        rows += _embedded_rows(art, posts, index, group0)
    group0 += 0 if posts is None else len(posts)
    if "indirect" in kinds:
        rows += _indirect_rows(art, used, index, group0)
    return rows


# --------------------------------------------------------------------------- summaries

#: Columns of :func:`quotes_by_speaker`.
SPEAKER_COLUMNS = {
    "speaker": "speaker (canonical name, or as written when unlisted)",
    "role": "role category or 'unknown'",
    "country": "country ('' when unknown)",
    "n": "quotes of every kind",
    **{k: f"{k} quotes" for k in KINDS},
    "n_articles": "articles quoting the speaker",
    "mean_confidence": "mean attribution confidence of the speaker's quotes",
}


def quotes_by_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per attributed speaker with quote counts by kind, most quoted first;
    columns :data:`SPEAKER_COLUMNS`. Unattributed quotes are left out."""
    q = quotes[quotes["speaker"] != ""]
    if q.empty:
        return pd.DataFrame(columns=list(SPEAKER_COLUMNS))
    counts = (q.pivot_table(index=["speaker", "role", "country"], columns="kind", values="start",
                            aggfunc="size", fill_value=0)
              .reindex(columns=list(KINDS), fill_value=0))
    out = counts.assign(n=counts.sum(axis=1),
                        n_articles=q.groupby(["speaker", "role", "country"])["doc_id"].nunique(),
                        mean_confidence=q.groupby(["speaker", "role", "country"])["confidence"].mean().round(3))
    out = out.reset_index().sort_values(["n", "speaker"], ascending=[False, True], kind="stable")
    return out[list(SPEAKER_COLUMNS)].reset_index(drop=True).rename_axis(None, axis=1)


#: Columns of :func:`unknown_speakers`.
UNKNOWN_SPEAKER_COLUMNS = {
    "speaker": "the speaker as written in the articles",
    "n": "quotes attributed to them",
    "n_articles": "articles quoting them",
    "doc_ids": "those articles, '|'-separated",
    "mentions": "how the text names them, '|'-separated",
    "example": "a sentence quoting them",
}


def unknown_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Speakers missing from the actors table (role ``unknown``) and how often they are
    quoted, most quoted first, for the researcher to add to ``data/actors.csv``; columns
    :data:`UNKNOWN_SPEAKER_COLUMNS`."""
    q = quotes[(quotes["role"] == UNKNOWN_ROLE) & (quotes["speaker"] != "")]
    if q.empty:
        return pd.DataFrame(columns=list(UNKNOWN_SPEAKER_COLUMNS))
    out = q.groupby("speaker", sort=False).agg(
        n=("start", "size"), n_articles=("doc_id", "nunique"),
        doc_ids=("doc_id", lambda s: "|".join(sorted(set(s)))),
        mentions=("speaker_mention", lambda s: "|".join(dict.fromkeys(s))),
        example=("sentence", "first")).reset_index()
    return out.sort_values(["n", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


#: Columns of :func:`quote_counts_per_article`.
QUOTE_COUNT_COLUMNS = {
    "doc_id": "article id",
    "era": "era key of the article",
    "era_label": "era name",
    "<by>": "one column per category asked for (default role); every category appears "
            "for every article, with n = 0 when the article has none",
    "n": "quotes of the article in the category",
    "n_words": "words in the article's clean text (borderlines.nlp.is_word), for rates per 1,000 words",
}


def _article_word_counts(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.Series:
    """Words (:func:`borderlines.nlp.is_word`) in each article's clean text, indexed by
    ``doc_id``: the ``n_words`` column of ``corpus`` when it has one (the study's
    ``articles`` table, :mod:`borderlines.study`), else from ``sentences`` (the sentence
    table) when given, else by tokenizing."""
    if "n_words" in corpus.columns:
        return pd.Series(corpus["n_words"].to_numpy("int64"), index=[str(d) for d in corpus["doc_id"]],
                         dtype="int64", name="n_words")
    if sentences is not None:
        counts = sentences.groupby(sentences["doc_id"].astype(str))["n_words"].sum()
        return counts.reindex([str(d) for d in corpus["doc_id"]], fill_value=0).astype("int64")
    tokenizer = get_nlp().tokenizer
    n = [sum(1 for t in doc if is_word(t)) for doc in tokenizer.pipe(corpus["text"], batch_size=64)]
    return pd.Series(n, index=[str(d) for d in corpus["doc_id"]], dtype="int64", name="n_words")


def quote_counts_per_article(quotes: pd.DataFrame, corpus: pd.DataFrame, by: str | Sequence[str] | None = "role",
                             kinds: Iterable[str] | None = None,
                             sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotes per article and category, with zero rows, the article's era and word count:
    columns :data:`QUOTE_COUNT_COLUMNS`. Feed it to ``era_shares(counts, category="role",
    count="n")``; with ``by=None`` (one row per article) to ``era_rates(counts, "n",
    "n_words", scale=1000)``. ``kinds`` keeps only those kinds of quote (default all).
    ``corpus``: best the study's ``articles`` table, whose ``n_words`` every notebook
    divides by (else words are counted from ``sentences`` or the text)."""
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    q = quotes if kinds is None else quotes[quotes["kind"].isin(list(kinds))]
    missing = [c for c in by if c not in q.columns]
    if missing:
        raise ValueError(f"quotes table has no column(s) {missing}: choose from {list(q.columns)}")
    articles = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str),
                             "era": corpus["era"] if "era" in corpus else "",
                             "era_label": corpus["era_label"] if "era_label" in corpus else ""})
    articles["n_words"] = _article_word_counts(corpus, sentences).to_numpy()
    if by:
        if by == ["role"]:
            cats = pd.DataFrame({"role": [*ROLES, UNKNOWN_ROLE]
                                 + sorted(set(q["role"]) - set(ROLES) - {UNKNOWN_ROLE})})
        else:
            cats = q[by].drop_duplicates().sort_values(by).reset_index(drop=True)
        grid = articles.merge(cats, how="cross")
        n = q.assign(doc_id=q["doc_id"].astype(str)).groupby(["doc_id", *by]).size().rename("n").reset_index()
        out = grid.merge(n, on=["doc_id", *by], how="left")
    else:
        n = q.assign(doc_id=q["doc_id"].astype(str)).groupby("doc_id").size().rename("n").reset_index()
        out = articles.merge(n, on="doc_id", how="left")
    out["n"] = out["n"].fillna(0).astype("int64")
    return out[["doc_id", "era", "era_label", *by, "n", "n_words"]].reset_index(drop=True)


def add_actor(actors: pd.DataFrame, name: str, role: str, country: str = "", aliases=(),
              type: str = "person", gender: str = "", notes: str = "") -> pd.DataFrame:
    """A copy of the actors table with one more actor (an in-memory edit, e.g. to try a
    speaker before adding them to ``actors.csv``), validated like the file: an unknown
    role or a name already listed raises :class:`ActorsError` naming the field."""
    row = {"name": name, "aliases": "|".join(aliases) if not isinstance(aliases, str) else aliases,
           "role": role, "country": country, "type": type, "gender": gender, "notes": notes}
    table = pd.concat([actors.astype(str), pd.DataFrame([row])], ignore_index=True)
    return checked_actors(table[[c for c in table.columns if c in ACTOR_COLUMNS]],
                          f"<actors with {name!r} added>")


# --------------------------------------------------------------------------- voices per era

#: Voice groups the notebooks compare, in display order: group -> the roles it holds.
#: Unattributed quotes and speakers missing from the actors table (role ``unknown``)
#: count as "Other or unknown".
VOICE_GROUPS = {
    "US government": ("us_executive", "us_agency", "us_congress_or_state"),
    "Mexican government": ("mexico_government",),
    "Central American governments": ("central_america_government",),
    "International organizations": ("international_org",),
    "Experts and NGOs": ("expert_or_ngo",),
    "Other or unknown": ("other", UNKNOWN_ROLE),
}
OTHER_VOICE = "Other or unknown"
_GROUP_OF_ROLE = {role: group for group, roles in VOICE_GROUPS.items() for role in roles}
#: Country shown for quotes whose speaker's country is not known.
UNKNOWN_COUNTRY = "unknown"
#: Speaker shown for quotes whose text names nobody.
UNATTRIBUTED = "(unattributed)"


def voice_group(role: str) -> str:
    """The voice group (a key of :data:`VOICE_GROUPS`) holding ``role``; any role not
    listed there counts as :data:`OTHER_VOICE`."""
    return _GROUP_OF_ROLE.get(role, OTHER_VOICE)


def included_quotes(quotes: pd.DataFrame, kinds: Iterable[str]) -> pd.DataFrame:
    """The rows of ``quotes`` whose kind is in ``kinds`` (a subset of :data:`KINDS`);
    ``ValueError`` naming the valid kinds for any other."""
    kinds = list(kinds)
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise ValueError(f"unknown kind(s) {bad}: choose from {list(KINDS)}")
    return quotes[quotes["kind"].isin(kinds)].reset_index(drop=True)


#: Columns :func:`quotes_with_articles` adds to :data:`QUOTE_COLUMNS`.
QUOTE_ARTICLE_COLUMNS = {
    "era": "era key of the quoting article",
    "era_label": "era name of the quoting article",
    "outlet": "publication of the quoting article",
    "date": "publication date of the quoting article",
    "title": "headline of the quoting article",
    "voice_group": "the speaker's voice group (VOICE_GROUPS)",
}


def quotes_with_articles(quotes: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` (from :func:`extract_quotes`) with the quoting article's era, outlet,
    date and title and the speaker's voice group: the columns of ``quotes`` then
    :data:`QUOTE_ARTICLE_COLUMNS`, rows in the same order."""
    articles = corpus.assign(doc_id=corpus["doc_id"].astype(str)).set_index("doc_id")
    out = quotes.copy()
    doc_ids = out["doc_id"].astype(str)
    for col in ("era", "era_label", "outlet", "date", "title"):
        values = articles[col] if col in articles.columns else pd.Series("", index=articles.index)
        out[col] = doc_ids.map(values)
    out["date"] = pd.to_datetime(out["date"])
    out["voice_group"] = out["role"].map(voice_group)
    return out


def _era_labels(quotes: pd.DataFrame, labels: dict[str, str] | None) -> dict[str, str]:
    found = dict(zip(quotes["era"], quotes["era_label"])) if len(quotes) else {}
    return {**found, **(labels or {})}


#: Columns of :func:`quotes_by_era`.
ERA_QUOTE_COLUMNS = {
    "era": "era key",
    "era_label": "era name",
    "n_articles": "articles of the corpus in the era",
    **{k: f"{k} quotes in the era's articles" for k in KINDS},
}


def quotes_by_era(quotes: pd.DataFrame, corpus: pd.DataFrame, eras: Sequence[str],
                  labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Raw counts: for each era key in ``eras`` (in that order, empty eras included),
    its articles and its quotes of each kind; columns :data:`ERA_QUOTE_COLUMNS`.
    ``quotes`` from :func:`quotes_with_articles`; ``labels`` maps era keys to names."""
    names = _era_labels(quotes, labels)
    rows = []
    for key in eras:
        kinds = quotes.loc[quotes["era"] == key, "kind"].value_counts()
        rows.append({"era": key, "era_label": names.get(key, key),
                     "n_articles": int((corpus["era"] == key).sum()),
                     **{k: int(kinds.get(k, 0)) for k in KINDS}})
    return pd.DataFrame(rows, columns=list(ERA_QUOTE_COLUMNS))


#: Per-era rates of :func:`era_quote_rates`: name -> description.
QUOTE_RATES = {
    "quotes_per_article": "Quotes per article",
    "quotes_per_1000_words": "Quotes per 1,000 words",
}
#: The same rates as :func:`borderlines.compare.rate_differences` measures over
#: ``quote_counts_per_article(..., by=None)``: a per-article mean, a ratio of sums.
QUOTE_MEASURES = {"quotes_per_article": "n", "quotes_per_1000_words": ("n", "n_words", 1000.0)}


def era_quote_rates(per_article: pd.DataFrame, eras: Sequence[str], seed: int = 0,
                    n_resamples: int = 2000) -> pd.DataFrame:
    """How much each era quotes, normalized: the mean quotes per article and the quotes
    per 1,000 words (Σ quotes / Σ words) of each era key in ``eras``, with bootstrap
    intervals over articles. ``per_article`` is ``quote_counts_per_article(..., by=None)``
    (one row per article: ``era``, ``n``, ``n_words``). Columns ``measure``,
    ``description`` (:data:`QUOTE_RATES`) and :data:`~borderlines.uncertainty.ESTIMATE_COLUMNS`."""
    from .uncertainty import era_means, era_rates

    eras = list(eras)
    parts = [era_means(per_article, "n", seed=seed, eras=eras, n_resamples=n_resamples)
             .assign(measure="quotes_per_article"),
             era_rates(per_article, "n", "n_words", scale=1000.0, seed=seed + 100, eras=eras,
                       n_resamples=n_resamples).assign(measure="quotes_per_1000_words")]
    table = pd.concat(parts, ignore_index=True)
    table["description"] = table["measure"].map(QUOTE_RATES)
    return table[["measure", "description", *[c for c in table.columns if c not in ("measure", "description")]]]


def voice_counts_per_article(quotes: pd.DataFrame, corpus: pd.DataFrame, by: str = "voice_group",
                             kinds: Iterable[str] | None = None,
                             sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotes per article and voice, zeros included, for
    :func:`borderlines.uncertainty.era_shares`: columns ``doc_id``, ``era``,
    ``era_label``, ``by``, ``n`` (quotes), ``n_words``.

    ``by="voice_group"``: every group of :data:`VOICE_GROUPS`, in its order.
    ``by="country"``: every speaker country quoted, most quoted first, with
    :data:`UNKNOWN_COUNTRY` (no country known, or unattributed) last. Other columns of
    ``quotes`` work as in :func:`quote_counts_per_article`. ``kinds`` keeps only those kinds."""
    if by == "voice_group":
        counts = quote_counts_per_article(quotes, corpus, by="role", kinds=kinds, sentences=sentences)
        counts["voice_group"] = counts["role"].map(voice_group)
        keys = ["doc_id", "era", "era_label", "n_words", "voice_group"]
        out = counts.groupby(keys, sort=False, dropna=False, as_index=False)["n"].sum()
    elif by == "country":
        q = quotes.assign(country=quotes["country"].replace("", UNKNOWN_COUNTRY))
        out = quote_counts_per_article(q, corpus, by="country", kinds=kinds, sentences=sentences)
        totals = out.groupby("country")["n"].sum()
        order = sorted(totals.index, key=lambda c: (c == UNKNOWN_COUNTRY, -totals[c], c))
        rank = {c: i for i, c in enumerate(order)}
        out = (out.assign(_r=out["country"].map(rank)).sort_values(["doc_id", "_r"], kind="stable")
               .drop(columns="_r"))
    else:
        out = quote_counts_per_article(quotes, corpus, by=by, kinds=kinds, sentences=sentences)
    return out[["doc_id", "era", "era_label", by, "n", "n_words"]].reset_index(drop=True)


#: Columns of :func:`top_speakers`.
TOP_SPEAKER_COLUMNS = {
    "era": "era key",
    "era_label": "era name",
    "rank": "1 = most quoted in the era; the aggregate rows come last",
    "speaker": "the speaker; 'Other speakers (k)' and UNATTRIBUTED for the aggregate rows",
    "role": "role category ('' for aggregate rows)",
    "voice_group": "voice group (VOICE_GROUPS; '' for aggregate rows)",
    "country": "the speaker's country ('' when unknown or aggregate)",
    "n": "quotes in the era's articles",
    "n_articles": "articles of the era quoting the speaker",
    "share": "n / all quotes of the era (0–1)",
    "aggregate": "True for the rows that sum other speakers or unattributed quotes",
}


def top_speakers(quotes: pd.DataFrame, eras: Sequence[str], n: int = 10) -> pd.DataFrame:
    """The ``n`` most quoted speakers of each era key in ``eras`` (ties by name), then one
    row for all other attributed speakers and one for unattributed quotes (when there
    are any), so each era's rows sum to its quotes; columns :data:`TOP_SPEAKER_COLUMNS`.
    ``quotes`` from :func:`quotes_with_articles`; eras without quotes have no rows."""
    rows = []
    for key in eras:
        q = quotes[quotes["era"] == key]
        if q.empty:
            continue
        label, total = q["era_label"].iloc[0], len(q)
        named = q[q["speaker"] != ""]
        per = (named.groupby(["speaker", "role", "country"], sort=False)
               .agg(n=("doc_id", "size"), n_articles=("doc_id", "nunique")).reset_index()
               .sort_values(["n", "speaker"], ascending=[False, True], kind="stable"))
        era_rows = [{"speaker": r.speaker, "role": r.role, "voice_group": voice_group(r.role),
                     "country": r.country, "n": int(r.n), "n_articles": int(r.n_articles), "aggregate": False}
                    for r in per.head(max(n, 0)).itertuples(index=False)]
        rest = per.iloc[max(n, 0):]
        if len(rest):
            others = named[named["speaker"].isin(set(rest["speaker"]))]
            era_rows.append({"speaker": f"Other speakers ({len(rest)})", "role": "", "voice_group": "",
                             "country": "", "n": len(others), "n_articles": others["doc_id"].nunique(),
                             "aggregate": True})
        unnamed = q[q["speaker"] == ""]
        if len(unnamed):
            era_rows.append({"speaker": UNATTRIBUTED, "role": "", "voice_group": "", "country": "",
                             "n": len(unnamed), "n_articles": unnamed["doc_id"].nunique(), "aggregate": True})
        rows += [{"era": key, "era_label": label, "rank": i, **r, "share": r["n"] / total}
                 for i, r in enumerate(era_rows, start=1)]
    return pd.DataFrame(rows, columns=list(TOP_SPEAKER_COLUMNS)).astype(
        {"rank": "int64", "n": "int64", "n_articles": "int64", "share": "float64", "aggregate": "bool"})


#: Columns of :func:`quote_table`.
QUOTE_TABLE_COLUMNS = {
    "era": "era name of the quoting article",
    "speaker": "the speaker (UNATTRIBUTED when the text names nobody)",
    "role": "the speaker's role category",
    "kind": "direct | partial | embedded | indirect",
    "quote": "the quoted words",
    "sentence": "the sentence holding the quote",
    "article": "the quoting article: 'id · outlet · YYYY-MM-DD · title' (empty parts left out)",
    "confidence": "attribution confidence (0–1, two decimals)",
}


def quote_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes of :func:`quotes_with_articles` for reading: one row per quote with its
    era, speaker, role, kind, words, sentence and article; columns :data:`QUOTE_TABLE_COLUMNS`."""
    dates = pd.to_datetime(quotes["date"]).dt.strftime("%Y-%m-%d")
    parts = zip(quotes["doc_id"].astype(str), quotes["outlet"], dates, quotes["title"])
    article = [" · ".join(str(x) for x in part if isinstance(x, str) and x) for part in parts]
    out = pd.DataFrame({
        "era": quotes["era_label"],
        "speaker": quotes["speaker"].replace("", UNATTRIBUTED),
        "role": quotes["role"], "kind": quotes["kind"], "quote": quotes["quote"],
        "sentence": quotes["sentence"], "article": pd.Series(article, index=quotes.index, dtype="object"),
        "confidence": quotes["confidence"].round(2)})
    return out[list(QUOTE_TABLE_COLUMNS)].reset_index(drop=True)
