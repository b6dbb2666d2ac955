import hashlib

from corpus.source import NOTICE_SHA256, data_bytes, notice_text


def test_notice_has_the_published_hash():
    """Byte-identical to the shared source: the SHA-256 the issue names."""
    assert hashlib.sha256(data_bytes("notice.txt")).hexdigest() == NOTICE_SHA256
    assert NOTICE_SHA256 == "1a81928955e431c3a02b7534c3dfc7d6fbe72fb2052332dd2cc08ce8d74b30f3"


def test_notice_text_decodes_whole():
    assert notice_text().startswith("On August 30, the General Office")
    assert notice_text().endswith("reform results.")
