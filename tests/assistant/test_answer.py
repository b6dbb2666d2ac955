import json

import pytest

from assistant.models import Answer
from noticeqa.errors import InputError


def test_xiangtan_housing_is_cited_first_with_the_figure(assistant):
    answer = assistant.ask("How many public rental housing units did Xiangtan mobilize?")
    first = answer.citations[0]
    assert not answer.abstained
    assert first.passage_id == "s02-06-xiangtan"
    assert first.section.number == 2 and first.section.part == "I"
    assert [(r.name, r.province) for r in first.regions] == [("Xiangtan", "Hunan")]
    assert "29,000" in answer.answer


def test_off_topic_question_abstains(assistant):
    answer = assistant.ask("What is the capital of France?")
    assert answer.abstained and answer.citations == []
    assert "does not appear to cover" in answer.answer


def test_answer_is_verbatim_and_highlight_inside_the_citation(assistant):
    answer = assistant.ask("Which city issued carbon coins for green travel?")
    assert answer.citations[0].passage_id == "s08-06-fuzhou"
    for c in answer.citations:
        a, b = c.highlight
        assert 0 <= a < b <= len(c.text)
    assert any(answer.answer == c.text[c.highlight[0] : c.highlight[1]] for c in answer.citations)


def test_answer_json_round_trips(assistant):
    answer = assistant.ask("How did Zibo support digital agriculture?", top_k=3)
    data = json.loads(answer.model_dump_json())
    assert set(data) >= {"question", "abstained", "answer", "citations"}
    assert set(data["citations"][0]) == {"rank", "passage_id", "text", "highlight", "section", "regions", "score"}
    assert [c["rank"] for c in data["citations"]] == [1, 2, 3]
    assert Answer.model_validate(data) == answer


def test_top_k_is_respected(assistant):
    assert len(assistant.ask("urban renewal of old neighborhoods", top_k=2).citations) == 2


@pytest.mark.parametrize("question", ["", "   ", "\x00\x01"])
def test_empty_questions_are_rejected(assistant, question):
    with pytest.raises(InputError, match="please ask a question"):
        assistant.ask(question)


def test_too_long_question_names_the_limit(assistant):
    with pytest.raises(InputError, match="1,000"):
        assistant.ask("x" * 1001)


def test_a_hyphenated_word_also_carries_its_parts():
    from assistant.answer import passage_stems
    from index.lexical import stem

    stems = passage_stems("promoting the low-carbon transformation of cities")
    assert {stem("low"), stem("carbon"), stem("low-carbon")} <= stems
    assert stem("promoting") in stems and stem("the") not in stems
