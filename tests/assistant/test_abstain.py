from dataclasses import replace

from assistant.abstain import Evidence, count_words, counted_phrase, should_abstain, topic_words, unknown_names

THRESHOLDS = dict(dense_threshold=0.28, region_threshold=0.2, unknown_name_override=0.75)


def test_unknown_names_are_proper_nouns_the_notice_never_uses():
    assert unknown_names("What did Shenzhen do about household registration?") == ("Shenzhen",)
    assert unknown_names("what did shenzhen do to relax hukou rules?") == ("shenzhen",)  # a city, in lower case
    assert unknown_names("how did wuhan's pilot go?") == ("wuhan",)
    assert unknown_names("what did fuzhou in jiangxi hand out?") == ()  # the notice's Fuzhou
    assert unknown_names("What did Gu'an's school add?") == ()
    assert unknown_names("How many units did Xiangtan mobilize?") == ()
    assert unknown_names("Which pilot has a Danish industrial park and a German one?") == ("Danish",)  # Germany
    # ("Danish" is in the glossary, which the assistant reads before counting a name unknown)
    assert unknown_names("What did Wuhan do?") == ("Wuhan",)
    assert unknown_names("Explain how mortgage interest rates are calculated in the US") == ("US",)
    assert unknown_names("How did Yingde's PCR lab help with COVID?") == ()  # capitals, but no foreign country
    assert unknown_names("Which place used IoT monitoring for its sponge facilities?") == ()  # an acronym, no "Io"


def test_topic_and_count_words_leave_out_places_and_question_words():
    assert topic_words("What did pilots in Hebei do?") == ()
    assert topic_words("What does section 10 talk about?") == ()
    assert topic_words("What is the main focus of section 8?") == ()
    assert topic_words("Could you summarize what the last section, (xiii), is about?") == ()
    assert topic_words("Summarize the main thrust of section 13 for me.") == ()
    assert count_words("How many places did Gu'an's eighth elementary school add?") == (
        "places", "eighth", "elementary", "school", "add")


def test_counted_phrase_ends_at_the_verb_or_preposition():
    assert counted_phrase("How many public rental housing units did Xiangtan mobilize?") == "public rental housing units"
    assert counted_phrase("How many localities were in the third batch?") == "localities"
    assert counted_phrase("How many volunteers joined the smart city work?") == "volunteers"
    assert counted_phrase("How many tons of coal did Fuyang save?") == "tons of coal"
    assert counted_phrase("How much did Zibo lend?") == ""
    assert counted_phrase("how many of them?") == ""  # a pronoun: any count
    assert counted_phrase("list the places that added school places and how many each added") == ""
    assert counted_phrase("how many farmers got pig mortgage loans in Huadu") == "farmers"


def test_decision_rules():
    strong = Evidence(best_dense=0.7, region_best=0.7, unknown_names=(), topic_words=("units",), names_region=True)
    assert not should_abstain(strong, **THRESHOLDS)
    assert should_abstain(Evidence(0.2, None, ()), **THRESHOLDS)  # weak dense evidence
    assert should_abstain(Evidence(0.5, None, ("Shenzhen",)), **THRESHOLDS)  # unknown place
    assert not should_abstain(Evidence(0.8, None, ("Shenzhen",)), **THRESHOLDS)  # near-verbatim match wins
    missing = Evidence(0.7, 0.7, (), ("units",), True, figure_missing=True)
    assert should_abstain(missing, **THRESHOLDS)
    detail = Evidence(0.67, 0.67, ("Wuhan",), ("school",), True)
    assert not should_abstain(detail, **THRESHOLDS)  # "Which school in Hainan, tied to a Wuhan university, ...?"
    assert should_abstain(Evidence(0.39, 0.39, ("Shaolin",), ("history",), True), **THRESHOLDS)
    absent = Evidence(0.7, None, (), ("pilots",), region_absent=True)
    assert should_abstain(absent, **THRESHOLDS)  # "Which pilots are located in Tibet?"
    foreign = Evidence(0.6, 0.6, (), ("hotpot", "restaurants"), True, notice_coverage=0.0)
    assert should_abstain(foreign, **THRESHOLDS, notice_coverage_min=0.3)  # "Best hotpot restaurants in Chongqing?"
    assert not should_abstain(foreign.__class__(0.6, 0.6, (), ("loans",), True, notice_coverage=1.0),
                              **THRESHOLDS, notice_coverage_min=0.3)
    borrowed = Evidence(0.46, 0.46, (), ("hot", "springs"), True, topic_best=0.25)
    assert should_abstain(borrowed, **THRESHOLDS, topic_threshold=0.3)  # "Hot springs in Tengchong worth a visit?"
    assert not should_abstain(borrowed, **THRESHOLDS)  # the signal is off by default in the function
    carried = Evidence(0.4, 0.4, (), ("live", "work", "free", "fitness", "exercise"), True, coverage=0.6, topic_best=0.27)
    assert not should_abstain(carried, **THRESHOLDS, topic_threshold=0.3)  # Miyun's passage: free, fitness, exercise
    assert should_abstain(replace(carried, figure=True), **THRESHOLDS, topic_threshold=0.3)  # a figure: no
    everyday = Evidence(0.5, 0.5, (), ("squeeze", "idle", "plots"), True, notice_coverage=0.0, topic_best=0.4)
    assert should_abstain(everyday, **THRESHOLDS, notice_coverage_min=0.3)
    assert not should_abstain(everyday, **THRESHOLDS, notice_coverage_min=0.3, coverage_override=0.35)
    assert should_abstain(Evidence(0.7, 0.7, (), ("mayor",), True, beyond_notice=True), **THRESHOLDS)
    how_to = Evidence(0.35, None, (), ("apply", "visa"), how_to=True)
    assert should_abstain(how_to, **THRESHOLDS, how_to_threshold=0.5)
    assert not should_abstain(how_to, **THRESHOLDS)
    assert not should_abstain(Evidence(0.2, None, (), (), names_section=True), **THRESHOLDS)  # "What is section 10 about?"
    region_only = Evidence(0.1, 0.1, (), (), names_region=True)
    assert not should_abstain(region_only, **THRESHOLDS)  # "What did pilots in Hebei do?"
    spelled = Evidence(0.27, None, (), ("elderly", "care"), spelled_out=True)
    assert not should_abstain(spelled, **THRESHOLDS)  # "which pilots did something about elderly care"
    assert should_abstain(Evidence(0.27, None, (), ("elderly", "care")), **THRESHOLDS)
