"""A short version of ``noticeqa load`` (the 60 s, 16-client run is in the README)."""

from __future__ import annotations

import pytest

from eval.load import classify
from ui.security import BUSY


def test_replies_are_classified():
    from gradio_client.utils import QueueError

    assert classify([{"citations": [], "abstained": True}]) == "answer"
    assert classify([{"error": "please ask a question"}]) == "error"
    assert classify(error=QueueError("Queue is full! Please try again.")) == "busy"
    assert classify(error=RuntimeError(BUSY)) == "busy"
    assert classify(error=ConnectionError("reset")) == "error"


@pytest.mark.slow
def test_short_load_run_has_no_errors_and_bounded_memory(index_dir, tmp_path):
    from eval.load import run

    result = run(seconds=6, clients=4, index_dir=index_dir, out=tmp_path / "load.json", echo=lambda _: None)
    assert result["errors"] == 0 and result["answered"] > 0 and result["server_alive"], result
    assert result["rss_growth"] < 0.25, result  # a smoke check; the 60 s run holds the 10 % bound
    assert (tmp_path / "load.json").is_file()
