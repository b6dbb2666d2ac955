"""The benchmark: its arithmetic on fixed numbers, and a quick run end to end
(real model, real ``noticeqa serve`` subprocess) so it cannot rot."""

import json

import numpy as np
import pytest

from eval.bench import BenchReport, Figure, figure, load_questions, p50_p95, rate_figure, table
from eval.bench_scale import recall_at_k, synthetic


def test_p50_p95_interpolate():
    # median of 1..4 is 2.5; p95 sits 0.95 * 3 = 2.85 of the way -> 3.85
    assert p50_p95([4, 1, 3, 2]) == pytest.approx((2.5, 3.85))


def test_figure_ratio_is_median_over_floor_median():
    # samples 10, 20, 30 ms -> p50 20; floor 8, 10, 12 ms -> 10; ratio 2.0
    f = figure("x", "ms", [0.010, 0.020, 0.030], [0.008, 0.010, 0.012], scale=1e3)
    assert (f.p50, f.floor, f.ratio, f.n) == pytest.approx((20.0, 10.0, 2.0, 3))


def test_rate_figure_turns_times_into_rates():
    # 100 items in a median 0.5 s -> 200/s; bare median 0.4 s -> 250/s; ratio 0.8
    f = rate_figure("r", "items/s", 100, [0.4, 0.5, 0.6], [0.4, 0.4, 0.4])
    assert (f.p50, f.floor, f.ratio) == pytest.approx((200.0, 250.0, 0.8))
    assert f.p95 < f.p50  # the rate at the slow-tail time


def test_recall_at_k_counts_shared_ids():
    # query 1 finds 9 of the exact 10, query 2 all 10 -> (0.9 + 1.0) / 2 = 0.95
    exact = np.arange(20).reshape(2, 10)
    found = exact.copy()
    found[0, 9] = 99
    assert recall_at_k(found, exact) == pytest.approx(0.95)


def test_synthetic_vectors_are_unit_and_near_their_centres():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(20, 32)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    v = synthetic(centres, 500, rng)
    assert v.shape == (500, 32) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.median((v @ centres.T).max(axis=1)) > 0.7  # clustered, not uniform


def test_questions_come_from_a_file_or_the_built_in_list(tmp_path):
    path = tmp_path / "qa.jsonl"
    path.write_text('{"question": "What did Zibo do?"}\n\n{"id": "x"}\n')
    assert load_questions(path) == (["What did Zibo do?"], str(path))
    path.write_text('{"id": "x"}\n')
    with pytest.raises(ValueError, match="no rows with a 'question' field"):
        load_questions(path)


def test_table_marks_missed_targets():
    text = table([Figure(name="warm ask", unit="ms", p50=20.0, p95=30.0, floor=10.0, ratio=2.0,
                         target="p50<=15", met=False, note="n")])
    assert "warm ask (ms)" in text and "NO" in text and "notes:" in text


@pytest.mark.slow
def test_quick_run_measures_every_figure_with_its_floor(index_dir, tmp_path):
    from eval.bench import run

    out = tmp_path / "bench.json"
    report = run(quick=True, index_dir=index_dir, out=out, echo=lambda _: None)
    assert BenchReport.model_validate_json(out.read_text()) == report
    names = {f.name for f in report.figures}
    for expected in ("warm ask", "index build", "embedding throughput", "cold start to first CLI answer",
                     "serve start to first answer", "serve RSS under load", "serve throughput, 4 clients",
                     "store search hnsw @5k", "store build flat @2k"):
        assert expected in names
    for f in report.figures:
        assert f.p50 > 0 and f.floor and f.floor > 0, f
    assert all(", 0 errors" in f.note for f in report.figures if f.name.startswith("serve throughput"))
    assert [f.extra["recall@10"] for f in report.figures if f.name == "store search hnsw @5k"][0] >= 0.9
    assert json.loads(out.read_text())["machine"]["cores"]
