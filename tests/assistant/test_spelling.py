from assistant.query import analyse, respelled
from assistant.spelling import closest_notice_word, english_words, joined_names
from assistant.abstain import notice_words
from corpus.regions import gazetteer


def test_english_words_come_from_the_models_vocabulary():
    words = english_words()
    assert len(words) > 15_000
    assert {"weather", "graduates", "people"} <= words
    assert "gradutes" not in words


def test_a_place_name_split_in_two_is_joined():
    assert joined_names("what % of patients in Zhu cheng get treated?", gazetteer()) == (
        "what % of patients in Zhucheng get treated?")
    assert joined_names("What did Mei hekou do?", gazetteer()) == "What did Meihekou do?"
    assert joined_names("What does Zhu cheng's medical system include?", gazetteer()) == (
        "What does Zhucheng's medical system include?")
    assert joined_names("How did the city change?", gazetteer()) == "How did the city change?"
    assert joined_names("one window in Lao He Kou?", gazetteer()) == "one window in Laohekou?"  # three words


def test_a_mistyped_word_of_the_notice_is_put_right_an_english_word_is_not():
    assert closest_notice_word("gradutes", notice_words()) == "graduates"
    assert closest_notice_word("pizza", notice_words()) is None
    assert closest_notice_word("parsing", notice_words()) is None  # not "parking"
    # a typo that shares its stem with the notice's word is put right too: its meaning is then read
    assert closest_notice_word("volunters", notice_words()) == "volunteers"
    assert closest_notice_word("managment", notice_words()) == "management"
    assert closest_notice_word("renovating", notice_words()) is None  # a form of "renovation": the search finds it
    assert closest_notice_word("quotas", notice_words()) is None  # a plural of "quota"
    question = "How many gradutes does Qingzhen turn out? Is the weather nice?"
    assert respelled(question, gazetteer()) == "How many graduates does Qingzhen turn out? Is the weather nice?"
    assert analyse("what did kunmin do about hukou?").localities == {"Kunming"}
