"""Builds are atomic: a build killed at any point leaves the old index or the
complete new one as ``current``; two builds at once leave a sound index."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.bundle import load
from noticeqa.errors import IndexStoreError

HELPER = Path(__file__).with_name("kill_builds.py")


@pytest.mark.slow
def test_killed_and_concurrent_builds_leave_a_sound_index(index_dir, tmp_path):
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(HELPER), str(index_dir), str(tmp_path), "4", "16", "6"],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    trials = report["trials"]
    assert len(trials) == 20
    assert all(t["ok"] for t in trials), [t for t in trials if not t["ok"]]
    assert all(t["state"] == "new" for t in trials if t["finished"])
    assert sum(not t["finished"] for t in trials) >= 10  # most kills landed mid-build
    for both in report["concurrent"]:
        assert both["exit_codes"] == [0, 0] and both["ok"] and both["state"] == "new", both
    print(f"build {report['build_seconds']} s (cached vectors {report['fast_build_seconds']} s); 20 kill trials "
          f"+ 3 concurrent pairs in {time.perf_counter() - started:.0f} s; "
          f"killed mid-build: {sum(not t['finished'] for t in trials)}, old kept: "
          f"{sum(t['state'] == 'old' for t in trials)}, new: {sum(t['state'] == 'new' for t in trials)}")


def test_an_unusable_index_that_cannot_be_rebuilt_names_the_fix(index_dir, tmp_path):
    import shutil

    target = tmp_path / "idx"
    shutil.copytree(index_dir, target, symlinks=True)
    (target / "current" / "words.npy").write_bytes(b"")
    with pytest.raises(IndexStoreError, match="words.npy.*noticeqa build"):
        load(target, rebuild=False)
    (target / "current").unlink()
    with pytest.raises(IndexStoreError, match="no index built yet.*noticeqa build"):
        load(target, rebuild=False)
