"""Text that was decoded twice: "donâ€™t" for "don’t", "cafÃ©" for "café".

Scraped pages and dumps often carry UTF-8 that some step read as Latin-1 or Windows-1252 and wrote
back as UTF-8; the bytes are then valid and no decoder notices. Curly quotes turned into "â€œ" hide
quotations from the quote finder and split words in two, so the extracted text is repaired with ftfy,
which only undoes sequences that are far more likely mojibake than real text.
"""

from __future__ import annotations

import re

import ftfy

# a Latin-1 lead byte of a UTF-8 sequence followed by a continuation byte, read as Latin-1 or as
# Windows-1252 (whose 0x80-0x9F map to "€", "‚", "ƒ", curly quotes, "™" ...): what every mojibake has.
# That is the characters U+00C2-U+00F4 then one of U+0080-U+00BF, U+0152-U+0192, U+02C6, U+02DC,
# U+2013-U+203A, U+20AC, U+2122, searched for in their UTF-8 bytes: a pattern that opens with one
# literal byte is scanned for several times faster than one that opens with a character class.
_SUSPECT = re.compile(rb"\xc3[\x82-\xb4](?:\xc2[\x80-\xbf]|\xc5[\x92-\xbf]|\xc6[\x80-\x92]|\xcb[\x86\x9c]|"
                      rb"\xe2\x80[\x93-\xba]|\xe2\x82\xac|\xe2\x84\xa2)")
# a closing curly quote (E2 80 9D) whose last byte, undefined in Windows-1252, a cleaner dropped: "â€"
# then a space, which ftfy would otherwise read as a dagger (E2 80 A0, the space taken for a no-break one)
_LOST_CLOSING_QUOTE = re.compile("\u00e2\u20ac" r"(?=\s|$)")
# the same pairs as characters, to find where in the text they stand
_SUSPECT_CHARS = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
_SPAN_ENDS = "<>\n"  # mojibake stays inside one text node, one attribute value, one line


def fix_mojibake(text: str) -> str:
    """``text`` with doubly-decoded UTF-8 undone; text without the telltale pairs is returned as is
    (ftfy's own check reads the whole string, too slow to run on every block of every page)."""
    if not text or text.isascii() or not _SUSPECT.search(text.encode("utf-8", "surrogatepass")):
        return text
    pieces, done = [], 0
    for start, end in _suspect_spans(text):
        pieces += [text[done:start], ftfy.fix_encoding(_LOST_CLOSING_QUOTE.sub("\u00e2\u20ac\u009d", text[start:end]))]
        done = end
    return "".join(pieces) + text[done:]


def _suspect_spans(text: str) -> list[tuple[int, int]]:
    """The stretches between tags and line breaks that hold a suspect pair: ftfy reads only these, not
    a whole page of markup (a page with three broken characters in 400 KB took 120 ms)."""
    spans: list[tuple[int, int]] = []
    for pair in _SUSPECT_CHARS.finditer(text):
        if spans and pair.start() < spans[-1][1]:
            continue
        start = max(text.rfind(end, 0, pair.start()) for end in _SPAN_ENDS) + 1
        ends = [found for found in (text.find(end, pair.end()) for end in _SPAN_ENDS) if found >= 0]
        spans.append((start, min(ends, default=len(text))))
    return spans
