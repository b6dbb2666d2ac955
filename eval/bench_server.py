"""Figures that need fresh processes: cold CLI answer, ``serve`` start, the
running server's throughput with 1, 4 and 16 ``gradio_client`` clients, and
its resident memory (process tree, sampled with psutil) while under load.

Floors: a cold start against a bare Python process that loads the model and
encodes one question; the server's rates and latencies against the same
questions answered in this process with ``Assistant.ask_many`` in batches of
the client count (what the server does, without HTTP and the queue); its
memory under load against its own idle memory after the first answer.

Every load loop stops at a question count and at a deadline, whichever comes first.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from eval.bench import (
    COLD_CLI_S, SERVE_MIN_QPS_16, SERVE_PEAK_MB, Figure, Plan, figure, p50_p95, timed,
)

START_TIMEOUT_S = 180.0
SAMPLE_EVERY_S = 0.05
MB = 2**20
BARE_START = """
import sys
from sentence_transformers import SentenceTransformer
from index.embed import resolve_model_path
from noticeqa.settings import get_settings
model = SentenceTransformer(str(resolve_model_path(get_settings().model)), device="cpu", local_files_only=True)
model.encode([sys.argv[1]], normalize_embeddings=True)
"""


def noticeqa_command() -> list[str]:
    script = Path(sys.executable).with_name("noticeqa")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "noticeqa.cli"]


def _env() -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}


def _index_args(index_dir: Path | None) -> list[str]:
    return ["--index-dir", str(index_dir)] if index_dir else []


def _run(cmd: list[str]) -> None:
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=START_TIMEOUT_S, env=_env())
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} ... failed: {out.stderr.strip()[-500:]}")


def cold_cli(index_dir: Path | None, question: str, plan: Plan) -> list[Figure]:
    cli = [*noticeqa_command(), "ask", question, *_index_args(index_dir)]
    bare = [sys.executable, "-c", BARE_START, question]
    runs, floors = [], []
    for _ in range(plan.cold_repeats):
        runs.append(timed(lambda: _run(cli)))
        floors.append(timed(lambda: _run(bare)))
    f = figure("cold start to first CLI answer", "s", runs, floors, target=f"<={COLD_CLI_S:g}")
    return [f.model_copy(update={"met": f.p50 <= COLD_CLI_S, "note": (
        "`noticeqa ask` in a fresh process; floor = bare process loading the model and encoding once")})]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(url: str):
    """A ``gradio_client.Client`` for a local server.

    ``gradio_client`` opens a new ``httpx`` client for every request, and each
    one loads the CA bundle (``ssl.create_default_context``: about 40 ms of CPU
    here, on the same two cores as the server). Over plain ``http://`` there is
    no TLS to verify, so ``ssl_verify=False`` skips that load; ``https://``
    URLs keep verification.
    """
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False, analytics_enabled=False,
                  ssl_verify=not url.startswith("http://"))


def _ask(c, question: str) -> bool:
    """One question through ``/ask``; True when it came back as an answer."""
    result = c.predict(question, api_name="/ask")
    return isinstance(result, dict) and "error" not in result


@contextmanager
def server(index_dir: Path | None, question: str):
    """A running ``noticeqa serve``; yields (process, url, seconds to its first answer)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tempfile.TemporaryFile()
    started = time.perf_counter()
    proc = subprocess.Popen([*noticeqa_command(), "serve", "--port", str(port), *_index_args(index_dir)],
                            stdout=log, stderr=subprocess.STDOUT, env=_env())
    try:
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"noticeqa serve exited with {proc.returncode}: {log.read()[-800:].decode(errors='replace')}")
            if time.perf_counter() - started > START_TIMEOUT_S:
                raise RuntimeError(f"noticeqa serve gave no answer within {START_TIMEOUT_S:.0f} s")
            try:
                if _ask(client(url), question):
                    break
            except Exception:  # noqa: BLE001 - not listening yet
                time.sleep(0.2)
        yield proc, url, time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


class RssSampler:
    """Resident memory of a process and its children, sampled on a thread."""

    def __init__(self, pid: int):
        import psutil

        self._proc = psutil.Process(pid)
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def rss_mb(self) -> float:
        procs = [self._proc, *self._proc.children(recursive=True)]
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except Exception:  # noqa: BLE001 - a child that just exited
                pass
        return total / MB

    def _loop(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY_S):
            self.samples.append(self.rss_mb())

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def load(url: str, questions: list[str], clients: int, per_client: int, seconds: float):
    """``clients`` threads, each with its own client, asking in turn until
    ``per_client`` questions or ``seconds`` pass. Returns (latencies, errors, wall seconds)."""
    conns = [client(url) for _ in range(clients)]
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)
    deadline = [0.0]

    def worker(i: int) -> None:
        barrier.wait()
        for j in range(per_client):
            if time.perf_counter() > deadline[0]:
                break
            q = questions[(i * per_client + j) % len(questions)]
            t0 = time.perf_counter()
            try:
                ok = _ask(conns[i], q)
            except Exception:  # noqa: BLE001 - counted, not raised
                ok = False
            with lock:
                latencies.append(time.perf_counter() - t0)
                errors[0] += not ok

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    deadline[0] = time.perf_counter() + seconds
    started = time.perf_counter()
    barrier.wait()
    for t in threads:
        t.join(timeout=seconds + 60)
    return latencies, errors[0], time.perf_counter() - started


def in_process_batches(index_dir: Path | None, questions: list[str], size: int, batches: int) -> list[float]:
    """Seconds per ``ask_many`` of ``size`` questions: the floor of a server batch."""
    from eval.bench_local import assistant

    a = assistant(index_dir)
    out = []
    for b in range(batches):
        batch = [questions[(b * size + i) % len(questions)] for i in range(size)]
        out.append(timed(lambda: a.ask_many(batch)))
    return out


def serve(index_dir: Path | None, questions: list[str], plan: Plan, earlier: list[Figure]) -> list[Figure]:
    from eval.bench_local import answerable

    questions = answerable(questions, index_dir)
    cold = next((f for f in earlier if f.name.startswith("cold start")), None)
    starts: list[float] = []
    for _ in range(plan.cold_repeats - 1):
        with server(index_dir, questions[0]) as (_, _, seconds):
            starts.append(seconds)
    figures: list[Figure] = []
    with server(index_dir, questions[0]) as (proc, url, seconds):
        starts.append(seconds)
        sampler = RssSampler(proc.pid)
        idle = [sampler.rss_mb() for _ in range(10) if not time.sleep(0.05)]
        with sampler:
            for c in plan.client_levels:
                floor = in_process_batches(index_dir, questions, c, batches=max(3, 30 // c))
                lat, errors, wall = load(url, questions, c, plan.load_per_client, plan.load_seconds)
                figures += _load_figures(c, lat, errors, wall, floor)
    start = figure("serve start to first answer", "s", starts, cold.floor if cold else None)
    peak = max(sampler.samples or idle)
    mem = figure("serve RSS under load", "MB", sampler.samples or idle, idle)
    mem = mem.model_copy(update={
        "target": f"peak<={SERVE_PEAK_MB:g}", "met": peak <= SERVE_PEAK_MB, "extra": {"peak_mb": peak},
        "note": f"peak {peak:.0f} MB over {len(sampler.samples)} samples (process + children); floor = idle after first answer",
    })
    start = start.model_copy(update={"note": "`noticeqa serve` to the first /ask answer through gradio_client; "
                                             "floor = bare model-load process (cold CLI floor)"})
    return [start, mem, *figures]


def _load_figures(c: int, lat: list[float], errors: int, wall: float, floor: list[float]) -> list[Figure]:
    done = len(lat) - errors
    qps_floor = c / p50_p95(floor)[0]
    qps = Figure(name=f"serve throughput, {c} clients", unit="q/s", p50=done / wall, floor=qps_floor,
                 ratio=done / wall / qps_floor, n=len(lat),
                 note=f"{len(lat)} questions in {wall:.1f} s, {errors} errors; "
                      f"floor = in-process ask_many batches of {c}")
    if c == 16:
        qps = qps.model_copy(update={"target": f">={SERVE_MIN_QPS_16:g}, 0 errors",
                                     "met": qps.p50 >= SERVE_MIN_QPS_16 and errors == 0})
    latency = figure(f"serve latency, {c} clients", "ms", lat or [float("nan")], floor, scale=1e3)
    return [qps, latency.model_copy(update={"note": f"floor = one in-process ask_many of {c}"})]

