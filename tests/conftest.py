"""Session fixtures: the real notice, the real bundled model (loaded once) and
one index built per test session in a temporary directory."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def passages():
    from corpus import load_passages

    return load_passages()


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory):
    from index.bundle import build

    directory = tmp_path_factory.mktemp("index")
    build(directory)
    return directory


@pytest.fixture(scope="session")
def assistant(index_dir):
    from assistant import Assistant

    return Assistant.load(index_dir)


@pytest.fixture(scope="session")
def embedder():
    from index.embed import get_embedder

    return get_embedder()


@pytest.fixture(scope="session")
def few_items():
    """One question of each kind from the bundled QA set."""
    from eval.qa import load_qa

    picked, seen = [], set()
    for item in load_qa():
        if item.kind not in seen:
            seen.add(item.kind)
            picked.append(item)
    return picked


@pytest.fixture(scope="session")
def small_report(assistant, few_items, tmp_path_factory):
    """A real evaluation report of ``few_items``, written once per session."""
    from eval.report import Report, write_report
    from eval.run import evaluate

    report = Report(qa="bundled", split="all", created="2026-01-01T00:00:00+00:00",
                    runs=[evaluate(assistant, few_items, "hybrid")])
    path = tmp_path_factory.mktemp("eval") / "latest.json"
    write_report(report, path)
    return path, report
