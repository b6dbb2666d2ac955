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
