from corpus.segment import clause_windows, shared_tails
from corpus.source import notice_text


def test_clause_windows_example():
    text = "A did x, y and z, B did w."
    windows = clause_windows(text, min_words=3)
    assert [text[a:b] for a, b in windows] == [
        "A did x,", "y and z,", "B did w.", "A did x, y and z,", "y and z, B did w."]


def test_clause_windows_join_a_short_tail_and_cover_the_text():
    text = "Zibo organized guarantee companies and banks to support digital agriculture, issuing loans."
    windows = clause_windows(text)
    assert windows == [(0, len(text))]
    assert clause_windows("") == []


def test_clause_windows_of_every_passage_stay_inside_it(passages):
    for p in passages:
        for a, b in clause_windows(p.text):
            assert 0 <= a < b <= len(p.text)
            assert p.text[a:b] == p.text[a:b].strip()


def test_a_sentences_last_experience_speaks_for_the_earlier_ones(passages):
    tails = {passages[k].id: sorted(passages[i].id for i in v) for k, v in shared_tails(passages, notice_text()).items()}
    assert tails == {
        "s02-03-gu-an": ["s02-01-chenzhou", "s02-02-qiongzhong"],  # "... especially migrant children"
        "s02-07-yinchuan": ["s02-06-xiangtan"],
        "s02-09-lulong": ["s02-08-shanghang"],
        "s08-05-hebi": ["s08-04-lulong"],
    }
