"""Decide an input's format from its bytes (the extension is only a tie-breaker)."""

from __future__ import annotations

import json
import re
from typing import Literal

Format = Literal["gzip", "warc", "json", "jsonl", "feed", "html", "text", "binary", "empty"]

_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<meta|<title|<article|<div|<p[\s>])",
    re.I | re.S,
)
_FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def sniff(head: bytes, name: str = "") -> Format:
    """Classify the first bytes of an input."""
    if not head.strip():
        return "empty"
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")) and name.lower().endswith(".json"):
        return "json"
    if stripped.startswith(b"{") and _looks_like_jsonl(stripped):
        return "jsonl"
    if stripped.startswith(b"<?xml") or stripped[:200].lower().startswith((b"<rss", b"<feed")):
        if _FEED_START.search(stripped[:4096]):
            return "feed"
    if _HTML_START.match(stripped) or (b"<html" in stripped[:4096].lower()):
        return "html"
    if _is_binary(head):
        return "binary"
    if name.lower().endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return "text"


def _looks_like_jsonl(head: bytes) -> bool:
    first = head.split(b"\n", 1)[0].strip()
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        # a first line cut off by the sniff window still starts like an object with a key
        return bool(re.match(rb'\{\s*"[^"]{1,40}"\s*:', first))


def _is_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: not text in any encoding we read."""
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05

