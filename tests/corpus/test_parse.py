from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.parse import parse_notice, section_number
from corpus.source import notice_text

MARKERS = ["(1)", "(2)", "(3)", "(d)", "(E)", "(F)", "(7)", "(h)", "(ix)", "(10)", "(k)", "(xii)", "(xiii)"]


def by_id(passages, pid):
    return next(p for p in passages if p.id == pid)


def test_thirteen_sections_in_order_with_their_printed_markers(passages):
    seen = []
    for p in passages:
        if p.section and p.section.number not in [s.number for s in seen]:
            seen.append(p.section)
    assert [s.number for s in seen] == list(range(1, 14))
    assert [s.marker for s in seen] == MARKERS
    assert [s.part for s in seen] == ["I"] * 3 + ["II"] * 6 + ["III"] * 4
    assert all(s.title for s in seen)


def test_parts_in_order(passages):
    order = []
    for p in passages:
        if p.part not in order:
            order.append(p.part)
    assert order == ["summary", "front", "I", "II", "III", "closing"]


def test_every_section_has_a_lead_in(passages):
    leads = [p for p in passages if p.kind == "lead-in"]
    assert [p.section.number for p in leads] == list(range(1, 14))
    assert by_id(passages, "s01-lead").text.startswith("In terms of deepening the reform of the household")


def test_every_experience_names_a_region(passages):
    experiences = [p for p in passages if p.kind == "experience"]
    assert len(experiences) == 65  # 5+11+5+5+3+4+4+6+5+4+3+6+4
    assert all(p.regions and p.section for p in experiences)


def test_spans_round_trip(passages):
    text = notice_text()
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert p.text == p.text.strip() and p.text


def test_ids_are_unique_and_stable(passages):
    again = parse_notice(notice_text())
    assert [p.id for p in passages] == [p.id for p in again]
    assert len({p.id for p in passages}) == len(passages)


def test_lines_holding_several_regions_become_several_passages(passages):
    line_57 = [p for p in passages if p.line == 57 and p.kind == "experience"]
    assert [p.regions[0].name for p in line_57] == [
        "Changtai District", "Xiangtan", "Meihekou", "Shexian", "Dazhou", "Yanchi"
    ]
    xiangtan = by_id(passages, "s02-06-xiangtan")
    assert xiangtan.text == "Xiangtan, Hunan, has mobilized about 29,000 public rental housing units"


def test_spot_checks(passages):
    zibo = by_id(passages, "s10-01-zibo")
    assert (zibo.section.number, zibo.part, [r.province for r in zibo.regions]) == (10, "III", ["Shandong"])
    changtai = by_id(passages, "s12-01-changtai-district")
    assert [(r.name, r.parent, r.province) for r in changtai.regions][0] == ("Changtai District", "Zhangzhou", "Fujian")
    yichun = by_id(passages, "s09-02-yichun")
    assert [r.province for r in yichun.regions] == ["Heilongjiang"]
    fuzhou = by_id(passages, "s08-06-fuzhou")
    assert "carbon coins" in fuzhou.text
    assert [(r.name, r.province) for r in fuzhou.regions] == [("Fuzhou", "Jiangxi")]
    meikou = by_id(passages, "s06-02-meihekou")
    assert meikou.text.startswith("Meikou, Jilin") and meikou.regions[0].name == "Meihekou"
    guizhou = by_id(passages, "s02-11-guizhou")
    assert [(r.name, r.province) for r in guizhou.regions] == [("Guizhou", "Guizhou")]


def test_norm_text_rewrites_artefacts_but_text_stays_as_printed(passages):
    zhucheng = by_id(passages, "s06-04-zhucheng")
    assert "****use*** and enjoy" in zhucheng.text
    assert "for enterprises to share" in zhucheng.norm_text


def test_summary_copies_point_to_their_body_passage(passages):
    assert by_id(passages, "summary-04-jinan").duplicate_of == "s01-01-jinan"
    assert by_id(passages, "summary-05-guangzhou").duplicate_of == "s01-04-guangzhou"
    assert by_id(passages, "summary-01").duplicate_of is None


def test_section_markers_read_by_expected_number():
    # d is the 4th letter, ix is roman 9, k the 11th letter
    assert section_number("d", 4) == 4
    assert section_number("ix", 9) == 9
    assert section_number("k", 11) == 11
    assert section_number("xiii", 13) == 13
    assert section_number("c", 7) is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=5000))
def test_any_text_parses_and_spans_round_trip(text):
    for p in parse_notice(text):
        assert text[p.start : p.end] == p.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(notice_text().split("\n")), max_size=25))
def test_shuffled_notice_lines_parse_and_round_trip(lines):
    text = "\n".join(lines)
    for p in parse_notice(text):
        assert text[p.start : p.end] == p.text
