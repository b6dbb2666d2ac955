"""``noticeqa bench``: speed, memory and scaling, each figure beside its floor.

Every figure is a median (p50) and p95 over repeated runs, paired with a
*floor* measured in the same run: the least work that could produce the same
result (one bare ``encode`` plus one FAISS search for ``ask``; a bare process
that loads the model and encodes one question for a cold start; ...). The
ratio figure / floor holds on a noisy machine where absolute times do not.

The measurements live in three modules: ``eval.bench_local`` (in-process:
warm ``ask``, index build, embedding throughput), ``eval.bench_server``
(subprocesses: cold CLI, ``serve`` start, load and memory) and
``eval.bench_scale`` (the vector store at 10k–1M synthetic vectors).

Deliberately left out: GPU timings, the browser's rendering time, and any
comparison across machines (only ratios travel).
"""

from __future__ import annotations

import json
import os
import platform
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

DEFAULT_OUT = Path("bench-results/bench.json")
QA_SET = Path(__file__).resolve().parent / "data" / "qa.jsonl"

# Realistic questions, used when no QA set file is given or present.
FALLBACK_QUESTIONS = [
    "How many public rental housing units did Xiangtan mobilize?",
    "What are carbon coins and which city issued them?",
    "How did Zibo support digital agriculture?",
    "What loans did Zibo offer to farmers?",
    "Which cities abolished urban settlement restrictions?",
    "What did Jinan do about household registration?",
    "How did Kunming relax settlement rules?",
    "What did Guangzhou explore in its municipal districts?",
    "Which pilots in Hebei are mentioned?",
    "What did Shenzhen do about household registration?",
    "How are migrant children guaranteed access to schools?",
    "What is the threshold population for differentiated settlement?",
    "How did Fuzhou use carbon coins to encourage green travel?",
    "Which places built public rental housing?",
    "How did Chongqing's Yongchuan District attract industry?",
    "What did Chengdu's Pidu District do about rural land?",
    "How were rural collective construction land reforms carried out?",
    "What measures improved the equalization of basic public services?",
    "How did pilots finance urban infrastructure?",
    "What did Beijing's Yanqing District do?",
    "How did Yinchuan's Xingqing District improve services?",
    "Which pilots promoted integrated urban and rural development?",
    "What did the notice say about old residential community renovation?",
    "How were skills training programs for migrant workers organized?",
    "Which counties developed characteristic industries?",
    "How did cities help agricultural migrants settle down?",
    "What did Shunyi District do about urban-rural integration?",
    "How did pilots reform the homestead system?",
    "What financial services supported new urbanization?",
    "Which experiences concern county seats as carriers of urbanization?",
]

# Targets of issue 7 on a 2-core machine.
WARM_ASK_P50_MS = 15.0
WARM_ASK_MAX_RATIO = 1.5
COLD_CLI_S = 8.0
BUILD_S = 15.0
EMBED_MIN_RATIO = 0.9
SERVE_PEAK_MB = 1536.0
SERVE_MIN_QPS_16 = 40.0
SCALE_ANN_P50_MS = 5.0
SCALE_MIN_RECALL = 0.95


class Figure(BaseModel):
    """One measured figure and its floor; ``ratio`` is ``p50 / floor``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    unit: str
    p50: float
    p95: float | None = None
    floor: float | None = None
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    n: int = 1
    note: str = ""
    extra: dict[str, float] = Field(default_factory=dict)


class BenchReport(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    command: str
    quick: bool
    started_at: str
    seconds: float
    machine: dict[str, str]
    questions: str
    figures: list[Figure]


@dataclass(frozen=True)
class Plan:
    """Sizes and repeat counts: the full run, or a quick one for the test suite."""

    ask_rounds: int
    max_questions: int
    cold_repeats: int
    build_repeats: int
    client_levels: tuple[int, ...]
    load_seconds: float
    load_per_client: int
    scale_sizes: tuple[int, ...]
    scale_queries: int

    @classmethod
    def make(cls, quick: bool) -> "Plan":
        if quick:
            return cls(2, 8, 1, 1, (1, 4), 3.0, 4, (2_000, 5_000), 50)
        return cls(3, 90, 2, 3, (1, 4, 16), 15.0, 60, (10_000, 100_000, 1_000_000), 200)


def p50_p95(samples: Iterable[float]) -> tuple[float, float]:
    """Median and 95th percentile (linear interpolation), e.g. [1, 2, 3, 4] -> (2.5, 3.85)."""
    xs = np.asarray(list(samples), dtype=float)
    return float(np.percentile(xs, 50)), float(np.percentile(xs, 95))


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of ``fn`` takes."""
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def figure(name: str, unit: str, samples: list[float], floor: list[float] | float | None = None,
           scale: float = 1.0, **fields) -> Figure:
    """A Figure from raw samples (and floor samples), both multiplied by ``scale``."""
    p50, p95 = p50_p95(x * scale for x in samples)
    if isinstance(floor, list):
        floor = p50_p95(x * scale for x in floor)[0] if floor else None
    ratio = p50 / floor if floor else None
    return Figure(name=name, unit=unit, p50=p50, p95=p95, floor=floor, ratio=ratio, n=len(samples), **fields)


def rate_figure(name: str, unit: str, count: float, seconds: list[float], floor_seconds: list[float],
                **fields) -> Figure:
    """Rates (``count`` per second) from timings: p50 is the rate at the median time,
    p95 the rate at the p95 time (the slow tail); ratio = rate / floor rate."""
    p50_t, p95_t = p50_p95(seconds)
    floor = count / p50_p95(floor_seconds)[0] if floor_seconds else None
    rate = count / p50_t
    return Figure(name=name, unit=unit, p50=rate, p95=count / p95_t, floor=floor,
                  ratio=rate / floor if floor else None, n=len(seconds), **fields)


def load_questions(path: Path | None = None) -> tuple[list[str], str]:
    """Questions of a JSON-lines QA set (field ``question``), else the built-in list.
    Returns (questions, where they came from)."""
    path = path or (QA_SET if QA_SET.is_file() else None)
    if path is None:
        return list(FALLBACK_QUESTIONS), "built-in list"
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    questions = [r["question"] for r in rows if r.get("question")]
    if not questions:
        raise ValueError(f"{path} holds no rows with a 'question' field; pass another --questions file")
    return questions, str(path)


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    from importlib.metadata import version

    return {
        "cpu": cpu, "cores": str(os.cpu_count()), "ram_gib": f"{mem_kb / 2**20:.1f}",
        "python": platform.python_version(), "os": platform.platform(),
        **{name: version(name) for name in ("torch", "sentence-transformers", "faiss-cpu", "gradio")},
    }


def _fmt(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.3g}" if abs(x) < 100 else f"{x:.0f}"


def table(figures: list[Figure]) -> str:
    """A fixed-width text table: figure, p50, p95, floor, ratio, target, met?."""
    head = ("figure", "p50", "p95", "floor", "ratio", "target", "met?")
    rows = [head] + [
        (f"{f.name} ({f.unit})", _fmt(f.p50), _fmt(f.p95), _fmt(f.floor), _fmt(f.ratio), f.target,
         {True: "yes", False: "NO", None: ""}[f.met])
        for f in figures
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"  {f.name}: {f.note}" for f in figures if f.note]
    return "\n".join(lines + (["", "notes:"] + notes if notes else []))


def run(quick: bool = False, index_dir: Path | None = None, questions: Path | None = None,
        out: Path | None = DEFAULT_OUT, echo: Callable[[str], None] = print) -> BenchReport:
    """Run every measurement, print the table and write the JSON report to ``out``."""
    from eval import bench_local, bench_scale, bench_server

    started, plan = time.perf_counter(), Plan.make(quick)
    started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    qs, source = load_questions(questions)
    qs = qs[:: max(1, -(-len(qs) // plan.max_questions))]  # an even spread of at most max_questions
    figures: list[Figure] = []
    for label, step in (
        ("warm ask", lambda: bench_local.warm_ask(index_dir, qs, plan)),
        ("build and embedding", lambda: bench_local.build_and_embed(plan)),
        ("cold CLI", lambda: bench_server.cold_cli(index_dir, qs[0], plan)),
        ("serve", lambda: bench_server.serve(index_dir, qs, plan, figures)),
        ("store scaling", lambda: bench_scale.scaling(index_dir, plan)),
    ):
        echo(f"bench: {label}...")
        step_started = time.perf_counter()
        figures.extend(step())
        echo(f"bench: {label} took {time.perf_counter() - step_started:.1f} s")
    report = BenchReport(
        command="noticeqa bench" + (" --quick" if quick else ""), quick=quick, started_at=started_at,
        seconds=round(time.perf_counter() - started, 1), machine=machine(), questions=source,
        figures=figures,
    )
    echo(table(figures))
    if out is not None:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(report.model_dump_json(indent=2))
        echo(f"wrote {out}")
    return report
