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


def fix_mojibake(text: str) -> str:
    """``text`` with doubly-decoded UTF-8 undone; text without the telltale pairs is returned as is
    (ftfy's own check reads the whole string, too slow to run on every block of every page)."""
    if not text or text.isascii() or not _SUSPECT.search(text.encode("utf-8", "surrogatepass")):
        return text
    return ftfy.fix_encoding(_LOST_CLOSING_QUOTE.sub("\u00e2\u20ac\u009d", text))
