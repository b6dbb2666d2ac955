"""The locked-down server of these tests, once per module."""

from __future__ import annotations

import pytest

from served import running


@pytest.fixture(scope="module")
def locked_url(assistant, index_dir, tmp_path_factory):
    with running(assistant, index_dir, tmp_path_factory.mktemp("served")) as url:
        yield url
