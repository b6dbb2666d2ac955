"""The console script, run as a user would (a fresh process each time)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

NOTICEQA = Path(sys.executable).with_name("noticeqa")  # the console script of this environment


def run(index_dir, *args):
    return subprocess.run(
        [str(NOTICEQA), *args, "--index-dir", str(index_dir)],
        capture_output=True, text=True, timeout=300,
    )


def test_ask_json_cites_xiangtan(index_dir):
    out = run(index_dir, "ask", "How many public rental housing units did Xiangtan mobilize?", "--json")
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer["citations"][0]["passage_id"] == "s02-06-xiangtan"
    assert answer["citations"][0]["section"]["number"] == 2
    assert answer["citations"][0]["regions"] == [{"name": "Xiangtan", "province": "Hunan"}]
    assert "29,000" in answer["answer"]


def test_ask_text_abstains_off_topic(index_dir):
    out = run(index_dir, "ask", "What is the capital of France?")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("The notice does not appear to cover")


def test_bad_input_is_one_line_and_non_zero(index_dir):
    out = run(index_dir, "ask", "   ")
    assert out.returncode == 1
    assert out.stderr.strip() == "error: please ask a question: the message was empty"
