"""Records of the corpus stage. They cross into JSON (the index directory, the
``Answer`` contract), so they are frozen pydantic models that forbid extras."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Part = Literal["summary", "front", "I", "II", "III", "closing"]
Kind = Literal["summary", "front", "part-intro", "lead-in", "experience", "closing"]

PART_LABELS: dict[str, str] = {
    "summary": "News summary",
    "front": "Front matter",
    "I": "Part I",
    "II": "Part II",
    "III": "Part III",
    "closing": "Closing",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Region(_Frozen):
    """A place a passage names: a locality (``Xiangtan``) or a whole
    provincial-level division (``Guizhou``, where ``name == province``)."""

    name: str
    province: str
    chinese: str = ""
    parent: str | None = None

    @property
    def is_province(self) -> bool:
        return self.name == self.province

    def label(self) -> str:
        """``Xiangtan, Hunan``; ``Huadu District, Guangzhou, Guangdong``; ``Guizhou``."""
        parts = [self.name, self.parent, None if self.is_province else self.province]
        return ", ".join(p for p in parts if p)


class SectionRef(_Frozen):
    number: int
    title: str
    part: Part
    marker: str = ""  # as printed: "(d)", "(ix)"...


class Passage(_Frozen):
    """One retrievable unit: a pilot experience, a section lead-in, a part
    intro, a summary or front-matter paragraph. ``text == source[start:end]``."""

    id: str
    kind: Kind
    part: Part
    section: SectionRef | None
    regions: tuple[Region, ...]
    text: str
    norm_text: str
    start: int
    end: int
    line: int
    duplicate_of: str | None = None

    def region_labels(self) -> list[str]:
        return [r.label() for r in self.regions]
