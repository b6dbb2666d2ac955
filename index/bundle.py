"""Building, saving and loading everything the assistant searches.

An index directory holds ``builds/<id>/`` folders and a ``current`` symlink to
the complete one in use. A build writes a new folder, then swaps the symlink
with one atomic rename, so a killed build leaves the old index in place and
two builds at once each finish a whole folder.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

import numpy as np
from pydantic import TypeAdapter, ValidationError

from corpus.models import Passage
from corpus.normalize import normalize
from corpus.parse import load_passages
from corpus.segment import clause_windows, sentence_spans
from corpus.source import NOTICE_SHA256
from index.embed import Embedder, get_embedder
from index.lexical import LexicalIndex, content_words
from index.manifest import FORMAT_VERSION, MANIFEST_NAME, Manifest, hash_files, problems
from index.store import VectorStore
from noticeqa.errors import IndexStoreError
from noticeqa.settings import get_settings

_PASSAGES = TypeAdapter(list[Passage])
KEEP_BUILDS = 2


@dataclass(frozen=True)
class SentenceRef:
    """A sentence (or clause window) of a passage: ``passage.text[start:end]``."""

    passage: int
    start: int
    end: int


@dataclass(frozen=True)
class IndexBundle:
    directory: Path
    manifest: Manifest
    passages: tuple[Passage, ...]
    dense: VectorStore
    lexical: LexicalIndex
    sentences: tuple[SentenceRef, ...]
    sentence_vectors: np.ndarray
    clauses: tuple[SentenceRef, ...]  # clause windows, grouped by passage in passage order
    clause_vectors: np.ndarray
    words: tuple[str, ...]  # the notice's content words, for soft topic coverage
    word_vectors: np.ndarray
    embedder: Embedder


def passage_sentences(passages) -> list[SentenceRef]:
    return [
        SentenceRef(i, a, b)
        for i, p in enumerate(passages)
        for a, b in sentence_spans(p.text, 0, len(p.text))
    ]


def passage_clauses(passages) -> list[SentenceRef]:
    return [SentenceRef(i, a, b) for i, p in enumerate(passages) for a, b in clause_windows(p.text)]


def vocabulary(texts: list[str]) -> list[str]:
    """Distinct lower-case words of the passages (3+ letters, no stopwords)."""
    return sorted({w for text in texts for w in content_words(text)})


def _versions() -> dict[str, str]:
    names = ["sentence-transformers", "faiss-cpu", "bm25s", "torch", "numpy"]
    return {name: version(name) for name in names}


def build(index_dir: Path | None = None, model: str | None = None) -> IndexBundle:
    """Build the index into a fresh folder and make it current."""
    settings = get_settings()
    index_dir = Path(index_dir or settings.index_dir)
    embedder = get_embedder(model or settings.model)
    started = time.perf_counter()
    passages = load_passages()
    work = index_dir / "builds" / f".tmp-{uuid.uuid4().hex[:12]}"
    work.mkdir(parents=True)
    try:
        _write(work, passages, embedder)
        manifest = _write_manifest(work, passages, embedder, time.perf_counter() - started)
        final = work.with_name(f"{time.strftime('%Y%m%dT%H%M%S')}-{work.name[5:]}")
        os.rename(work, final)
        _make_current(index_dir, final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    _prune(index_dir, keep=final)
    return _load_dir(final, manifest, embedder)


def _write(work: Path, passages, embedder: Embedder) -> None:
    texts = [p.norm_text for p in passages]
    VectorStore.build(embedder.encode(texts), kind="flat").save(work / "dense.faiss")
    LexicalIndex.build(texts).save(work / "lexical")
    for name, refs in (("sentences", passage_sentences(passages)), ("clauses", passage_clauses(passages))):
        pieces = [normalize(passages[r.passage].text[r.start : r.end]) for r in refs]
        np.save(work / f"{name}.npy", embedder.encode(pieces), allow_pickle=False)
        (work / f"{name}.json").write_text(json.dumps([[r.passage, r.start, r.end] for r in refs]))
    words = vocabulary(texts)
    np.save(work / "words.npy", embedder.encode(words), allow_pickle=False)
    (work / "words.json").write_text(json.dumps(words))
    (work / "passages.json").write_bytes(_PASSAGES.dump_json(list(passages), indent=1))


def _write_manifest(work: Path, passages, embedder: Embedder, seconds: float) -> Manifest:
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        corpus_sha256=NOTICE_SHA256,
        model=embedder.model_id,
        dimension=embedder.dim,
        passages=len(passages),
        sections=len({p.section.number for p in passages if p.section}),
        regions=len({r.name for p in passages for r in p.regions}),
        versions=_versions(),
        files=hash_files(work),
        built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        build_seconds=round(seconds, 3),
    )
    (work / MANIFEST_NAME).write_text(manifest.model_dump_json(indent=2))
    return manifest


def _make_current(index_dir: Path, final: Path) -> None:
    link = index_dir / f".current-{uuid.uuid4().hex[:12]}"
    os.symlink(os.path.relpath(final, index_dir), link)
    os.replace(link, index_dir / "current")


def _prune(index_dir: Path, keep: Path) -> None:
    """Remove all but the newest complete builds (and never ``keep`` or the
    build ``current`` points to: a concurrent build may have swapped it in)."""
    builds = sorted(p for p in (index_dir / "builds").iterdir() if not p.name.startswith(".tmp-"))
    live = (index_dir / "current").resolve()
    for old in builds[:-KEEP_BUILDS]:
        if old not in (keep, live):
            shutil.rmtree(old, ignore_errors=True)


def load(index_dir: Path | None = None, model: str | None = None, rebuild: bool = True) -> IndexBundle:
    """Load the current index; rebuild it when it is missing, stale or damaged."""
    settings = get_settings()
    index_dir = Path(index_dir or settings.index_dir)
    embedder = get_embedder(model or settings.model)
    current = index_dir / "current"
    reasons = _check(current, embedder)
    if not reasons:
        manifest = Manifest.model_validate_json((current / MANIFEST_NAME).read_text())
        try:
            return _load_dir(current.resolve(), manifest, embedder)
        except Exception as exc:  # noqa: BLE001 - a damaged file of any kind
            reasons = [f"could not be read ({exc})"]
    if not rebuild:
        raise IndexStoreError(
            f"the index in {index_dir} is unusable: {'; '.join(reasons)}. "
            "Run `noticeqa build` to rebuild it."
        )
    return build(index_dir, model)


def _check(current: Path, embedder: Embedder) -> list[str]:
    if not (current / MANIFEST_NAME).is_file():
        return ["no index built yet"]
    try:
        manifest = Manifest.model_validate_json((current / MANIFEST_NAME).read_text())
    except (ValidationError, ValueError, OSError) as exc:
        return [f"manifest unreadable ({exc.__class__.__name__})"]
    return problems(current, manifest, NOTICE_SHA256, embedder.model_id)


def _load_dir(directory: Path, manifest: Manifest, embedder: Embedder) -> IndexBundle:
    passages = tuple(_PASSAGES.validate_json((directory / "passages.json").read_bytes()))
    refs = {name: tuple(SentenceRef(*row) for row in json.loads((directory / f"{name}.json").read_text()))
            for name in ("sentences", "clauses")}
    return IndexBundle(
        directory=directory,
        manifest=manifest,
        passages=passages,
        dense=VectorStore.load(directory / "dense.faiss"),
        lexical=LexicalIndex.load(directory / "lexical"),
        sentences=refs["sentences"],
        sentence_vectors=np.load(directory / "sentences.npy", allow_pickle=False),
        clauses=refs["clauses"],
        clause_vectors=np.load(directory / "clauses.npy", allow_pickle=False),
        words=tuple(json.loads((directory / "words.json").read_text())),
        word_vectors=np.load(directory / "words.npy", allow_pickle=False),
        embedder=embedder,
    )
