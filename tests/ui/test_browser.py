import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def ask(page, question: str):
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")


def test_question_shows_cited_region_and_section(page):
    ask(page, "How many public rental housing units did Xiangtan mobilize?")
    first = page.locator(".nqa-citation").first
    first.wait_for(timeout=30_000)
    assert "Xiangtan, Hunan" in first.inner_text()
    assert "I §2 equal basic public services" in first.inner_text()
    assert "29,000" in page.locator(".nqa-answer").last.inner_text()
    assert "29,000" in first.locator("mark").inner_text()


def test_off_topic_question_says_not_covered(page):
    ask(page, "What is the capital of France?")
    page.get_by_text("does not appear to cover").wait_for(timeout=30_000)
