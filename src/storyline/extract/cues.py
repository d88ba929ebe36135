"""Patterns that mark a block (or the head of a block) as page furniture rather than article body.

Each pattern is about the shape of web-page boilerplate in general (share widgets, photo credits,
aggregator notices, bylines, datelines), never about any particular site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .blocks import Block

MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t|tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
MONTH_DATE = rf"{MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
ANY_DATE = (rf"(?:{ISO_DATE}|(?:{WEEKDAY},? )?(?:{MONTH_DATE}|\d{{1,2}} {MONTH},? \d{{4}})|\d{{1,2}}-{MONTH}-\d{{4}}|"
            rf"\d{{1,2}}/\d{{1,2}}/\d{{4}})")  # ... "19-Dec-2025", "Tuesday 29 November 2016"
NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|da|van|von|der|del|la|le|bin|al-\w+)){0,3}"
NAMES = rf"{NAME}(?:(?:,| and|, and|,? &) {NAME})*"
NAMES_LINE = re.compile(NAMES)  # a line that is only names: "Jane Doe and John Roe"

# "date 2025-02-14", "Published: March 3, 2024", "Updated 10:14 AM EST, Jan 5, 2025" at a block's head.
HEADER = re.compile(
    rf"^(?:(?:date|published|updated|posted|last updated|published on|posted on)\b\s*:?\s*"
    rf"(?:\d{{1,2}}:\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{{2,4}})?,?\s*)?(?P<date>{ANY_DATE})"
    rf"(?:,?\s*(?:at\s*)?\d{{1,2}}[:.]\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{{2,4}}\b)?)?"
    rf"|(?P<bare>{ANY_DATE})(?:,?\s*(?:at\s*)?\d{{1,2}}[:.]\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{{2,4}}\b)?)?$)"
    rf"[\s|•·,-]*",
    re.IGNORECASE,
)
# "(Jane Doe, Some Outlet) " opening the first paragraph.
PAREN_BYLINE = re.compile(rf"^\((?P<name>{NAME}),\s*(?P<outlet>[A-Z][\w.&'’ -]{{1,50}}?)\)\s+")
# "By Jane Doe and John Roe | Outlet", "Written by Jane Doe", "Author: Jane Doe"
BY_LINE = re.compile(
    rf"^(?i:(?:written |reported |posted |story )?by:?|authors?:)\s*(?<=[:\s])(?P<names>{NAMES})"
    rf"(?:\s*(?:,|\||•|·|⋅|-|–|—|for|of)\s*(?P<outlet>[A-Z][\w.&'’ ]{{1,50}}?))?\s*\.?$"
)
# "SPRINGFIELD, Illinois - ", "WASHINGTON (Reuters) — ", "PARIS, Jan. 5 (AFP) - " opening the first paragraph.
DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){{0,3}})"
    rf"(?P<region>, [A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){{0,3}})?"
    rf"(?:,? (?P<date>{MONTH} \d{{1,2}}(?:,? \d{{4}})?))?"
    rf"(?: \((?P<agency>[A-Za-z][\w .&-]{{0,30}})\))?\s*(?:-|–|—|--)(?:\s+|$)"
)
# "Jane Doe and John Roe contributed to this report.", "Outlet's Jane Doe contributed reporting."
CONTRIBUTORS = re.compile(
    rf"^(?:(?P<outlet>[A-Z][\w.&’' ]{{1,40}}?)(?:['’]s?)\s+)?(?P<names>{NAMES})\s+"
    rf"(?:also\s+)?contributed(?:\s+(?:reporting|to\s+this\s+(?:report|story|article)|"
    rf"additional\s+reporting))*(?:\s+from\s+[\w ,]+)?\.?$"
)
REPORTING_BY = re.compile(
    rf"^(?i:(?:additional\s+)?(?:reporting|writing|editing)\s+by)\s+(?P<names>{NAMES})"
    rf"(?:\s*(?:;|,|and|in)\s*[\w ,;.]*)?\.?$"
)

# An embedded post: "... pic.twitter.com/abc — Jane Doe (@jdoe) December 3, 2024"
EMBED_SIGNATURE = re.compile(
    rf"(?:—|–|-|--)\s*(?P<author>[^()\n—]{{1,60}}?)\s*\(@(?P<handle>\w{{1,30}})\)\s*"
    rf"(?P<date>{MONTH_DATE})\s*$"
)
EMBED_MARKER = re.compile(
    r"pic\.twitter\.com/\w+|\bA post shared by\b|\bView this post on Instagram\b|"
    r"\b(?:twitter|x)\.com/\w+/status/\d+",
    re.IGNORECASE,
)

SHARE_WORDS = frozenset(
    """share shares sharing follow tweet email e mail print copy link facebook twitter x linkedin
    whatsapp reddit pinterest telegram flipboard messenger threads bluesky comment comments save
    and on us this article story gift bookmark url copied the page via sms click to opens in new
    window tab pocket tumblr mastodon more options post unfollow""".split()
)
SHARE_CORE = frozenset("share follow tweet email print copy save bookmark comments".split())
SHARE_LINE_WORDS = 16  # "Share this page to Facebook Share this page to X Share this page via Email"

# Where the article ends and the page's tail begins: comments, author box, tag lists.
_SOURCES = r"(?:article |our )?sources"
_SECTION_ENDS = rf"{_SOURCES}|references|footnotes|notes|bibliography"  # what closes an article's text
# the heading over a list of the article's sources, marked up as a heading in a Markdown scrape or not
SOURCES_HEADING = re.compile(rf"^(?:#+ )?{_SOURCES}\W{{0,3}}$", re.IGNORECASE)
END_OF_ARTICLE = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses|\d+\s+response|replies|reader comments|(?:leave|post|add|write) (?:a |your )?"
    r"(?:reply|comment|review)|join the (?:discussion|conversation)|thoughts? on\b.*|responses? to\b.*|"
    r"about the authors?|about the writer|author bio|(?:more )?articles by\b.*|tags?|filed under|categories|"
    r"comments? (?:are )?closed|show comments|view comments|what do you think\??|discussion about this \w+|"
    rf"{_SECTION_ENDS}|(?:was this|(?:found|find) this) (?:\w+ )?helpful\??|"
    r"\d+ (?:replies|comments|responses)\b.*)\W*(?:\d+)?\W*$",
    re.IGNORECASE,
)
# The heading over a reader comment thread: "Comments", "36 Comments", "Leave a Reply", "Load all comments".
COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:comments?|reader comments|responses|(?:leave|post|add|write) (?:a |your )?(?:reply|comment)|"
    r"join the (?:discussion|conversation)|(?:load|show|view|read|see) (?:all )?(?:\d+ )?comments|comments? filter)"
    r"\W*(?:\d+)?\W*$",
    re.IGNORECASE,
)
# End headings that also title a section or a table column inside an article ("Notes", "Sources").
SECTION_END = re.compile(rf"^(?:{_SECTION_ENDS})\W*$",
                         re.IGNORECASE)
# "This website uses cookies to improve your experience ...": a consent notice, however long.
COOKIE_NOTICE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b|\bcookies? (?:policy|settings|preferences|consent)\b|"
    r"\b(?:accept|allow|reject|manage)(?: all)? cookies\b|\bconsent to (?:the use of )?(?:all )?(?:the )?cookies\b|"
    r"\bmanage consent\b|\b(?:strictly )?necessary cookies\b|"
    r"\bcookies? (?:is|are) (?:used|stored|set)\b.{0,80}\b(?:website|browser)\b",
    re.IGNORECASE,
)
# "Follow us on Instagram", "Follow me on Pinterest to see what I'm pinning": a call to follow the outlet.
FOLLOW_US = re.compile(
    r"\bfollow (?:us|me|\w+) on (?:facebook|twitter|instagram|pinterest|tiktok|linkedin|youtube|social media|x|"
    r"threads|bluesky|flipboard)\b",
    re.IGNORECASE,
)
# "Jane says:", "Reply", "December 18, 2025 at 9:59 pm": the furniture of a comment thread.
_COMMENTER = r"(?-i:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})|[\w.’'-]{1,30}"  # a name or a handle
COMMENT_MARK = re.compile(
    # "Jane Doe says:", "jdoe wrote:"; not an article's "One rider said:" or "To which he replied:"
    rf"^(?:[\w.’' -]{{1,40}} says:?|(?:{_COMMENTER}) (?:said|wrote|replied):|reply|(?:{ANY_DATE})"
    rf"(?:,?\s*(?:at\s*)?\d{{1,2}}:\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?)|"
    rf"\d+ (?:hours?|days?|weeks?|months?|years?) ago)\W*$|"
    # a threaded forum's comment header: "Re: Title (Score:5, Insightful)", "by jdoe ( 1234 ) writes: on ... (#5678)"
    r"^.{0,100}\(score:\s*-?\d(?:,\s*[\w ]{1,20})?\)\W*$|^by .{1,60}\bwrites:? on .{1,60}\(#\d+\)",
    re.IGNORECASE,
)
RELATED_HEADING = re.compile(
    r"^(?:you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)|related(?: \w+){0,2}|"
    r"read (?:more|next|also|this next)(?: \w+){0,2}|"
    r"more (?:from|stories|on|in|like this|news|to read|videos|articles|posts)(?: [\w&'’ ]{1,30})?|"
    r"recommended(?: \w+){0,3}|trending(?: \w+){0,2}|most (?:popular|read|viewed|shared)"
    r"(?: \w+){0,2}|popular(?: \w+){0,2}|see also|also read|also on [\w ]+|up next|what to read next|"
    r"don['’]t miss(?: \w+){0,2}|further reading|latest(?: \w+){0,2}|editor['’]s picks?|"
    r"top(?: \d+)?(?: \w+)? (?:stories|topics|headlines|reads)|"  # "Top Stories", "Top 12 News Topics"
    r"around the web|sponsored stories|from (?:our|the) (?:partners?|network)|keep reading|"
    r"other(?: \w+)? (?:stories|columns|articles|news|posts|headlines|features|reports|videos)|"
    r"in case you missed it|recent (?:posts|articles|stories)|similar (?:posts|articles|stories))\W*$",
    re.IGNORECASE,
)
# "READ MORE: Some other headline", ">> Check out: ...", "Related | ..." dropped into the body.
INLINE_PROMO = re.compile(
    r"^(?:>>|»|►|▶)?\s*(?:check (?:it )?out|read|see|also read|also see|see also|related(?: (?:article|story|stories|"
    r"content|coverage|reading))?|read (?:more|next|also|the full story)|more|more from|more on this|watch(?: now)?|"
    r"listen|compare|don['’]t miss|recommended(?: reading)?|you (?:may|might) also like|trending|up next|must read)"
    r"\s*(?::|>|»|\||\s[\u2013\u2014-])\s*\S",
    re.IGNORECASE,
)
ADVERTISEMENT = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|paid content|"
    r"(?:story|article) continues below(?: advertisement)?|continue reading(?: below)?(?: the main story)?|"
    r"scroll (?:down )?to continue(?: with content)?|skip advert(?:isement)?)\W*$",
    re.IGNORECASE,
)
# A button or link label standing alone: "Read more", "Check price on Amazon", "Get the Example News app!",
# "Read more news like this on Example News".
BUTTON = re.compile(
    r"^(?:read more|read (?:the )?full (?:story|article|review)|show more|see more|load more|view more|learn more|"
    r"download now|shop now|buy now|view (?:the )?deal|see (?:the )?deal|get (?:the )?deal|"
    r"check (?:the )?(?:latest )?prices?(?: (?:on|at) [^.,;:!?]{1,30})?|see (?:it|price) (?:at|on) [^.,;:!?]{1,30}|where to buy|"
    r"get the .{1,40}? app|read more (?:news|stories|articles)\b.{0,50})\W*$",
    re.IGNORECASE,
)
# "(With inputs from Some Agency)": the wire credit closing a story.
WIRE_INPUTS = re.compile(r"^\(?with inputs? from [^()]{1,60}\)?\W*$", re.IGNORECASE)
# Notices that are furniture wherever they stand, even in a longer block...
BANNER = re.compile(
    r"\bclick(?:ing)? (?:here|this link)\b|\bon (?:their|the original|the publisher['’]s) (?:web)?site\b|"
    r"\blisten to (?:this|the) (?:article|story)\b|\bcan now listen to\b|"
    r"\b(?:audio|listen) (?:version|\d+ min)\b|^listen\W+\d{1,2}:\d{2}|\ball rights reserved\b|\bskip to (?:main )?content\b|"
    r"\benable javascript\b|\b(?:originally|first) (?:published|appeared) (?:on|in|at|by)\b|"
    r"\bthis (?:article|story) (?:was|is) republished\b",
    re.IGNORECASE,
)
# Disclosures and consent notices, whatever their length.
NOTICE = re.compile(
    r"\b(?:may|might|could) earn (?:us )?(?:an? )?(?:small )?(?:affiliate )?commission\b|"
    r"\b(?:purchases?|buy(?:ing)?) (?:made )?(?:something )?through (?:our|these|the) links\b|"
    r"\bcookies?\b(?=.*\b(?:consent|partners|preferences|personali[sz]ed)\b)|"
    r"\bcontent provided by\b|\bprovided by our sponsors?\b|\bsponsored content\b|\bpaid partnership\b|"
    # a broadcaster's transcript disclaimer, a paywall's notice
    r"\btranscripts? (?:may|might) (?:vary|contain errors|not be in (?:its|their) final form)\b|\brush transcript\b|"
    r"\bexclusive(?:ly)? (?:to|for) (?:our )?(?:[\w+]+ ){0,2}(?:subscribers|members)\b|"
    r"\bunlock (?:this|the full) (?:article|story)\b|"
    r"\b(?:subscribe|sign in|log in|register) (?:now |today )?to (?:continue|keep) reading\b|"
    # the consent line under a sign-up form: "By submitting your email, you agree to our Privacy Policy"
    r"\bby (?:submitting|checking|clicking|providing|entering|signing up|subscribing)\b.{0,100}?"
    r"\b(?:consent|agree|acknowledge|certify)\b.{0,120}?\b(?:privacy|terms|policy|receive|recieve|marketing|"
    r"e-?mails?|newsletters?|contact(?:ing)? me)\b|"
    # an appeal for readers' money, a republishing box
    r"\bwe have a small favou?r to ask\b|\bwe need your help to keep (?:publishing|going|reporting)\b|"
    r"\bwe rely on (?:your|our readers['’]?|reader) support\b|"
    r"\bconsider (?:pitching in|supporting (?:us|our (?:[\w-]+ ){0,2}(?:journalism|reporting|work|newsroom|mission)|"
    r"independent (?:journalism|media)))\b|"
    r"\bsupport (?:independent|nonprofit|non-profit|our) (?:journalism|reporting|newsroom)\b|"
    r"\b(?:double|triple|match) my donation\b|\bkept alive by reader donations\b|"
    r"\brepublish (?:this|our) (?:story|article|stories|articles)\b|\bbecome a (?:patron|paying member)\b|"
    # a call for readers' tips and enquiries under the article
    r"\bfill out the (?:short |quick )?form below\b|\b(?:have|got) an? (?:news )?tip\?|"
    # a prompt to rank the outlet higher in a search engine ("Add us as a preferred source on Google")
    r"\b(?:preferred|trusted) (?:news )?source (?:on|in|for) google\b|"
    r"\badd (?:[\w'’]+ ){0,3}as (?:a |your )?(?:preferred|(?:reliable and )?trusted)(?: news)? source\b|"
    # what a sign-up form says once sent, and a link's screen-reader label
    r"^(?:thanks|thank you)[!,.]? (?:so much )?(?:for (?:signing up|subscribing|your submission)|"
    r"your submission has been received)|\bsomething went wrong while submitting\b|"
    r"^opens in a new (?:window|tab)\W*$",
    re.IGNORECASE,
)
# "By Jane Doe", "Posted by Jane Doe · 5 min read": a byline line opening the article (names not parsed).
BYLINE_OPENING = re.compile(r"^(?:by|written by|words by|reporting by|story by|posted by|author:?)\s+[A-Z][\w.'’-]+",
                            re.IGNORECASE)
# "Updated 5 March 2024 at 10:14": a short line that only dates the page.
UPDATED_LINE = re.compile(r"^(?:published|updated|posted|last updated|modified)\b.{0,60}\d{4}.{0,20}$", re.IGNORECASE)
# "Jane Doe is a freelance writer who covers ...": the author box closing a page.
AUTHOR_BIO = re.compile(
    rf"^(?:About the author:?\s*)?{NAME} (?:is|was|has been|covers|covered|writes|wrote|joined)\b"
    r"(?=.{0,200}\b(?:writer|editor|journalist|author|reporter|contributor|correspondent|columnist|"
    r"freelance|writes|covers|covered|has written|articles?)\b)"
)
# "Skip to content", "Back to top", "Jump to recipe": in-page navigation controls.
NAVIGATION = re.compile(
    r"^(?:skip to (?:main )?content|back to top|jump to (?:recipe|section|comments)|toggle(?: navigation| menu)?)\W*$",
    re.IGNORECASE,
)
# "Tags: budget, transport", "Filed under: Politics": the label-led list closing a page.
TAG_LIST = re.compile(r"^(?:tags?|topics?|filed under|categories|category|keywords)\s*[:|]", re.IGNORECASE)
# "Sign up for our newsletter to get ... delivered to your inbox", "Thanks for subscribing!", "Become a paid
# subscriber to unlock ...": a pitch (or its thank-you), even at sentence length.
NEWSLETTER = re.compile(
    r"\b(?:sign(?:ing)? up|subscrib(?:e|ing)|join|register)\b.{0,40}\b(?:newsletters?|mailing list|inbox|"
    r"e-?mail (?:updates|alerts))\b|\bnewsletters?\b.{0,60}\b(?:your inbox|(?:sign up|subscribe) (?:now|today|here))\b|"
    r"\benter your e-?mail\b|\bdelivered (?:straight |directly )?to your inbox\b|"
    r"\byour inbox\b.{0,40}\bsubscribe (?:below|now|today|here)\b|\b(?:never|won['’]t) (?:get |send you )?spam\b|"
    r"\bthanks? (?:you )?for subscribing\b|\byou(?:['’]re| are) (?:now )?subscribed\b|"
    r"\bbecome a (?:paid )?subscriber\b|"
    r"\bsupport(?:ing)? (?:our|my|independent) (?:[\w-]+ )?(?:work|journalism|reporting)\b.{0,60}\bsubscrib",
    re.IGNORECASE,
)
READING_TIME = re.compile(r"^(?:(?:estimated )?reading time:?\s*)?(?:\d+|one|two|three|four|five)[ -]?min(?:ute)?s?\.?"
                          r"(?: read(?:ing time)?)?\W*$", re.IGNORECASE)  # "5 min read", "Reading time: 2 minutes"
# A table of contents opens a list of the article's own headings.
TOC_HEADING = re.compile(
    r"^(?:table of contents|contents|in this (?:article|post|guide|story)|jump to(?: section)?|on this page|"
    r"quick links|skip to section)\W*$",
    re.IGNORECASE,
)
# ...and calls to action that only mark a short line (prose may mention newsletters).
SHORT_BANNER = re.compile(
    r"\bsign up\b|\bsubscribe\b|\bnewsletters?\b|\bcookies?\b|\bprivacy (?:policy|notice|settings)\b|"
    r"\bterms (?:of|and) (?:use|service|conditions)\b|\bdownload (?:the|our) app\b|\b(?:sign|log) (?:in|out)\b|"
    r"\bcreate (?:an|a free) account\b|\bsupport (?:our|independent|local) (?:journalism|reporting)\b|"
    r"\b(?:in|to|into|hit|check) your inbox\b|\byour email address\b|"  # not a headline's "Your Inbox Will Ever Need"
    r"\breport (?:an?|this) (?:error|ad|typo)\b|\breader-supported\b|"
    r"\bto receive new posts\b|\bsupport (?:my|our) work\b|"
    r"\b(?:book|request|schedule|get) (?:a |your |our )?(?:free |personali[sz]ed )?demo\b|\bfill out the form\b|"
    r"\brequest (?:a|our) (?:free )?(?:quote|e-?book|copy|consultation)\b|\bstart (?:your|a) free trial\b|"
    r"\bfree trial available\b|^learn more\W*$|\blearn more about our editorial\b|"
    # a form's scaffolding: an anti-spam field's label and mark, the required-field legend, an empty list
    r"\bthis field is for validation purposes\b|^δ$|\bindicates (?:a )?required field\b|"
    r"\brequired fields are marked\b|^no items found\W*$",
    re.IGNORECASE,
)
REPUBLISHED = re.compile(
    r"\bon (?:their|the original|the publisher['’]s) (?:web)?site\b|\bour publishers\b|"
    r"\b(?:originally|first) (?:published|appeared) (?:on|in|at|by)\b|\brepublished\b|\bsyndicated\b",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"^(?:photo(?:graph)?s?|image|picture|illustration|video|graphic|credit|source|courtesy)s?"
    r"(?: credit)?\s*(?::|by\b)|"
    r"\b(?:getty images|ap photo|shutterstock|istock(?:photo)?|file photo)\b|"
    r"^[\w .&'’-]{2,40} ?/ ?(?-i:[A-Z]{2,}\b|Getty)[\w .&/-]{0,40}$",
    re.IGNORECASE,
)
# "... on the trail. Credit: Jane Doe", "... the harbour. | Photo by Jane Doe", "... (Photo: Agency)",
# "... a bar.CreditCreditJane Doe/Example Wire" (the label the scrape glued on): a photo caption closed by its credit.
CREDIT_TAIL = re.compile(
    r"(?:\b(?:photo(?:graph)?|image|picture|illustration)s?(?: credit)?\s*:|\bcredits?\s*:|"
    r"(?:^|[.!?|]\s*)(?:photo(?:graph)?|image|picture|illustration)s? by\s+(?-i:[A-Z])|"
    r"[.!?]\s*(?-i:Credit(?:Credit)?)\s*(?=(?-i:[A-Z])[^/!?:]{1,40}/))\s*(?:[^.!?:]|\.(?=[a-z]{2})){2,80}\.?$|"
    r"\((?:photo|image|picture|credit|courtesy)\b[^()]{2,60}\)\s*$|"
    r"\b(?:getty images|shutterstock|istock(?:photo)?|associated press|ap photo|afp|reuters|epa|alamy)\s*\)?\s*$",
    re.IGNORECASE,
)
CAPTION_MARK = re.compile(
    r"\((?:[lrc]\.?|[LRC]\.|L-R|l-r|from left|left to right|pictured)\)|©"
)
IMAGE_CONTROL = re.compile(
    r"^(?:(?:close|open|expand|enlarge|view|hide|show|collapse|toggle) (?:the )?"
    r"(?:(?:image|photo|picture)s?(?: caption| gallery)?|caption|gallery)|(?:image|photo|slide) \d+ (?:of|/) \d+)\W*$",
    re.IGNORECASE,
)
# "Jane Doe, December 17, 2025" under a teaser.
NAME_AND_DATE = re.compile(rf"^{NAMES},? (?:{ANY_DATE})$")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}|[A-Z])", re.IGNORECASE)


# the article's own markup pasted into the page: a "Republish this story" box's HTML, an embed code
PAGE_MARKUP = re.compile(r"</?(?:p|h[1-6])(?:\s[^<>]*)?>", re.IGNORECASE)
MIN_MARKUP_TAGS = 3
MAX_CUE_WORDS = 80  # longer blocks are read for notices only
MAX_NOTICE_WORDS = 200
MIN_MARKUP_WORDS = 40  # an article's worth of text, not a line of sample markup in a tutorial
_DATE_LABELS = ("published", "updated", "posted", "last updated", "modified")
_TAG_LABELS = ("tag", "topic", "filed under", "categor", "keyword")
_BYLINE_STARTS = ("by", "written by", "reported by", "posted by", "story by", "author")
# Words without which a pattern cannot match: one scan of a block for all of them spares most blocks
# the full patterns.
_KEY_WORDS = {
    "notice": ("commission", "links", "cookie", "provided by", "sponsored content", "paid partnership", "transcript",
               "exclusive", "unlock", "continue reading", "keep reading", "consent", "you agree", "i agree", "agree to our", "agree to the", "agree to receive",
               "acknowledge", "certify", "favor to ask", "favour to ask", "keep publishing", "consider pitching",
               "consider supporting", "support independent", "support nonprofit", "support non-profit",
               "support our", "my donation", "reader donations", "republish ", "become a patron",
               "become a paying", "rely on", "form below", " tip?", "preferred source", "trusted source",
               "trusted news source", "thanks", "thank you", "went wrong while", "opens in a new"),
    "share": ("share", "follow", "tweet", "email", "print", "copy", "save", "bookmark", "comment"),
    "embed": ("pic.", "post shared", "instagram", "status/"),
    "credit": ("photo", "image", "picture", "illustration", "video", "graphic", "credit", "source", "courtesy",
               "getty", "shutterstock", "istock", "/", "press", "afp", "reuters", "epa", "alamy"),
    "newsletter": ("newsletter", "mailing list", "inbox", "email", "e-mail", "subscri"),
    "banner": ("click", "site", "listen", "audio", "reserved", "skip to", "javascript", "published"),
    "short_banner": ("sign", "subscri", "newsletter", "cookie", "privacy", "terms", "download", "log ", "account",
                     "support", "inbox", "email", "report", "reader-supported", "receive new posts", "demo",
                     "fill out", "request", "trial", "learn more", "validation purposes", "δ", "required field",
                     "no items found"),
}
_GROUPS_OF: dict[str, set[str]] = {}
for _group, _words in _KEY_WORDS.items():
    for _word in _words:
        _GROUPS_OF.setdefault(_word, set()).add(_group)
# one scan finds the longest key at each place, so a key also stands for the keys inside it
# ("support our" for "support", "post shared" for "share")
_OWN_GROUPS = {word: set(groups) for word, groups in _GROUPS_OF.items()}
for _word, _groups in _GROUPS_OF.items():
    for _inner, _inner_groups in _OWN_GROUPS.items():
        if _inner in _word:
            _groups |= _inner_groups


def _longest_of(words: Iterable[str]) -> re.Pattern:
    """A pattern matching the longest of ``words`` at each place, the words merged into a prefix tree:
    the regex engine then follows one branch per character instead of trying every word in turn
    (2.6x faster than the plain alternation over the blocks of the WCXB pages, same matches)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        arms = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not arms:
            return ""
        body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(branch(tree))


_KEYS = _longest_of(_GROUPS_OF)


def _key_groups(lowered: str) -> set[str]:
    groups: set[str] = set()
    for word in _KEYS.findall(lowered):
        groups |= _GROUPS_OF[word]
    return groups


def share_widget(block: Block) -> bool:
    """A line made only of share/follow words ("Share and Follow", "Tweet Email Print")."""
    lowered = [t.lower() for t in block.tokens]
    return 0 < len(lowered) <= SHARE_LINE_WORDS and all(t in SHARE_WORDS for t in lowered) and any(
        t in SHARE_CORE for t in lowered
    )


_GLUE = re.compile(r"[a-z0-9?!)][A-Z][A-Za-z]")  # "BusesFerry", "TimesBridge": one entry's end, the next one's capital
_CODE_OR_SENTENCES = re.compile(r"[{};=<>\[\]]|[a-z]{2}[.!?] [A-Z]")


def glued_menu(text: str) -> bool:
    """A menu whose entries the scrape ran together ("Night BusesFerry TimesBridge RepairsCouncil
    Votes..."): at least four words glued to the next entry's capital, one in five words or more. Prose,
    code and lists of brand names ("TikTok, YouTube, LinkedIn and ...") do not look like this: sentences,
    code punctuation, commas after the glued word, identifiers with several capitals inside."""
    if len(_GLUE.findall(text)) < 4 or _CODE_OR_SENTENCES.search(text):
        return False
    tokens = text.split()
    glues = [len(_GLUE.findall(token)) for token in tokens]
    glued = sum(1 for token, n in zip(tokens, glues) if n == 1 and token[-1] not in ",;:")
    identifiers = sum(1 for n in glues if n >= 2)
    return glued >= 4 and glued * 5 >= len(tokens) and identifiers * 4 <= glued


def cue_reason(block: Block) -> str | None:
    """Why this block is page furniture, from its content; None when nothing marks it."""
    text = block.text
    if "(@" in text and EMBED_SIGNATURE.search(text[-120:]):
        return "social_embed"
    if glued_menu(text):
        return "glued_menu"
    if (block.words >= MIN_MARKUP_WORDS and "<" in text
            and len(PAGE_MARKUP.findall(text, 0, 2000)) >= MIN_MARKUP_TAGS):
        return "page_markup"
    if block.words > MAX_NOTICE_WORDS:
        return None
    lowered = text.lower()
    keys = _key_groups(lowered)
    if block.words > MAX_CUE_WORDS:  # a long block is prose, unless it is a notice: a consent form's fine print
        return "banner" if "notice" in keys and NOTICE.search(text) else None
    if "embed" in keys and EMBED_MARKER.search(text):
        return "social_embed"
    if block.words <= SHARE_LINE_WORDS and "share" in keys and share_widget(block):
        return "share_widget"
    if block.words <= 12 and lowered.startswith(("follow us", "follow me")) and FOLLOW_US.match(text):
        return "share_widget"  # "Follow me on Twitter as @jdoe" under a byline: no headline, no body
    if block.words <= 8 and ADVERTISEMENT.match(text):
        return "advertisement"
    if block.words <= 8 and RELATED_HEADING.match(text):
        return "related_heading"
    if block.words <= 12 and BUTTON.match(text):
        return "button"
    if block.words <= 12 and WIRE_INPUTS.match(text):
        return "contributor_line"
    if block.words <= 25 and INLINE_PROMO.match(text):
        return "related_links"
    if block.words <= 30 and "newsletter" in keys and NEWSLETTER.search(text):
        return "newsletter"
    if block.words <= 6 and NAVIGATION.match(text):
        return "navigation"
    if 1 < block.words <= 30 and lowered.startswith(_TAG_LABELS) and TAG_LIST.match(text):  # a bare "Tags:" heads a list
        return "tags"
    if block.words <= 5 and READING_TIME.match(text):
        return "header"
    if block.words <= 6 and TOC_HEADING.match(text):
        return "toc_heading"
    if block.words <= 25 and ("contribut" in lowered or " by " in lowered) and (
        CONTRIBUTORS.match(text) or REPORTING_BY.match(text)
    ):
        return "contributor_line"
    if block.words <= 15 and lowered.startswith(_BYLINE_STARTS) and BY_LINE.match(text):
        return "byline"
    if block.words <= 15 and NAME_AND_DATE.match(text):
        return "byline"
    if block.words <= 6 and IMAGE_CONTROL.match(text):
        return "caption"
    if text[:1] in "©(cC" and COPYRIGHT.match(text) and block.words <= 30:
        return "credit"
    if block.words <= 60 and ("(" in text or "©" in text) and CAPTION_MARK.search(text):
        return "caption" if block.words > 8 and not text.lstrip().startswith("©") else "credit"
    if block.words <= 20 and "credit" in keys and CREDIT.search(text):
        return "credit"
    if block.words <= 60 and "credit" in keys and CREDIT_TAIL.search(text):
        return "caption"
    if block.words <= 40 and "banner" in keys and BANNER.search(text):
        return "banner"
    if "notice" in keys and NOTICE.search(text):
        return "banner"
    if block.words <= 12 and "short_banner" in keys and SHORT_BANNER.search(text):
        return "banner"
    if block.words <= 12 and HEADER.match(text) and HEADER.match(text).end() >= len(text.rstrip()):
        return "header"
    if block.words <= 14 and lowered.startswith(_DATE_LABELS) and UPDATED_LINE.match(text) and not text.endswith(":"):
        return "header"  # "Last updated January 2025", "Published 3 days ago · March 2025"
    if block.words <= 8 and COMMENT_MARK.match(text):
        return "comment"
    return None
