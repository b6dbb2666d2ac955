"""Fixtures shared by the eval tests live in tests/conftest.py (the browser tests use them too)."""
