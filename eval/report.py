"""The JSON report and its text tables.

A report holds, per retriever, the summary (overall and by kind) and every
question with its full ``Answer`` (as ``ask --json`` prints it) and pass/fail
per metric, so any report can be re-read, compared and shown in the browser.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant import Answer
from noticeqa.errors import NoticeQAError

SUMMARY_ROWS = ("n", "hit@1", "hit@3", "hit@5", "mrr@10", "answer_acc", "list_recall@10", "region_acc",
                "section_acc", "abstain_precision", "abstain_recall", "abstain_f1",
                "abstain_recall_offtopic", "abstain_f1_offtopic", "abstain_recall_nearmiss",
                "abstain_f1_nearmiss", "false_abstain", "latency_p50_ms", "latency_p95_ms")
KIND_COLUMNS = ("n", "hit@1", "hit@5", "mrr@10", "answer_acc", "list_recall@10", "region_acc",
                "section_acc", "abstain_recall", "false_abstain", "latency_p50_ms")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuestionResult(_Record):
    id: str
    kind: str
    split: str
    question: str
    history: list[str] = []
    expected: str | None
    answers_all: list[str] = []
    regions: list[str] = []
    section: int | None = None
    answerable: bool
    answer: Answer
    latency_ms: float
    first_hit_rank: int | None = None
    list_found: tuple[int, int] | None = None
    passed: dict[str, bool | None]
    error: str | None = None

    @property
    def failed(self) -> list[str]:
        return [m for m, ok in self.passed.items() if ok is False]


class Run(_Record):
    retriever: str
    summary: dict[str, dict[str, float | int | None]]  # "all" or kind => metric => value
    questions: list[QuestionResult]


class Report(_Record):
    qa: str
    split: str
    created: str
    runs: list[Run]


def write_report(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report.model_dump_json(indent=1), encoding="utf-8")


def read_report(path: Path) -> Report:
    try:
        return Report.model_validate_json(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise NoticeQAError(f"no evaluation report at {path}; run `noticeqa eval` first") from exc
    except ValueError as exc:
        raise NoticeQAError(f"{path} is not an evaluation report ({exc.__class__.__name__}); re-run `noticeqa eval`") from exc


def fmt(value: float | int | None, metric: str = "") -> str:
    if value is None:
        return "-"
    if metric == "n":
        return str(int(value))
    if metric.startswith("latency"):
        return f"{value:.1f}"
    return f"{value:.3f}"


def summary_rows(report: Report, group: str = "all") -> list[list[str]]:
    """Rows ``[metric, value per retriever...]`` for one group ("all" or a kind)."""
    return [[m] + [fmt(run.summary.get(group, {}).get(m), m) for run in report.runs] for m in SUMMARY_ROWS]


def kind_rows(run: Run) -> list[list[str]]:
    """Rows ``[kind, value per KIND_COLUMNS...]`` for one retriever."""
    return [[kind] + [fmt(values.get(c), c) for c in KIND_COLUMNS] for kind, values in run.summary.items() if kind != "all"]


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def render_tables(report: Report) -> str:
    parts = [text_table(["metric"] + [r.retriever for r in report.runs], summary_rows(report))]
    for run in report.runs:
        parts.append(f"\nby kind ({run.retriever})\n" + text_table(["kind", *KIND_COLUMNS], kind_rows(run)))
    return "\n".join(parts)
