"""Assistant: retrieve, pick the answer sentence, cite, abstain.

The public API is ``Assistant`` (``Assistant.load().ask(question)``) and the
``Answer`` record; ``ui`` and ``eval`` use nothing else from below.
"""

from assistant.answer import Assistant
from assistant.models import Answer, Citation

__all__ = ["Answer", "Assistant", "Citation"]
