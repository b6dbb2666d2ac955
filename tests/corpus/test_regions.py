from corpus.regions import gazetteer
from corpus.source import notice_text


def test_every_provincial_level_division_is_listed():
    assert len(gazetteer().provinces) == 34


def test_every_locality_has_its_province_and_chinese_name():
    g = gazetteer()
    for loc in g.localities.values():
        assert loc.province in g.provinces, loc
        assert loc.chinese, loc


def test_every_gazetteer_locality_is_named_in_the_notice():
    named = {m.region.name for m in gazetteer().find(notice_text())}
    assert set(gazetteer().localities) <= named


def test_misspellings_resolve_to_the_real_place():
    g = gazetteer()
    assert g.lookup("Meikou").name == "Meihekou"
    assert g.lookup("Shanghanghang").name == "Shanghang"
    assert g.lookup("meikou").province == "Jilin"


def test_chinese_names_are_found_in_questions():
    found = gazetteer().find("湘潭和梅河口做了什么？", ignore_case=True)
    assert [m.region.name for m in found] == ["Xiangtan", "Meihekou"]


def test_case_sensitive_in_the_notice_but_not_in_questions():
    g = gazetteer()
    assert g.find("what did xiangtan do") == []
    assert [m.region.name for m in g.find("what did xiangtan do", ignore_case=True)] == ["Xiangtan"]


def test_names_are_taken_out_of_a_text_in_any_case():
    assert gazetteer().without_names("What did xiangtan, Hunan do?").split() == ["What", "did", ",", "do?"]


def test_a_misspelling_is_close_to_a_notice_place_but_other_cities_are_not():
    assert gazetteer().closest("Laohekuo") == "laohekou"
    assert gazetteer().closest("Suzhou") is None  # a city of its own, not Suizhou


def test_a_five_letter_name_one_letter_off_is_the_notice_place():
    assert gazetteer().closest("Kaily") is None  # difflib's ratio is 0.8
    assert gazetteer().one_letter_off("Kaily") == "kaili"
    assert gazetteer().one_letter_off("Hefei") is None  # a city of its own, not Hebei
    assert gazetteer().one_letter_off("Kaili") is None  # spelled right
