"""ingest: inputs (files, directories, globs; text, HTML, gzip, JSONL, WARC, RSS/Atom) -> RawDocument."""

from .readers import DEFAULT_MAX_BYTES, expand_inputs, read_bytes, read_file, read_inputs
from .sniff import sniff

__all__ = ["DEFAULT_MAX_BYTES", "expand_inputs", "read_bytes", "read_file", "read_inputs", "sniff"]
