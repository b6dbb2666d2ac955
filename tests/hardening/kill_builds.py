"""Helper process for ``test_atomic_builds``: kill index builds at random points.

Run as ``python kill_builds.py BASE WORK REAL_TRIALS FAST_TRIALS SEED``. Loads
the model once (one torch thread, so forked children do not deadlock), then per
trial copies the complete index BASE into its own folder, forks a child that
rebuilds it and SIGKILLs the child after a random delay; last, two builds at
once on one folder, three times. Prints one JSON report: per trial (delay,
whether the child finished) and per pair what ``load(rebuild=False)`` found.

Forked children share the parent's process-wide locks. tqdm's write lock (bm25s
makes disabled bars, which still take it) is a semaphore: a child SIGKILLed while
holding it blocked every later child for good. Separate ``noticeqa build``
processes never share it, so each child here takes a lock of its own.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import torch

torch.set_num_threads(1)

from index.bundle import build, load  # noqa: E402
from index.embed import Embedder, get_embedder  # noqa: E402

PAIR_SECONDS = 45  # a concurrent pair (cached vectors) builds in well under a second; still running after this = hung


def own_tqdm_lock() -> None:
    """Give this (forked) process tqdm locks no sibling can die holding."""
    from tqdm import std

    classes = [std.tqdm]
    while classes:
        cls = classes.pop()
        if "_lock" in vars(cls):
            cls._lock = threading.RLock()
        classes += cls.__subclasses__()
    std.tqdm.set_lock(threading.RLock())


def fork_build(directory: Path) -> int:
    pid = os.fork()
    if pid == 0:  # child: build, then leave without running the parent's cleanup
        try:
            own_tqdm_lock()
            build(directory)
            os._exit(0)
        except BaseException:  # noqa: BLE001
            os._exit(1)
    return pid


def verdict(directory: Path, old: Path) -> dict:
    """What a reader finds: the old build, a complete new one, or a failure."""
    current = (directory / "current").resolve()
    try:
        bundle = load(directory, rebuild=False)
        state = "old" if current == old else "new"
        ok = len(bundle.passages) == 91 and not current.name.startswith(".tmp-")
    except Exception as exc:  # noqa: BLE001
        state, ok = f"broken: {exc}", False
    return {"state": state, "ok": ok}


class Memo:
    """The embedder's ``encode`` with a cache the parent fills; a child may switch it off."""

    def __init__(self, encode):
        self.encode, self.cache, self.enabled = encode, {}, True

    def __call__(self, embedder, texts, *args, **kwargs):
        key = tuple(texts)
        if not self.enabled or key not in self.cache:
            vectors = self.encode(embedder, texts, *args, **kwargs)
            if not self.enabled:
                return vectors
            self.cache[key] = vectors
        return self.cache[key].copy()


def trials(base: Path, work: Path, name: str, delays: list[float], lanes: int, real: bool, memo: Memo) -> list[dict]:
    """Fork one build per delay (``lanes`` at a time), SIGKILL it at its delay, check what is left."""
    found, waiting, running = [], list(enumerate(delays)), {}
    while waiting or running:
        while waiting and len(running) < lanes:
            i, delay = waiting.pop(0)
            directory = work / f"{name}-{i}"
            shutil.copytree(base, directory, symlinks=True)
            memo.enabled = not real  # inherited by the child
            running[fork_build(directory)] = (delay, directory, (directory / "current").resolve(),
                                              time.perf_counter() + delay)
            memo.enabled = True
        pid, (delay, directory, old, at) = min(running.items(), key=lambda item: item[1][3])
        time.sleep(max(0.0, at - time.perf_counter()))
        finished = os.waitpid(pid, os.WNOHANG)[0] == pid
        if not finished:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        del running[pid]
        found.append({"kind": name, "delay": round(delay, 2), "finished": finished, **verdict(directory, old)})
    return found


def wait_all(pids: list[int], seconds: float) -> list[int | str]:
    """Each child's exit status; one still running after ``seconds`` is killed and reported as "hung"."""
    codes, deadline = {}, time.perf_counter() + seconds
    while len(codes) < len(pids) and time.perf_counter() < deadline:
        for pid in set(pids) - set(codes):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done == pid:
                codes[pid] = status
        time.sleep(0.05)
    for pid in set(pids) - set(codes):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        codes[pid] = "hung"
    return [codes[pid] for pid in pids]


def timed_build(directory: Path) -> float:
    started = time.perf_counter()
    build(directory)
    return time.perf_counter() - started


def main(base: Path, work: Path, real_trials: int, fast_trials: int, seed: int) -> None:
    """``real_trials`` kill builds that encode with the model (kills land mostly in
    encoding); ``fast_trials`` reuse the parent's vectors so the whole build is file
    writing, manifest, rename and symlink swap, where a kill could do harm."""
    get_embedder()
    memo = Memo(Embedder.encode)
    Embedder.encode = lambda self, texts, *a, **kw: memo(self, texts, *a, **kw)
    rng = random.Random(seed)
    real = timed_build(work / "warm")  # fills the cache
    started = time.perf_counter()
    os.waitpid(fork_build(work / "warm"), 0)
    fast = time.perf_counter() - started  # as a forked child, cache inherited
    report = {"build_seconds": round(real, 2), "fast_build_seconds": round(fast, 2)}
    report["trials"] = trials(base, work, "real", [rng.uniform(0, real) for _ in range(real_trials)], 1, True, memo)
    report["trials"] += trials(base, work, "fast", [rng.uniform(0, 1.1 * fast) for _ in range(fast_trials)], 1,
                               False, memo)
    report["concurrent"] = []
    for pair in range(3):
        both = work / f"concurrent-{pair}"
        shutil.copytree(base, both, symlinks=True)
        old = (both / "current").resolve()
        codes = wait_all([fork_build(both), fork_build(both)], PAIR_SECONDS)
        report["concurrent"].append({"exit_codes": codes, **verdict(both, old)})
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
