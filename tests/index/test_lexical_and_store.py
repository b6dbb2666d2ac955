import numpy as np

from index.lexical import LexicalIndex, tokenize
from index.store import VectorStore


def test_tokens_keep_places_and_figures():
    assert tokenize(["Xiangtan mobilized 29,000 units"]) == [["xiangtan", "mobil", "29,000", "unit"]]


def test_bm25_finds_the_passage_with_the_rare_name(tmp_path):
    texts = ["Xiangtan built housing", "Zibo issued loans", "cities built housing"]
    index = LexicalIndex.build(texts)
    index.save(tmp_path / "lex")
    scores = LexicalIndex.load(tmp_path / "lex").scores("What did Zibo do?")
    assert int(np.argmax(scores)) == 1
    assert LexicalIndex.load(tmp_path / "lex").scores("qqqq zzzz").max() == 0


def test_flat_store_returns_exact_neighbours(tmp_path):
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    store = VectorStore.build(vectors)
    assert store.kind == "flat"
    store.save(tmp_path / "v.faiss")
    scores, ids = VectorStore.load(tmp_path / "v.faiss").search(vectors[7], 3)
    assert ids[0][0] == 7 and abs(scores[0][0] - 1.0) < 1e-5


def test_embeddings_are_unit_length(embedder):
    vectors = embedder.encode(["public rental housing", "carbon coins"])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_query_tokens_match_the_index_tokenizer():
    from index.lexical import query_tokens, tokenize

    text = "How many public rental housing units did Xiangtan mobilize? 29,000"
    assert list(query_tokens(text)) == tokenize([text])[0]


def test_small_batches_give_the_same_vectors_as_sentence_transformers(embedder):
    texts = ["How many public rental housing units did Xiangtan mobilize?", "carbon coins",
             "public **** services " * 60]
    direct = embedder.encode(texts)
    library = embedder._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    np.testing.assert_allclose(direct, library, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(direct, axis=1), 1.0, atol=1e-5)
