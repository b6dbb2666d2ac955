"""The evaluation through the real assistant, and the ``noticeqa eval`` command."""

import json

import pytest
from typer.testing import CliRunner

from eval.qa import KINDS
from eval.report import read_report, render_tables
from eval.run import evaluate, summarize
from noticeqa.cli import app
from noticeqa.errors import InputError


def test_report_structure(small_report, few_items):
    path, report = small_report
    run = report.runs[0]
    assert [q.id for q in run.questions] == [i.id for i in few_items]
    assert set(run.summary) == {"all", *KINDS}
    for metric in ("hit@1", "hit@3", "hit@5", "mrr@10", "answer_acc", "list_recall@10", "region_acc",
                   "section_acc", "abstain_f1_offtopic", "abstain_f1_nearmiss", "false_abstain", "latency_p95_ms"):
        assert metric in run.summary["all"]
    assert run.summary["all"]["n"] == len(few_items)
    data = json.loads(path.read_text())
    question = data["runs"][0]["questions"][0]
    assert {"abstained", "answer", "citations"} <= set(question["answer"])
    assert {"hit@1", "answer_acc", "abstain"} <= set(question["passed"])
    assert read_report(path) == report


def test_easy_question_passes_and_off_topic_abstains(small_report):
    _, report = small_report
    by_kind = {q.kind: q for q in report.runs[0].questions}
    assert by_kind["factoid"].passed["hit@5"] is True
    assert by_kind["unanswerable"].answer.abstained and by_kind["unanswerable"].passed["abstain"]
    assert by_kind["followup"].history


def test_summarize_matches_questions(small_report):
    _, report = small_report
    run = report.runs[0]
    assert summarize(run.questions) == run.summary["all"]
    assert "hybrid" in render_tables(report)


def test_unknown_retriever_is_rejected(assistant, few_items):
    with pytest.raises(InputError, match="retriever must be one of"):
        evaluate(assistant, few_items, "bm42")


def test_cli_eval_side_by_side(index_dir, few_items, tmp_path):
    qa = tmp_path / "tiny.jsonl"
    qa.write_text("\n".join(i.model_dump_json() for i in few_items[:3]) + "\n")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["eval", "--qa", str(qa), "--split", "all", "--retriever", "lexical",
                                      "--retriever", "hybrid", "--report", str(out), "--index-dir", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert "lexical" in result.output and "hit@1" in result.output
    assert [r.retriever for r in read_report(out).runs] == ["lexical", "hybrid"]
    assert (index_dir / "eval" / "latest.json").exists()


def test_cli_eval_bad_file_is_one_line(index_dir, tmp_path):
    qa = tmp_path / "bad.jsonl"
    qa.write_text('{"id": "x"}\n')
    result = CliRunner().invoke(app, ["eval", "--qa", str(qa), "--index-dir", str(index_dir)])
    assert result.exit_code == 1
    assert "line 1:" in result.output
