"""noticeqa: cited question answering over the NDRC notice on the third batch of
national comprehensive pilot projects of new urbanization.

This package holds what every stage shares (settings, errors) and the CLI; the
pipeline itself lives in the top-level packages corpus -> index -> assistant ->
(ui, eval).
"""

__version__ = "0.1.0"
