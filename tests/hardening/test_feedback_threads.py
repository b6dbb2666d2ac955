"""The feedback log loses no line when many threads write at once."""

from __future__ import annotations

import json
import threading

from ui.feedback import FeedbackLog, entry


def test_sixteen_threads_lose_no_line(tmp_path):
    log, threads_n, each = FeedbackLog(tmp_path / "feedback.jsonl"), 16, 40
    gate = threading.Barrier(threads_n)

    def write(t: int) -> None:
        gate.wait()
        for i in range(each):
            log.append(entry(f"q{t}-{i}", "a" * (i * 37 % 500), [f"p{t}"], "up" if i % 2 else "down", "c"))

    threads = [threading.Thread(target=write, args=(t,)) for t in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = [json.loads(line) for line in (tmp_path / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == threads_n * each  # 16 threads x 40 entries -> 640 lines
    assert {r["question"] for r in rows} == {f"q{t}-{i}" for t in range(threads_n) for i in range(each)}


def test_sixteen_logs_on_one_file_lose_no_line(tmp_path):
    """Separate ``FeedbackLog`` objects (e.g. two app instances) share no lock; appends still land whole."""
    path, threads_n, each = tmp_path / "feedback.jsonl", 16, 40

    def write(t: int) -> None:
        log = FeedbackLog(path)
        for i in range(each):
            log.append(entry(f"q{t}-{i}", "x" * 3000, [], "up"))

    threads = [threading.Thread(target=write, args=(t,)) for t in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == threads_n * each
