"""One validation step for every way in: whatever the text, ``ask`` gives an
Answer or an ``InputError`` a person can act on, never another exception."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.models import Answer
from noticeqa.errors import InputError

ODD = st.sampled_from(["\x00", "\x07", "\x1b[31m", "\u202e", "\u200b", "\ufeff", "\ud83d", "\udc00",
                       "😀", "城镇化", "\r\n", "\u2028", "Xiangtan", "housing", "<script>", " "])


def test_empty_questions_never_reach_the_search(assistant, monkeypatch):
    calls = []
    monkeypatch.setattr(assistant.bundle.embedder, "encode", lambda texts, *a, **k: calls.append(list(texts)) or [])
    for question in ["", "   ", "\n\t", "\x00\x01", "\u200b\u202e\ufeff"]:
        with pytest.raises(InputError, match="please ask a question"):
            assistant.ask(question)
    assert all(isinstance(r, InputError) for r in assistant.ask_many(["", " "]))
    assert all(texts == [] for texts in calls)  # nothing was ever searched


def test_control_characters_are_stripped_and_the_answer_is_normal(assistant):
    clean = assistant.ask("How many public rental housing units did Xiangtan mobilize?")
    dirty = assistant.ask("How many\x00 public\x07 rental\u200b housing\u202e units did\x1b Xiangtan\ufeff mobilize?")
    assert dirty.question == clean.question
    assert [c.passage_id for c in dirty.citations] == [c.passage_id for c in clean.citations]


@pytest.mark.parametrize("question", [
    "\ud83d Xiangtan housing", "\u202eXiangtan housing\u202c", "Xiang\u200btan hou\u200dsing",
    "🏠🏠 Xiangtan housing? 😀", "湘潭的公共租赁住房有多少？", "😀", "城镇化", "\u202e\u202d😀",
])
def test_odd_text_gets_an_answer_or_abstention(assistant, question):
    answer = assistant.ask(question)
    assert isinstance(answer, Answer)
    json.loads(answer.model_dump_json())  # no lone surrogate survives into the JSON


def test_limit_is_a_setting_and_checked_on_the_server_side(assistant, monkeypatch):
    from noticeqa.settings import get_settings

    monkeypatch.setattr(get_settings(), "max_question_chars", 20)
    with pytest.raises(InputError, match="limit is 20"):
        assistant.ask("Xiangtan housing units?")
    assert isinstance(assistant.ask("Xiangtan housing?"), Answer)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=5000), st.lists(ODD, max_size=60).map("".join)))
def test_any_text_gives_an_answer_or_a_validation_message(assistant, text):
    try:
        answer = assistant.ask(text)
    except InputError as exc:
        assert str(exc).startswith(("please ask a question", "the question is"))
    else:
        assert isinstance(answer, Answer)
        answer.model_dump_json()


EDITOR_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
LINES = st.one_of(
    EDITOR_TEXT,
    st.dictionaries(st.sampled_from(["id", "question", "kind", "split", "answer", "regions", "x"]),
                    st.one_of(EDITOR_TEXT, st.integers(), st.none(), st.lists(st.text(max_size=5))),
                    max_size=6).map(json.dumps),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8))
def test_qa_loader_reports_bad_lines_by_number(tmp_path_factory, lines):
    from eval.qa import QAFileError, load_qa

    path = tmp_path_factory.mktemp("qa") / "qa.jsonl"
    path.write_text("\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines), encoding="utf-8")
    try:
        load_qa(path)
    except QAFileError as exc:
        message = str(exc)
        assert "no questions" in message or "line " in message
        numbers = [int(part.split(":")[0]) for part in message.split("\nline ")[1:]]
        assert all(1 <= n <= len(lines) for n in numbers)


def test_qa_loader_numbers_lines_as_editors_do(tmp_path):
    from eval.qa import QAFileError, load_qa

    path = tmp_path / "qa.jsonl"
    path.write_text('"a\\fb"\n\u2028\nnot json\n', encoding="utf-8")
    with pytest.raises(QAFileError, match="line 3: not JSON") as exc:
        load_qa(path)
    assert "line 4" not in str(exc.value)
