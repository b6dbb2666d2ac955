"""The evaluation tab: the latest ``noticeqa eval`` report in the browser.

Call ``eval_tab(path)`` inside an open ``gr.Tab`` of a Blocks. It shows the
summary table (retrievers side by side), the by-kind table and the failing
questions with what was cited. All report text goes into Dataframes (shown as
plain text) or through ``html.escape``. Deliberately left out: running an
evaluation from the browser (it takes minutes; use ``noticeqa eval``).
"""

from __future__ import annotations

import html
from pathlib import Path

import gradio as gr

from eval.report import KIND_COLUMNS, Report, kind_rows, read_report, summary_rows
from noticeqa.errors import NoticeQAError

FAILING_HEADERS = ["retriever", "id", "kind", "question", "expected", "failed", "abstained", "answer", "cited"]


def default_report_path() -> Path:
    from noticeqa.settings import get_settings

    return Path(get_settings().index_dir) / "eval" / "latest.json"


def failing_rows(report: Report, limit_chars: int = 300) -> list[list[str]]:
    """One row per (retriever, question) with at least one failed metric."""
    rows = []
    for run in report.runs:
        for q in run.questions:
            if not q.failed:
                continue
            cited = "\n".join(f"[{c.rank}] {c.passage_id}: {c.text[:limit_chars]}" for c in q.answer.citations[:3])
            expected = q.expected if q.expected is not None else "(no answer)"
            if q.answers_all:
                expected = " | ".join(q.answers_all)
            rows.append([run.retriever, q.id, q.kind, q.question, expected, ", ".join(q.failed),
                         "yes" if q.answer.abstained else "no", q.answer.answer[:limit_chars], cited])
    return rows


def _heading(report: Report | None, path: Path, error: str | None) -> str:
    if report is None:
        return f"<p>{html.escape(error or '')}</p>"
    return (f"<p>Report <code>{html.escape(str(path))}</code>: QA set {html.escape(report.qa)}, "
            f"split {html.escape(report.split)}, created {html.escape(report.created)}.</p>")


def load_view(path: Path) -> tuple[str, dict, dict, dict]:
    """(heading HTML, summary, by kind, failing) as Dataframe values."""
    try:
        report, error = read_report(path), None
    except NoticeQAError as exc:
        report, error = None, str(exc)
    if report is None:
        empty = {"headers": ["-"], "data": [["-"]]}
        return _heading(None, path, error), empty, empty, empty
    summary = {"headers": ["metric"] + [r.retriever for r in report.runs], "data": summary_rows(report)}
    kinds = {"headers": ["retriever", "kind", *KIND_COLUMNS],
             "data": [[run.retriever, *row] for run in report.runs for row in kind_rows(run)]}
    failing = {"headers": FAILING_HEADERS, "data": failing_rows(report) or [[""] * len(FAILING_HEADERS)]}
    return _heading(report, path, None), summary, kinds, failing


def eval_tab(report_path: Path | str | None = None) -> None:
    """Render the report at ``report_path`` (default ``<index_dir>/eval/latest.json``)
    into the current Blocks context; "Reload" re-reads the file."""
    path = Path(report_path) if report_path else default_report_path()
    heading, summary, kinds, failing = load_view(path)
    head = gr.HTML(heading, elem_id="eval-heading")
    gr.Markdown("### Summary (higher is better, except false_abstain and latency)")
    summary_df = gr.Dataframe(value=summary, interactive=False, wrap=True, elem_id="eval-summary")
    gr.Markdown("### By kind")
    kinds_df = gr.Dataframe(value=kinds, interactive=False, wrap=True, elem_id="eval-kinds")
    gr.Markdown("### Failing questions and what was cited")
    failing_df = gr.Dataframe(value=failing, interactive=False, wrap=True, elem_id="eval-failing")
    reload = gr.Button("Reload report", elem_id="eval-reload")
    reload.click(lambda: load_view(path), outputs=[head, summary_df, kinds_df, failing_df])
