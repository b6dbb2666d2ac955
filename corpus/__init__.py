"""Corpus: the notice as data, parsed into parts, sections and passages."""

from corpus.models import Passage, Region, SectionRef
from corpus.parse import load_passages, parse_notice

__all__ = ["Passage", "Region", "SectionRef", "load_passages", "parse_notice"]
