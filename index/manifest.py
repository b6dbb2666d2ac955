"""The manifest: what an index directory was built from, and the SHA-256 of
every file in it, so a stale or damaged index is detected on load."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict

FORMAT_VERSION = 3  # 3: clause windows (clauses.json, clauses.npy)
MANIFEST_NAME = "manifest.json"


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format_version: int
    corpus_sha256: str
    model: str
    dimension: int
    passages: int
    sections: int
    regions: int
    versions: dict[str, str]
    files: dict[str, str]  # relative path => SHA-256
    built_at: str
    build_seconds: float


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hash_files(directory: Path) -> dict[str, str]:
    """SHA-256 of every file under ``directory`` but the manifest itself."""
    return {
        p.relative_to(directory).as_posix(): file_sha256(p)
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }


def problems(directory: Path, manifest: Manifest, corpus_sha256: str, model: str) -> list[str]:
    """Why an index directory cannot be used as is; empty when it can."""
    found = []
    if manifest.format_version != FORMAT_VERSION:
        found.append(f"index format {manifest.format_version}, expected {FORMAT_VERSION}")
    if manifest.corpus_sha256 != corpus_sha256:
        found.append("built from another version of the notice")
    if manifest.model != model:
        found.append(f"built with model {manifest.model!r}, settings ask for {model!r}")
    actual = hash_files(directory)
    for name, digest in manifest.files.items():
        if name not in actual:
            found.append(f"{name} is missing")
        elif actual[name] != digest:
            found.append(f"{name} does not match its SHA-256")
    found.extend(f"{name} is not in the manifest" for name in actual.keys() - manifest.files.keys())
    return found
