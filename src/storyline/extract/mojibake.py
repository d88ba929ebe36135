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
# Windows-1252 (whose 0x80-0x9F map to "€", "‚", "ƒ", curly quotes, "™" ...): what every mojibake has
_SUSPECT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
# a closing curly quote (E2 80 9D) whose last byte, undefined in Windows-1252, a cleaner dropped: "â€"
# then a space, which ftfy would otherwise read as a dagger (E2 80 A0, the space taken for a no-break one)
_LOST_CLOSING_QUOTE = re.compile("\u00e2\u20ac" r"(?=\s|$)")


def fix_mojibake(text: str) -> str:
    """``text`` with doubly-decoded UTF-8 undone; text without the telltale pairs is returned as is
    (ftfy's own check reads the whole string, too slow to run on every block of every page)."""
    if not text or not _SUSPECT.search(text):
        return text
    return ftfy.fix_encoding(_LOST_CLOSING_QUOTE.sub("\u00e2\u20ac\u009d", text))
