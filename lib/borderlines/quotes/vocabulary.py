"""Words and patterns the quote rules share: the kinds of quotes and the output columns
(:data:`KINDS`, :data:`QUOTE_COLUMNS`), attribution confidences, titles, organisation
keywords, role nouns, group nouns, pronouns, the verbs of saying with their forms and
what each may introduce (a reported clause, an object, an inverted subject), and the
regular expressions more than one rule module uses."""

from __future__ import annotations

import re

from ..patterns import trie_pattern

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
             "ambiguous_alias, contains_quote, block_quote (indirect: the paragraph after 'X added:', "
             "set off without quotation marks); '' when none",
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
    "state": "stated stating states", "write": "wrote writes writing", "tweet": "tweeted tweeting",
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
for _lemma, _forms in [("say", "Said Says"), ("add", "Added"), ("ask", "Asked"), ("write", "Wrote"),
                       # a headline's present tense: "Ex-mayor calls for audit", "Roe Vows To Rebuild Pier"
                       ("call", "calls Calls"), ("vow", "vows Vows"), ("urge", "Urges")]:
    _VERB_FORMS[_lemma] += " " + _forms
_VERB_FORMS["charge"] = "charged charges"
_VERB_FORMS["chant"] = "chanted chanting chants"
_VERB_FORMS["point"] = "pointed_out points_out pointing_out"   # "_": a space within a form
_VERB_FORMS["put"] = "put_it puts_it"      # "as a city memo put it, “...”" (only after "as": _AS_BEFORE_RE)
for _lemma, _forms in [("claim", "claims"), ("warn", "warn"), ("argue", "argue"), ("insist", "insist"),
                       ("contend", "contend"), ("complain", "complain complains"), ("suggest", "suggest")]:
    _VERB_FORMS[_lemma] += " " + _forms
_FORM_LEMMA = {form.replace("_", " "): lemma for lemma, forms in _VERB_FORMS.items() for form in forms.split()}

# Forms that are nouns as often as verbs ("his claims", "the charges"): verbs only before "that".
_NOUN_LIKE_FORMS = frozenset({"claims", "charges", "charged", "states"})
# ... and only when "that" opens a clause (its subject next), not a relative clause
# ("the states that border the lake", "claims that remain unpaid").
_NOUN_LIKE_NEXT_RE = re.compile(
    r" that\s+(?:(?:the|a|an|this|these|those|its|his|her|their|our|my|it|he|she|they|we|I|you|there|some|"
    r"many|most|no|all|every|each|any|more|fewer|only|one|two|three)\b|[A-Z0-9$]|(?:[a-z]+\s+)?[a-z]+s\b|[a-z]+-[a-z])")
# "put it" is a verb of saying only as "as X put it".
_PUT_IT_FORMS = frozenset({"put it", "puts it"})
_AS_BEFORE_RE = re.compile(r"\b[Aa]s\s+(?:[\w.'’&-]+\s+){1,8}$")
# "calls the plan ‘a disgrace’": an object and a headline's single-quoted characterization.
_HEADLINE_CALLED = r"(?: (?![Aa]n?\b)[\w'’.-]+){1,4} ‘[^‘’\n]{1,60}’"
# ... and "calls" a verb only as a demand ("calls for an audit", "calls on Roe to quit"), so
# "what it calls “...”" keeps the sentence's subject as its speaker.
_CALLS_FORMS = frozenset({"calls", "Calls"})
_CALLS_NEXT_RE = re.compile(r" (?:for|on|For|On)\b|" + _HEADLINE_CALLED)

# Verbs whose complement is a reported clause (indirect speech).
_CLAUSE_VERBS = frozenset("""say tell add state write tweet post note explain argue claim
    insist warn declare announce acknowledge reiterate stress emphasize reply respond
    suggest predict promise vow concede admit contend complain caution confirm maintain
    assert testify boast conclude demand shout yell exclaim quip joke retort counter observe
    lament report allege pledge charge deny point chant""".split())

# Clause verbs that also take a plain object ("declared a national emergency",
# "emphasized the need for ..."): their complement is reported speech only after "that",
# a comma or a colon (and, for a promise, "to": "promising to employ more troops").
_OBJECT_VERBS = frozenset("""declare announce acknowledge reiterate stress emphasize promise vow
    confirm predict admit concede maintain boast conclude demand report observe pledge deny post""".split())
_PROMISE_VERBS = frozenset({"promise", "vow", "pledge"})

# A reported clause without "that" after a verb that also takes objects: its own subject and verb.
_AUXILIARIES = r"(?:will|would|could|can|may|might|must|should|had|has|have|is|was|are|were|did|does|do)"

# Verbs that can come before their subject ("..., said Brown").
_INVERTIBLE = frozenset("say add write tweet explain note ask insist argue warn declare reply "
                        "respond continue conclude according demand shout yell exclaim quip joke "
                        "retort counter observe report".split())

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
            r"still|even|just|already|now|afterwards?|too|first|never|not|long|together|has|have|had|would|will|"
            r"could|did|does|do|was|were|is|are|might|may|can|should|must|"
            rf"(?:on\s+)?{_DAYS}|(?:last|this|next)\s+(?:week|month|year|night|{_DAYS})|"
            rf"(?:in|on|since|last)\s+{_MONTHS}(?:\s+\d{{1,2}})?|"
            r"yesterday|today|tonight|\w+n[’']t)(?![\w’']))")   # negations too: "isn’t saying"

# What may stand between a speaker and the speech verb: "of Mexico", an appositive or a
# parenthetical between commas, adverbs, auxiliaries and days.
_GAP_RE = re.compile(
    r"(?:['’](?:s|ve|d|ll|re)\b)?"        # "He’s claiming", "They’ve said"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"
    r"(?:\s+(?:on|at|for|from|with|in|of)\s+(?:the\s+|a\s+|an\s+)?[\w.'’-]+(?:\s+(?:and\s+)?[\w.'’-]+){0,4})?"
    r"(?:\s*\([^()\n]{1,40}\))?"
    r"(?:\s+(?:--|—|–)\s*[^—–“”\"\n]{1,200}?\s*(?:--|—|–))?"   # a parenthetical between dashes
    # parentheticals, one may end in a relative clause: ", a lawyer for X, which owns Y,";
    # two in a row share their comma: ", the attorney general of Ohio, one of the states suing,"
    r"(?:\s*,[^,;:“”\"]{1,250},(?:\s*(?:who|whom|whose|which|where)\b[^,;:“”\"]{1,250},)?"
    r"(?:\s*(?:an?|the|one|his|her|its|their)\s[^,;:“”\"]{1,250},)?){0,2}"
    # a floating quantifier: "Roe and Kolb both said", "The three senators all argued"
    rf"(?:\s+{_ADVERBS})*(?:\s+(?:all|both))?(?:\s+{_ADVERBS})*"
    # a verb that carries the verb of saying: "continues to insist", "appeared to suggest"
    r"(?:\s+(?:continues|continued|continue|appeared|appears|seemed|seems|went\s+on|goes\s+on|tried|tries|"
    rf"began|begins)\s+to(?:\s+{_ADVERBS})*)?"
    r"(?:\s*,)?\s*")
_APPOSITIVE_RE = re.compile(
    r"\s*,\s+(?:a|an|the|its|his|her|their|[A-Z][\w.'’-]*’s|[A-Z][\w.'’-]*'s)\s"
    r"[^,;:“”\"]{0,140}?\b(?:" + "|".join(_ROLE_NOUNS) + r")s?\b")
_INVERTED_GAP_RE = re.compile(r"\s+(?:(?:later|also|then|again)\s+)?(?:(?:the|an?|one|another)\s+)?")

_NAME_TOKEN = r"[A-Z](?:[^\W\d_]|['’-])*[^\W\d_A-Z](?:[^\W\d_]|['’-])*"   # letters of any alphabet
_NAME_PART = rf"(?:{_NAME_TOKEN}|[A-Z]\.|de|del|la|van|von|da|dos|bin)"

# People who speak in the news as a group ("police said", "six of 10 voters say"); also
# modifiers of other nouns ("police videos"), where they speak for no one.
_SPEAKING_GROUPS = ("police", "voters", "residents", "advisers", "advisors", "attorneys", "lawyers",
                    "prosecutors", "investigators", "researchers", "economists", "scientists", "supporters",
                    "opponents", "organizers", "protesters", "witnesses", "pollsters", "respondents")
_GROUP_NOUNS = ("official", "officials", "expert", "experts", "analyst", "analysts", "aides", "spokesman",
                "spokeswoman", "spokesperson", "advocates", "lawmakers", "legislators", "critics",
                "authorities", "diplomats", "sources", "leaders", "negotiators", "activists", "groups",
                *_SPEAKING_GROUPS)

_GROUP_DETERMINERS = frozenset({"the", "some", "many", "several", "other", "his", "her", "their", "its",
                                "a", "an", "one", "another"})
_PRONOUNS = ("He", "he", "She", "she", "It", "it", "They", "they", "I", "We", "we")
# The writer speaking of themselves ("I said", "we asked"): a mention with no one to resolve to.
_FIRST_PERSON = frozenset({"i", "we"})
_THE = trie_pattern(["The", "the"], r"\w")   # \b[Tt]he
_TELL_OBJECT = (r"(?:\s+(?:reporters|journalists|lawmakers|supporters|him|her|them|us|me|"
                r"(?:the|a|an|his|her|their)\s+(?:[\w.'’-]+\s+){0,2}[\w'’-]+|"
                # a program by its network: "MSNBC's “Morning Joe”"
                r"[A-Z][\w.'’-]*['’]s\s+[“\"][^“”\"\n]{1,40}[”\"]|"
                r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}))")
_CONTENT_LEAD = (
    rf"(?:\s+{_ADVERBS})*"
    r"(?:\s+(?:in|at|during|on|via)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|news\s+conference|press\s+conference|briefing|tweet|post|letter|"
    r"speech|readout|hearing|call|meeting|rally|email|message|video|report)"
    r"(?:\s+(?:in|at|on)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?)?"
    rf"(?:\s+{_ADVERBS})*")
_NONSPACE_RE = re.compile(r"\S+")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")

_TITLE_ADJECTIVES = frozenset({"Mexican", "American", "U.S.", "US", "Texas", "National"})
_JOINERS = ("of", "and", "for", "the")
_NAME_PARTICLES = ("de", "del", "la", "van", "von", "da", "dos", "bin")

_GROUP_WORDS = frozenset(_GROUP_NOUNS)

# A run of capitalized words (a name, a title and name, "the New York Times"), with the
# small words names hold ("Secretary of State", "Luis de la Cruz").
_RUN_RE = re.compile(
    r"(?<![\w'’.@#-])(?:[Tt]he\s+)?[A-Z][\w'’.&-]*"
    r"(?:\s+(?:(?:of|de|del|la|van|von|da|dos|bin|al|and|for)\s+(?:the\s+)?)?[A-Z][\w'’.&-]*)*")

# Words of a title that the title list leaves out ("Senate Majority Whip", "Press Secretary").
_EXTRA_TITLE_WORDS = frozenset("""Whip Majority Minority Press Deputy Acting Assistant Associate
    Former Sens. Reps. Govs. Supt. Superintendent Inspector Lt. Sgt. Capt. Cmdr. Maj. Prof.
    Professor Rabbi Rev. Reverend Pope Queen King Prince Princess Sir Dame Lord Lady Pastor
    Congressman Congresswoman Councilman Councilwoman Councilmember Delegate Del. Assemblyman
    Assemblywoman Host Anchor Correspondent Editor Columnist Chief Officer CEO Founder""".split())
_NAME_TITLE_WORDS = _CORE_TITLES | _EXTRA_TITLE_WORDS
_NOT_NAMES = frozenset({w.capitalize() for w in _GROUP_NOUNS})
_ABBREVIATIONS = frozenset("Jr. Sr. St. Mt. Ft. Co. Corp. Inc. Ltd. Bros.".split())
_MAY_FOLLOW_SPEAKER = _PREPOSITIONS | frozenset("""and who whose which as during when while after before
    told said added says wrote asked noted explained recently later also today yesterday tonight""".split())

_DETERMINERS = (r"(?:[Tt]he|[Aa]n?|[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|"
                r"[Ss]ome|[Mm]any|[Oo]ther|[Ss]everal|[Aa]ll|[Bb]oth|[Mm]ost|[Tt]hose|[Tt]hese|[Ff]ew|"
                r"[A-Z][\w.-]*['’]s)")
_NOT_IN_DESCRIPTION = frozenset("""that which who whom whose is was are were has have had and or but if
    when to be been not it he she they we i you this these those there what as than would will could
    can may might must should shall did does do""".split())
_PERSON_HEADS = frozenset([*(w for w in _ROLE_NOUNS if " " not in w), "man", "woman", "businessman",
                           "businesswoman", "narrator", "announcer", "host", "anchor", "moderator",
                           "congressman", "congresswoman", "nominee", "son", "daughter", "wife",
                           "husband", "brother", "sister", "friend", "colleague", "aide", "widow",
                           "veteran", "voter", "supporter", "critic", "questioner", "witness", "victim",
                           "mom", "dad", "niece", "nephew", "neighbor", "lady", "boy", "girl"])

_OF_BEFORE_RE = re.compile(r"\bof\s+$")
_SPEAKING_GROUP_SET = frozenset([*_SPEAKING_GROUPS, *(w.capitalize() for w in _SPEAKING_GROUPS)])
_AFTER_SUBJECT_WORDS = _MAY_FOLLOW_SPEAKER | _SUBORDINATORS | frozenset(
    "or but that who is are was were has have had will would could can may might must should did do does "
    "also later then again still often never not all both".split())

# The same words as sets, for the one scan that finds them all (article._listed_words).
_GROUP_NOUN_FORMS = frozenset([*_GROUP_NOUNS, *(w.capitalize() for w in _GROUP_NOUNS)])
_ORG_KEYWORD_SET = frozenset(_ORG_KEYWORDS)
_TITLES_AND_ORG_KEYWORDS = _CORE_TITLES | _ORG_KEYWORD_SET
_PRONOUN_SET = frozenset(_PRONOUNS)
_MINOR_WORDS = frozenset("a an the of in on at to for and or but with by from as vs nor".split())

# A word that reads as the verb of a subject: a past or present tense, an auxiliary.
_SUBJECT_VERB_RE = re.compile(
    r"(?:['’](?:s|ve|d|ll|re)\b)?"
    r"(?:\s+(?:\w+ly|also|then|again|once|later|never|not|repeatedly|recently|often))*"
    r"\s+(?:\w+ed|\w+ing|\w+[^s\W]s|has|have|had|is|was|are|were|will|would|did|does|do|can|could|may|"
    r"might|must|should|took|told|said|gave|made|put|wrote|spoke|went|came|saw|kept|got|called|"
    r"sent|threw|began|brought|held|led|left|lost|won|sang|sings|ran|set|stood|struck|thought|"
    r"chose|drew|felt|found|hit|knew|let|meant|met|paid|read|rose|shot|sought|taught|tore|"
    r"understood|woke|wore|withdrew)\b")
