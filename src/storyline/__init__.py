"""storyline: raw news articles in, checkable stories out.

The flow reads like the package layout: ingest -> extract -> analyze -> link -> store -> serve.
"""

__version__ = "0.1.0"
