"""Run a QA set through the assistant and judge every answer.

Each question is asked once per retriever with ``top_k=10`` (enough for
mrr@10); follow-ups pass their ``history``. Deliberately left out: any tuning;
thresholds come from the assistant's settings.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from assistant import Answer, Assistant
from eval import judge
from eval.metrics import (abstain_f1, abstain_precision, abstain_recall, answer_acc, false_abstain_rate,
                          hit_at_k, latency_percentile, list_recall, mrr_at_k, region_acc, section_acc)
from eval.qa import KINDS, QAItem
from eval.report import QuestionResult, Run
from noticeqa.errors import InputError

RETRIEVERS = ("lexical", "dense", "hybrid")
EVAL_TOP_K = 10


def judge_answer(item: QAItem, answer: Answer) -> dict:
    """Pass/fail per metric for one question (None: metric not applicable)."""
    passed: dict[str, bool | None] = dict.fromkeys(
        ("hit@1", "hit@3", "hit@5", "hit@10", "answer_acc", "list_recall", "region_acc", "section_acc"))
    rank = None
    found = None
    if item.answer is not None:
        # a list has no first item: any of its spans answers it (its completeness is list_recall)
        spans = [item.answer, *item.answers_all]
        hit = judge.first_hit(answer, spans)
        rank = hit.rank if hit else None
        for k in (1, 3, 5, 10):
            passed[f"hit@{k}"] = rank is not None and rank <= k
        passed["answer_acc"] = not answer.abstained and any(judge.contains(answer.answer, s) for s in spans)
        if item.regions and item.answers_all:
            passed["region_acc"] = judge.list_regions_match(answer, item.answers_all, item.regions)
        elif item.regions:
            passed["region_acc"] = hit is not None and judge.regions_match(hit, item.regions)
        if item.section is not None:  # the label is the labelled span's section (a list may span several)
            labelled = judge.first_hit(answer, item.answer)
            passed["section_acc"] = labelled is not None and judge.section_match(labelled, item.section)
    if item.answers_all:
        found = sum(any(judge.contains(c.text, s) for c in answer.citations) for s in item.answers_all)
        passed["list_recall"] = found == len(item.answers_all)
    passed["abstain"] = answer.abstained == (not item.answerable)
    return dict(passed=passed, first_hit_rank=rank,
                list_found=None if found is None else (found, len(item.answers_all)))


def ask_one(assistant: Assistant, item: QAItem, retriever: str) -> QuestionResult:
    started = time.perf_counter()
    error = None
    try:
        answer = assistant.ask(item.question, top_k=EVAL_TOP_K, history=list(item.history) or None,
                               retriever=retriever)
    except InputError as exc:
        error = str(exc)
        answer = Answer(question=item.question, abstained=True, answer="", citations=[])
    latency = (time.perf_counter() - started) * 1000
    return QuestionResult(id=item.id, kind=item.kind, split=item.split, question=item.question,
                          history=item.history, expected=item.answer, answers_all=item.answers_all,
                          regions=item.regions, section=item.section, answerable=item.answerable,
                          answer=answer, latency_ms=round(latency, 2), error=error, **judge_answer(item, answer))


def summarize(results: list[QuestionResult]) -> dict[str, float | int | None]:
    """All metrics over ``results``; abstention also split into off-topic
    (kind ``unanswerable``) and ``near-miss`` against all answerable questions."""
    answerable = [r for r in results if r.expected is not None]
    ranks = {r.id: r.first_hit_rank for r in answerable}
    out: dict[str, float | int | None] = {"n": len(results)}
    for k in (1, 3, 5):
        out[f"hit@{k}"] = hit_at_k(ranks, k)
    out["mrr@10"] = mrr_at_k(ranks, 10)
    out["answer_acc"] = answer_acc({r.id: bool(r.passed["answer_acc"]) for r in answerable})
    out[f"list_recall@{EVAL_TOP_K}"] = list_recall({r.id: tuple(r.list_found) for r in results if r.list_found})
    out["region_acc"] = region_acc({r.id: r.passed["region_acc"] for r in results if r.passed["region_acc"] is not None})
    out["section_acc"] = section_acc({r.id: r.passed["section_acc"] for r in results if r.passed["section_acc"] is not None})
    groups = (("", lambda r: True), ("_offtopic", lambda r: r.kind != "near-miss"),
              ("_nearmiss", lambda r: r.kind != "unanswerable"))
    for suffix, keep in groups:
        subset = [r for r in results if r.answerable or keep(r)]
        abstained = {r.id: r.answer.abstained for r in subset}
        unanswerable = {r.id: not r.answerable for r in subset}
        out[f"abstain_precision{suffix}"] = abstain_precision(abstained, unanswerable)
        out[f"abstain_recall{suffix}"] = abstain_recall(abstained, unanswerable)
        out[f"abstain_f1{suffix}"] = abstain_f1(abstained, unanswerable)
    out["false_abstain"] = false_abstain_rate({r.id: r.answer.abstained for r in results},
                                              {r.id: not r.answerable for r in results})
    latencies = [r.latency_ms for r in results]
    out["latency_p50_ms"] = latency_percentile(latencies, 50)
    out["latency_p95_ms"] = latency_percentile(latencies, 95)
    return out


def evaluate(assistant: Assistant, items: list[QAItem], retriever: str = "hybrid",
             progress: Callable[[Iterable[QAItem]], Iterable[QAItem]] | None = None) -> Run:
    """Ask every item, judge it, and summarise overall and by kind."""
    if retriever not in RETRIEVERS:
        raise InputError(f"retriever must be one of {', '.join(RETRIEVERS)}, not {retriever!r}")
    results = [ask_one(assistant, item, retriever) for item in (progress or iter)(items)]
    by_kind = {k: summarize([r for r in results if r.kind == k]) for k in KINDS if any(r.kind == k for r in results)}
    return Run(retriever=retriever, summary={"all": summarize(results), **by_kind}, questions=results)
