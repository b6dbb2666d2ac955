"""A live chat server (in this process, sharing the session's model) and a
headless Debian Chromium driven by playwright."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def feedback_path(tmp_path_factory) -> Path:
    """The session server's feedback log, in a temporary data directory."""
    return tmp_path_factory.mktemp("data") / "feedback.jsonl"


@pytest.fixture(scope="session")
def server_url(assistant, feedback_path, small_report):
    from ui.app import CSS, THEME, build_app

    demo = build_app(assistant, feedback_path=feedback_path, report_path=small_report[0])
    demo.queue(default_concurrency_limit=4, max_size=64)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
                theme=THEME, css=CSS, share=False, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def is_local(url: str) -> bool:
    host = urlsplit(url).hostname
    return url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost", "::1")


@pytest.fixture
def viewport():
    return {"width": 1280, "height": 800}


@pytest.fixture
def page(browser, server_url, request, viewport):
    """A fresh page on the chat. ``page.outside`` collects any request that
    leaves the machine and ``page.dialogs`` any alert/confirm that fired."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.outside, page.dialogs = [], []
    page.on("request", lambda r: None if is_local(r.url) else page.outside.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(server_url, wait_until="domcontentloaded")
    page.wait_for_selector("#question textarea", timeout=30_000)
    yield page
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
