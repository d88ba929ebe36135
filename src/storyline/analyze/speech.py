"""General English vocabulary the entity and quote finders lean on: speech verbs, person titles,
role nouns, pronouns and the words that mark an unnamed source.

Everything here is ordinary English usage in news writing, not facts about any story.
"""

from __future__ import annotations


def _verb_forms(*bases: str) -> frozenset[str]:
    """Inflected forms of regular speech verbs (say -> say, says, said, saying is listed by hand)."""
    forms: set[str] = set()
    for base in bases:
        forms.add(base)
        if base.endswith("e"):
            forms.update({base + "s", base + "d", base[:-1] + "ing"})
        elif base.endswith("y") and base[-2] not in "aeiou":
            forms.update({base[:-1] + "ies", base[:-1] + "ied", base + "ing"})
        elif base.endswith(("sh", "ch", "ss", "x")):
            forms.update({base + "es", base + "ed", base + "ing"})
        else:
            forms.update({base + "s", base + "ed", base + "ing"})
    return frozenset(forms)


# Verbs that introduce someone's words (direct or reported).
SPEECH_VERBS = _verb_forms(
    "add", "acknowledge", "admit", "announce", "argue", "assert", "caution", "claim", "comment",
    "complain", "concede", "conclude", "confirm", "continue", "declare", "deny", "explain",
    "insist", "joke", "mention", "note", "observe", "point", "predict", "pledge", "promise",
    "remark", "repeat", "reply", "report", "respond", "reveal", "recall", "state", "stress",
    "suggest", "testify", "tweet", "post", "urge", "vow", "warn", "wonder", "ask", "answer",
    "boast", "charge", "contend", "counter", "emphasize", "emphasise", "quip", "recount",
    "scoff", "shout", "whisper", "yell", "interject", "muse", "chime", "blast", "slam", "accuse",
    "describe", "call", "label", "dub", "express", "encourage", "demand", "maintain", "lament",
    "acknowledge", "estimate", "concur", "allege", "announce", "propose", "reiterate",
) | frozenset({
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "write", "writes",
    "wrote", "writing", "written", "speak", "speaks", "spoke", "speaking", "put", "puts",
    "think", "thinks", "thought", "agree", "agrees", "agreed", "agreeing", "argued",
    "according",
})

# Nouns that carry someone's words in a "that" clause: the senator's claim that ..., her warning that ...
SPEECH_NOUNS = frozenset({
    "claim", "claims", "statement", "assertion", "remark", "remarks", "comment", "comments",
    "warning", "promise", "pledge", "accusation", "allegation", "argument", "suggestion",
    "insistence", "charge", "vow", "announcement", "testimony", "contention", "boast", "admission",
    "prediction", "complaint", "declaration", "insinuation", "suggestions",
})

# Verbs that can only introduce a report, never mark a plain quoted term as speech by themselves.
WEAK_CUES = frozenset({"put", "puts", "think", "thinks", "thought", "continue", "continues",
                       "continued", "continuing", "point", "points", "pointed", "pointing",
                       "post", "posts", "posted", "posting", "report", "reports", "reported",
                       "reporting", "call", "calls", "calling"})

# Titles written before a name ("Mayor", "Sen.", "Mrs."): they name a role, not the person.
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "mayor", "president", "vice", "secretary", "senator", "sen", "representative", "rep",
    "congressman", "congresswoman", "governor", "gov", "lt", "judge", "justice", "attorney",
    "general", "gen", "col", "colonel", "captain", "capt", "sgt", "sergeant", "officer",
    "detective", "chief", "commissioner", "councilman", "councilwoman", "councilmember",
    "speaker", "leader", "minister", "prime", "chancellor", "king", "queen", "prince",
    "princess", "pope", "rev", "reverend", "father", "sister", "brother", "deputy", "director",
    "chairman", "chairwoman", "chair", "ambassador", "sheriff", "assemblyman", "assemblywoman",
    "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee", "former", "then",
    "acting", "interim", "incoming", "outgoing", "state", "federal", "u.s.", "us", "white",
    "house", "press", "border", "czar", "tsar", "first", "treasurer", "comptroller", "auditor",
    "clerk", "commander", "admiral", "marshal", "trooper", "pastor", "bishop", "rabbi", "imam",
    "coach", "dean", "provost", "superintendent", "inspector", "agent", "delegate", "alderman",
})

# Nouns naming people by what they do or are; a definite one ("the senator") refers back.
ROLE_NOUNS = frozenset({
    "mayor", "president", "secretary", "senator", "governor", "congressman", "congresswoman",
    "representative", "lawmaker", "judge", "justice", "attorney", "prosecutor", "lawyer",
    "captain", "officer", "detective", "chief", "commissioner", "councilman", "councilwoman",
    "councilmember", "speaker", "leader", "minister", "chancellor", "ambassador", "sheriff",
    "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee", "czar", "tsar",
    "director", "chairman", "chairwoman", "official", "administrator", "adviser", "advisor",
    "aide", "democrat", "republican", "independent", "socialist", "conservative", "liberal",
    "progressive", "businessman", "businesswoman", "billionaire", "founder", "executive", "ceo",
    "pollster", "strategist", "activist", "host", "anchor", "author", "economist", "analyst",
    "veteran", "incumbent", "challenger", "frontrunner", "mogul", "star", "actor", "actress",
    "singer", "rapper", "player", "coach", "head", "boss", "manager", "owner", "general",
    "assemblyman", "assemblywoman", "politician", "king", "queen", "prince", "princess", "pope",
    "emperor", "dictator", "premier", "magistrate", "superintendent", "inspector", "envoy",
    "treasurer", "comptroller", "auditor", "clerk", "commander", "admiral", "marshal", "trooper",
    "pastor", "bishop", "rabbi", "imam", "dean", "provost", "delegate", "alderman", "nurse",
    "doctor", "teacher", "professor", "student", "resident", "witness", "victim", "suspect",
    "defendant", "plaintiff", "attorney", "engineer", "scientist", "researcher", "reporter",
    "journalist", "editor", "columnist", "writer", "producer", "director", "mother", "father",
    "wife", "husband", "son", "daughter", "brother", "sister", "woman", "man",
})

# People spoken about without a name: "a source", "officials", "a person familiar with ...".
ANONYMOUS_HEADS = frozenset({"source", "sources", "official", "officials", "person", "people",
                             "insider", "insiders", "aide", "aides", "staffer", "staffers"})
ANONYMOUS_MARKERS = frozenset({"anonymous", "unnamed", "anonymity", "familiar", "knowledge",
                               "briefed", "close", "senior"})

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
MALE_WORDS = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother",
                        "son", "husband", "congressman", "councilman", "spokesman",
                        "chairman", "businessman", "assemblyman", "actor", "boy", "man"})
FEMALE_WORDS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess",
                          "mother", "sister", "daughter", "wife", "congresswoman", "councilwoman",
                          "spokeswoman", "chairwoman", "businesswoman", "assemblywoman",
                          "actress", "girl", "woman"})

# Words that put a role in the past ("former mayor", "then-senator", "when X was mayor").
PAST_ROLE_MARKERS = frozenset({"former", "ex", "then", "late", "previous", "erstwhile"})
PAST_CLAUSE_MARKERS = frozenset({"when", "while", "before", "until"})


def gender_of_word(word: str) -> str | None:
    w = word.lower()
    if w in MALE_WORDS or w in MALE_PRONOUNS:
        return "m"
    if w in FEMALE_WORDS or w in FEMALE_PRONOUNS:
        return "f"
    return None

# Verbs (lemmas) that attribute what follows them to their subject, beyond the speech verbs above:
# reporting and evidence ("the poll shows", "the report found"), judging ("attacked", "praised",
# "endorsed"), asking and promising ("urged", "called for", "vowed", "refused"). Their clause or
# object is what is attributed ("Trump attacked the plan": the plan, as Trump framed it).
ATTRIBUTION_VERBS = frozenset({
    "say", "tell", "add", "acknowledge", "admit", "announce", "argue", "assert", "caution", "claim",
    "comment", "complain", "concede", "conclude", "confirm", "declare", "deny", "explain", "insist",
    "joke", "mention", "note", "observe", "predict", "pledge", "promise", "remark", "repeat", "reply",
    "report", "respond", "reveal", "recall", "state", "stress", "suggest", "testify", "tweet", "urge",
    "vow", "warn", "wonder", "ask", "answer", "boast", "charge", "contend", "counter", "emphasize",
    "emphasise", "quip", "recount", "allege", "propose", "reiterate", "estimate", "write", "speak",
    "agree", "disagree", "describe", "call", "label", "dub", "express", "encourage", "demand",
    "maintain", "lament", "proclaim", "disclose", "detail", "document", "cite", "reference", "refer",
    "highlight", "underscore", "indicate", "show", "find", "question", "criticize", "criticise",
    "attack", "blast", "slam", "mock", "deride", "denounce", "condemn", "praise", "laud", "hail",
    "tout", "extol", "defend", "endorse", "support", "back", "oppose", "reject", "dismiss", "downplay",
    "blame", "accuse", "chastise", "scold", "rebuke", "applaud", "welcome", "recommend", "implore",
    "press", "threaten", "offer", "refuse", "decline", "discuss", "liken", "compare", "invoke",
    "echo", "outline", "raise", "brag", "rail", "decry",
    "lambaste", "ridicule", "pan", "predict", "forecast", "project", "acknowledge",
    "recognize", "recognise", "concur", "dispute", "contest", "challenge", "rebut", "refute",
    "retort", "clarify", "specify", "confess", "lie", "swear", "guarantee", "assure", "reassure",
    "remind", "inform", "notify", "advise", "instruct", "order", "demand", "request", "petition",
    "plead", "beg", "appeal", "insinuate", "imply", "signal", "hint", "pledge", "rule", "link",
    "tie", "credit", "point", "react", "object", "allude", "weigh",
})

# Verbs of thinking, feeling and intending: what they govern is attributed belief, not speech.
BELIEF_VERBS = frozenset({
    "believe", "think", "fear", "hope", "expect", "want", "plan", "intend", "know", "worry", "doubt",
    "suspect", "feel", "consider", "assume", "wish", "prefer", "aim", "seek", "decide", "trust",
    "understand", "imagine", "guess", "reckon", "suppose", "anticipate", "envision", "regard",
    "view", "presume", "realize", "realise", "deem", "dread", "desire", "mean", "seem", "appear",
    "comprehend", "fathom", "strive", "vie", "resolve",
})

# Verbs whose object is the one addressed ("told reporters"), not what is said.
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "reassure", "remind", "notify", "advise",
                             "instruct", "ask", "answer", "thank"})

# Verbs of taking a side, judging or weighing something up: what they act on is the stance
# attributed ("voted against the bill", "embraced the plan", "ignored the question").
STANCE_VERBS = frozenset({
    "vote", "favor", "favour", "accept", "embrace", "promote", "champion", "advocate",
    "resist", "ignore", "address", "judge",
    "admire", "appreciate", "resent", "like", "dislike", "love", "hate", "value", "scrutinize",
    "scrutinise", "investigate", "review", "examine", "probe", "debate", "talk", "learn",
    "demonstrate", "illustrate", "persuade", "convince", "pressure", "exhort",
    "invite", "understate", "overstate", "exaggerate", "misstate", "mischaracterize", "demean",
    "insult", "smear", "shame", "blast", "unendorse", "propound", "recite", "retweet",
    "pooh-pooh", "acknowledge", "disavow", "repudiate", "renounce", "distance", "tout", "hype",
    "celebrate", "congratulate", "thank", "apologize", "apologise", "regret", "forgive",
})

# Verbs that attribute only a clause ("the study found that ...", "she feels that ..."), never a
# bare object ("found a way", "feels the heat"); and "raise" only a concern, a question, a doubt.
CLAUSE_ONLY_VERBS = frozenset({"find", "show", "mean", "feel", "see", "know", "learn", "understand",
                               "realize", "realise", "decide", "indicate", "signal", "seem", "appear",
                               "comprehend", "assume", "fathom", "strive", "vie", "resolve", "rule"})
# Verbs whose "to" phrase is what they attribute: "pointed to the polls", "responded to the attack"
TO_VERBS = frozenset({"point", "refer", "respond", "react", "object", "allude", "appeal", "testify"})
RAISED_CONCERNS = frozenset({"concern", "concerns", "question", "questions", "doubt", "doubts", "issue",
                             "issues", "alarm", "alarms", "objection", "objections", "possibility",
                             "prospect", "specter", "spectre", "fears", "worries", "suspicions"})

# Nouns that carry a view or a plan: "Trump's plan to ...", "her hope that ...", "their fears about ..."
BELIEF_NOUNS = frozenset({
    "plan", "plans", "hope", "hopes", "fear", "fears", "belief", "beliefs", "view", "views", "concern",
    "concerns", "intention", "intentions", "goal", "goals", "desire", "suspicion", "suspicions", "worry",
    "worries", "doubt", "doubts", "expectation", "expectations", "wish", "aim", "ambition", "bet",
    "conviction", "opinion", "opinions", "position", "stance", "vision", "preference",
})
# Nouns that carry someone's words or stance: "Trump's criticism of ...", "questions from ... about ..."
ATTRIBUTION_NOUNS = BELIEF_NOUNS | SPEECH_NOUNS | frozenset({
    "report", "reports", "question", "questions", "criticism", "criticisms", "support", "opposition",
    "proposal", "proposals", "call", "calls", "demand", "demands", "promise", "promises", "pledge",
    "pledges", "attack", "attacks", "praise", "endorsement", "denial", "answer", "response", "assessment",
    "argument", "arguments", "theory", "warning", "warnings", "findings", "estimate", "estimates",
    "prediction", "predictions", "insistence", "account", "version", "description", "characterization",
    "defense", "defence", "embrace", "rejection", "condemnation", "objection", "objections", "plea",
    "appeal", "request", "offer", "threat", "threats", "vow", "vows", "message", "pitch", "case",
})
