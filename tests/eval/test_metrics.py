"""Metric arithmetic on fake judgements; expected values carry their sums."""

import pytest

from eval.metrics import (abstain_f1, abstain_precision, abstain_recall, answer_acc, false_abstain_rate,
                          hit_at_k, latency_percentile, list_recall, mrr_at_k, region_acc, section_acc)

RANKS = {"a": 1, "b": 3, "c": None, "d": 7}  # qid => rank of first citation containing the span


def test_hit_at_k():
    # top-1: only a -> 1/4 = 0.25
    assert hit_at_k(RANKS, 1) == pytest.approx(0.25)
    # top-3: a, b -> 2/4 = 0.5
    assert hit_at_k(RANKS, 3) == pytest.approx(0.5)
    # top-10: a, b, d -> 3/4 = 0.75
    assert hit_at_k(RANKS, 10) == pytest.approx(0.75)
    assert hit_at_k({}, 1) is None


def test_mrr_at_k():
    # (1/1 + 1/3 + 0 + 1/7) / 4 = (1 + 0.3333 + 0.1429) / 4 = 0.3690
    assert mrr_at_k(RANKS, 10) == pytest.approx((1 + 1 / 3 + 1 / 7) / 4)
    # k=5 drops d: (1 + 1/3) / 4 = 0.3333
    assert mrr_at_k(RANKS, 5) == pytest.approx(1 / 3)


def test_answer_region_section_acc():
    # 2 of 3 answer sentences contain the span -> 0.667
    assert answer_acc({"a": True, "b": False, "c": True}) == pytest.approx(2 / 3)
    # 1 of 2 first hits carry the expected regions -> 0.5
    assert region_acc({"a": True, "b": False}) == pytest.approx(0.5)
    # 3 of 4 first hits are in the expected section -> 0.75
    assert section_acc({"a": True, "b": True, "c": True, "d": False}) == pytest.approx(0.75)
    assert region_acc({}) is None


def test_list_recall():
    # (2/4 + 3/3 + 0/2) / 3 = (0.5 + 1 + 0) / 3 = 0.5
    assert list_recall({"a": (2, 4), "b": (3, 3), "c": (0, 2)}) == pytest.approx(0.5)


ABSTAINED = {"u1": True, "u2": True, "u3": False, "a1": True, "a2": False, "a3": False, "a4": False}
UNANSWERABLE = {"u1": True, "u2": True, "u3": True, "a1": False, "a2": False, "a3": False, "a4": False}
# TP = u1, u2 = 2; FP = a1 = 1; FN = u3 = 1


def test_abstention():
    # P = TP / (TP + FP) = 2 / 3
    assert abstain_precision(ABSTAINED, UNANSWERABLE) == pytest.approx(2 / 3)
    # R = TP / (TP + FN) = 2 / 3
    assert abstain_recall(ABSTAINED, UNANSWERABLE) == pytest.approx(2 / 3)
    # F1 = 2TP / (2TP + FP + FN) = 4 / 6 = 0.667
    assert abstain_f1(ABSTAINED, UNANSWERABLE) == pytest.approx(4 / 6)
    # 1 of 4 answerable refused -> 0.25
    assert false_abstain_rate(ABSTAINED, UNANSWERABLE) == pytest.approx(0.25)
    # no abstention at all: precision undefined
    assert abstain_precision({"a1": False}, {"a1": False}) is None


def test_latency_percentile():
    # p50 of 4: rank ceil(0.5 * 4) = 2 -> 20
    assert latency_percentile([40, 10, 30, 20], 50) == 20
    # p95 of 4: rank ceil(0.95 * 4) = 4 -> 40
    assert latency_percentile([40, 10, 30, 20], 95) == 40
    # p50 of 5: rank ceil(2.5) = 3 -> 3
    assert latency_percentile([1, 2, 3, 4, 5], 50) == 3
    assert latency_percentile([], 50) is None
