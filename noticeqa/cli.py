"""The ``noticeqa`` command: build, ask, serve (and eval, bench).

Errors of ours become one line on stderr and exit status 1; no tracebacks.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional

import typer

from noticeqa.errors import NoticeQAError
from noticeqa.settings import get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Cited answers from the NDRC new-urbanization pilot notice.")

IndexDir = typer.Option(None, "--index-dir", help="index directory (default: NOTICEQA_INDEX_DIR or .noticeqa)")


def _fail(exc: Exception) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


@app.command()
def build(index_dir: Optional[Path] = IndexDir, model: Optional[str] = typer.Option(None, help="model name or directory")) -> None:
    """Build the index and print a short summary."""
    from index.bundle import build as build_index

    started = time.perf_counter()
    try:
        bundle = build_index(index_dir, model)
    except NoticeQAError as exc:
        _fail(exc)
    m = bundle.manifest
    typer.echo(
        f"built {bundle.directory}: {m.passages} passages, {m.sections} sections, "
        f"{m.regions} regions, model {m.model} (dim {m.dimension}), "
        f"{time.perf_counter() - started:.1f} s"
    )


@app.command()
def ask(
    question: str,
    top_k: Optional[int] = typer.Option(None, "--top-k", min=1, max=50, help="number of excerpts"),
    as_json: bool = typer.Option(False, "--json", help="print the Answer as JSON"),
    retriever: str = typer.Option("hybrid", help="hybrid, dense or lexical"),
    index_dir: Optional[Path] = IndexDir,
) -> None:
    """Answer a question with cited excerpts of the notice."""
    from assistant import Assistant
    from assistant.render import answer_text

    try:
        answer = Assistant.load(index_dir).ask(question, top_k=top_k, retriever=retriever)
    except (NoticeQAError, ValueError) as exc:
        _fail(exc)
    typer.echo(answer.model_dump_json(indent=2) if as_json else answer_text(answer))


@app.command()
def serve(
    host: Optional[str] = typer.Option(None, help="address to bind (default 127.0.0.1)"),
    port: Optional[int] = typer.Option(None, help="port (default 7860)"),
    index_dir: Optional[Path] = IndexDir,
) -> None:
    """Serve the browser chat."""
    from assistant import Assistant
    from ui.serve import launch

    settings = get_settings()
    try:
        assistant = Assistant.load(index_dir)
    except NoticeQAError as exc:
        _fail(exc)
    data_dir = Path(index_dir or settings.index_dir)
    launch(assistant, host or settings.host, port or settings.port,
           feedback_path=data_dir / "feedback.jsonl", report_path=data_dir / "eval" / "latest.json")


@app.command("eval")
def eval_command(
    qa: Optional[Path] = typer.Option(None, "--qa", help="QA set (JSONL; default: the bundled set)"),
    split: str = typer.Option("test", help="dev, test or all"),
    retriever: list[str] = typer.Option(["all"], "--retriever", help="lexical, dense, hybrid or all; repeat to compare"),
    report: Optional[Path] = typer.Option(None, "--report", help="also write the JSON report here"),
    index_dir: Optional[Path] = IndexDir,
) -> None:
    """Score a QA set; print retrievers side by side and save the report."""
    from datetime import datetime, timezone

    from tqdm import tqdm

    from assistant import Assistant
    from eval.qa import load_qa, select_split
    from eval.report import Report, render_tables, write_report
    from eval.run import RETRIEVERS, evaluate

    names = list(RETRIEVERS) if "all" in retriever else list(dict.fromkeys(retriever))
    try:
        items = select_split(load_qa(qa), split)
        assistant = Assistant.load(index_dir)
        runs = [evaluate(assistant, items, name, lambda xs, n=name: tqdm(xs, desc=n, unit="q", file=sys.stderr))
                for name in names]
    except NoticeQAError as exc:
        _fail(exc)
    result = Report(qa=str(qa or "bundled"), split=split, created=datetime.now(timezone.utc).isoformat(timespec="seconds"), runs=runs)
    targets = [Path(index_dir or get_settings().index_dir) / "eval" / "latest.json"] + ([report] if report else [])
    for target in targets:
        write_report(result, target)
    typer.echo(render_tables(result))
    typer.echo(f"\nreport: {', '.join(map(str, targets))}")


@app.command("bench")
def bench(
    quick: bool = typer.Option(False, "--quick", help="tiny sizes and few repeats (what the test suite runs)"),
    out: Path = typer.Option(Path("bench-results/bench.json"), "--out", help="where to write the JSON report"),
    questions: Optional[Path] = typer.Option(None, "--questions", help="JSON lines with a 'question' field (default: eval/data/qa.jsonl, else a built-in list)"),
    index_dir: Optional[Path] = IndexDir,
) -> None:
    """Measure speed, memory and scaling, each beside its floor; print a table, write JSON."""
    from eval.bench import run

    try:
        run(quick=quick, index_dir=index_dir, questions=questions, out=out, echo=typer.echo)
    except (NoticeQAError, ValueError, RuntimeError) as exc:
        _fail(exc)


@app.command("load")
def load_command(
    seconds: float = typer.Option(60, "--seconds", min=1, help="how long the clients ask"),
    clients: int = typer.Option(16, "--clients", min=1, help="concurrent gradio_client users"),
    out: Path = typer.Option(Path("bench-results/load.json"), "--out", help="where to write the JSON figures"),
    index_dir: Optional[Path] = IndexDir,
) -> None:
    """Load-test `noticeqa serve`: errors, busy replies, answers/s and memory growth."""
    from eval.load import run

    try:
        result = run(seconds=seconds, clients=clients, index_dir=index_dir, out=out, echo=typer.echo)
    except (NoticeQAError, RuntimeError) as exc:
        _fail(exc)
    if not result["passed"]:
        raise typer.Exit(1)


def main() -> None:
    try:
        app()
    except NoticeQAError as exc:  # pragma: no cover - last resort
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
