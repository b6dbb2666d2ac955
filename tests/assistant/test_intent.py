import pytest

from assistant.intent import figure_noun, figure_wanted, intent_of


def test_the_kind_of_figure_a_question_asks_for():
    assert figure_wanted("How much was lent in total?") == "money"
    assert figure_wanted("What did the PCR laboratory in Yingde cost?") == "money"
    assert figure_wanted("How much social capital did Jiang'an raise?") == "money"
    # an amount of a thing, though the question names investment projects
    assert figure_wanted("The Jiangsu city that does carbon impact assessments for investment projects - how much CO2 "
                         "did it cut per year?") == "count"
    assert figure_wanted("How much more did Zibo's banks lend after the reform?") == "money"
    assert figure_wanted("What is the average monthly rent for Suizhou's public rental housing?") == "money"
    assert figure_wanted("What's the monthly fee per household under Xiangtan's waste payment system?") == "money"
    assert figure_wanted("How much did Guizhou raise its urbanization rate?") == "percent"
    assert figure_wanted("What was the total budget of the pilots?") == "money"
    assert figure_wanted("What is the consultation rate within the county in Zhucheng?") == "percent"
    assert figure_wanted("By how much will Guizhou raise its urbanization rate?") == "percent"
    assert figure_wanted("How many rental units did Xiangtan mobilize?") == "count"
    assert figure_wanted("What did Xiangtan do?") is None
    assert figure_wanted("Which city lifted the cap on how many people may settle each year?") is None
    assert figure_wanted("Which districts saw their urban population go from net outflow to net inflow?") is None
    assert figure_wanted("Who got rid of the annual quota on how many people can settle?") is None
    assert figure_wanted("In what year did Longgang become a county-level city?") == "year"
    assert figure_wanted("When was Longgang City set up?") == "year"
    assert figure_wanted("What's the deadline for cities to finish the household registration reform?") == "year"
    assert figure_wanted("What does Changyang's deadline start-up involve?") is None  # the notice's term
    assert figure_wanted("When old estates were retrofitted, who paid?") is None


def test_list_and_section_cues():
    assert intent_of("How much did each place lend?").wants_list
    assert intent_of("Give me all the percentage rates in section 12.").wants_list
    assert intent_of("In which section would I find the smart parking examples?").wants_section
    assert intent_of("What's the heading of the section on smart cities?").wants_section
    assert intent_of("By how much did the rate rise?").asks_change
    assert not intent_of("What is Guizhou's urbanization rate?").asks_change


def test_what_the_notice_cannot_give():
    assert intent_of("Who is the current chairman of the NDRC?").person
    assert intent_of("Who won the downhill at the Winter Olympics?").person
    assert not intent_of("Who pays for retrofitting old estates in Xingqing?").person
    assert intent_of("What is today's exchange rate?").live
    assert intent_of("How do I apply for a tourist visa?").how_to
    assert intent_of("Recommend a hotel in Tengchong.").how_to
    assert not intent_of("Where can you register online for household services?").how_to


@pytest.mark.parametrize("question", [
    "rural asset mortgage loan amounts by pilot",
    "What loan amounts were issued by the pilots under the rural assets mortgage financing experience?",
    "What were the different approaches to flood prevention and sponge city building?",
    "Which loans were issued under the rural assets mortgage financing experiences?",
    "Give me every example of old neighbourhood renovation in the urban renewal section.",
    "how much was lent in each of the rural asset mortgage financing examples?",
    "What green building measures are given as examples under the low-carbon transformation?",
    "Which green building measures are mentioned under low-carbon transformation?",
    "what were the flood control measures in the resilience part? all of them pls",
    "What percentage rates are reported for extending urban public facilities to the countryside?",
    "To boost their cities' innovation capability, which universities or research bodies did the pilots bring in?",
    "how many new school places were added for migrant kids in the pilot areas?",
    "What smart-city platforms or systems did the pilot places build?",
    "In extending urban facilities to villages, which coverage or collection rates are reported?",
    "Walk me through all the urban renewal cases in the notice.",
])
def test_questions_over_several_pilots_are_lists(question):
    assert intent_of(question).wants_list


@pytest.mark.parametrize("question", [
    "What are the main approaches listed for making cities more resilient?",  # a section's thrust
    "How much did Zibo lend by the end of the pilot period?",
    "What's the population cut-off below which cities have to drop settlement restrictions?",  # a relative clause
])
def test_a_thrust_or_one_places_figure_is_no_list(question):
    assert not intent_of(question).wants_list


def test_where_in_the_document_asks_for_a_section():
    assert intent_of("where in the document do they talk about sponge cities and flood prevention").wants_section
    assert intent_of("Where does the notice talk about using rural assets as loan collateral?").wants_section
    assert intent_of("Is there a section on smart cities? What's it called?").wants_section
    assert intent_of("What's the topic of the section that mentions Yichun and Longgang?").wants_section


def test_a_kind_of_thing_is_no_figure_and_a_long_figure_noun_still_is():
    assert figure_wanted("Zhenjiang brought in what kind of assessment for fixed-asset investment projects?") is None
    assert figure_wanted("What is the capital gains tax rate on stocks in China?") == "percent"
    assert figure_wanted("What was the total central government budget for the third batch of pilots?") == "money"
    assert figure_wanted("Zhenjiang introduced what assessment system for fixed-asset investment projects?") is None
    assert figure_wanted("What is the in-county consultation rate in Dengfeng?") == "percent"


def test_a_signatory_is_a_person_the_notice_does_not_name():
    assert intent_of("Which NDRC official signed this notice?").person
    assert not intent_of("Which office issued the notice?").person
    assert not intent_of("Who signed off on turning Longgang into a city?").person  # the State Council did


def test_a_yes_or_no_about_how_much_is_no_figure_asked():
    assert figure_wanted("In Shunyi, does how much a new factory would pollute affect whether it gets the green light?") is None
    assert figure_wanted("How much does Shunyi let a new factory pollute?") == "count"


def test_a_cap_on_how_many_is_no_figure_asked():
    assert figure_wanted("does nanjing still cap how many ppl can get hukou each year?") is None
    assert figure_wanted("Did Nanjing limit how many people could settle, and how many settled?") == "count"


def test_a_figure_noun_that_counts_names_what_is_counted():
    assert figure_wanted("What's the resident population of Jinan?") == "count"
    assert "population" in figure_noun("What's Yichun's population now that its districts have been merged?")
    assert figure_noun("What share of Lipu's trainees found jobs?") == ""  # a rate: of trainees finding jobs


def test_explain_how_is_a_how_to_and_when_exactly_asks_a_year():
    assert intent_of("Can you explain how a PCR test actually detects a virus?").how_to
    assert not intent_of("Can you explain what Xiangtan did about waste?").how_to
    assert intent_of("How does a PCR test actually work?").how_to  # how things work in general
    assert intent_of("translate 'good morning' into Chinese please").how_to
    assert not intent_of("How does Jiashan's cloud clinic work?").how_to
    assert figure_wanted("When exactly did Yangzhou start renovating its old neighbourhoods?") == "year"


@pytest.mark.parametrize("question", [
    "Which Chinese stocks should I invest in this year?",
    "Is now a good time to buy an apartment in Guangzhou?",
    "Are the hot springs in Tengchong, Yunnan worth visiting in winter?",
    "whats the fastest way to learn mandarin",
])
def test_personal_advice_is_a_how_to(question):
    assert intent_of(question).how_to


def test_a_time_relative_to_the_asker_is_live_data():
    assert intent_of("What was China's GDP growth rate last year?").live
    assert intent_of("train times from Nanjing to Yangzhou").live  # a timetable
    assert not intent_of("How many buses run in Shexian's villages?").live
    assert not intent_of("What did last year's notice say?").live


def test_latest_asks_for_todays_data_only_of_figures_or_news():
    assert intent_of("What are the latest figures on Zhucheng's consultation rate?").live
    assert not intent_of("Has Tengchong rolled out the latest mobile network in its busy public spots?").live


def test_symptoms_and_medals_are_facts_no_policy_report_gives():
    assert intent_of("What are the common symptoms of covid-19?").unreported
    assert intent_of("How many gold medals did China win at the Beijing Winter Olympics?").unreported
    assert intent_of("Which country topped the medal table at the Beijing 2022 Winter Olympics?").unreported
    assert not intent_of("How did Yingde respond to the covid-19 epidemic?").unreported
    assert not intent_of("What did Yanqing do for the Winter Olympics?").unreported
    assert intent_of("How many people live in China in total?").unreported  # a national statistic
    assert not intent_of("How many people live in Yichun's urban areas now?").unreported


def test_a_unit_conversion_is_a_fact_no_policy_report_gives():
    assert intent_of("How many hectares are in one acre?").unreported
    assert intent_of("Can you convert 20,000 acres to hectares?").unreported
    assert intent_of("how many square feet in a square meter").unreported
    assert not intent_of("How many acres did Fuyang free up?").unreported
    assert not intent_of("How many tons of coal are saved in a year?").unreported
    assert intent_of("How does a PCR test actually detect a virus?").how_to
    assert not intent_of("How does the Zibo scheme work for farm businesses?").how_to


def test_a_provinces_capital_is_no_money():
    assert figure_wanted("How much guaranteed housing has Ningxia's capital allocated?") == "count"
    assert figure_wanted("How much social capital did Jiang'an raise?") == "money"


def test_a_year_after_the_notices_latest_is_live_data():
    """The notice names no year after 2020."""
    assert intent_of("What was China's GDP growth rate in 2023?").live
    assert not intent_of("What plan ran out in 2020?").live


def test_which_companies_asks_for_doers_not_a_sum():
    question = "In Xingqing district in Yinchaun, which companies share the cost of renovating old neighbourhoods?"
    assert figure_wanted(question) is None
    assert figure_wanted("What did the renovation cost?") == "money"


def test_a_value_before_some_change():
    assert intent_of("What was Zhucheng's in-county consultation rate before the pilot started?").before
    assert intent_of("What was the educational threshold in Guangzhou before the reform?").before
    assert intent_of("How many quota places did Nanjing have before it scrapped the quota?").before
    assert not intent_of("Did Jintang lay its storm pipes before they were really needed?").before  # no value
    assert not intent_of("How many people did Yanqing train for the Winter Olympics?").before


def test_a_joke_or_a_riddle_is_a_request_for_writing():
    assert intent_of("tell me a joke about government paperwork").how_to
    assert intent_of("Do you know any jokes about Kunming?").how_to
    assert not intent_of("What did Kunming do about settlement?").how_to


def test_a_general_difference_and_help_with_writing():
    assert intent_of("What's the difference between a PCR test and an antigen test?").unreported
    assert not intent_of("What's the difference between Jinan's and Nanjing's settlement reforms?").unreported
    assert intent_of("can you help me write a cover letter for an internship at the NDRC?").how_to


@pytest.mark.parametrize("question, kind", [
    ("What is the name of the Grade 3B general hospital in Zhucheng?", "hospital"),
    ("What's the name of the bank that issued Zibo's digital agriculture loans?", "bank"),
    ("What is Zhucheng's traditional Chinese medicine hospital called?", "hospital"),
    ("What's the name of Zhuchen's Grade 3A traditional Chinese medicine hospital?", "hospital"),  # seven words
    ("Which hospitals make up Zhucheng's medical and health service system?", ""),  # kinds of hospital answer it
    ("What is Bishan District's online community services platform called?", ""),  # a platform: described, not named
    ("What did Zhucheng build for companies to share?", ""),
])
def test_the_institution_whose_name_is_asked(question, kind):
    assert intent_of(question).name_of == kind


def test_how_many_yuan_asks_a_sum():
    assert intent_of("How many yuan did Jiang'an spend on renovating its old neighborhoods?").figure == "money"
