"""Span and label matching on fake citations."""

from assistant.models import Answer, Citation, CitedRegion, CitedSection
from eval import judge


def _citation(rank, text, regions=(), number=2):
    return Citation(rank=rank, passage_id=f"p{rank}", text=text, highlight=(0, len(text)),
                    section=CitedSection(part="I", number=number), score=0.5,
                    regions=[CitedRegion(name=n, province="X") for n in regions])


def test_contains_ignores_case_spacing_and_asterisks():
    assert judge.contains("providing public **** Services  to all", "public services to ALL")
    assert not judge.contains("public services", "private services")


def test_first_hit_regions_and_section():
    answer = Answer(question="q", abstained=False, answer="a", citations=[
        _citation(1, "Suizhou mobilized about 18,000 units", ["Suizhou"]),
        _citation(2, "Meikou, Jilin, has introduced ...", ["Meihekou"], number=6),
    ])
    hit = judge.first_hit(answer, "has introduced")
    assert hit.rank == 2
    # alias on the label side and alternatives separated by |
    assert judge.regions_match(hit, ["Meikou"])
    assert judge.regions_match(hit, ["Nanjing|Meihekou"])
    assert not judge.regions_match(hit, ["Meihekou", "Suizhou"])
    assert judge.section_match(hit, 6) and not judge.section_match(hit, 2)
    assert judge.first_hit(answer, "absent span") is None


def test_a_lists_regions_are_spread_over_its_citations():
    answer = Answer(question="q", abstained=False, answer="a", citations=[
        _citation(1, "about 18,000 units", ["Suizhou"]), _citation(2, "about 29,000 units", ["Xiangtan"]),
        _citation(3, "something else", ["Yinchuan"])])
    assert judge.list_regions_match(answer, ["18,000 units", "29,000 units"], ["Suizhou", "Xiangtan"])
    assert not judge.list_regions_match(answer, ["18,000 units", "29,000 units"], ["Suizhou", "Yinchuan"])


def test_a_list_is_hit_by_any_of_its_items():
    from eval.qa import QAItem
    from eval.run import judge_answer

    answer = Answer(question="q", abstained=False, answer="about 29,000 units", citations=[
        _citation(1, "Xiangtan mobilized about 29,000 units", ["Xiangtan"]),
        _citation(2, "Suizhou mobilized about 18,000 units", ["Suizhou"])])
    item = QAItem(id="x", question="Which places mobilized units?", answer="about 18,000 units",
                  answers_all=["about 18,000 units", "about 29,000 units"], kind="list", split="test")
    passed = judge_answer(item, answer)["passed"]
    assert passed["hit@1"] and passed["answer_acc"] and passed["list_recall"]
    assert judge.first_hit(answer, ["absent", "about 18,000 units"]).rank == 2
    single = item.model_copy(update={"answers_all": [], "kind": "factoid"})
    assert not judge_answer(single, answer)["passed"]["hit@1"]
