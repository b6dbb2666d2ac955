import json
from datetime import datetime, timezone

import pytest

from ui.feedback import FeedbackLog, FeedbackWriteError, entry

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_entry_records_question_answer_ids_verdict_time():
    assert entry("q", "a", ["s02-06-xiangtan"], "up", " ok ", now=NOW) == {
        "time": "2026-01-01T00:00:00+00:00", "question": "q", "answer": "a",
        "cited_ids": ["s02-06-xiangtan"], "verdict": "up", "comment": "ok",
    }
    with pytest.raises(ValueError, match="verdict must be one of"):
        entry("q", "a", [], "meh")


def test_appends_one_json_line_per_entry(tmp_path):
    log = FeedbackLog(tmp_path / "data" / "feedback.jsonl")
    log.append(entry("q1", "a", [], "up", now=NOW))
    log.append(entry("q2", "a", [], "down", now=NOW))
    lines = (tmp_path / "data" / "feedback.jsonl").read_text().splitlines()
    assert [json.loads(line)["question"] for line in lines] == ["q1", "q2"]


def test_failed_write_is_reported_and_loses_nothing(tmp_path):
    path = tmp_path / "feedback.jsonl"
    log = FeedbackLog(path)
    log.append(entry("kept", "a", [], "up", now=NOW))
    path.rename(tmp_path / "moved.jsonl")
    path.mkdir()  # a directory where the log should be: open() fails
    with pytest.raises(FeedbackWriteError, match="kept and will be retried"):
        log.append(entry("pending", "a", [], "down", now=NOW))
    assert [e["question"] for e in log.pending] == ["pending"]
    assert json.loads((tmp_path / "moved.jsonl").read_text())["question"] == "kept"
    path.rmdir()
    (tmp_path / "moved.jsonl").rename(path)
    assert log.append(entry("next", "a", [], "up", now=NOW)) == 2  # the pending entry goes first
    assert [json.loads(line)["question"] for line in path.read_text().splitlines()] == ["kept", "pending", "next"]
    assert log.pending == []
