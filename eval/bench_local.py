"""In-process figures: warm ``ask`` latency, index build, embedding throughput.

Floors: ``ask`` against one ``Embedder.encode`` of the question plus one FAISS
search of the dense store; the build and ``Embedder.encode`` against a bare
``SentenceTransformer.encode`` of the same texts (the same model files, no
project code around it). Samples of a figure and of its floor alternate, so
both see the same machine load.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from eval.bench import (
    BUILD_S, EMBED_MIN_RATIO, WARM_ASK_MAX_RATIO, WARM_ASK_P50_MS, Figure, Plan, figure, rate_figure, timed,
)
from noticeqa.errors import NoticeQAError

SEARCH_K = 10


@lru_cache(maxsize=2)
def assistant(index_dir: Path | None):
    from assistant import Assistant

    return Assistant.load(index_dir)


def answerable(questions: list[str], index_dir: Path | None) -> list[str]:
    """The questions ``ask`` accepts (a QA set may hold invalid ones on purpose)."""
    out = []
    for q in questions:
        try:
            assistant(index_dir).ask(q)
        except NoticeQAError:
            continue
        out.append(q)
    return out


def warm_ask(index_dir: Path | None, questions: list[str], plan: Plan) -> list[Figure]:
    a = assistant(index_dir)
    embedder, store = a.bundle.embedder, a.bundle.dense
    questions = answerable(questions, index_dir)  # also the warm-up round
    asks, floors, encodes = [], [], []
    for _ in range(plan.ask_rounds):
        for q in questions:
            asks.append(timed(lambda: a.ask(q)))
            encodes.append(timed(lambda: embedder.encode([q])))
            floors.append(timed(lambda: store.search(embedder.encode([q])[0], SEARCH_K)))
    f = figure("warm ask", "ms", asks, floors, scale=1e3,
               target=f"p50<={WARM_ASK_P50_MS:g}, <={WARM_ASK_MAX_RATIO:g}x floor")
    encode_ms = figure("", "", encodes, scale=1e3).p50
    return [f.model_copy(update={
        "met": f.p50 <= WARM_ASK_P50_MS and (f.ratio or 0) <= WARM_ASK_MAX_RATIO,
        "note": f"{len(questions)} questions x {plan.ask_rounds} rounds; floor = encode + search; "
                f"encode alone p50 {encode_ms:.1f} ms",
        "extra": {"encode_p50_ms": encode_ms},
    })]


def notice_texts() -> tuple[list[str], list[str]]:
    """(passage texts, their pieces: sentences and clause windows): the texts a build embeds."""
    from corpus import load_passages
    from corpus.normalize import normalize
    from index.bundle import passage_clauses, passage_sentences

    passages = load_passages()
    refs = [*passage_sentences(passages), *passage_clauses(passages)]
    pieces = [normalize(passages[r.passage].text[r.start : r.end]) for r in refs]
    return [p.norm_text for p in passages], pieces


def bare_model():
    from sentence_transformers import SentenceTransformer

    from index.embed import resolve_model_path
    from noticeqa.settings import get_settings

    return SentenceTransformer(str(resolve_model_path(get_settings().model)), device="cpu",
                               local_files_only=True)


def build_and_embed(plan: Plan) -> list[Figure]:
    from index.bundle import build
    from index.embed import get_embedder

    passages, sentences = notice_texts()
    model, embedder = bare_model(), get_embedder()

    def bare(texts):
        return model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True,
                            show_progress_bar=False)

    builds, bare_all, ours, bare_p = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="noticeqa-bench-") as tmp:
        build(Path(tmp) / "warmup")
        for i in range(plan.build_repeats):
            builds.append(timed(lambda: build(Path(tmp) / f"b{i}")))
            bare_all.append(timed(lambda: (bare(passages), bare(sentences))))
            for _ in range(3):
                ours.append(timed(lambda: embedder.encode(passages)))
                bare_p.append(timed(lambda: bare(passages)))
    n = len(passages)
    b = figure("index build", "s", builds, bare_all, target=f"<={BUILD_S:g}")
    e = rate_figure("embedding throughput", "passages/s", n, ours, bare_p,
                    target=f">={EMBED_MIN_RATIO:g}x bare encode")
    return [
        b.model_copy(update={"met": b.p50 <= BUILD_S, "note": (
            f"in-process, model loaded; {n} passages + {len(sentences)} sentences and clause windows; "
            "floor = bare encode of the same texts")}),
        e.model_copy(update={"met": (e.ratio or 0) >= EMBED_MIN_RATIO, "note": (
            f"Embedder.encode of the {n} passages vs bare SentenceTransformer.encode; "
            "the p95 column of a rate is the rate at the p95 time")}),
    ]
