"""Errors a person can act on: each message names the bad value and the fix."""


class NoticeQAError(Exception):
    """Base class; the CLI prints the message and exits non-zero, the UI shows it."""


class CorpusError(NoticeQAError):
    """The notice or one of its data files is missing or altered."""


class ModelLoadError(NoticeQAError):
    """The sentence-transformers model could not be loaded offline."""


class IndexStoreError(NoticeQAError):
    """The index directory is unusable and could not be rebuilt."""


class InputError(NoticeQAError):
    """A question was rejected by validation (empty, too long...)."""
