import numpy as np
import pytest

from assistant.query import analyse
from assistant.retrieve import LEXICAL_WEIGHT, NOT_EXPERIENCE, REGION_BOOST, blend, lexical_text, rank


def test_blend_matches_the_documented_example():
    score = blend(np.array([0.52, 0.3]), np.array([0.60, 0.3]), np.array([7.0, 10.0]))
    assert score[0] == pytest.approx((0.52 + 0.60) / 2 + LEXICAL_WEIGHT * 0.7)
    assert score[1] == pytest.approx(0.3 + LEXICAL_WEIGHT)


def test_blend_without_lexical_evidence_is_the_mean_cosine():
    assert blend(np.array([0.4]), np.array([0.6]), np.array([0.0]))[0] == pytest.approx(0.5)


def test_a_far_better_cosine_outranks_a_slightly_better_bm25(passages):
    # RRF would put these two level; the blend keeps the cosine margin
    a, b = 10, 11
    dense = np.zeros(len(passages)); lexical = np.zeros(len(passages))
    dense[a], lexical[a] = 0.52, 1.3
    dense[b], lexical[b] = 0.25, 1.9
    hits = rank(passages, dense, lexical, analyse("paper companies"), "hybrid", clause=dense)
    assert [h.index for h in hits[:2]] == [a, b]


def test_place_questions_prefer_experiences_and_named_regions(passages):
    lead = next(i for i, p in enumerate(passages) if p.kind == "lead-in")
    xiangtan = next(i for i, p in enumerate(passages) if p.id == "s02-06-xiangtan")
    dense = np.full(len(passages), 0.1); lexical = np.zeros(len(passages))
    dense[lead] = dense[xiangtan] = 0.5
    plain = {h.index: h.score for h in rank(passages, dense, lexical, analyse("What is described?"), clause=dense)}
    asked = {h.index: h.score for h in rank(passages, dense, lexical, analyse("How did one city do it?"), clause=dense)}
    assert plain[lead] - asked[lead] == pytest.approx(NOT_EXPERIENCE)
    overview = {h.index: h.score for h in rank(passages, dense, lexical, analyse("What is the main focus?"), clause=dense)}
    assert overview[lead] - plain[lead] == pytest.approx(NOT_EXPERIENCE)  # lead-ins answer a thrust
    named = {h.index: h.score for h in rank(passages, dense, lexical, analyse("What did Xiangtan do?"), clause=dense)}
    assert named[xiangtan] - plain[xiangtan] == pytest.approx(REGION_BOOST)


@pytest.mark.parametrize("question, read", [
    ("Which places increased rental housing?", "Which increased rental housing?"),
    ("what pilot areas cut emissions", "what cut emissions"),
    ("Which city in Hunan mobilized housing?", "Which in Hunan mobilized housing?"),
    ("What area of land did Fuyang free up?", "What area of land did Fuyang free up?"),  # the area is asked about
    ("How many school places did Gu'an add?", "How many school places did Gu'an add?"),
    ("Which county did it?", "Which did it?"),
    ("In which cities was it done?", "In which was it done?"),
    ("the cut-off below which cities drop restrictions?", "the cut-off below which cities drop restrictions?"),
    ("what city size threshold splits the reform?", "what city size threshold splits the reform?"),  # a topic
])
def test_the_lexical_search_drops_the_noun_naming_the_kind_of_answer(question, read):
    assert lexical_text(question) == read
