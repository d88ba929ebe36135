"""The body of an HTML page: what the cleanup cuts from trafilatura's main text, and what it keeps."""

import json

import pytest

from storyline.extract.html import _restore_dropped, _stated_body_blocks, extract_html
from storyline.extract.html_cleanup import Block, clean_blocks, prune_tree
from storyline.model import RawDocument
from trafilatura.utils import load_html

PARAGRAPHS = [
    "The harbour board approved a plan on Thursday to dredge the eastern channel, a project that will let"
    " larger ferries dock at the old pier for the first time in two decades, board members said.",
    "Fishermen had asked for the work for years, arguing that silt had narrowed the channel so much that"
    " boats could only leave at high tide, and that the delays were costing them a day's catch each week.",
    "The board expects the dredging to take four months and to cost less than the repairs the pier would"
    " otherwise need, a spokesman said, adding that the channel would stay open to small boats throughout.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)

AUTHOR_BOX = """<div class="post-author-box">
<p>Mara Quillfeather is a reporter who covers ports, shipping and the coast for the Example Gazette.
She joined the paper in 2019 after a decade at regional radio stations.</p></div>"""

COOKIE_NOTICE = [
    "This website uses cookies to improve your experience while you navigate through the website. Out of"
    " these, the cookies that are categorized as necessary are stored on your browser as they are essential"
    " for the working of basic functionalities of the website. We also use third-party cookies that help us"
    " analyze and understand how you use this website. These cookies will be stored in your browser only with"
    " your consent. You also have the option to opt-out of these cookies. But opting out of some of these"
    " cookies may affect your browsing experience.",
    "Functional cookies help to perform certain functionalities like sharing the content of the website on"
    " social media platforms, collecting feedback, and other third-party features.",
]


def page(body: str = BODY, extra: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour board backs channel dredging | The Example Gazette</title></head>
<body><article><h1>Harbour board backs channel dredging</h1>{body}{extra}</article></body></html>"""


def extract(html: str):
    return extract_html(RawDocument(source="test.html", content=html, format="html"))


def blocks(*texts: str, tag: str = "p") -> list[Block]:
    return [Block(text=t, tag=tag) for t in texts]


def clean(items: list[Block]) -> tuple[list[str], dict[str, str]]:
    kept, removed = clean_blocks(items, authors=[], title=None, captions=set())
    return [b.text for b in kept], {r.text: r.reason for r in removed}


def test_the_author_box_under_the_article_is_cut_before_extraction():
    article = extract(page(extra=AUTHOR_BOX))
    assert "joined the paper in 2019" not in article.text
    assert article.text.startswith("The harbour board approved")
    assert any(r.reason == "author_bio" and "Mara Quillfeather" in r.text for r in article.removed)


def test_a_byline_marked_as_author_info_is_no_author_box():
    tree = load_html(page(body='<div class="author-info">By Mara Quillfeather, March 5</div>' + BODY))
    assert prune_tree(tree) == []
    assert "Mara Quillfeather" in tree.text_content()


def test_a_cookie_notice_is_cut_however_long_with_the_kinds_of_cookies_after_it():
    kept, reasons = clean(blocks(*PARAGRAPHS, "Manage consent", *COOKIE_NOTICE))
    assert kept == PARAGRAPHS
    assert set(reasons.values()) == {"consent"}


def test_an_article_about_cookies_keeps_its_paragraphs():
    story = [
        "Browser makers will stop supporting third-party cookies next year, the company said on Monday,"
        " a change that advertisers have fought for years.",
        "Cookies are small files that a website stores in the browser, and trackers use them to follow"
        " readers from one site to the next.",
    ]
    kept, reasons = clean(blocks(*PARAGRAPHS, *story))
    assert kept == PARAGRAPHS + story and reasons == {}


def test_follow_us_lines_subscription_thanks_and_reading_time_are_cut():
    furniture = ["6 min read", "Thanks for subscribing! Look out for your first issue soon.", "You're subscribed!",
                 "Want more harbour news? Follow us on Instagram for photos from the pier."]
    kept, reasons = clean(blocks(furniture[0], *PARAGRAPHS, *furniture[1:]))
    assert kept == PARAGRAPHS
    assert reasons == {furniture[0]: "header", furniture[1]: "newsletter", furniture[2]: "newsletter",
                       furniture[3]: "share_widget"}


def test_an_article_that_mentions_newsletters_keeps_the_sentence():
    line = "The board also reads the 28 shipping newsletters it subscribes to before each meeting, he said."
    kept, _ = clean(blocks(*PARAGRAPHS, line))
    assert kept[-1] == line


def test_a_table_of_contents_heading_left_alone_is_cut():
    kept, reasons = clean([Block("Table of Contents", "head"), *blocks(*PARAGRAPHS)])
    assert kept == PARAGRAPHS and reasons == {"Table of Contents": "toc_heading"}


def test_about_the_author_is_cut_even_when_a_comment_prompt_follows_it():
    bio = ("About the author: Mara Quillfeather is a freelance writer who covers ports and shipping"
           " from a small town on the coast.")
    prompt = "Have you ever taken the ferry from the old pier? Tell us about it below."
    kept, reasons = clean(blocks(*PARAGRAPHS, bio, prompt))
    assert bio not in kept and reasons[bio] == "author_bio"
    assert kept[-1] == prompt


def test_the_comment_thread_is_cut_before_extraction():
    thread = """<div id="comments" class="comments-area"><ol class="comment-list">
    <li><span class="comment-author">Pell Harrowgate</span> says: About time, the channel has been a mess
    for as long as I can remember and the ferries always run late because of it.</li></ol></div>"""
    article = extract(page(extra=thread))
    assert "Pell Harrowgate" not in article.text and "Pell Harrowgate" not in article.authors
    assert article.text.startswith("The harbour board approved")
    assert any(r.reason == "comments" and "channel has been a mess" in r.text for r in article.removed)


def test_a_comment_count_is_no_comment_thread():
    tree = load_html(page(body=BODY + '<div class="comment-count">3 comments</div>'))
    assert prune_tree(tree) == []


def _listicle(article_body: str) -> str:
    """A page that puts its intro in one container and each entry of the list in a card of its own,
    the shape that makes an extractor stop after the intro; its JSON-LD states the whole article."""
    entries = "".join(
        f'<div class="card"><h2>{n}. Pier {n}</h2><div class="card-copy"><p>{PARAGRAPHS[n % 3]} Entry {n} of the'
        f" guide covers the moorings, the fees and the hours of the harbour master.</p></div></div>"
        for n in range(1, 9)
    )
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Eight piers to know",
                     "articleBody": article_body})
    return (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            f'<div class="intro"><h1>Eight piers to know</h1><p>{PARAGRAPHS[0]}</p></div>'
            f'<section class="cards">{entries}</section></body></html>')


def test_when_the_extraction_misses_most_of_the_stated_article_body_the_stated_body_is_the_text(monkeypatch):
    stated = "\n".join([PARAGRAPHS[0]] + [f"{PARAGRAPHS[n % 3]} Entry {n} of the guide covers the moorings, the fees"
                                          f" and the hours of the harbour master." for n in range(1, 9)])
    intro_only = [Block(text=PARAGRAPHS[0], tag="p")]
    monkeypatch.setattr("storyline.extract.html._main_blocks", lambda *args: intro_only)
    article = extract(_listicle(stated))
    assert article.text.count("of the guide covers the moorings") == 8
    assert article.text.split("\n\n")[0] == PARAGRAPHS[0]


def test_a_short_stated_body_is_a_teaser_and_the_page_text_stands(monkeypatch):
    intro_only = [Block(text=PARAGRAPHS[0], tag="p")]
    monkeypatch.setattr("storyline.extract.html._main_blocks", lambda *args: intro_only)
    article = extract(_listicle("Eight piers to know, from the ferry pier to the fishing harbour."))
    assert article.text == PARAGRAPHS[0]


def test_a_stated_body_in_markup_gives_its_paragraphs():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 2)
    assert [b.text for b in _stated_body_blocks(body)] == PARAGRAPHS * 2


def test_buttons_and_wire_credits_standing_alone_are_cut_and_prose_that_starts_alike_stays():
    furniture = ["Read more", "Check price on Amazon", "Get the Example Gazette app!",
                 "Read more news like this on Example Gazette", "(With inputs from Example Agency)"]
    prose = ["Read more about the dredging plan in the board's own report, a spokesman said.",
             "Check prices before you book, the harbour master advised."]
    for line in furniture:  # one at a time, between paragraphs, as pages put them
        kept, reasons = clean(blocks(PARAGRAPHS[0], line, *PARAGRAPHS[1:], *prose))
        assert kept == PARAGRAPHS + prose
        assert reasons == {line: "contributor_line" if line.startswith("(") else "button"}



def test_paywall_notices_and_transcript_disclaimers_are_cut_and_prose_about_them_stays():
    furniture = ["This article is exclusive to Example+ subscribers",
                 "Unlock this article — plus in-depth analysis, newsletters and events.",
                 "Subscribe now to continue reading.",
                 "Accuracy and availability of Example Radio transcripts may vary. Transcript text may be revised"
                 " to correct errors or match updates to audio.",
                 "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED."]
    prose = ["The board published a transcript of the meeting on Friday, a spokesman said.",
             "Subscribers to the harbour's mailing list were told of the vote first."]
    for line in furniture:
        kept, reasons = clean(blocks(*PARAGRAPHS[:2], line, PARAGRAPHS[2], *prose))
        assert kept == PARAGRAPHS + prose
        assert reasons == {line: "banner"}


def test_the_consent_line_under_a_sign_up_form_is_cut_and_prose_about_signing_up_stays():
    consent = "By submitting your email, you agree to our Terms of Use and Privacy Policy."
    prose = "By signing up for the ferry pass, commuters save a third of the fare, the board said."
    kept, reasons = clean(blocks(*PARAGRAPHS, consent, prose))
    assert kept == PARAGRAPHS + [prose]
    assert reasons == {consent: "banner"}


def test_appeals_for_readers_money_and_republishing_boxes_are_cut_and_prose_about_giving_stays():
    furniture = ["Since you made it to the bottom of this article, we have a small favor to ask.",
                 "If you believe stories like this matter, please consider pitching in what you can.",
                 "Double my donation",
                 "Enjoyed this piece? We need your help to keep publishing.",
                 "If you're enjoying this article, consider supporting our award-winning journalism by subscribing.",
                 "Republish this article",
                 "We Rely On Your Support: This site is primarily supported by advertisements."]
    prose = ["Officials asked residents to consider donating blood at the harbour clinic this week.",
             "The fishermen's association said it would become a supporter of the dredging plan."]
    for line in furniture:
        kept, reasons = clean(blocks(*PARAGRAPHS, line, *prose))
        assert kept == PARAGRAPHS + prose
        assert reasons == {line: "newsletter" if "subscribing" in line else "banner"}

SECTIONED = f"""<html><body><article><h1>Harbour board backs channel dredging</h1>
<p>{PARAGRAPHS[0]}</p>
<h3>What the fishermen asked for</h3>
<p>{PARAGRAPHS[1]}</p>
<ul><li>A channel open at every tide</li><li>Berths for two more trawlers</li></ul>
<p>{PARAGRAPHS[2]}</p>
<h3>Elsewhere on the site</h3>
<p>Subscribe to our weekly newsletter for more harbour news.</p>
</article></body></html>"""


def test_a_heading_dropped_before_a_kept_paragraph_is_put_back_in_front_of_it():
    kept = blocks(*PARAGRAPHS)
    restored = _restore_dropped(load_html(SECTIONED), kept)
    texts = [b.text for b in restored]
    assert texts[1:3] == ["What the fishermen asked for", PARAGRAPHS[1]]
    assert restored[1].tag == "head"
    assert "Elsewhere on the site" not in texts  # what follows it was not kept either


def test_a_heading_already_kept_is_not_repeated():
    kept = [Block(text=PARAGRAPHS[0], tag="p"), Block(text="What the fishermen asked for", tag="head"),
            *blocks(*PARAGRAPHS[1:])]
    texts = [b.text for b in _restore_dropped(load_html(SECTIONED), kept)]
    assert texts.count("What the fishermen asked for") == 1


def test_a_plain_list_dropped_between_two_kept_paragraphs_is_put_back():
    texts = [b.text for b in _restore_dropped(load_html(SECTIONED), blocks(*PARAGRAPHS))]
    assert texts[3:6] == ["- A channel open at every tide", "- Berths for two more trawlers", PARAGRAPHS[2]]


def test_a_list_whose_entries_hold_paragraphs_or_that_trafilatura_kept_stays_as_extracted():
    nested = SECTIONED.replace("<li>A channel open", "<li><p>A channel open").replace("every tide</li>", "every tide</p></li>")
    texts = [b.text for b in _restore_dropped(load_html(nested), blocks(*PARAGRAPHS))]
    assert not any("every tide" in t for t in texts)
    kept = [*blocks(*PARAGRAPHS[:2]), Block(text="- A channel open at every tide", tag="item"), *blocks(PARAGRAPHS[2])]
    texts = [b.text for b in _restore_dropped(load_html(SECTIONED), kept)]
    assert not any("two more trawlers" in t for t in texts)  # trafilatura chose which entries to keep


def _recall_passes(monkeypatch, html: str) -> int:
    """How many recall-oriented second passes extracting ``html`` runs."""
    import storyline.extract.html as extraction

    passes = []
    first = extraction._extract_blocks

    def counting(tree, url, **options):
        passes.extend([options] if options else [])
        return first(tree, url, **options)

    monkeypatch.setattr(extraction, "_extract_blocks", counting)
    extract(html)
    return len(passes)


@pytest.mark.parametrize(
    ("declared", "menu_entries", "second_passes"),
    [
        (None, 10, 1),  # the article is about half the page's text: a second pass, on an undeclared page
        ("BlogPosting", 10, 0),  # a page declaring an article of prose waits for a third...
        ("BlogPosting", 24, 1),
        ("NewsArticle", 24, 0),  # ...and a news article for a fifth: menus and teasers, not a missed article
    ],
)
def test_the_second_pass_waits_longer_on_a_page_that_declares_itself_an_article(monkeypatch, declared, menu_entries,
                                                                                 second_passes):
    menu = "<ul>" + "".join(f"<li><a href='/s/{n}'>Section {n} of the site and its latest stories</a></li>"
                            for n in range(menu_entries)) + "</ul>"
    html = page(extra=menu)
    if declared:
        json_ld = json.dumps({"@type": declared, "headline": "Harbour board backs channel dredging"})
        html = html.replace("</head>", f'<script type="application/ld+json">{json_ld}</script></head>')
    assert _recall_passes(monkeypatch, html) == second_passes

def test_a_closing_list_of_web_sources_is_cut_but_named_sources_stay():
    cited = ["Article Sources", "Every article is checked by our fact-checkers before it is published.",
             '"Channel depth survey, 2024." Example Port Authority, https://port.example.org/survey. Accessed 2 May 2025.',
             "https://www.example.org/harbour/dredging-plan"]
    kept, removed = clean(blocks(*PARAGRAPHS, *cited))
    assert kept == PARAGRAPHS and removed[cited[0]] == "sources"

    named = ["Sources", "Tova Brindlemark, the harbour master, interviewed at the pier in April"]
    kept, _ = clean(blocks(*PARAGRAPHS, *named))
    assert kept == PARAGRAPHS + named


def test_teaser_cards_under_a_related_heading_are_cut_however_long_their_standfirsts():
    cards = [Block("Other Opinion Columns", "head"),
             Block("Ferry fares Why the crossing costs more this winter", "head"),
             Block("JANE EXAMPLE The operators blame fuel, but the accounts tell a longer story about the fleet.", "p"),
             Block("Pier plans A new life for the old customs house", "head"),
             Block("JOHN ROE It has stood empty for ten years; the council now has three offers to weigh.", "p")]
    kept, reasons = clean(blocks(*PARAGRAPHS) + cards)
    assert kept == PARAGRAPHS
    assert set(reasons.values()) == {"related_links"}


def test_a_subheading_over_the_article_going_on_is_no_teaser_card():
    section = [Block("Other Options Considered", "head"), *blocks(*PARAGRAPHS[:2])]
    kept, _ = clean(blocks(PARAGRAPHS[2]) + section)
    assert kept == [PARAGRAPHS[2], "Other Options Considered", *PARAGRAPHS[:2]]


def test_a_related_heading_with_no_prose_below_it_ends_the_article():
    tail = [Block("You Might Also Like", "head"), Block("Featured Slide Shows", "head"),
            *blocks("- 1 of 5", "- Previous", "- Next", "Harbour lights at dusk slideshow", tag="item"),
            Block("Related Videos", "head"), Block("Loading Comments...", "p")]
    kept, reasons = clean(blocks(*PARAGRAPHS) + tail)
    assert kept == PARAGRAPHS
    assert reasons["- Next"] == "related_links"


def test_the_lines_of_a_code_block_are_kept_even_where_they_read_like_page_furniture():
    listing = "$ transit-cli export --all\nRelated articles\nadvertisement\nShare this:\n3 routes written to routes.csv"
    html = (f"<html><head><title>Exporting the routes</title></head><body><article><h1>Exporting the routes</h1>"
            f"<p>{PARAGRAPHS[0]}</p><p>Run the exporter from the project folder, and it prints what it wrote:</p>"
            f"<pre><code>{listing}</code></pre><p>{PARAGRAPHS[1]}</p></article></body></html>")
    text = extract_html(RawDocument(source="export.html", content=html, format="html")).text
    for line in listing.splitlines():
        assert line in text
