"""Question and passage text are shown as text: markup in either never runs
and never loads anything, in the page or in the rendered HTML."""

from __future__ import annotations

import copy
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.render import chat_html, passage_html
from served import running
from ui.security import as_text

ATTACKS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
           "![x](http://198.51.100.7/pixel.png)", "[link](javascript:alert(1))",
           "<a href='javascript:alert(1)'>go</a>", "<svg onload=alert(1)>"]


def poisoned(answer, attack: str):
    cite = answer.citations[0]
    text = f"{attack} {cite.text}"
    shift = len(attack) + 1
    cite = cite.model_copy(update={"text": text, "highlight": (cite.highlight[0] + shift, cite.highlight[1] + shift)})
    return answer.model_copy(update={"answer": f"{attack} {answer.answer}", "citations": [cite]})


@pytest.mark.parametrize("attack", ATTACKS)
def test_rendered_html_carries_no_live_markup(assistant, attack):
    answer = poisoned(assistant.ask("How many public rental housing units did Xiangtan mobilize?"), attack)
    for rendered in (chat_html(answer), passage_html(answer.citations[0], assistant.passages[0], [])):
        assert not any(tag in rendered for tag in ("<script", "<img", "<svg", "<a href='javascript"))


def test_as_text_leaves_no_markdown_or_html_syntax():
    shown = as_text("![x](http://a/p.png) <b>[l](javascript:x)</b> $x$ `c` *e* \\")
    assert not set("![]()<>$`*\\") & set(shown.replace("&#", "").replace(";", ""))


def chat_page(url: str, questions: list[str]) -> tuple[list, list, list]:
    """Ask ``questions`` one by one in Chromium; (outside requests, dialogs, img srcs in the chat).
    Runs in its own thread: the session's playwright (tests/ui) may already own this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(_chat_page, url, questions).result()


def _chat_page(url: str, questions: list[str]) -> tuple[list, list, list]:
    from playwright.sync_api import sync_playwright

    outside, dialogs = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
                else outside.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector("#question textarea", timeout=30_000)
        for n, question in enumerate(questions, start=1):
            page.fill("#question textarea", question)
            page.keyboard.press("Enter")
            page.wait_for_function("n => document.querySelectorAll('#chat [data-testid=bot]').length >= n",
                                   arg=n, timeout=30_000)
        page.wait_for_timeout(1000)
        chat = page.locator("#chat")
        assert chat.locator("script, svg[onload], img[onerror], a[href^='javascript']").count() == 0
        assert chat.locator("[data-testid=user]").count() == len(questions)
        images = chat.evaluate("el => [...el.querySelectorAll('img')].map(i => i.src)")
        browser.close()
    return outside, dialogs, images


@pytest.mark.browser
def test_markup_and_markdown_images_in_a_question_never_run_or_load(locked_url):
    outside, dialogs, images = chat_page(locked_url, [f"{a} Xiangtan housing" for a in ATTACKS])
    assert not dialogs and not outside and not images, (dialogs, outside, images)


@pytest.mark.browser
def test_markup_in_passage_text_never_runs_or_loads(assistant, index_dir, tmp_path):
    fake = copy.copy(assistant)  # the real assistant, whose passages carry every attack
    fake.ask = lambda *a, **kw: poisoned(assistant.ask(*a, **kw), " ".join(ATTACKS))
    with running(fake, index_dir, tmp_path) as url:
        outside, dialogs, images = chat_page(url, ["Xiangtan housing"])
    assert not dialogs and not outside and not images, (dialogs, outside, images)
