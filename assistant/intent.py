"""What kind of answer a question wants, read from its wording alone: a
list, a figure (and which kind), a place, what some place did, a section's
thrust or name, or something the notice cannot give (an office holder, today's
data, personal advice).

Examples: "How much did each place lend?" -> a list of sums of money; "When
was Longgang City set up?" -> a year; "Who is the NDRC's chairman?" -> a
person, whom the notice never names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.source import notice_text

_PLURAL_PLACES = r"(places|pilots|pilot areas|cities|counties|regions|localities|districts|areas|experiences|examples|practices)"
_LIST = re.compile(
    rf"^\s*(list|name)\b|\b(which|what)( [\w-]+){{0,3}} {_PLURAL_PLACES}\b|\ball (the )?{_PLURAL_PLACES}\b|"
    r"^\s*(which|what)\b.*\b(experiences|examples|practices)\W*$|"  # "Which loans ... under the ... experiences?"
    rf"\b(?-i:[A-Z][a-z]+) {_PLURAL_PLACES}\b|"  # "Chongqing districts"
    rf"\b(what|how) (did|have|has) (the )?{_PLURAL_PLACES}\b|\bwhat (did|has|have) .{{1,60}}? (do|done)\b|"
    r"\ball (the )?(things|ways|measures|steps|initiatives|efforts)\b|\beverything\b|\beach (case|time|one)\b|"
    r"\b(more than one|several|multiple|different) (sections|times|parts|places)\b|"  # "everything Nanjing did"
    r"\blist (them|all|every|each)\b|\ba list of\b|\b(give|show|tell) me all\b|\ball of them\b|"
    r"\b(every|each) (single )?([\w-]+ ){0,2}(example|experience|practice|case|instance)\b|\beach of the\b|"  # "every urban renewal example"
    r"\ball (the )?([\w-]+ ){0,3}(cases|instances)\b|\bwalk me through\b|"  # "all the urban renewal cases"
    r"\b(given|cited|listed|mentioned) as examples\b|"
    r"\b(which|what) ([\w-]+ ){0,3}(measures|steps|initiatives|actions|approaches|methods) (are|were) "
    r"(mentioned|cited|listed|given|described|reported|named)\b|"  # "Which green building measures are mentioned?"
    r"\b(what|which) ([\w-]+ ){0,3}(rates|figures|amounts|sums|percentages)\b|"  # "What percentage rates are reported ...?"
    r"\b(what|which)\b[^?]{0,80}\b(did|have|has) (the |these |other )?(pilots|pilot (places|areas|cities))\b|"  # "Which X did the pilots bring in?"
    r"\b(by|across|among) (the |all |each |every )?(pilot|pilots|place|places|city|cities|localit(y|ies))\b|"
    r"\bin (the |all (the )?)?pilot (areas|cities|places|counties|regions|localities)\b|"  # "added in the pilot areas"
    r"\b(different|various) (approaches|ways|measures|methods|models|practices|examples|experiences|steps)\b|"
    r"\b(all|every|each) (the )?(place|city|cities|county|counties|pilots?|districts?|localit(y|ies)|amounts|figures|"
    r"rates|numbers|percentages|percentage rates|loan amounts)\b",  # "How much did each place lend?"
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"(?<=\w )(below|above|beyond|under|over|within) which\b", re.IGNORECASE)  # mid-sentence
_COUNT = re.compile(r"\b(how many|how much|what (number|amount|share|percentage|rate)|how large|how big)\b", re.I)
_GOVERNED = re.compile(  # "Does Nanjing still cap how many people can settle?": asks about the cap, not a figure
    r"\b(cap|caps|capped|capping|limit|limits|limited|limiting|restrict|restricts|restricted|restricting|"
    r"control|controls|controlled|regulate|regulates|regulated|decide|decides|decided)(\s+on)?\s+how (many|much)\b|"
    r"\b(does|do|did|is|was|can|will|would)\s+how (many|much)\b",  # "does how much it pollutes affect ...?": yes or no
    re.I,
)
_MONEY_NOUNS = "budget|cost|price|income|revenue|salary|wages?|investment|spending|expenditure|funding|fees?|rent|output value"
_PREPOSITIONS = "for|of|in|on|to|with|by|from|about|under|into|at"  # "what system for investment": no figure noun
_FIGURE_NOUN = re.compile(  # "What rate / population / budget ...": a figure too, when the question asks for it
    rf"\b(what|which|whats)(?:['’]s)?(?!\s+(kinds?|types?|sorts?|forms?)\s+of\b)(\s+(?!(?:{_PREPOSITIONS})\s)[\w'-]+){{0,5}}?\s+(rate|percentage|share|proportion|ratio|population|gdp|output|{_MONEY_NOUNS})\b"
    r"(?!\s+(flows?|movements?|mobility|structure|polic(y|ies)|reform|management|control|services|registration))",
    re.I,
)
_COUNTED_NOUNS = frozenset(("population",))  # a figure noun that names what is counted
_PERSON = re.compile(
    r"\bwho (is|was|are|were) (the )?(current |present |former |new )?(\w+ ){0,2}?(chair(man|woman|person)?|director|head|"
    r"minister|mayor|governor|secretary|president|leader|founder|author|premier|ceo|boss|principal|headmaster|headteacher|dean)\b",
    re.IGNORECASE,
)
_WHO_DID = re.compile(
    r"\bwho (won|wins|wrote|signed(?! off)|painted|invented|founded|discovered|sang|directed|starred|composed|scored)\b|"
    r"\bwhich ([\w-]+ ){0,2}(official|officials|officer|minister|politician|person|people) (signed(?! off)|wrote|won|leads?|heads?)\b",
    re.I,
)
_UNIT = (  # a unit of measure, singular or plural: "How many hectares are in one acre?"
    r"(square |cubic )?(hectares?|acres?|mu|kilometres?|kilometers?|km|miles?|metres?|meters?|feet|foot|yards?|inches|inch|"
    r"grams?|kilograms?|kilos?|kg|pounds?|ounces?|tons?|tonnes?|jin|litres?|liters?|gallons?)"
)
_UNREPORTED = re.compile(  # a kind of fact no policy report gives, however close its subject comes
    r"\bsymptoms?\b|"  # of an illness ("the symptoms of covid-19", beside Yingde's epidemic measures)
    r"\b(gold|silver|bronze|olympic) medals?\b|\bmedals? (table|count|tally)\b|"  # a sports result (Yanqing's Olympics)
    r"\bhow many people live in (china|the (whole )?country|the world)\b|\bpopulation of (china|the world)\b|"  # national
    rf"\bhow many {_UNIT} (are |is )?(there )?in (a|an|one|1) {_UNIT}\b|\bconvert\b[^?]*\b(in)?to {_UNIT}\b|"  # a unit conversion
    r"\bdifference between (a|an) [\w-]+( [\w-]+){0,2} and (a|an)\b",  # a general one: "between a PCR test and an antigen test"
    re.I,
)
_LIVE = re.compile(  # asks for today's data; the notice is a dated document
    r"\b(today|today's|tomorrow|tonight|this week|this weekend|right now|currently|nowadays|yesterday)\b|"
    r"\blatest (figures?|data|news|numbers?|statistics|stats|updates?|developments?|information|info|rates?)\b|"  # not "the latest mobile network"
    r"\b(last|this|next) (year|month)(?!'s)\b|"  # relative to the asker's day: "China's GDP growth last year"
    r"\b(train|bus|flight|ferry) (times|timetables?|schedules?|tickets?)\b|\btimetables?\b|"  # "train times from Nanjing"
    r"\bcurrent (?!notice\b|document\b|text\b)\w+",
    re.IGNORECASE,
)
_IN_YEAR = re.compile(r"\b(?:in|for|of|during|since|by) ((?:19|20)\d\d)\b", re.IGNORECASE)
_BEFORE = re.compile(  # a value before some change: "What was the rate before the pilot started?"
    r"\b(before|prior to)\s+(the\s+|its\s+|their\s+)?(pilot|pilots|reform|merger|change|policy|quota|"
    r"restrictions?|program(me)?|project|it|they|that|this)\b|"
    r"\b(before|prior to)\b[^?]{0,40}\b(started|began|begun|cancell?ed|scrapped|dropped|abolished|removed|"
    r"lifted|merged|reformed|changed)\b",
    re.IGNORECASE,
)
_WHAT_WAS = re.compile(r"^\s*what (was|were)\b", re.IGNORECASE)  # a state before: "What was X before the reform?"
_HOW_TO = re.compile(  # personal instructions, advice or writing: "How do I ...?", "Should I buy ...?", "Write me a poem"
    r"^\s*(how|where|what) (do|can|should|could|would) (i|we)\b|^\s*how (do|can|should) (you|one)\b|^\s*how does one\b|"
    r"^\s*(can you |could you |please )?(help me (to )?)?(recommend|suggest|write|compose|translate|draft)\b|"
    r"\b(a|an|another|some|any) (jokes?|riddles?|puns?|limericks?|haikus?)\b|"  # "tell me a joke about paperwork"
    r"^\s*(can you |could you |please )?(explain|tell me) how (a|an|the|to|you|i|do|does)\b|"
    r"\bshould (i|we)\b|\b(best|fastest|quickest|easiest|cheapest) way to\b|\bis (now|it|this) a good (time|idea)\b|"
    r"\b(worth|good time to) (it|visiting|buying|a visit)\b|"
    r"^\s*how (does|do) (a|an) [\w-]+( [\w-]+){0,2} (actually |really )?(work|detect)\b",  # "How does a PCR test work?"
    re.IGNORECASE,
)
_WHICH_SECTION = re.compile(  # "In which section would I find the smart parking examples?"
    r"\b(which|what) (section|heading|part|theme|chapter)\b|\bunder (what|which) (heading|section|theme|topic)\b|"
    r"\billustrates? (which|what) (theme|topic|section)\b|\bwhere in the (document|notice|text)\b|"
    r"\bthe (heading|title) of the (section|part)\b|"  # "What's the heading of the section on smart cities?"
    r"\b(is|are) there (a|any) (section|heading|part|chapter)s? (on|about|for|covering|dealing with)\b|"  # "Is there a section on ...?"
    r"\bthe (section|part|heading|chapter) (that|which) (mentions?|covers?|includes?|discusses|talks about|has)\b|"  # "... that mentions Yichun"
    r"\bwhere (does|do|did) (the )?(notice|document|text) (talk|discuss|mention|cover|deal|say|address)\w*\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\bby how much\b|\b(increase[sd]?|rais(e|ed)|rise|rose|risen|lift(ed)?|boost(ed)?|gr[eo]w(n|th)?|chang(e|ed)|"
    r"improve[sd]?|drop(ped)?|f[ae]ll|cut|go(ne)? up|went up|go(ne)? down|went down|push(ed)? up|bump(ed)? up|"
    r"climb(ed)?|jump(ed)?)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(  # "When was ...?" asks for a date; "When old estates were retrofitted, ...?" does not
    r"\b(in )?(what|which) year\b|^\s*when (\w+ly )?(was|were|did|does|do|is|will|has|had|can)\b|\bsince when\b|\bwhat date\b|"
    r"\bdeadlines? (for|to|by)\b|\bwhat(?:'s| is| was) the deadline\b|\bby when\b",  # not Changyang's "deadline start-up"
    re.I,
)
_PERCENT = re.compile(r"\b(rates?|percentage|percent|per cent|proportion|ratio|fraction)\b|\b(what|which) share\b", re.I)
_MONEY_WORDS = (  # words after "how much" that ask a sum ("Ningxia's capital" is a city)
    r"spen[dt]|spending|costs?|invest(ed|ment)?|len[dt]|lending|loans?|borrow(ed)?|fund(s|ed|ing)?|money|pa(y|id)|"
    r"budget|yuan|rmb|dollars?|subsid\w*|financ\w*|credit|(?<!['’]s )capital"
)
_COST_VERB = r"\bwhat (did|does|do|will|would) [^?]{0,60}?\bcost\b"  # "What did Yingde's PCR lab cost?": a sum
_MONEY = re.compile(  # "how many yuan" too
    rf"\bhow much\b.{{0,60}}?\b({_MONEY_WORDS})\b|\b({_MONEY_NOUNS})\b|{_COST_VERB}|\bhow many (yuan|rmb|dollars)\b", re.I)
_ASKS_COST = re.compile(_COST_VERB, re.I)
_QUANTITY = re.compile(  # "how much CO2 did it cut?", "how much land was freed?": an amount of a thing, no money
    rf"\bhow much (?!(?:{_MONEY_NOUNS}|{_MONEY_WORDS}|more|less|further)\b)[a-z][\w-]* "
    r"(did|does|do|is|are|was|were|has|have|had|will|would|can|could)\b",
    re.I,
)
_WHERE = re.compile(r"\b(where|which (place|city|county|district|region|province))\b", re.IGNORECASE)
_INSTITUTIONS = r"hospitals?|banks?|universit(?:y|ies)|colleges?|compan(?:y|ies)|firms?|enterprises?|developers?|operators?"
_NAME_ASKED = re.compile(  # a proper name of an institution: "What's the name of the hospital Yingde renovated?"
    # (not "Which hospitals make up Zhucheng's system?": kinds of hospital answer that)
    rf"\bname of (?:the |its |their |this |that )?(?:[\w'’-]+ ){{0,7}}?({_INSTITUTIONS})\b|"
    rf"\bwhat(?:['’]s| is| was| are| were) (?:the |its |their )?(?:[\w'’-]+ ){{0,5}}?({_INSTITUTIONS}) (?:called|named)\b",
    re.IGNORECASE,
)
_WHO_OR_WHERE = re.compile(  # asks for a place or a doer, before any "how many": "Which districts saw ...?"
    r"\b(where|who|which (places?|cit(y|ies)|count(y|ies)|districts?|regions?|provinces?|pilots?|localit(y|ies)|"
    r"compan(y|ies)|enterprises?|firms?|businesses|institutions?|organi[sz]ations?|banks?|universit(y|ies)|"
    r"colleges?|schools?|hospitals?))\b",  # "Which companies share the cost ...?" asks for doers, not a sum
    re.IGNORECASE,
)
_ABOUT_A_PLACE = re.compile(  # not after a modal: "what must a city do" asks a rule
    r"(?<!must )(?<!should )(?<!would )(?<!could )(?<!can )(?<!may )"
    r"\b(one|a|an|any|which|what|some|another|certain|particular)\s+(\w+\s+){0,2}?"
    r"(place|places|city|cities|county|counties|pilot|pilots|district|districts|town|towns|locality|"
    r"localities|region|regions|area|areas|municipality|province|prefecture)\b|\b(where|who|anywhere|somewhere|anyone)\b",
    re.IGNORECASE,
)
_OVERVIEW = re.compile(
    r"\b(main (focus|thrust|directions?|measures|priorities|ideas?|points?|tasks?)|general (approach|direction)|overall|"
    r"in general|key (levers|measures|priorities|points|tasks)|broadly|the notice (say|says|propose|proposes|call|"
    r"calls|list|lists|want|wants|ask|asks)|should|supposed to|mainly do)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Intent:
    wants_list: bool = False
    figure: str | None = None  # "year", "money", "percent" or "count"
    asks_change: bool = False  # by how much something changed ("By how much did the rate rise?")
    wants_place: bool = False
    about_a_place: bool = False  # what some place did ("How did one city ...?")
    overview: bool = False  # a section's thrust ("What is the main focus of ...?")
    wants_section: bool = False  # under which section something falls
    person: bool = False  # an office holder or a deed's doer ("Who won ...?")
    live: bool = False  # today's data ("today's exchange rate", "the current mayor")
    unreported: bool = False  # a kind of fact no policy report gives ("the symptoms of covid-19", "gold medals")
    before: bool = False  # a value or state before some change ("What was the rate before the pilot started?")
    how_to: bool = False  # instructions, advice or writing ("How do I apply for a visa?", "Recommend ...")
    name_of: str = ""  # the kind of institution whose proper name is asked ("hospital"), singular

    @property
    def beyond_notice(self) -> bool:
        """Asks what no notice of this kind says, however close its subject
        comes: a person, today's data, or a fact no policy report gives."""
        return self.person or self.live or self.unreported


def intent_of(question: str) -> Intent:
    """The answer ``question`` asks for, from its wording."""
    question = _RELATIVE.sub(r"\1 that", question)  # "the size below which cities ...": no "which cities?"
    figure = figure_wanted(question)
    return Intent(
        wants_list=bool(_LIST.search(question)),
        figure=figure,
        asks_change=bool(_CHANGE.search(question)),
        wants_place=bool(_WHERE.search(question)),
        about_a_place=bool(_ABOUT_A_PLACE.search(question)),
        overview=bool(_OVERVIEW.search(question)),
        wants_section=bool(_WHICH_SECTION.search(question)),
        person=bool(_PERSON.search(question) or _WHO_DID.search(question)),
        live=bool(_LIVE.search(question)) or after_the_notice(question),
        unreported=bool(_UNREPORTED.search(question)),
        before=bool(_BEFORE.search(question) and (figure or _WHAT_WAS.search(question))),
        how_to=bool(_HOW_TO.search(question)),
        name_of=name_asked(question),
    )


def name_asked(question: str) -> str:
    """The kind of institution whose proper name the question asks, in the
    singular: "What is the name of the hospital Yingde renovated?" ->
    "hospital"; "" for none."""
    m = _NAME_ASKED.search(question)
    if not m:
        return ""
    word = next(g for g in m.groups() if g).lower()
    return {"universities": "university", "companies": "company"}.get(word, word.removesuffix("s"))


def after_the_notice(question: str) -> bool:
    """Does the question ask about a year later than any the notice names
    (2020)? "What was China's GDP growth rate in 2023?": the notice cannot know."""
    return any(int(m.group(1)) > latest_year() for m in _IN_YEAR.finditer(question))


@lru_cache(maxsize=1)
def latest_year() -> int:
    return max(int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", notice_text()))


def figure_wanted(question: str) -> str | None:
    """The kind of figure a question asks for, if any: "year" ("When was
    Longgang City set up?"), "money" ("How much did Zibo lend?"), "percent"
    ("What is the consultation rate in Zhucheng?"), else "count" ("How many
    rental units ...?"), or None."""
    if _YEAR.search(question):
        return "year"
    count = _COUNT.search(question) or _FIGURE_NOUN.search(question) or _ASKS_COST.search(question)
    place = _WHO_OR_WHERE.search(question)
    if not count or (place and place.start() <= count.start()):  # "Which city lifted the cap on how many ...?"
        return None
    if (governed := _GOVERNED.search(question)) and not _COUNT.search(question, governed.end()):
        return None  # "cap how many" asks about the cap, unless another "how many" follows
    if _MONEY.search(question) and not _QUANTITY.search(question):  # "investment projects - how much CO2?"
        return "money"
    return "percent" if _PERCENT.search(question) else "count"


def figure_noun(question: str) -> str:
    """The words naming the figure a question asks for by its noun, from
    after "what" to the noun, when it is a count: "What is Yichun's
    population now?" -> " is Yichun's population"; "" when it asks with no
    such noun, or for a rate ("What share of trainees found jobs?": the rate
    is of trainees finding jobs)."""
    m = _FIGURE_NOUN.search(question)
    return question[m.end(1) : m.end()] if m and m.group(4).lower() in _COUNTED_NOUNS else ""
