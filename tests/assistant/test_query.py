from assistant.query import analyse, counted_words, in_notice_terms, notice_terms, sections_in, unlisted_batch


def test_regions_aliases_chinese_and_provinces_are_recognised():
    q = analyse("What did Meikou and 湘潭 do in Hunan?")
    assert [r.name for r in q.regions] == ["Meihekou", "Xiangtan", "Hunan"]
    assert {"Chenzhou", "Xiangtan", "Meihekou"} <= q.localities  # Hunan reaches Chenzhou


def test_sections_by_number_and_topic():
    assert sections_in("What does section 8 say?") == (8,)
    assert 8 in sections_in("What low-carbon measures are described?")
    assert 1 in sections_in("How was household registration reformed?")
    assert sections_in("Who allocated guaranteed housing units?") == (2,)  # not section 10's loan guarantees
    assert sections_in("Which agricultural guarantee companies backed the loans?") == (10,)


def test_an_ordinal_item_of_a_part_named_by_its_title():
    assert sections_in("What's the first item listed under improving urban construction and governance?") == (4,)
    assert sections_in("What is the third item under accelerating the integration of urban and rural development?") == (12,)
    assert sections_in("In the part on urban construction and governance, what did Kaili do?") == ()  # no section 9
    assert 12 in sections_in("In extending urban facilities to villages, which rates are reported?")


def test_sections_named_by_number_are_kept_apart_from_topics():
    q = analyse("Which places in section 8 issued loans?")
    assert q.numbered == (8,) and set(q.sections) == {8, 10}


def test_questions_about_some_place_want_an_experience():
    assert analyse("How did one city free up parking?").wants_experience
    assert analyse("Which county trained welders?").wants_experience
    assert not analyse("What is the main focus of the low-carbon section?").wants_experience
    assert not analyse("In section 13, what kind of county bodies should be set up?").wants_experience
    assert analyse("Did loosening residency rules reverse population loss anywhere?").wants_experience
    assert not analyse("Above what population must a city be to explore differentiated settlement?").wants_experience
    assert not analyse("What's the population below which cities must drop settlement limits?").wants_experience


def test_list_and_count_questions():
    assert analyse("Which pilots in Hebei are mentioned?").wants_list
    assert analyse("What did pilots in Hebei do?").wants_list
    assert not analyse("Which city issued carbon coins?").wants_list
    assert analyse("How many units did Xiangtan mobilize?").wants_count
    assert analyse("What rural garbage collection rate did Xiangtan achieve?").wants_count
    assert not analyse("What did Xiangtan do about garbage?").wants_count


def test_follow_up_borrows_the_earlier_place_and_topic():
    history = ["How many public rental housing units did Xiangtan mobilize?"]
    q = analyse("What else did it do?", history)
    assert [r.name for r in q.regions] == ["Xiangtan"] and q.borrowed == ("Xiangtan",)
    other = analyse("What about Yinchuan?", history)
    assert [r.name for r in other.regions] == ["Yinchuan"]
    assert "public rental housing" in other.text and "Xiangtan" not in other.text
    which = analyse("and which one got rural garbage collection up to 95%?",
                    ["Which place reached 100% centralized rural water supply?"])
    assert "water" not in which.text  # the same kind of question with its own topic
    front = analyse("what did Yinchuan achieve on that front?", history)  # the earlier topic, the new place
    assert front.switched and "public rental housing" in front.text and "Xiangtan" not in front.text


def test_standalone_question_ignores_history():
    q = analyse("Which city issued carbon coins for green travel?", ["What did Xiangtan do?"])
    assert q.regions == () and q.text == "Which city issued carbon coins for green travel?"


def test_described_regions_reach_their_localities():
    q = analyse("Which northeastern city made it easier to transfer household registration?")
    assert {r.name for r in q.regions} == {"Liaoning", "Jilin", "Heilongjiang"} and "Anshan" in q.localities
    capital = analyse("How many flats were provided in the Ningxia capital?")
    assert [r.name for r in capital.regions] == ["Yinchuan"] and capital.localities == {"Yinchuan"}
    assert analyse("What is the capital of France?").regions == ()
    assert "Yichun" in analyse("A forest city in the northeast reorganized its districts?").hinted  # a hint, not a subject


def test_everyday_words_also_search_the_translations_terms():
    assert notice_terms("Did Anshan ease hukou transfers?") == ("household registration, settlement",)
    q = analyse("How many subsidised flats did Yinchuan provide?")
    assert q.terms == ("guaranteed", "housing units") and q.text.endswith("guaranteed housing units")
    assert notice_terms("What did Xiangtan do?") == ()
    assert notice_terms("How did Zhucheng lure businesses?") == ("attract", "enterprises, companies")
    assert analyse("What is the population of Xiangtan?").wants_count


def test_the_notices_own_spelling_of_a_named_place_is_searched_too():
    q = analyse("How many people did Shexian train?")
    assert q.terms == ("Shuixian County", "Shibixian County") and "Shuixian County" in q.text
    assert analyse("What did Shuixian County do?").terms == ("Shibixian County",)
    assert analyse("What did Xiangtan do?").terms == ()


def test_questions_about_a_sections_thrust_want_its_lead_in():
    assert analyse("What is the main focus of the low-carbon section?").wants_overview
    assert analyse("In section 13, what kind of county medical bodies should be established?").wants_overview
    assert not analyse("What should Xiangtan do next?").wants_overview  # a place's question
    assert not analyse("How many units did Xiangtan mobilize?").wants_overview


def test_a_follow_up_with_its_own_topic_keeps_only_the_earlier_place():
    q = analyse("Anything done there for businesses?", ["What did Zhucheng do on healthcare?"])
    assert q.borrowed == ("Zhucheng",) and "healthcare" not in q.text
    act = analyse("and what did it do on buildings?", ["What did Lulong do for elderly care?"])
    assert act.borrowed == ("Lulong",) and "elderly" not in act.text
    also = analyse("Did they do anything about rural rubbish too?", ["How much rental housing did Xiangtan mobilize?"])
    assert also.wants_else and "Xiangtan" in also.text


def test_a_province_with_a_plural_place_noun_asks_for_a_list():
    assert analyse("Chongqing districts in the notice and what they did?").wants_list
    assert analyse("What places in Henan are cited as examples?").wants_list
    assert not analyse("How did some districts fix waterlogging?").wants_list


def test_counted_words_are_what_how_many_counts_with_the_notice_terms():
    assert counted_words("How many subsidised flats were provided in Yinchuan?") == (
        "subsidised", "flats", "guaranteed", "housing", "units")
    assert counted_words("How much land did Tongnan revitalise?") == ("land", "revitalise")
    assert counted_words("How many were there before the merger?") == ()  # names nothing: any count
    assert counted_words("By how many tons did Fuyang cut its carbon emissions?") == (
        "tons", "cut", "its", "carbon", "emissions")  # tons of what: the question's other words
    assert "talent" in counted_words("How many people did it attract?")  # the notice counts "talent"
    assert counted_words("How many volunteers were involved in Miyun?") == ("volunteers",)  # only volunteers
    assert counted_words("What's Yichun's population now that its districts were merged?") == ("population",)
    # "services" says little of what is counted (the notice counts "governmental matters"): the question's words too
    assert "government" in counted_words("For the Hubei pilot with the government cloud data center, how many "
                                         "services can be handled through one window?")


def test_a_province_beside_its_own_locality_only_says_which_place():
    assert analyse("What did Zhucheng, Shandong do?").localities == {"Zhucheng"}
    assert analyse("Meihekou (Jilin) shows up several times: what did it do?").localities == {"Meihekou"}
    assert analyse("What did Shuixian County in Hebei do?").localities == {"Shexian"}
    assert {"Jinan", "Zibo", "Zhucheng"} <= analyse("What did pilots in Shandong do?").localities


def test_everything_a_place_did_is_a_list():
    assert analyse("What are all the things Nanjing is credited with?").wants_list
    assert analyse("Zhucheng appears in more than one section: what did it do?").wants_list
    assert not analyse("How did Nanjing use old factory land?").wants_list


def test_everyday_phrases_in_the_translations_terms():
    assert in_notice_terms("What did the pilots do about care for old people?") == (
        "What did the pilots do about care for elderly?")
    assert in_notice_terms("Where is trash sorted?") == "Where is garbage sorted?"  # the first of "garbage, waste"


def test_another_city_leaves_out_the_earlier_place():
    query = analyse("was there another city that did the same?",
                    ["Which city in Shandong fully abolished its urban settlement restrictions?"])
    assert "Jinan" in query.excluded and "abolish" in query.text


def test_misspelled_places_are_read_as_the_notice_place_other_cities_are_not():
    assert analyse("What did Laohekuo build for government data?").localities == {"Laohekou"}
    assert analyse("How does Suinning handle stormwater?").localities == {"Suining"}
    assert analyse("What did Suzhou do about hukou?").localities == frozenset()  # not Suizhou
    assert analyse("What did Hangzhou build?").localities == frozenset()  # not Zhangzhou
    assert analyse("how many volunteers help manage the city in Kaily?").localities == {"Kaili"}
    assert analyse("What did Human settlement policy change?").localities == frozenset()  # an English word


def test_follow_ups_that_skip_a_turn_or_ask_who_else():
    q = analyse("And how many through a single window?",
                history=["What did Laohekou build?", "How many matters can be handled jointly?"])
    assert q.localities == {"Laohekou"}
    other = analyse("Who else built a seed industry platform?", history=["What did Tongnan do with lemons?"])
    assert "Tongnan District" in other.excluded


def test_sections_named_by_the_labels_the_translation_prints():
    from assistant.query import numbered_sections

    assert numbered_sections("What does item (3) of the notice deal with?") == (3,)
    assert numbered_sections("What is point (ix) about?") == (9,)
    assert numbered_sections("what is in (d)?") == (4,)
    assert numbered_sections("Section (E) and section xiii") == (5, 13)
    assert numbered_sections("§8 or paragraph 12") == (8, 12)
    assert numbered_sections("What did (Hebei) do in the 13th Five-Year Plan?") == ()
    assert numbered_sections("Is there a section 14?") == ()
    assert numbered_sections("What does the last numbered item in Part III focus on?") == (13,)
    assert numbered_sections("What's the first section of part two about?") == (4,)
    assert numbered_sections("What's the last numbered section, (xiii), about?") == (13,)
    assert numbered_sections("What's the third section of Part I about?") == (3,)
    assert numbered_sections("the second section in Part III") == (11,)
    assert numbered_sections("What does the thirteenth section focus on?") == (13,)
    assert numbered_sections("the fifth section of Part I") == ()  # Part I has three
    assert numbered_sections("What's the 3rd section of Part I about?") == (3,)
    assert numbered_sections("the 2nd point in part 3") == (11,)
    assert numbered_sections("the 12th section") == (12,) and numbered_sections("the 13th Five-Year Plan") == ()


def test_batches_the_notice_does_not_list():
    assert unlisted_batch("When will the fourth batch of pilots be announced?")
    assert unlisted_batch("Which cities were in the first batch of new urbanization pilots?")
    assert not unlisted_batch("When was the experience of the first batch published?")  # 2018: the front matter
    assert not unlisted_batch("Which places are in the third batch?")
