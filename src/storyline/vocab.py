"""General English news vocabulary that more than one stage reads: words, not rules.

Event predicates are grouped into classes of words news uses for one kind of happening ("met",
"sat down with", "held talks" are all a meeting), so linking can tell that two outlets describe the
same event in different words. The cue lemmas say how a clause presents its happening: as a plan,
a wish, or said by someone. No entry comes from a particular article.
"""

from __future__ import annotations

# class name -> lemmas (verbs and event nouns) that name that kind of happening
_PREDICATE_CLASSES: dict[str, tuple[str, ...]] = {
    "meet": ("meet", "meeting", "sit-down", "sitdown", "summit", "talk", "talks", "confer", "huddle",
             "face-to-face", "visit", "host", "gather", "gathering"),
    "discuss": ("discuss", "discussion", "negotiate", "negotiation", "strategize", "consult",
                "consultation", "debate", "talk", "talks"),
    "agree": ("agree", "agreement", "deal", "accord", "settle", "settlement", "sign", "signing", "approve",
              "approval", "accept", "endorse", "ratify", "pass", "adopt"),
    "reject": ("reject", "rejection", "refuse", "refusal", "veto", "oppose", "block", "deny", "denial"),
    "resign": ("resign", "resignation", "quit", "step", "depart", "departure", "retire", "retirement"),
    "dismiss": ("fire", "dismiss", "dismissal", "sack", "oust", "ouster", "suspend", "suspension", "remove",
                "removal"),
    "appoint": ("appoint", "appointment", "name", "nominate", "nomination", "hire", "elect", "election",
                "choose", "pick", "select", "tap", "inaugurate", "inauguration", "swear"),
    "arrest": ("arrest", "detain", "detention", "apprehend", "capture", "seize", "seizure", "raid", "nab"),
    "charge": ("charge", "indict", "indictment", "accuse", "prosecute", "prosecution", "sue", "lawsuit",
               "investigate", "investigation", "probe", "inquiry"),
    "convict": ("convict", "conviction", "sentence", "sentencing", "jail", "imprison", "acquit", "acquittal",
                "verdict", "trial", "plead"),
    "release": ("release", "free", "liberate", "pardon", "parole", "rescue", "return"),
    "attack": ("attack", "strike", "bomb", "bombing", "shoot", "shooting", "assault", "ambush", "stab",
               "stabbing", "hit", "target", "shell", "shelling", "plow", "plough", "ram"),
    "kill": ("kill", "killing", "die", "death", "murder", "slay", "execute", "execution"),
    "injure": ("injure", "injury", "wound", "hurt"),
    "crash": ("crash", "collide", "collision", "derail", "derailment", "sink", "capsize", "hit", "smash",
              "plunge", "accident"),
    "explode": ("explode", "explosion", "blast", "detonate", "detonation", "erupt", "eruption"),
    "launch": ("launch", "liftoff", "lift", "blast", "fire", "test"),
    "announce": ("announce", "announcement", "unveil", "reveal", "disclose", "declare", "declaration",
                 "introduce", "introduction", "present", "publish", "issue", "release", "debut", "show"),
    "order": ("order", "direct", "instruct", "mandate", "decree", "ban", "prohibit", "require"),
    "vote": ("vote", "ballot", "referendum", "poll", "elect", "election"),
    "win": ("win", "victory", "defeat", "beat", "lose", "loss", "clinch", "sweep", "score"),
    "protest": ("protest", "rally", "march", "demonstrate", "demonstration", "picket", "riot", "walkout"),
    "open": ("open", "opening", "reopen", "reopening", "close", "closure", "shut", "shutdown", "reinstate"),
    "rise": ("rise", "jump", "surge", "soar", "climb", "gain", "increase", "grow", "rally"),
    "fall": ("fall", "drop", "plunge", "decline", "slump", "tumble", "sink", "slide", "decrease", "cut"),
    "trade": ("buy", "acquire", "acquisition", "purchase", "sell", "sale", "bid", "offer", "merge",
              "merger", "takeover", "raise"),
    "fund": ("fund", "funding", "pay", "payment", "invest", "investment", "grant", "transfer", "allocate",
             "spend", "donate", "donation", "loan", "bailout"),
    "warn": ("warn", "warning", "threaten", "threat", "urge", "call"),
    "travel": ("travel", "fly", "flight", "arrive", "arrival", "depart", "land", "landing", "leave", "trip",
               "tour"),
    "evacuate": ("evacuate", "evacuation", "flee", "escape", "rescue"),
    "cooperate": ("cooperate", "cooperation", "collaborate", "collaboration", "partner", "partnership",
                  "help", "assist", "work", "join"),
    "deport": ("deport", "deportation", "expel", "expulsion", "remove", "removal", "extradite",
               "extradition"),
    "break_up": ("split", "divorce", "separate", "separation", "break"),
    "marry": ("marry", "wed", "wedding", "engage", "engagement"),
    "birth": ("welcome", "bear", "birth", "deliver"),
    "hack": ("hack", "breach", "leak", "steal", "theft", "expose"),
    "update": ("update", "upgrade", "patch", "install", "enable", "roll"),
}

# A clause about another kind of event may still be one happening told two ways: "held talks" and
# "met", "discussed" and "met" (the talks at a meeting).
RELATED_CLASSES: frozenset[frozenset[str]] = frozenset({
    frozenset({"meet", "discuss"}), frozenset({"kill", "attack"}), frozenset({"injure", "attack"}),
    frozenset({"kill", "crash"}), frozenset({"injure", "crash"}), frozenset({"kill", "explode"}),
    frozenset({"charge", "arrest"}), frozenset({"convict", "charge"}), frozenset({"agree", "meet"}),
    frozenset({"launch", "announce"}),
})

PREDICATE_CLASSES: dict[str, frozenset[str]] = {}
for _name, _lemmas in _PREDICATE_CLASSES.items():
    for _lemma in _lemmas:
        PREDICATE_CLASSES[_lemma] = PREDICATE_CLASSES.get(_lemma, frozenset()) | {_name}

# nouns that name a happening in their own right ("the Thursday meeting", "during the sit-down")
EVENT_NOUNS: frozenset[str] = frozenset("""
    meeting sit-down sitdown summit talks face-to-face visit gathering discussion negotiation consultation
    debate agreement deal accord settlement signing approval rejection refusal veto denial resignation
    departure retirement dismissal suspension ouster removal appointment nomination election arrest
    detention capture seizure raid charge indictment prosecution lawsuit investigation probe inquiry
    conviction sentence sentencing acquittal verdict trial release pardon parole rescue attack strike
    bombing shooting assault ambush stabbing shelling killing death murder execution injury crash
    collision derailment accident explosion blast detonation eruption launch liftoff test announcement
    unveiling declaration introduction debut order decree ban mandate vote ballot referendum poll
    victory defeat protest rally march demonstration riot walkout opening reopening closure shutdown
    acquisition purchase sale bid offer merger takeover payment investment grant transfer donation loan
    bailout threat flight arrival landing trip tour evacuation escape cooperation collaboration
    partnership deportation expulsion extradition split divorce separation wedding engagement birth hack
    breach leak theft update upgrade patch interview conference hearing session speech ceremony parade
    game match race briefing fire storm flood earthquake outbreak incident operation mission campaign
    broadcast appearance address
""".split())

# heads of words that end in -ing, -tion... but name times or things, not happenings
NOT_EVENT_NOUNS: frozenset[str] = frozenset({
    "morning", "evening", "spring", "thing", "something", "nothing", "anything", "everything", "building",
    "ceiling", "wedding ring", "nation", "station", "position", "population", "region", "question",
    "government", "department", "movement", "statement", "tuition", "portion", "section", "option",
    "mention", "condition", "information", "generation", "administration", "organization",
    "organisation", "foundation", "association", "institution", "commission", "division", "television",
    "vision", "version", "mansion", "pension", "tension", "apartment", "document", "equipment",
    "environment", "parliament", "basement", "element", "moment", "amount", "king", "ring", "wing",
    "string", "feeling", "meaning", "warning", "ceiling", "clothing", "housing", "funding", "setting",
})
EVENT_NOUN_ENDINGS = ("tion", "sion", "ment", "ing", "ure", "al")  # arrest-ation, resignation, shooting, departure, arrival

# words whose clause reports speech: the happening is a statement
SPEECH_LEMMAS: frozenset[str] = frozenset({
    "say", "tell", "state", "add", "claim", "report", "write", "note", "explain", "insist", "argue", "warn",
    "deny", "confirm", "accuse", "announce", "reveal", "declare", "assert", "maintain", "reply", "respond",
    "answer", "comment", "stress", "acknowledge", "admit", "suggest", "tweet", "post", "cite", "describe",
    "call", "predict", "vow", "pledge", "promise", "lament", "complain", "praise", "criticize", "criticise",
})
# a clause saying someone wants something is a wish, and so is what they want ("wants to meet")
WISH_LEMMAS: frozenset[str] = frozenset({"want", "wish", "hope", "desire", "like", "love", "aim", "need"})
# asking happens, what is asked for has not: "asked prosecutors to drop the charges"
REQUEST_LEMMAS: frozenset[str] = frozenset({"ask", "urge", "demand", "push", "call", "beg", "seek", "try",
                                            "attempt", "press", "request", "invite", "encourage"})
# light verbs whose object names the happening: "held talks", "attended the summit"
LIGHT_VERBS: frozenset[str] = frozenset({"hold", "have", "host", "attend", "stage", "conduct", "begin", "end",
                                         "cancel", "postpone", "schedule", "plan", "join", "lead", "give",
                                         "make", "launch", "open", "close", "wrap", "conclude", "resume"})
# prepositions before a noun naming the occasion something happened at: "during the sit-down"
OCCASION_PREPOSITIONS: frozenset[str] = frozenset({"during", "after", "before", "following", "since", "until",
                                                   "amid", "throughout", "at", "ahead", "in"})
# the head of a clause that is planned, expected or weighed, not (yet) done
PLAN_LEMMAS: frozenset[str] = frozenset({
    "plan", "expect", "schedule", "intend", "prepare", "propose", "set", "due", "promise", "vow", "pledge",
    "threaten", "consider", "weigh", "mull", "eye", "look", "poise", "likely", "able", "ready", "going",
    "predict", "forecast", "project", "anticipate", "agree", "decide", "hope", "aim", "ahead",
})
# modal auxiliaries: "will"/"shall" put a clause in the future; the others make it possible, not done
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
POSSIBLE_AUX = frozenset({"would", "'d", "could", "might", "may", "should", "must", "can", "ca"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
REPEAT_WORDS = frozenset({"again", "second", "third", "fourth", "another", "fresh", "renewed", "latest",
                          "once more", "anew", "repeat", "repeated"})
STATE_LEMMAS = frozenset({"be", "have", "remain", "seem", "appear", "live", "know", "believe", "own",
                          "hold", "face", "stay", "exist", "belong", "include", "contain", "lack", "mean"})
# verbs that say next to nothing of what happened without their object ("went 9-3 as coach", "became
# the first"): two clauses with them are one happening only by what the rest of the clause says
EMPTY_VERBS = STATE_LEMMAS | frozenset({"go", "become", "get", "come", "do", "make", "take", "give", "put"})


def predicate_classes(lemma: str) -> frozenset[str]:
    """The kinds of happening a predicate lemma names (several for ambiguous words: "remove")."""
    return PREDICATE_CLASSES.get(lemma.casefold(), frozenset())


def classes_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two predicates (by their classes) that can name one happening."""
    if a & b:
        return True
    return any(frozenset({x, y}) in RELATED_CLASSES for x in a for y in b)


def is_event_noun(lemma: str) -> bool:
    """A noun naming a happening: listed, or a deverbal form ("resignation", "shooting", "arrival")."""
    word = lemma.casefold()
    if word in NOT_EVENT_NOUNS or len(word) < 4:
        return False
    return word in EVENT_NOUNS or word.endswith(EVENT_NOUN_ENDINGS[:4])
