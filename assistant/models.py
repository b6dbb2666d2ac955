"""The ``Answer`` JSON contract shared by the CLI (``ask --json``), the browser
chat and the evaluation reports."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CitedSection(_Record):
    part: str  # "I", "II", "III", "summary", "front", "closing"
    number: int | None = None
    title: str | None = None


class CitedRegion(_Record):
    name: str
    province: str


class Citation(_Record):
    rank: int = Field(ge=1)
    passage_id: str
    text: str  # verbatim, as printed in the notice
    highlight: tuple[int, int]  # supporting sentence: text[start:end]
    section: CitedSection
    regions: list[CitedRegion]
    score: float


class Answer(_Record):
    question: str
    abstained: bool
    answer: str
    citations: list[Citation]
    regions_recognized: list[CitedRegion] = []
    sections_recognized: list[int] = []
    filters: dict[str, list[str]] = {}
