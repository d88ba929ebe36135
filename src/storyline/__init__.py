"""storyline: raw news articles in, checkable stories out.

The flow reads like the package layout: ingest -> extract -> analyze -> link -> store -> serve.
"""

import os

# storyline scales with one process per core (--jobs, Dask workers). A BLAS thread pool in each
# of them only competes for the same cores: with OpenBLAS's extra thread the spaCy pass needs
# about 12% more CPU time per article. Set before numpy loads; a value the user set wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
