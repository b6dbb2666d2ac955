"""The chat as a person uses it, in a real Chromium. Each test leaves a
screenshot in tests/screenshots/<test>.png (git-ignored)."""

import json
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DOCS = Path(__file__).resolve().parents[2] / "docs"
XIANGTAN = "How many public rental housing units did Xiangtan mobilize?"
EDUCATION = "How did cities increase compulsory education places?"


def ask(page, question: str, wait_for: str = ".nqa-answer"):
    """Type ``question``, press Enter and wait for one more reply of ``wait_for``."""
    before = page.locator(wait_for).count()
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    page.locator(wait_for).nth(before).wait_for(timeout=30_000)


def choose(page, dropdown_id: str, option: str):
    page.click(f"#{dropdown_id} input")
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).first.click()
    page.keyboard.press("Escape")


def citation_regions(page) -> list[str]:
    return page.locator("#chat .message").last.locator(".nqa-region").all_inner_texts()


def test_question_shows_cited_region_and_section(page):
    page.fill("#question textarea", XIANGTAN)
    started = time.monotonic()
    page.press("#question textarea", "Enter")
    first = page.locator(".nqa-citation").first
    first.wait_for(timeout=30_000)
    assert time.monotonic() - started < 5  # the issue asks for < 1 s warm; 5 s leaves room on a busy CI box
    assert "Xiangtan, Hunan" in first.inner_text()
    assert "I §2 equal basic public services" in first.inner_text()
    assert "29,000" in page.locator(".nqa-answer").last.inner_text()
    assert "29,000" in first.locator("mark").inner_text()
    assert page.outside == []  # nothing fetched from outside the machine


def test_passage_viewer_opens_in_context_and_closes(page):
    ask(page, XIANGTAN)
    chat_before = page.locator("#chat").inner_text()
    page.click("#open-passage")
    viewer = page.locator("#viewer .nqa-viewer")
    viewer.wait_for(timeout=10_000)
    text = viewer.inner_text()
    assert "Part I · section 2 (2) equal basic public services" in text
    assert "Xiangtan, Hunan (湘潭市)" in text
    assert "line 20, characters 6479–6550" in text
    assert "29,000" in viewer.locator(".nqa-cited mark").inner_text()
    assert viewer.locator(".nqa-context").count() > 5  # the whole section, not just the excerpt
    page.click("#close-viewer")
    viewer.wait_for(state="hidden", timeout=10_000)
    assert page.locator("#chat").inner_text() == chat_before


def test_copy_box_holds_the_citation_text(page):
    ask(page, XIANGTAN)
    copy = page.locator("#copy-citation textarea")
    assert copy.input_value() == (
        '"…Xiangtan, Hunan, has mobilized about 29,000 public rental housing units…" '
        "(Xiangtan, Hunan; Part I, section 2)"
    )
    page.locator("#citations label").filter(has_text="Suizhou").first.click()
    page.wait_for_function(
        "() => !document.querySelector('#copy-citation textarea').value.includes('Xiangtan, Hunan, has')")
    assert "Suizhou, Hubei" in copy.input_value()


def test_province_filter_changes_the_citations(page):
    ask(page, EDUCATION)
    assert set(citation_regions(page)) != {"Gu'an, Hebei"} and "Chenzhou, Hunan" in citation_regions(page)
    choose(page, "filter-provinces", "Hebei")
    page.get_by_text("Active filters: Hebei").wait_for(timeout=10_000)
    ask(page, EDUCATION)
    regions = citation_regions(page)
    assert regions and all("Hebei" in r for r in regions)
    assert "Filtered to: Hebei" in page.locator("#chat .message").last.inner_text()
    page.click("#clear-filters")
    page.get_by_text("No filters: the whole notice is searched.").wait_for(timeout=10_000)
    ask(page, EDUCATION)
    assert "Chenzhou, Hunan" in citation_regions(page)


def test_browse_lists_every_experience(page, passages):
    experiences = sum(p.kind == "experience" for p in passages)
    assert experiences == 65
    page.get_by_role("tab", name="Browse").click()
    rows = "#browse-table [role=row]:not(:has(th))"  # data rows, not the header
    table = page.locator(rows)
    page.wait_for_function(f"() => document.querySelectorAll('{rows}').length == {experiences}", timeout=15_000)
    assert table.count() == experiences
    assert page.locator("#browse-count").inner_text() == "65"
    assert page.locator("#chart-provinces .nqa-bar-row").count() == 21
    assert page.locator("#chart-sections .nqa-bar-row").count() == 13
    choose(page, "browse-provinces", "Hebei")
    page.wait_for_function("() => document.querySelector('#browse-count').textContent != '65'", timeout=10_000)
    shown = int(page.locator("#browse-count").inner_text())
    assert 0 < shown < experiences
    assert all("Hebei" in row for row in table.all_inner_texts())


def test_off_topic_question_says_not_covered(page):
    ask(page, "What is the capital of France?")
    page.get_by_text("does not appear to cover").wait_for(timeout=30_000)
    assert not page.locator("#citations").is_visible()


def test_markup_in_a_question_is_shown_as_text(page):
    evil = "<img src=x onerror=alert(1)>"
    ask(page, evil)
    page.wait_for_timeout(500)
    assert evil in page.locator("#chat").inner_text()
    assert page.locator("#chat img[src='x']").count() == 0
    assert page.dialogs == []
    assert page.outside == []


def test_feedback_lands_in_the_log(page, feedback_path):
    before = feedback_path.read_text().splitlines() if feedback_path.exists() else []
    ask(page, XIANGTAN)
    page.fill("#feedback-comment textarea", "right number")
    page.click("#feedback-down")
    page.get_by_text("feedback (👎) is saved").wait_for(timeout=10_000)
    lines = feedback_path.read_text().splitlines()
    assert len(lines) == len(before) + 1
    record = json.loads(lines[-1])
    assert record["question"] == XIANGTAN and record["verdict"] == "down"
    assert record["comment"] == "right number" and "s02-06-xiangtan" in record["cited_ids"]
    assert "29,000" in record["answer"] and record["time"]


def test_keyboard_only(page):
    page.focus("#question textarea")
    page.keyboard.type(XIANGTAN)
    page.keyboard.press("Enter")
    page.locator("#citations input").first.wait_for(timeout=30_000)
    page.focus("#question textarea")
    for _ in range(4):  # question -> Send -> the checked citation
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('#citations')"):
            break
    assert page.evaluate("() => !!document.activeElement.closest('#citations')"), \
        page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
    page.keyboard.press("Tab")  # the next citation: [2] Suizhou
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => document.querySelector('#copy-citation textarea').value.includes('(Suizhou, Hubei; Part I, section 2)')")


def test_new_conversation_clears_the_chat(page):
    ask(page, XIANGTAN)
    ask(page, "And what about Suizhou?")
    assert page.locator("#chat .nqa-answer").count() == 2
    page.click("#new-conversation")
    page.wait_for_function("() => document.querySelectorAll('#chat .nqa-answer').length == 0")
    assert not page.locator("#citations").is_visible()


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}])
def test_phone_width_has_no_horizontal_overflow(page):
    ask(page, XIANGTAN)
    page.click("#open-passage")
    page.locator("#viewer .nqa-viewer").wait_for(timeout=10_000)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390


def test_readme_screenshot(page):
    """docs/chat.png: the chat with a cited answer (referenced by the README)."""
    ask(page, XIANGTAN)
    page.wait_for_timeout(300)
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "chat.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": 1280, "height": 1000})  # answer, citations, copy box


def test_evaluation_tab_shows_the_latest_report(page, small_report):
    _, report = small_report
    page.get_by_role("tab", name="Evaluation").click()
    summary = page.locator("#eval-summary")
    summary.wait_for(timeout=30_000)
    assert "hit@1" in summary.inner_text()
    failing = [q for q in report.runs[0].questions if any(v is False for v in q.passed.values())]
    text = page.locator("#eval-failing").inner_text()
    for q in failing:
        assert q.id in text
