"""The long load run: ``noticeqa serve`` in a subprocess, ``clients`` gradio_client
threads asking QA-set questions for ``seconds``, the server's resident memory
(process tree, psutil) sampled throughout.

Passes when every reply is an answer or the intended "busy, try again" refusal,
and resident memory grows less than ``MAX_GROWTH`` from the first to the last
window (10 s, or a third of a shorter run). Left out: latency floors (see
``noticeqa bench``) and anything beyond 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import psutil

from ui.security import BUSY

MAX_GROWTH = 0.10
WINDOW_S = 10.0
START_TIMEOUT_S = 180.0
SAMPLE_EVERY_S = 0.5
MB = 2**20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(port: int, index_dir: Path | None) -> subprocess.Popen:
    script = Path(sys.executable).with_name("noticeqa")
    cmd = [str(script)] if script.is_file() else [sys.executable, "-m", "noticeqa.cli"]
    cmd += ["serve", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--index-dir", str(index_dir)] if index_dir else []
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_ready(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"noticeqa serve exited ({server.returncode}): {server.stderr.read()[-500:]}")
        try:
            if httpx.get(url + "/config", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"noticeqa serve did not answer at {url} within {START_TIMEOUT_S:.0f} s")


def rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its children."""
    proc = psutil.Process(pid)
    total = proc.memory_info().rss
    for child in proc.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass
    return total


def classify(reply=None, error: Exception | None = None) -> str:
    """"answer", "busy" (the intended refusal) or "error". Example: a QueueError -> "busy"."""
    if error is not None:
        text = str(error)
        return "busy" if BUSY in text or "Queue is full" in text or "busy" in text.lower() else "error"
    item = reply[0] if isinstance(reply, list) and reply else reply
    return "answer" if isinstance(item, dict) and "citations" in item else "error"


def _client_loop(url: str, questions: list[str], start: int, stop: float, counts: Counter, errors: list,
                 lock: threading.Lock) -> None:
    from gradio_client import Client

    client = Client(url + "/", verbose=False)
    i = start
    while time.monotonic() < stop:
        try:
            kind = classify(client.predict(questions[i % len(questions)], api_name="/ask"))
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            kind = classify(error=exc)
            if kind == "error":
                with lock:
                    errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")
        with lock:
            counts[kind] += 1
        i += 1


def run(seconds: float = 60, clients: int = 16, index_dir: Path | None = None,
        out: Path | None = None, echo=print) -> dict:
    """Run the load and return (and write to ``out``) its figures."""
    from eval.qa import load_qa

    questions = [item.question for item in load_qa()]
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = _serve(port, index_dir)
    try:
        _wait_ready(url, server)
        counts, errors, lock = Counter(), [], threading.Lock()
        samples: list[tuple[float, int]] = []
        started = time.monotonic()
        stop = started + seconds
        threads = [threading.Thread(target=_client_loop, args=(url, questions, 7 * n, stop, counts, errors, lock),
                                    daemon=True) for n in range(clients)]
        for t in threads:
            t.start()
        while time.monotonic() < stop:
            samples.append((time.monotonic() - started, rss(server.pid)))
            time.sleep(SAMPLE_EVERY_S)
        for t in threads:
            t.join(60)
        alive = server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
    window = min(WINDOW_S, seconds / 3)
    first = [m for t, m in samples if t <= window]
    last = [m for t, m in samples if t >= seconds - window]
    first_mb, last_mb = sum(first) / len(first) / MB, sum(last) / len(last) / MB
    growth = last_mb / first_mb - 1
    result = {
        "seconds": seconds, "clients": clients, "answered": counts["answer"], "busy": counts["busy"],
        "errors": counts["error"], "error_samples": errors[:5], "answers_per_s": round(counts["answer"] / seconds, 2),
        "rss_first_mb": round(first_mb, 1), "rss_last_mb": round(last_mb, 1), "rss_peak_mb": round(max(m for _, m in samples) / MB, 1),
        "rss_growth": round(growth, 4),
        "rss_mb_every_5s": [round(m / MB) for t, m in samples if int(t / SAMPLE_EVERY_S) % int(5 / SAMPLE_EVERY_S) == 0], "window_s": window, "server_alive": alive,
        "passed": counts["error"] == 0 and counts["answer"] > 0 and growth < MAX_GROWTH and alive,
    }
    echo(f"{clients} clients x {seconds:.0f} s: {result['answered']} answered ({result['answers_per_s']}/s), "
         f"{result['busy']} busy, {result['errors']} errors; RSS first {window:.0f} s {first_mb:.0f} MB, "
         f"last {window:.0f} s {last_mb:.0f} MB ({growth:+.1%}), peak {result['rss_peak_mb']:.0f} MB: "
         f"{'PASS' if result['passed'] else 'FAIL'}")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2))
    return result
