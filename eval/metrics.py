"""Evaluation metrics, one function each, formula in the docstring.

Inputs are dicts keyed by question id. A metric whose denominator is empty
returns None (shown as "-"), never 0, so a subset without such questions does
not look like a failure.
"""

from __future__ import annotations

import math


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def hit_at_k(first_hit: dict[str, int | None], k: int) -> float | None:
    """hit@k = |{q : rank(q) <= k}| / |Q|, where rank(q) is the rank of the first
    citation containing q's answer span (None: no citation does).

    first_hit: qid => rank or None, answerable questions only.
    Example: {a: 1, b: 3, c: None}, k=3 -> 2/3.
    """
    return _mean([1.0 if r is not None and r <= k else 0.0 for r in first_hit.values()])


def mrr_at_k(first_hit: dict[str, int | None], k: int = 10) -> float | None:
    """mrr@k = mean over q of 1/rank(q) if rank(q) <= k else 0.

    Example: {a: 1, b: 4, c: None} -> (1 + 0.25 + 0) / 3 = 0.4167.
    """
    return _mean([1.0 / r if r is not None and r <= k else 0.0 for r in first_hit.values()])


def answer_acc(correct: dict[str, bool]) -> float | None:
    """answer_acc = |{q : answer sentence contains the span}| / |Q|
    (an abstention counts as wrong).

    correct: qid => bool, answerable questions only.
    """
    return _mean([float(v) for v in correct.values()])


def list_recall(found: dict[str, tuple[int, int]]) -> float | None:
    """list_recall@k = mean over list questions of found(q) / total(q), where
    found(q) counts answers_all spans contained in some of the k citations.

    found: qid => (found, total). Example: {a: (2, 4), b: (3, 3)} -> (0.5 + 1) / 2 = 0.75.
    """
    return _mean([f / t for f, t in found.values() if t])


def region_acc(match: dict[str, bool]) -> float | None:
    """region_acc = |{q : first citation containing the span carries the expected
    regions}| / |Q with expected regions|; no such citation counts as a miss. For
    a list question, each expected region must be carried by some citation
    containing one of its spans (``judge.list_regions_match``)."""
    return _mean([float(v) for v in match.values()])


def section_acc(match: dict[str, bool]) -> float | None:
    """section_acc = |{q : first citation containing the span is in the expected
    section}| / |Q with an expected section|; no such citation counts as a miss."""
    return _mean([float(v) for v in match.values()])


def _counts(abstained: dict[str, bool], unanswerable: dict[str, bool]) -> tuple[int, int, int]:
    tp = sum(abstained[q] and unanswerable[q] for q in abstained)
    fp = sum(abstained[q] and not unanswerable[q] for q in abstained)
    fn = sum(not abstained[q] and unanswerable[q] for q in abstained)
    return tp, fp, fn


def abstain_precision(abstained: dict[str, bool], unanswerable: dict[str, bool]) -> float | None:
    """abstain_precision = TP / (TP + FP): of the abstentions, the share on
    unanswerable questions. abstained, unanswerable: qid => bool."""
    tp, fp, _ = _counts(abstained, unanswerable)
    return tp / (tp + fp) if tp + fp else None


def abstain_recall(abstained: dict[str, bool], unanswerable: dict[str, bool]) -> float | None:
    """abstain_recall = TP / (TP + FN): of the unanswerable questions, the share
    the assistant abstained on."""
    tp, _, fn = _counts(abstained, unanswerable)
    return tp / (tp + fn) if tp + fn else None


def abstain_f1(abstained: dict[str, bool], unanswerable: dict[str, bool]) -> float | None:
    """abstain_f1 = 2PR / (P + R) = 2TP / (2TP + FP + FN)."""
    tp, fp, fn = _counts(abstained, unanswerable)
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None


def false_abstain_rate(abstained: dict[str, bool], unanswerable: dict[str, bool]) -> float | None:
    """false_abstain = FP / |answerable|: share of answerable questions the
    assistant refused."""
    answerable = [q for q in abstained if not unanswerable[q]]
    return _mean([float(abstained[q]) for q in answerable])


def latency_percentile(latencies_ms: list[float], p: float) -> float | None:
    """Nearest-rank percentile: the value at rank ceil(p/100 * n) of the sorted list.

    Example: [10, 20, 30, 40], p=50 -> rank ceil(2.0) = 2 -> 20.
    """
    if not latencies_ms:
        return None
    ordered = sorted(latencies_ms)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]
