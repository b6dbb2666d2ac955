import hashlib
from pathlib import Path

import pytest

from corpus.source import NOTICE_SHA256, data_bytes, notice_text

SHARED = Path(__file__).resolve().parents[3] / "shared" / "source" / "000_67cc3ff371926b30.txt"


def test_notice_has_the_published_hash():
    assert hashlib.sha256(data_bytes("notice.txt")).hexdigest() == NOTICE_SHA256
    assert NOTICE_SHA256 == "1a81928955e431c3a02b7534c3dfc7d6fbe72fb2052332dd2cc08ce8d74b30f3"


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ source not beside this checkout")
def test_notice_is_byte_identical_to_the_shared_source():
    assert data_bytes("notice.txt") == SHARED.read_bytes()


def test_notice_text_decodes_whole():
    assert notice_text().startswith("On August 30, the General Office")
    assert notice_text().endswith("reform results.")
