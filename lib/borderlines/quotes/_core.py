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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
import spacy
from spacy.attrs import IDX, LENGTH, ORTH

from ..cleaning import embedded_posts
from ..files import InputProblem
from ..nlp import doc_sentences, get_nlp
from ..patterns import trie_pattern
from ..problems import Problem
from .actors import (_FOLD, _FOLD_CHAR_RE, _FOLD_RANGES, _ActorIndex, _actor_index, _actor_rows, _key,
                     checked_actors, fold_accents, load_actors)
from .roles import UNKNOWN_ROLE, role_and_country

# --------------------------------------------------------------------------- vocabularies



#: Kinds of quotes, in the order rows are sorted when at the same offset.
#: ``term``: a quoted name or scare quote ("Remain in Mexico" policy, the so-called “caravan”),
#: nobody's voice: left out of every rate and share that counts quotes by kind.
KINDS = ("direct", "partial", "embedded", "indirect", "term")

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
    "kind": "direct | partial | embedded | indirect | term",
    "quote": "the quoted words (text[start:end]): no quotation marks, no trailing comma",
    "start": "offset of the quote in the article's clean text (characters)",
    "end": "end offset (exclusive) in the clean text (characters)",
    "sentence": "the sentence(s) holding the quote; for posts, the whole signed post",
    "speaker_mention": "the words that name the speaker, as written ('he', 'Mexican President "
                       "Andres Manuel Lopez Obrador', 'Donald J. Trump (@realDonaldTrump)')",
    "speaker": "canonical name from the actors table; the name as written for unlisted "
               "speakers; '' when unattributed",
    "role": "role category (ROLES): from the words the article describes the speaker with "
            "(titles, appositives), else from the actors table; 'unknown' otherwise",
    "country": "speaker's country, from the text, else from the actors table; '' when unknown",
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
    "speaker_source": "where the speaker's name comes from: text (named in the article only), "
                      "actor_table (the name is a listed actor's), or none (unattributed)",
    "ambiguous": "True when the text cannot decide between people who share the name "
                 "(speaker is then the name as written)",
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
# Prepositions that also open a clause: "after Roe said ..." (its subject may speak).
_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "as", "than"})
_SUBJECT_OPENERS = frozenset({"i", "we", "you", "he", "she", "they", "there", "it"})
_SUBORDINATORS = frozenset({"because", "if", "when", "while", "although", "though", "since",
                            "unless", "whether", "once"})

# Speech verbs: form -> (lemma). Noun-like forms ("claims", "calls", "notes") are left out.
_VERB_FORMS = {
    "say": "said says say saying", "tell": "told tells telling", "add": "added adds adding",
    "state": "stated stating", "write": "wrote writes writing", "tweet": "tweeted tweeting",
    "post": "posted", "note": "noted noting notes", "explain": "explained explains explaining",
    "ask": "asked asks asking", "argue": "argued argues arguing", "claim": "claimed claiming",
    "insist": "insisted insists insisting", "warn": "warned warns warning",
    "declare": "declared declares declaring", "announce": "announced announces announcing",
    "acknowledge": "acknowledged acknowledges acknowledging",
    "reiterate": "reiterated reiterates reiterating", "call": "called calling",
    "accuse": "accused accuses accusing", "rail": "railed railing",
    "stress": "stressed stressing", "emphasize": "emphasized emphasised emphasizing",
    "urge": "urged urges urging", "reply": "replied replies replying",
    "respond": "responded responds responding", "recall": "recalled recalling",
    "predict": "predicted predicting predicts", "promise": "promised promising", "vow": "vowed vowing",
    "concede": "conceded conceding", "admit": "admitted admits admitting",
    "suggest": "suggested suggests suggesting", "contend": "contended contending contends",
    "complain": "complained complaining", "caution": "cautioned cautioning",
    "describe": "described describes describing", "confirm": "confirmed confirming",
    "deny": "denied denying denies", "brief": "briefed briefing", "speak": "spoke speaks", "maintain": "maintained maintains", "assert": "asserted asserting asserts",
    "remark": "remarked", "comment": "commented", "testify": "testified testifying",
    "boast": "boasted boasting", "continue": "continued", "conclude": "concluded",
    "dub": "dubbed", "label": "labeled labelled", "denounce": "denounced denouncing",
    "criticize": "criticized criticised criticizing", "blast": "blasted", "slam": "slammed",
    "demand": "demanded demanding", "shout": "shouted shouting shouts", "yell": "yelled yells",
    "exclaim": "exclaimed", "quip": "quipped", "joke": "joked", "retort": "retorted",
    "counter": "countered", "observe": "observed", "lament": "lamented", "scoff": "scoffed",
    "muse": "mused", "report": "reported reports", "read": "reads read", "allege": "alleged alleges alleging",
}
# A sentence may open with the verb of an inverted attribution ("Said Kolb: ..."); a
# headline capitalizes its verb ("Roe Says Levee Will Hold").
_VERB_FORMS["pledge"] = "pledged pledging pledges"
for _lemma, _forms in [("say", "Said Says"), ("add", "Added"), ("ask", "Asked"), ("write", "Wrote")]:
    _VERB_FORMS[_lemma] += " " + _forms
_VERB_FORMS["charge"] = "charged charges"
for _lemma, _forms in [("claim", "claims"), ("warn", "warn"), ("argue", "argue"), ("insist", "insist"),
                       ("contend", "contend"), ("complain", "complain complains"), ("suggest", "suggest")]:
    _VERB_FORMS[_lemma] += " " + _forms
_FORM_LEMMA = {form: lemma for lemma, forms in _VERB_FORMS.items() for form in forms.split()}
# Forms that are nouns as often as verbs ("his claims", "the charges"): verbs only before "that".
_NOUN_LIKE_FORMS = frozenset({"claims", "charges", "charged"})
# Verbs whose complement is a reported clause (indirect speech).
_CLAUSE_VERBS = frozenset("""say tell add state write tweet post note explain argue claim
    insist warn declare announce acknowledge reiterate stress emphasize reply respond
    suggest predict promise vow concede admit contend complain caution confirm maintain
    assert testify boast conclude demand shout yell exclaim quip joke retort counter observe
    lament report allege pledge charge""".split())
# Clause verbs that also take a plain object ("declared a national emergency",
# "emphasized the need for ..."): their complement is reported speech only after "that",
# a comma or a colon (and, for a promise, "to": "promising to employ more troops").
_OBJECT_VERBS = frozenset("""declare announce acknowledge reiterate stress emphasize promise vow
    confirm predict admit concede maintain boast conclude demand report observe pledge""".split())
_PROMISE_VERBS = frozenset({"promise", "vow", "pledge"})
# A question reported ("asked whether ...", "asked the board why ...") and an appeal
# ("urged Congress to act").
_ASKED_RE = re.compile(r"(?:\s+[\w'’.-]+){0,3}?\s+(?:whether|if|why|how|what|when|who|where)\b")
_URGED_RE = re.compile(r"(?:\s+[\w'’.-]+){1,4}?\s+to\s+[a-z]")
# A reported clause without "that" after a verb that also takes objects: its own subject and verb.
_AUXILIARIES = r"(?:will|would|could|can|may|might|must|should|had|has|have|is|was|are|were|did|does|do)"
_BARE_CLAUSE_RE = re.compile(
    rf"\s+(?:(?:it|he|she|they|we|I|there)\s+(?:\w+ed|\w+s|{_AUXILIARIES})"
    # a described subject and an auxiliary: "acknowledged the old levee was ..."
    rf"|(?:the|a|an|this|its|his|her|their)(?:\s+(?!(?:that|which|who|whom|whose|and|or|to)\b)[\w'’-]+){{1,3}}"
    rf"\s+{_AUXILIARIES})\b")
_CLAUSE_LEAD_END_RE = re.compile(r"(?:\bthat|[,:])\s*$")
# Verbs that can come before their subject ("..., said Brown").
_INVERTIBLE = frozenset("say add write tweet explain note ask insist argue warn declare reply "
                        "respond continue conclude according demand shout yell exclaim quip joke "
                        "retort counter observe report".split())

# --------------------------------------------------------------------------- regexes

# Patterns scanned over whole articles start with a literal character where their first
# characters are few (see trie_pattern); verbs and group nouns start with most letters.
_VERB_RE = re.compile(r"\b" + trie_pattern(_FORM_LEMMA) + r"\b")
_ENDS_WITH_VERB_RE = re.compile(r"\b(?:" + "|".join(_FORM_LEMMA) + r")(?:\s+that)?$")
_ACCORDING_RE = re.compile(trie_pattern(["According to", "according to"], r"\w") + r"\b")
_MARK_RE = re.compile(r"[“”\"«»]")
_OPENING_GLYPHS = "“«"
_CLOSING_GLYPHS = "”»"
_BEFORE_OPEN = set("([{—–-/‘'“«\u200b")
_AFTER_CLOSE = set(".,;:!?)]}—–-/’'”»\u200b")
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)")
_ADVERBS = (r"(?:(?:\w+ly|also|later|then|again|further|previously|earlier|recently|once|often|"
            r"still|even|just|already|now|afterwards?|too|first|never|not|long|has|have|had|would|will|"
            r"could|did|does|do|was|were|is|are|might|may|can|should|must|"
            rf"(?:on\s+)?{_DAYS}|(?:last|this|next)\s+(?:week|month|year|night|{_DAYS})|"
            rf"(?:in|on|since|last)\s+{_MONTHS}(?:\s+\d{{1,2}})?|"
            r"yesterday|today|tonight)(?![\w’']))")
# What may stand between a speaker and the speech verb: "of Mexico", an appositive or a
# parenthetical between commas, adverbs, auxiliaries and days.
_GAP_RE = re.compile(
    r"(?:['’](?:s|ve|d|ll|re)\b)?"        # "He’s claiming", "They’ve said"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"
    r"(?:\s+(?:on|at|for|from|with|in|of)\s+(?:the\s+|a\s+|an\s+)?[\w.'’-]+(?:\s+(?:and\s+)?[\w.'’-]+){0,4})?"
    r"(?:\s*\([^()\n]{1,40}\))?"
    # parentheticals, one may end in a relative clause: ", a lawyer for X, which owns Y,"
    r"(?:\s*,[^,;:“”\"]{1,250},(?:\s*(?:who|whom|whose|which|where)\b[^,;:“”\"]{1,250},)?){0,2}"
    rf"(?:\s+{_ADVERBS})*(?:\s*,)?\s*")
_APPOSITIVE_RE = re.compile(
    r"\s*,\s+(?:a|an|the|its|his|her|their|[A-Z][\w.'’-]*’s|[A-Z][\w.'’-]*'s)\s"
    r"[^,;:“”\"]{0,140}?\b(?:" + "|".join(_ROLE_NOUNS) + r")s?\b")
# After a speaker in subject position comes a verb-like word (or a relative clause).
_SUBJECT_POSITION_RE = re.compile(
    r"\s*,\s*(?:who|whose)\b|"
    r"(?:\s*,[^,;:“”\"]{1,160},)?(?:\s+" + _ADVERBS + r")*"
    r"\s+(?!(?:and|or|but|of|in|at|on|to|for|with|by|from|about|as|the|a|an|that|this|who|"
    r"which|whose|is|are|was|were)\b)[a-z][a-z’'-]+\b")
# "called for a ban", "called Friday on police to act": a demand, reported like speech.
_CALL_FOR_RE = re.compile(rf"(?:\s+{_ADVERBS})*\s+(?:for|on)\b")
# A verb of saying coordinated with an earlier verb: "... and said", "..., and later said".
_AND_BEFORE_RE = re.compile(rf"\band(?:\s+{_ADVERBS})*\s+$")
# Between a closing mark and the speaker: punctuation and up to ten words describing the
# speaker ("Acme lawyer", "Obama's former campaign strategist").
_LEAD_FILLER_RE = re.compile(r"[\s,.!?;:—–-]*(?:[\w.'’$%-]+,?\s+){0,10}")
_PUNCT_ONLY_RE = re.compile(r"[\s,.!?;:—–-]*")
_INVERTED_GAP_RE = re.compile(r"\s+(?:(?:later|also|then|again)\s+)?(?:(?:the|an?|one|another)\s+)?")
# An attribution inside an unclosed quotation shows where its closing mark was forgotten.
_INNER_ATTRIBUTION_RE = re.compile(
    r",\s+(?:he|she|it|they|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:later\s+|also\s+)?(?:said|says|added|told|wrote|tweeted|explained|noted)\b")
_SENTENCE_BREAK_RE = re.compile(r"[.!?][’'”\")\]]*(?=\s)")

_NAME_TOKEN = r"[A-Z](?:[^\W\d_]|['’-])*[^\W\d_A-Z](?:[^\W\d_]|['’-])*"   # letters of any alphabet
_NAME_PART = rf"(?:{_NAME_TOKEN}|[A-Z]\.|de|del|la|van|von|da|dos|bin)"
# _NAME_TOKEN not after a word character, "@" or ".", then more name parts
_FULL_NAME_RE = re.compile(rf"[A-Z](?<![\w@.].)(?:[^\W\d_]|['’-])*[^\W\d_A-Z](?:[^\W\d_]|['’-])*"
                            rf"(?:\s+{_NAME_PART}){{0,3}}\s+{_NAME_TOKEN}\b")
_TITLE_NAME_RE = re.compile(
    r"(?P<title>" + trie_pattern(_TITLE_WORDS, r"[\w.]") + r")(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?"
    + rf"\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_PART}){{0,3}})")
_ORG_KEYWORD_RE = re.compile(trie_pattern(_ORG_KEYWORDS, r"\w") + r"\b")
# People who speak in the news as a group ("police said", "six of 10 voters say"); also
# modifiers of other nouns ("police videos"), where they speak for no one.
_SPEAKING_GROUPS = ("police", "voters", "residents", "advisers", "advisors", "attorneys", "lawyers",
                    "prosecutors", "investigators", "researchers", "economists", "scientists", "supporters",
                    "opponents", "organizers", "protesters", "witnesses", "pollsters", "respondents")
_GROUP_NOUNS = ("official", "officials", "expert", "experts", "analyst", "analysts", "aides", "spokesman",
                "spokeswoman", "spokesperson", "advocates", "lawmakers", "legislators", "critics",
                "authorities", "diplomats", "sources", "leaders", "negotiators", "activists", "groups",
                *_SPEAKING_GROUPS)

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
# More capitalized words after an organisation keyword: "State Department Refugee Center".
_CAP_TAIL_RE = re.compile(r"(?:\s+[A-Z][\w'’-]*)+")
_ORG_RIGHT_RE = re.compile(r"\s+(?:of|for|on)\s+(?:(?:the|a|an)\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")
_WORD_BEFORE_RE = re.compile(r"(\w+)\s+(?:(?:the|a|an)\s+)?$")
_HEAD_OF_BEFORE_RE = re.compile(r"(\w+)\s+of\s+(?:(?:the|a|an)\s+)?$")
_TO_COLON_RE = re.compile(r"[^.!?“”\"]*?[,:]\s*")
_COMMA_THE_END_RE = re.compile(r",\s*(?:[\w'’-]+\s+){0,3}$")   # ", the", ", top state"
_COMMA_ACCORDING_RE = re.compile(r",\s+according to\b")
_ACCORDING_GAP_RE = re.compile(r"\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}")
_COMMA_END_RE = re.compile(r",\s*$")
# The source after "according to" when no name is there: up to eight words to a comma or a stop.
_ACCORDING_SOURCE_RE = re.compile(r"\s+((?:[\w.'’/-]+\s+){0,7}[\w'’/-]+)\s*(?=[,.;]|$)")
_THE_GAP_RE = re.compile(r"\s+(?:the\s+)?")


@lru_cache(maxsize=4096)
def _surname_re(surname: str) -> re.Pattern:
    """``(?<![\\w@])surname\\b``, written to start with the surname's first character (so
    the engine scans for it instead of trying every position)."""
    return re.compile(re.escape(surname[0]) + r"(?<![\w@].)" + re.escape(surname[1:]) + r"\b")


# --------------------------------------------------------------------------- per-article state


@dataclass(eq=False)     # a mention is itself: found and removed by identity
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
    full_names: dict[str, dict[str, int]] = field(default_factory=dict)   # _full_names by surname
    descriptions: dict[str, str] | None = None                 # _descriptions, once computed
    index: _ActorIndex | None = None

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


_TWO_APOSTROPHES_RE = re.compile(r"''")


def _marks_view(text: str) -> str:
    """``text`` with each pair of apostrophes used as a double quotation mark (''like
    this,'' in some newswire archives) written as a straight mark and a zero-width space,
    the mark on the side of the quoted words, so offsets are unchanged."""
    if "''" not in text:
        return text
    def mark(m):
        before = text[m.start() - 1] if m.start() else " "
        return "\u200b\"" if before.isspace() or before in "([{—–-" else "\"\u200b"
    return _TWO_APOSTROPHES_RE.sub(mark, text)


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
    dropped: dict[int, _Mention] = {}   # mentions taken out of ``found`` again, by id (kept alive)
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
                    dropped[id(gone)] = gone
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
            stops = [k for k, w in enumerate(words) if w[2].endswith(".") and not (
                _INITIALS_RE.fullmatch(w[2]) or w[2] in _NAME_TITLE_WORDS or w[2] in _ABBREVIATIONS)]
            if stops:
                words = words[stops[-1] + 1:]     # "Reuters. Police": a new sentence starts
            while words and (words[0][2] in (*_JOINERS, "on")
                             or (words[0][2] in _FUNCTION_CAPS and words[0][2] not in _TITLE_ADJECTIVES)):
                words.pop(0)
            s = words[0][0] if words else s
        right = _ORG_RIGHT_RE.match(text, e)
        if right:
            e = right.end()
        else:
            tail = _CAP_TAIL_RE.match(text, e)
            ends = [w.end() for w in _NONSPACE_RE.finditer(text, e, tail.end()) if w.group() in _ORG_KEYWORD_SET] \
                if tail else []
            if ends:                       # "State Department Refugee Center": up to its last keyword
                e = ends[-1]
        if (s < keyword_start or right) and not art.in_quoted(s):
            inside = [m for m in found[-6:] if s <= m.start and m.end <= e and m.method == "name"
                      and m.type == "person" and not m.candidates]
            for m in inside:                # "Committee for a [Fair Harbor]": the committee's name
                last = found[-6:]
                del found[len(found) - len(last) + last.index(m)]
                dropped[id(m)] = m
                covered[m.start:m.end] = b"\x00" * (m.end - m.start)
            if free(s, e):
                take(_Mention(s, e, text[s:e], "institution", "institution",
                              possessive=_is_possessive(text, e)))
    # speakers the text names next to a speech verb, listed or not ("Halvorsen said",
    # "said Sen. Dana Kolb", "the Times reported"); a bare surname is the person the
    # article named in full before
    for verb in art.verbs:
        named_before = verb.start >= 2 and covered[verb.start - 2]
        for s, e, described in _speaker_runs(art, verb, left=not named_before):
            if free(s, e):
                take(_described_mention(text, s, e) if described else _text_mention(art, s, e, index))
    # groups: "U.S. officials", "experts", "his aides"; not the role noun of a person's
    # appositive ("Theresa C. Brown, an immigration analyst at ...")
    in_appositive = bytearray(len(text) + 1)
    for a in (_APPOSITIVE_RE.match(text, m.end) for m in found if m.type == "person"):
        if a:
            in_appositive[a.start():a.end()] = b"\x01" * (a.end() - a.start())
    for noun_start, noun_end, _ in (w for w in listed if w[2] in _GROUP_NOUN_FORMS):
        if in_appositive[noun_start] or _modifies_noun(text, noun_start, noun_end):
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
        if owner is not None and owner.type != "person" and id(owner) not in dropped:
            # "a spokeswoman for the Mexican Foreign Ministry" speaks for the ministry
            found.remove(owner)
            dropped[id(owner)] = owner
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
    # "according to X": X as a speaker, named or described
    for m in _ACCORDING_RE.finditer(text):
        gap = _INVERTED_GAP_RE.match(text, m.end())
        run = _RUN_RE.match(text, gap.end()) if gap else None
        if run and not art.in_quoted(m.start()):
            s, e = _trimmed_run(text, run.start(), run.end())
            if e > s and free(s, e):
                take(_text_mention(art, s, e, index))
    # relative pronouns that speak: "Ana Roe, who said ..." (the mention is "who", its
    # speaker the name before it)
    for verb in art.verbs:
        window = text[max(0, verb.start - 60):verb.start]
        rel = _RELATIVE_BEFORE_RE.search(text, max(0, verb.start - 60), verb.start) \
            if "who" in window or "which" in window else None
        if rel and free(*rel.span(1)):
            antecedent = next((m for m in reversed(found[-8:]) if m.end <= rel.start(1) and m.speaker
                               and _ANTECEDENT_GAP_RE.fullmatch(text, m.end, rel.start(1))), None)
            if antecedent is None:
                runs = list(_RUN_RE.finditer(text, max(0, rel.start(1) - 80), rel.start(1)))
                if runs:
                    s, e = _trimmed_run(text, runs[-1].start(), runs[-1].end())
                    if e > s and _ANTECEDENT_GAP_RE.fullmatch(text, e, rel.start(1)) and free(s, e):
                        antecedent = _text_mention(art, s, e, index)
                        take(antecedent)
            if antecedent is None:           # "an architect who said": the description speaks
                described = _NOUN_BEFORE_RE.search(text, max(0, rel.start(1) - 40), rel.start(1))
                if described and described.group(1).lower() not in _NOT_IN_DESCRIPTION:
                    antecedent = _described_mention(text, described.start(1), described.end(1))
            if antecedent is not None:
                take(_Mention(*rel.span(1), antecedent.speaker, antecedent.type, "pronoun",
                              gender=antecedent.gender, word=rel.group(1)))
    # described speakers: "the Indiana governor said", "a narrator in the ad asks"
    by_start: dict[int, list[_Mention]] = {}
    for m in found:
        by_start.setdefault(m.start, []).append(m)
    for verb in art.verbs:
        before = verb.start - 2
        if (verb.participle and not _BE_BEFORE_RE.search(text, max(0, verb.start - 12), verb.start)) \
                or before < 0 or covered[before] or not text[before].islower():
            continue                       # named already, or not a described noun before it
        span = _described_before(art, verb)
        if span and not art.in_quoted(span[0]):
            if not free(*span):
                inside = [m for pos in range(*span) for m in by_start.get(pos, ()) if m.end < span[1]]
                for m in inside:             # "The [Clinton] campaign": the campaign speaks
                    by_start[m.start].remove(m)
                    dropped[id(m)] = m
                    covered[m.start:m.end] = b"\x00" * (m.end - m.start)
            if free(*span):
                take(_described_mention(text, *span))
                by_start.setdefault(span[0], []).append(found[-1])
    found = [m for m in found if id(m) not in dropped]
    found.sort(key=lambda m: m.start)
    art.mentions = found
    art.mention_starts = [m.start for m in found]


_GROUP_WORDS = frozenset(_GROUP_NOUNS)

# A run of capitalized words (a name, a title and name, "the New York Times"), with the
# small words names hold ("Secretary of State", "Luis de la Cruz").
_RUN_RE = re.compile(
    r"(?<![\w'’.@#-])(?:[Tt]he\s+)?[A-Z][\w'’.&-]*"
    r"(?:\s+(?:(?:of|de|del|la|van|von|da|dos|bin|al|and|for)\s+(?:the\s+)?)?[A-Z][\w'’.&-]*)*")
_RUN_TRIM_RE = re.compile(r"[.,'’-]+$")
# Words of a title that the title list leaves out ("Senate Majority Whip", "Press Secretary").
_EXTRA_TITLE_WORDS = frozenset("""Whip Majority Minority Press Deputy Acting Assistant Associate
    Former Sens. Reps. Govs. Supt. Superintendent Inspector Lt. Sgt. Capt. Cmdr. Maj. Prof.
    Professor Rabbi Rev. Reverend Pope Queen King Prince Princess Sir Dame Lord Lady Pastor
    Congressman Congresswoman Councilman Councilwoman Councilmember Delegate Del. Assemblyman
    Assemblywoman Host Anchor Correspondent Editor Columnist Chief Officer CEO Founder""".split())
_NAME_TITLE_WORDS = _CORE_TITLES | _EXTRA_TITLE_WORDS
_NOT_NAMES = frozenset({w.capitalize() for w in _GROUP_NOUNS})
_PARTY_RE = re.compile(r"[DRI]-[A-Z]")   # a party and state label, "D-Ore."
_ABBREVIATIONS = frozenset("Jr. Sr. St. Mt. Ft. Co. Corp. Inc. Ltd. Bros.".split())


# After an inverted verb, up to three words may describe the speaker before the name
# ("said 9/11 widow Ana Roe", "says longtime aide Li Pell"); the name then ends the clause.
_INVERTED_DESCRIBED_RE = re.compile(r"\s+(?:(?:later|also|then|again)\s+)?(?:[\w/'’.-]+\s+){0,3}")
_NEXT_LOWER_WORD_RE = re.compile(r"\s+([a-z][\w'’-]*)")
_MAY_FOLLOW_SPEAKER = _PREPOSITIONS | frozenset("""and who whose which as during when while after before
    told said added says wrote asked noted explained recently later also today yesterday tonight""".split())
_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:!?)(]|\n|$)")


def _inverted_subject(text: str, verb_end: int, s: int, e: int) -> bool:
    """Whether the name at ``text[s:e]`` after a verb of saying is its subject ("said
    Kolb", "said longtime aide Li Pell."), not the subject of a reported clause ("said
    Kolb was late", "saying that Kolb should go")."""
    if _SUBJECT_VERB_RE.match(text, e):
        return False
    after = _NEXT_LOWER_WORD_RE.match(text, e)
    if after and after.group(1) not in _MAY_FOLLOW_SPEAKER:
        return False                  # "said Herald columnist ...": a description goes on
    if _INVERTED_GAP_RE.fullmatch(text, verb_end, s):
        return True
    words = text[verb_end:s].split()
    return (bool(_INVERTED_DESCRIBED_RE.fullmatch(text, verb_end, s)) and bool(_CLAUSE_END_RE.match(text, e))
            and not any(w.lower() in _NOT_IN_DESCRIPTION for w in words))


def _speaker_runs(art: _Article, verb: _Verb, left: bool = True) -> list[tuple[int, int, bool]]:
    """``(start, end, described?)`` of the speakers of ``verb`` the text names: the nearest
    capitalized run before it with only a gap (adverbs, a party "(D-Ore.)", an
    appositive) between (unless ``left`` is False: a name stands there already), and for
    verbs that invert, the run right after it ("said Kolb") or a described speaker ending
    the clause ("said the ruling.")."""
    text = art.text
    out = []
    si = art.sentence_of(verb.start)
    lo = max(art.sent_starts[si], verb.start - 220)
    runs = list(_RUN_RE.finditer(text, lo, verb.start))[-3:] if left else []
    for m in reversed(runs):
        if art.in_quoted(m.start()):
            continue
        s, e = _trimmed_run(text, m.start(), m.end())
        if e > s and _GAP_RE.fullmatch(text, e, verb.start):
            out.append((s, e, False))
            break
    if verb.lemma in _INVERTIBLE:
        described = _DESCRIBED_AFTER_RE.match(text, verb.end)
        if described and not art.in_quoted(described.start(1)) and not any(
                w.lower() in _NOT_IN_DESCRIPTION for w in described.group(1).split()[1:]):
            out.append((*described.span(1), True))
        for m in _RUN_RE.finditer(text, verb.end, min(len(text), verb.end + 60)):
            if art.in_quoted(m.start()):
                break
            s, e = _trimmed_run(text, m.start(), m.end())
            if e > s and _inverted_subject(text, verb.end, s, e):
                out.append((s, e, False))
                break
    return out


def _trimmed_run(text: str, s: int, e: int) -> tuple[int, int]:
    """The name inside a capitalized run: leading sentence words ("But", "Meanwhile") and
    a trailing abbreviation stop or possessive left out; ``(s, s)`` when nothing is left."""
    tokens = _tokens(text, s, e)
    for k, (_, _, tok) in enumerate(tokens[:-1]):
        if tok.endswith(".") and not (_INITIALS_RE.fullmatch(tok) or tok in _NAME_TITLE_WORDS
                                      or tok in _ABBREVIATIONS):
            del tokens[k + 1:]          # a full stop ends the sentence, and the name
            break
    while tokens and tokens[0][2].rstrip(".,") in _FUNCTION_CAPS and tokens[0][2] not in _TITLE_ADJECTIVES:
        tokens.pop(0)
    while tokens and tokens[-1][2].lower() in _JOINERS:
        tokens.pop()
    if not tokens or _PARTY_RE.match(tokens[0][2]):
        return s, s
    if len(tokens) == 1 and (tokens[0][2] in _NOT_NAMES or len(tokens[0][2]) < 2):
        return s, s
    start, end = tokens[0][0], tokens[-1][1]
    word = text[tokens[-1][0]:end]
    if _POSSESSIVE_RE.search(word):
        return s, s                 # "Kolb’s aide said": not Kolb
    if word.endswith(".") and word not in _NAME_TITLE_WORDS and not _INITIALS_RE.fullmatch(word) \
            and not word.endswith(("Jr.", "Sr.")) and "-" not in word:
        end -= 1
    return start, end


def _text_mention(art: _Article, s: int, e: int, index: _ActorIndex, written: str | None = None) -> _Mention:
    """The mention of a speaker the text names at ``text[s:e]`` (title included): a
    person (titled, full name, or a surname resolved to the full name the article gave)
    or an institution ("the Times", "Homeland Security Department")."""
    text = art.text
    words = (written or text[s:e]).split()
    last_title = max((i for i, w in enumerate(words) if w in _NAME_TITLE_WORDS), default=-1)
    if last_title == len(words) - 1 or (last_title < 0 and (
            words[0] in ("The", "the") or any(w in _ORG_KEYWORD_SET for w in words))):
        return _Mention(s, e, text[s:e].removeprefix("The ").removeprefix("the "), "institution",
                        "institution", possessive=_is_possessive(text, e))
    name_words = words[last_title + 1:]
    cut = next((i for i, w in enumerate(name_words) if w in ("of", "and", "for")), len(name_words))
    name = " ".join(name_words[:cut]) or " ".join(words)   # "Ana Roe of Ohio" is Ana Roe
    gender = next(("f" if w in _FEMALE_TITLES else "m" for w in words[:last_title + 1]
                   if w in _FEMALE_TITLES or w in _MALE_TITLES), "")
    method = "title_name" if last_title >= 0 else "name"
    flags: tuple[str, ...] = ()
    if len(name.split()) == 1:
        full = _full_names(art, name)
        earlier = [n for n, first in full.items() if first < s] or (list(full) if len(full) == 1 else [])
        if len(earlier) == 1:
            name, method = earlier[0], ("title_name" if last_title >= 0 else "surname")
        elif earlier:
            flags = ("ambiguous_surname",)
    listed = index.lookup.get(_key(name), ())
    if len(listed) == 1:
        name = listed[0]
        actor = index.actors[name]
        gender = gender or actor.gender
    return _Mention(s, e, name, "person", method, gender=gender, possessive=_is_possessive(text, e),
                    flags=flags)


_DETERMINERS = (r"(?:[Tt]he|[Aa]n?|[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|"
                r"[Ss]ome|[Mm]any|[Oo]ther|[Ss]everal|[Aa]ll|[Bb]oth|[Mm]ost|[Tt]hose|[Tt]hese|[Ff]ew|"
                r"[A-Z][\w.-]*['’]s)")
_DESCRIBED_RE = re.compile(
    rf"(?<![\w'’]){_DETERMINERS}\s+(?:[\w.'’-]+\s+){{0,5}}?[\w'’-]*[A-Za-z][\w'’-]*"
    rf"(?:\s*\([^()\n]{{1,40}}\))?(?:\s+{_ADVERBS})*\s*$")
_NOT_IN_DESCRIPTION = frozenset("""that which who whom whose is was are were has have had and or but if
    when to be been not it he she they we i you this these those there what as than would will could
    can may might must should shall did does do""".split())
_PERSON_HEADS = frozenset([*(w for w in _ROLE_NOUNS if " " not in w), "man", "woman", "businessman",
                           "businesswoman", "narrator", "announcer", "host", "anchor", "moderator",
                           "congressman", "congresswoman", "nominee", "son", "daughter", "wife",
                           "husband", "brother", "sister", "friend", "colleague", "aide", "widow",
                           "veteran", "voter", "supporter", "critic", "questioner", "witness", "victim",
                           "mom", "dad", "niece", "nephew", "neighbor", "lady", "boy", "girl"])


_NOUN_BEFORE_RE = re.compile(r"(?<![\w'’])((?:an?|the|one|some)\s+[a-z][\w'’-]*)\s+$")
_RELATIVE_BEFORE_RE = re.compile(rf"(?<![\w'’])(who|which)(?:\s+{_ADVERBS})*\s+$")
_ANTECEDENT_GAP_RE = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*,?\s*")
_OF_BEFORE_RE = re.compile(r"\bof\s+$")
_BE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were)\s+$")   # "the attorney general is confirming"
_TRAILING_ADVERBS_RE = re.compile(rf"(?:\s+{_ADVERBS})+$")


_SPEAKING_GROUP_SET = frozenset([*_SPEAKING_GROUPS, *(w.capitalize() for w in _SPEAKING_GROUPS)])
_AFTER_SUBJECT_WORDS = _MAY_FOLLOW_SPEAKER | _SUBORDINATORS | frozenset(
    "or but that who is are was were has have had will would could can may might must should did do does "
    "also later then again still often never not all both".split())


def _modifies_noun(text: str, s: int, e: int) -> bool:
    """Whether the speaking-group noun ``text[s:e]`` modifies the noun after it
    ("the police videos"), rather than heading its phrase ("police in Tulsa said")."""
    if text[s:e] not in _SPEAKING_GROUP_SET:
        return False
    nxt = _NEXT_LOWER_WORD_RE.match(text, e)
    if not nxt:
        return False
    word = nxt.group(1)
    return not (word in _FORM_LEMMA or word in _AFTER_SUBJECT_WORDS or word.endswith("ly"))


def _described_before(art: _Article, verb: _Verb) -> tuple[int, int] | None:
    """The span of a described speaker right before ``verb``: a determiner or a
    possessive and up to six words without a verb-like word ("the New York businessman",
    "my father", "a narrator in the ad"), or None."""
    text = art.text
    lo = max(art.sent_starts[art.sentence_of(verb.start)], verb.start - 90)
    m = _DESCRIBED_RE.search(text[lo:verb.start])
    if not m or art.in_quoted(lo + m.start()):
        return None
    s = lo + m.start()
    e = s + len(m.group().rstrip())
    adverbs = _TRAILING_ADVERBS_RE.search(text, s, e)
    e = adverbs.start() if adverbs else e
    words = text[s:e].split()
    if len(words) < 2 or any(w.lower() in _NOT_IN_DESCRIPTION for w in words[1:]) or words[-1] in _FORM_LEMMA:
        return None
    paren = text.rfind(" (", s, e)
    return (s, paren if paren > 0 and text[e - 1] == ")" else e)


# A described speaker after an inverted verb, ending its clause: "said the ruling.",
# "said one source on the panel,".
_DESCRIBED_AFTER_RE = re.compile(rf"\s+({_DETERMINERS}\s+(?:[\w'’-]+\s+){{0,5}}?[a-z][\w'’-]*)(?=\s*[,.;:!?]|\s*$)")


def _described_mention(text: str, s: int, e: int) -> _Mention:
    """A described speaker: a person when its head noun names one ("the businessman"),
    else a group or an institution ("the ruling", "the letter", "protesters")."""
    head = text[s:e].split()[-1].lower()
    label = text[s:e]
    label = label[4:] if label.startswith(("The ", "the ")) else label
    if head in _PERSON_HEADS:
        return _Mention(s, e, label, "person", "pronoun", possessive=False)
    typ = "group" if head.endswith("s") and not head.endswith("ss") else "institution"
    return _Mention(s, e, label, typ, "institution")


def _full_names(art: _Article, surname: str) -> dict[str, int]:
    """``{full name: first offset}`` of the people the article names with two or more
    words ending in ``surname`` (titles left out), outside quotations; remembered per
    article and surname."""
    known = art.full_names.get(surname)
    if known is None:
        known = art.full_names[surname] = {}
        for m in _full_name_re(surname).finditer(art.text):
            if art.in_quoted(m.start()):
                continue
            s, e = _trimmed_run(art.text, m.start(), m.end())
            words = art.text[s:e].split()
            if len(words) < 2 or words[0] in ("The", "the") or any(w in _ORG_KEYWORD_SET for w in words):
                continue
            last_title = max((i for i, w in enumerate(words) if w in _NAME_TITLE_WORDS), default=-1)
            name = words[last_title + 1:]
            if len(name) >= 2 and name[-1] == surname and not any(w in _FUNCTION_CAPS for w in name):
                known.setdefault(" ".join(name), s)
    return known


@lru_cache(maxsize=4096)
def _full_name_re(surname: str) -> re.Pattern:
    """Capitalized words (with name particles) ending in ``surname``."""
    return re.compile(r"(?<![\w'’.@#-])[A-Z][\w'’.&-]*(?:\s+(?:(?:de|del|la|van|von|da|dos|bin|al)\s+)?"
                      r"[A-Z][\w'’.&-]*)*?\s+" + re.escape(surname) + r"\b")

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
    last_at: dict[str, int] = {}     # speaker -> index of its latest resolved mention
    titles = _TitledPeople(art)
    for k, m in enumerate(art.mentions):
        if m.candidates and not m.speaker:
            earlier = [c for c in m.candidates if c in last_at]
            m.speaker = max(earlier, key=last_at.__getitem__) if earlier else m.candidates[0]
            if not earlier:
                m.flags = m.flags + ("ambiguous_alias",)
            actor = index.actors[m.speaker]
            m.gender = actor.gender
        if m.method == "pronoun" and m.type == "person" and not m.word and art.text.startswith(("the ", "The "), m.start):
            # "the Indiana governor": the person named earlier with that title ("Gov. Ana Roe")
            head = art.text[m.start:m.end].split()[-1].lower()
            if head in _TITLE_FORMS:
                antecedent = titles.antecedent(k, _TITLE_FORMS[head])
                if antecedent is not None:
                    m.speaker, m.gender = antecedent.speaker, antecedent.gender
        elif m.type in ("pronoun", "nominal", "title"):
            antecedent = (_antecedent(art, k) if m.type == "pronoun"
                          else _apposed_to(art, k) or titles.antecedent(k) if m.type == "title"
                          else _nominal_antecedent(art, k, index))
            if antecedent is not None:
                m.speaker = antecedent.speaker
                if m.type == "pronoun" and m.word in ("he", "she"):
                    m.gender = "m" if m.word == "he" else "f"
                    art.genders.setdefault(m.speaker, m.gender)
                    m.type = "person"
                else:
                    m.gender, m.type = antecedent.gender, antecedent.type
        if m.speaker:
            last_at[m.speaker] = k


def _apposed_to(art: _Article, k: int) -> _Mention | None:
    """The named person a title mention stands in apposition to ("Ana Roe, the mayor of
    Lakeside, said"), else None."""
    if k == 0:
        return None
    before = art.mentions[k - 1]
    if before.type == "person" and before.speaker and art.text[before.end:art.mentions[k].start].strip() == ",":
        return before
    return None


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


class _TitledPeople:
    """The person "the president" / "the foreign minister" refers to (:meth:`antecedent`):
    of the people mentioned earlier in the article with that title, the most mentioned
    (then the most recent), so "the president" of a US story is not the Mexican president
    named once. Asked in reading order, it reads each earlier mention once."""

    def __init__(self, art: _Article):
        self.art = art
        self.read = 0                                  # art.mentions[:read] are counted
        self.counts: dict[str, int] = {}               # speaker -> mentions so far
        self.people: list[tuple[str, _Mention]] = []   # (words as written, lowercased; mention)
        self.titled: dict[tuple[str, bool], dict[str, _Mention]] = {}   # (title head, vice?) -> latest

    def antecedent(self, k: int, heads: Sequence[str] = ()) -> _Mention | None:
        """The person the title mention ``k`` refers to; ``heads``: the title words to
        look for (default: the mention's last word)."""
        art = self.art
        for m in art.mentions[self.read:k]:
            if m.speaker:
                self.counts[m.speaker] = self.counts.get(m.speaker, 0) + 1
                if m.type == "person":
                    written = " ".join(art.text[m.start:m.end].lower().split())
                    self.people.append((written, m))
                    for key, titled in self.titled.items():
                        if _has_title(written, key):
                            titled[m.speaker] = m
        self.read = max(self.read, k)
        p = art.mentions[k]
        vice = "vice president" in (p.word or art.text[p.start:p.end].lower())
        titled = {}
        for head in heads or _TITLE_FORMS.get(p.word.split()[-1], [p.word.split()[-1]]):
            key = (head, vice)
            if key not in self.titled:
                self.titled[key] = {m.speaker: m for written, m in self.people if _has_title(written, key)}
            titled.update(self.titled[key])
        if not titled:
            return None
        best = max(titled, key=lambda name: (self.counts[name], titled[name].start))
        return titled[best]


# A described speaker's head noun and how a name's title writes it ("the senator": "Sen. Kolb").
_TITLE_FORMS = {"governor": ("governor", "gov."), "senator": ("senator", "sen."),
                "congressman": ("congressman", "rep."), "congresswoman": ("congresswoman", "rep."),
                "representative": ("representative", "rep."), "mayor": ("mayor",),
                "secretary": ("secretary", "sec."), "minister": ("minister",),
                "ambassador": ("ambassador", "amb."), "commissioner": ("commissioner",),
                "chancellor": ("chancellor",), "prosecutor": ("prosecutor",)}


def _has_title(written: str, key: tuple[str, bool]) -> bool:
    """Whether a mention written ``written`` (lowercased) carries the title ``key``
    (head word, vice president?)."""
    return key[0] in written and ("vice president" in written) == key[1]


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
    if before and before.group(1).lower() in _PREPOSITIONS and not (
            before.group(1).lower() in _CONJUNCTIONS and not before.group(0).endswith(("the ", "a ", "an "))):
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
            if (verb.participle and not m.possessive and not text[m.end:verb.start].strip()
                    and _OF_BEFORE_RE.search(text, max(0, m.start - 5), m.start)):
                return m, False          # "footage of Ana Roe asking ...", "a video of him saying"
            continue
        # a participle after a comma belongs to the sentence's subject, not to the
        # name before the comma ("... in Tulsa, Oklahoma, arguing that")
        if _GAP_RE.fullmatch(text, m.end, verb.start) and not (verb.participle and "," in text[m.end:verb.start]):
            return m, _appositive_between(text, m.end, verb.start)
        break
    for m in reversed(cands):               # "Kolb, who ... Ana Roe since ..., blasted"
        if (not m.weak and _eligible_subject(art, m) and "," in text[m.end:verb.start]
                and not verb.participle and _GAP_RE.fullmatch(text, m.end, verb.start)):
            return m, _appositive_between(text, m.end, verb.start)
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
        if m.method != "pronoun" and _inverted_subject(art.text, verb.end, m.start, m.end):
            return m, bool(_APPOSITIVE_RE.match(art.text, m.end))
    return None


def _post_limit(art: _Article, seg: _Segment, next_open: int) -> int:
    """End of the text after a closing mark that may hold its attribution."""
    si = art.sentence_of(max(seg.close_end - 1, seg.open))
    end = art.sent_ends[si]
    # The sentencizer ends a sentence at "!”" even when a lowercase attribution follows.
    # It does so too before a capitalized one ("“Why wait?” Kolb asked."), which the
    # attribution rules then check word by word.
    while (si + 1 < len(art.sent_starts)
           and (art.text[art.sent_starts[si + 1]:art.sent_starts[si + 1] + 1].islower()
                or (art.sent_starts[si + 1] <= seg.close_end + 1 and art.text[seg.close - 1:seg.close] in "?!"))
           and "\n" not in art.text[end:art.sent_starts[si + 1]]):
        si += 1
        end = art.sent_ends[si]
    return min(max(end, seg.close_end), next_open, art.paragraphs[seg.para][1])


# A quotation signed after a dash, alone to the end of its line: “...” ― Ana Roe
_SIGNATURE_RE = re.compile(r"[ \t]*[―—–][ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t.]*(?=\n|$)")
# A transcript's speaker label opening a quotation: “ROE: We will ...”
_LABEL_RE = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


def _label_attribution(art: _Article, seg: _Segment):
    """(mention, False, None) of a transcript label opening the quotation ("PENCE: ..."),
    the name resolved like any surname the article names."""
    m = _LABEL_RE.match(art.text, seg.q_start)
    if not m:
        return None
    written = m.group(1).title()
    mention = _text_mention(art, m.start(1), m.end(1), art.index, written)
    return mention, False, None


def _post_attribution(art: _Article, seg: _Segment, limit: int):
    """(mention, appositive?, verb) named right after the closing mark: “...,” he said /
    said Brown / Ebrard said / according to X."""
    text = art.text
    a = seg.close_end
    signed = _SIGNATURE_RE.match(text, a)
    if signed:
        s, e = _trimmed_run(text, signed.start(1), signed.end(1))
        if e > s:
            return _text_mention(art, s, e, art.index), False, None
    verbs = art.verbs_in(a, min(limit, a + 220))
    if verbs:
        verb = verbs[0]
        if _PUNCT_ONLY_RE.fullmatch(text, a, verb.start):
            found = _subject_after(art, verb, limit)
            return (*found, verb) if found else None
        for m in art.mentions_in(a, verb.start):
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
    role, country = role_and_country(_descriptions(art).get(speaker, "")) if speaker else (UNKNOWN_ROLE, "")
    if actor is not None:
        role = actor.role if role == UNKNOWN_ROLE else role
        country = country or actor.country
    return {
        "doc_id": art.doc_id, "kind": kind, "quote": text[start:end], "start": start, "end": end,
        "sentence": text[sent_a:sent_b],
        "speaker_mention": text[mention.start:mention.end] if mention is not None else "",
        "speaker": speaker,
        "role": role,
        "country": country,
        "method": method, "confidence": round(confidence, 3), "flags": "|".join(flags),
        "paragraph": art.paragraph_of(start), "sent_id": art.sent_ids[art.sentence_of(start)],
        "group": group,
        "speaker_start": mention.start if mention is not None else -1,
        "speaker_end": mention.end if mention is not None else -1,
        "speaker_source": ("actor_table" if actor is not None else "text") if speaker else "none",
        "ambiguous": any(f in _AMBIGUOUS_FLAGS for f in flags),
    }


_AMBIGUOUS_FLAGS = frozenset({"ambiguous_surname", "ambiguous_alias"})
# Lowercase role words and a possessive owner right before a name ("Mexico's foreign minister").
_DESCRIPTION_BEFORE_RE = re.compile(r"(?<![\w.'’-])(?:[\w.'’-]+[ \t]+){1,3}$")
_PARTY_AFTER_RE = re.compile(r"\s*(?:\([DRI][^()\n]{0,20}\)|,\s*[DRI]-[A-Z][a-z]{1,3}\.)")


def _descriptions(art: _Article) -> dict[str, str]:
    """``{speaker: the words describing them}`` over the whole article: each named
    mention as written (titles included), its appositive, a party label after it and the
    role words before it; computed once per article, after coreference."""
    if art.descriptions is None:
        text = art.text
        out: dict[str, list[str]] = {}
        for m in art.mentions:
            if not m.speaker or m.method == "pronoun" and m.type != "person":
                continue
            parts = out.setdefault(m.speaker, [])
            if m.method != "pronoun":
                parts.append(text[m.start:m.end])
            for pattern in (_APPOSITIVE_RE, _PARTY_AFTER_RE):
                found = pattern.match(text, m.end)
                if found:
                    parts.append(found.group())
            before = _DESCRIPTION_BEFORE_RE.search(text, max(0, m.start - 50), m.start)
            if before:
                parts.append(before.group())
        art.descriptions = {k: " | ".join(v) for k, v in out.items()}
    return art.descriptions


def _after_attributed_sentence(art: _Article, seg: _Segment):
    """The attribution of a quotation that opens right after a sentence ending in its
    verb of saying ("..., Kolb said. “The rest ...”", "Kolb said: “...”"), or None."""
    lo = art.paragraphs[art.paragraph_of(seg.open)][0]
    verbs = art.verbs_in(max(lo, seg.open - 120), seg.open)
    if not verbs or not _AFTER_VERB_END_RE.fullmatch(art.text, verbs[-1].end, seg.open):
        return None
    verb = verbs[-1]
    found = _subject_after(art, verb, seg.open) or _subject_before(art, verb, art.sent_starts[art.sentence_of(verb.start)])
    return (found[0], _method_of(*found), ()) if found else None


# After a sentence's verb of saying: when and where, then its end.
_AFTER_VERB_END_RE = re.compile(r"(?:\s+[\w'’.-]+){0,4}?\s*[.:]\s*")


def _introduced_by_colon(art: _Article, seg: _Segment, index: _ActorIndex):
    """The attribution of a quotation opening a paragraph after a paragraph that
    introduces it with a colon ("Kolb added:" / "The Herald reports:"), or None."""
    para = art.paragraph_of(seg.open)
    if para == 0 or art.text[art.paragraphs[para][0]:seg.open].strip():
        return None
    lo, hi = art.paragraphs[para - 1]
    if not art.text[lo:hi].rstrip().endswith(":"):
        return None
    for verb in reversed(art.verbs_in(lo, hi)):
        found = _subject_after(art, verb, hi) or _subject_before(art, verb, lo)
        if found:
            return found[0], _method_of(*found), ()
    subject = _sentence_subject(art, hi - 1, index)     # "Kolb made this remark:"
    return (subject, _method_of(subject, False), ()) if subject is not None else None


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
        elif prev and prev.para == seg.para and prev.attribution and prev.kind in ("direct", "partial"):
            seg.attribution = (*prev.attribution[:2], ("split_quote",))
        elif (nxt and nxt.para == seg.para and nxt.attribution and nxt.kind == "direct"
              and not _WORD_RE.search(text, seg.close_end, nxt.open)):
            seg.attribution = (*nxt.attribution[:2], ("split_quote",))
        elif (prev and prev.para == seg.para - 1 and prev.attribution and prev.kind == "direct"
              and seg.open == art.paragraphs[seg.para][0]
              and not _WORD_RE.search(text, seg.close_end, art.paragraphs[seg.para][1])):
            seg.attribution = (*prev.attribution[:2], ("inherited_speaker",))


# A quoted name: followed by the noun it names, or after a naming word.
_NAMED_NOUN_RE = re.compile(r"[,”\"»]?\s*[”\"»]?\s*(?:policy|policies|program|programme|agreement|plan|act|law|bill|"
                            r"initiative|doctrine|operation|strategy|deal|campaign|slogan|label|rule|status|"
                            r"designation|accord|pact|treaty|protocol|movement|era|show|book|film|series)\b")
_NAMING_BEFORE_RE = re.compile(r"(?:so-called|dubbed|nicknamed|known\s+as|titled|entitled|labeled|labelled|"
                               r"termed|the\s+term|the\s+word|the\s+phrase|the\s+slogan|the\s+hashtag)\s*[“\"«]?$")
_TERM_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_MINOR_WORDS = frozenset("a an the of in on at to for and or but with by from as vs nor".split())


def _is_term(text: str, seg: _Segment, attributed: bool) -> bool:
    """Whether a partial quote names something rather than quoting someone: followed by
    the noun it names ("the “Remain in Mexico” policy"), after a naming word ("the
    so-called “caravan”"), or, when no speech verb attributes it, a short title in title
    case ("Fox News Sunday", "War on Drugs")."""
    if _NAMED_NOUN_RE.match(text, seg.close_end) or (
            _NAMED_NOUN_RE.search(text, seg.q_start, seg.q_end) and text[seg.q_end - 6:seg.q_end].strip().isalpha()
            and _NAMED_NOUN_RE.search(text, seg.q_start, seg.q_end).end() == seg.q_end):
        return True
    if _NAMING_BEFORE_RE.search(text, max(0, seg.open - 30), seg.open + 1):
        return True
    words = _TERM_WORD_RE.findall(text, seg.q_start, seg.q_end)
    if attributed and len(words) < 2:
        return False
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    return (0 < len(words) <= 6 and bool(content) and all(w[0].isupper() for w in content)
            and not text[seg.q_end - 1:seg.q_end] in "!?" and not all(w.isupper() for w in content))


def _is_scare_quote(text: str, seg: _Segment) -> bool:
    """Whether a quotation nobody is said to speak is a word or two set off (“quack”,
    “sex tape”), a parenthesis ("(CROSSTALK.)") or no words at all (a number, a link)."""
    quote = text[seg.q_start:seg.q_end]
    words = _TERM_WORD_RE.findall(quote)
    return len(words) <= 2 or (quote.startswith("(") and quote.endswith((")", ").")))


# A word that reads as the verb of a subject: a past or present tense, an auxiliary.
_SUBJECT_VERB_RE = re.compile(
    r"(?:['’](?:s|ve|d|ll|re)\b)?"
    r"(?:\s+(?:\w+ly|also|then|again|once|later|never|not|repeatedly|recently|often))*"
    r"\s+(?:\w+ed|\w+ing|\w+[^s\W]s|has|have|had|is|was|are|were|will|would|did|does|do|can|could|may|"
    r"might|must|should|took|told|said|gave|made|put|wrote|spoke|went|came|saw|kept|got|called|"
    r"sent|threw|began|brought|held|led|left|lost|won|sang|sings|ran|set|stood|struck|thought|"
    r"chose|drew|felt|found|hit|knew|let|meant|met|paid|read|rose|shot|sought|taught|tore|"
    r"understood|woke|wore|withdrew)\b")
_INTRO_RE = re.compile(r"\s*[^,;:“”\"«»\n]{1,160},\s*")
# Between a sentence's subject and its verb: a party "(D-Vt.)", an appositive or a relative clause.
_SUBJECT_GAP = r"(?:\s*\([^()\n]{1,40}\))?(?:\s*,[^,;:“”\"«»\n]{1,160},)?"
_SUBJECT_VERB_AFTER_RE = re.compile(_SUBJECT_GAP + _SUBJECT_VERB_RE.pattern)
_DESCRIBED_START_RE = re.compile(rf"{_DETERMINERS}\s+(?:[\w'’-]+\s+){{0,4}}?[\w'’-]*[A-Za-z][\w'’-]*(?=\s)")


def _sentence_subject(art: _Article, pos: int, index: _ActorIndex) -> _Mention | None:
    """The subject of the sentence holding the quotation that opens at ``pos``, when it
    names someone before the quotation: its first words, or the words after a short
    introductory phrase ("In a statement, Senator Roe condemned ..."), followed by a verb."""
    text = art.text
    si = art.sentence_of(pos)
    while si > 0 and not text[art.sent_starts[si]:art.sent_starts[si] + 1].isupper() \
            and text[art.sent_starts[si]:art.sent_starts[si] + 1] not in "“\"«‘'(":
        si -= 1                          # a false break after an abbreviation ("(D-Vt.), who")
    lo = art.sent_starts[si]
    intro = _INTRO_RE.match(text, lo, pos)
    for start in (lo, intro.end() if intro else None):
        if start is None or start >= pos:
            continue
        while start < pos and text[start].isspace():
            start += 1
        known = [m for m in art.mentions_in(start, pos) if m.start == start]
        if known:
            m = known[0]
            if m.speaker and not m.possessive and _SUBJECT_VERB_AFTER_RE.match(text, m.end):
                return m
            continue
        run = _RUN_RE.match(text, start, pos)
        described = _DESCRIBED_START_RE.match(text, start, pos) if not run else None
        if described and _SUBJECT_VERB_RE.match(text, described.end()) and not any(
                w.lower() in _NOT_IN_DESCRIPTION for w in described.group().split()[1:]):
            return _described_mention(text, start, described.end())
        if not run:
            continue
        s, e = _trimmed_run(text, run.start(), run.end())
        if e <= s or s != start or not _SUBJECT_VERB_AFTER_RE.match(text, e) or _is_possessive(text, e):
            continue
        if s == lo and len(text[s:e].split()) == 1 and (" " + text[s:e].lower() + " ") in text:
            continue   # a common word starting the sentence ("Voting fraud is ...")
        return _text_mention(art, s, e, index)
    # else the nearest name before the quotation that a verb follows ("after she blamed ...")
    for m in reversed(art.mentions_in(lo, pos)):
        if m.speaker and _eligible_subject(art, m) and _SUBJECT_VERB_AFTER_RE.match(text, m.end):
            return m
    return None


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
        post = _label_attribution(art, seg) or _post_attribution(art, seg, limit)
        pre = _pre_attribution(art, seg, floor) if seg.kind == "partial" or not post else None
        found = pre or post if seg.kind == "partial" else post or pre
        if seg.kind == "partial" and _is_term(text, seg, bool(found)):
            seg.kind, found = "term", None
        if found:
            seg.attribution = (found[0], _method_of(found[0], found[1]), ())
        if found and found[2] is not None and (found is post or seg.kind == "direct"):
            used_verbs.add(found[2].start)
    _share_attributions(art, segments)
    for seg in segments:
        if seg.attribution is None and seg.kind == "direct":
            seg.attribution = _introduced_by_colon(art, seg, index) or _after_attributed_sentence(art, seg)
        if seg.attribution is None and seg.kind in ("direct", "partial"):
            subject = _sentence_subject(art, seg.open, index)
            if subject is not None:
                seg.attribution = (subject, _method_of(subject, False), ("sentence_subject",))
            elif _is_scare_quote(text, seg):
                seg.kind = "term"
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
    taken: dict[int, list[tuple[int, int]]] = {}   # sentence -> spans already reported (within it)

    def inside_taken(pos):
        return any(a <= pos < b for a, b in taken.get(art.sentence_of(pos), ()))

    def add(start, end, si, mention, appositive, cover):
        start, end = _content_span(text, start, end)
        while end > start and text[end - 1] in ".!?;:—– ":
            end -= 1
        if len(_WORD_RE.findall(text, start, end)) < 3 or text[start] in "“\"«":
            return
        flags = ["contains_quote"] if _MARK_RE.search(text, start, end) else []
        rows.append(_row(art, "indirect", start, end, art.sent_starts[si], art.sent_ends[si], mention,
                         _method_of(mention, appositive), flags, index, group0 + len(rows)))
        taken.setdefault(si, []).append(cover)

    for verb in art.verbs:
        calls = ((verb.lemma == "call" and _CALL_FOR_RE.match(text, verb.end))
                 or (verb.lemma == "ask" and _ASKED_RE.match(text, verb.end))
                 or (verb.lemma == "urge" and _URGED_RE.match(text, verb.end)))
        if (verb.lemma not in _CLAUSE_VERBS and not calls) or verb.start in used_verbs or inside_taken(verb.start):
            continue
        si = art.sentence_of(verb.start)
        s_lo, s_hi = art.sent_starts[si], art.sent_ends[si]
        found = _subject_before(art, verb, s_lo)
        coordinated = False
        if (not found or not (verb.participle or _GAP_RE.fullmatch(text, found[0].end, verb.start))) \
                and _AND_BEFORE_RE.search(text, max(s_lo, verb.start - 40), verb.start):
            # "Democrats described the plan as ominous, and said ...": the sentence's subject
            subject = _sentence_subject(art, verb.start, index)
            found, coordinated = ((subject, False), True) if subject is not None else (None, False)
        inverted = _subject_after(art, verb, s_hi) if not found else None
        if inverted:
            # "..., noted Dana Kolb." — the reported clause comes first, the speaker after
            lead = _COMMA_END_RE.search(text, s_lo, verb.start)
            if lead and text[s_lo:lead.start()].strip() and _REVERSE_REST_RE.fullmatch(text, inverted[0].end, s_hi):
                add(s_lo, lead.start(), si, inverted[0], inverted[1], (s_lo, s_hi))
            continue
        if not found:
            continue
        mention, appositive = found
        if not verb.participle and not coordinated and not _GAP_RE.fullmatch(text, mention.end, verb.start):
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
                and not (verb.lemma in _PROMISE_VERBS and text.startswith(" to ", verb.end))
                and not _BARE_CLAUSE_RE.match(text, verb.end)):
            continue   # an object, not a reported clause
        end = s_hi
        if mention.word in ("who", "which"):
            comma = text.find(",", start, s_hi)      # the relative clause ends at its comma
            end = comma if comma > 0 else end
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
            source = _ACCORDING_SOURCE_RE.match(text, m.end(), s_hi)
            if not source:
                continue
            men = _described_mention(text, source.start(1), source.end(1))
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
                          "group": "int64", "speaker_start": "int64", "speaker_end": "int64", "ambiguous": "bool",
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
    art.index = index
    post_spans = [] if posts is None else sorted((p.start, p.text_end) for p in posts)
    view = _marks_view(text)
    segments = _quote_segments(view, post_spans)
    if view is not text:
        for seg in segments:        # a two-apostrophe mark spans both characters
            seg.open -= view[seg.open - 1:seg.open] == "\u200b"
            seg.close_end += view[seg.close_end:seg.close_end + 1] == "\u200b"
    art.quoted = sorted([(s.open, max(s.close_end, s.q_end)) for s in segments] + post_spans)
    art.quoted_starts = [a for a, _ in art.quoted]
    listed = _listed_words(text)
    for start, end, form in listed:
        if form in _FORM_LEMMA and not art.in_quoted(start) and (
                form not in _NOUN_LIKE_FORMS or text.startswith(" that ", end)):
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
