from corpus.segment import clause_windows


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
