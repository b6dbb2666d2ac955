"""Index: embeddings of the passages in FAISS, a BM25 lexical index, and a
manifest that ties them to the corpus and model they came from."""
