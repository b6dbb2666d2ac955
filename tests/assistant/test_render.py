from assistant.models import Answer, Citation, CitedRegion, CitedSection
from assistant.render import (
    answer_html, answer_text, bar_chart_html, chat_html, citation_choice, citation_copy, passage_html, section_label,
)
from corpus.models import Passage, Region, SectionRef

CITATION = Citation(
    rank=1, passage_id="s02-06-xiangtan",
    text="Xiangtan, Hunan, has mobilized about 29,000 public rental housing units",
    highlight=(17, 71),
    section=CitedSection(part="I", number=2, title="equal basic public services"),
    regions=[CitedRegion(name="Xiangtan", province="Hunan")], score=0.05,
)


def test_citation_copy():
    assert citation_copy(CITATION) == (
        '"…has mobilized about 29,000 public rental housing units…" (Xiangtan, Hunan; Part I, section 2)'
    )


def test_section_label():
    assert section_label(CITATION.section) == "I §2 equal basic public services"
    assert section_label(CitedSection(part="summary")) == "News summary"


def test_text_lists_numbered_excerpts():
    answer = Answer(question="q", abstained=False, answer="a", citations=[CITATION])
    out = answer_text(answer)
    assert "[1] Xiangtan, Hunan | I §2 equal basic public services | s02-06-xiangtan" in out


def test_html_escapes_everything():
    evil = CITATION.model_copy(update={"text": "<img src=x onerror=alert(1)> tail", "highlight": (0, 5)})
    answer = Answer(question="<script>", abstained=False, answer="<script>alert(1)</script>", citations=[evil])
    out = answer_html(answer)
    assert "<script>" not in out and "<img" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out.replace("<mark>", "").replace("</mark>", "")


def test_chat_html_shows_active_filters():
    filtered = Answer(question="q", abstained=False, answer="a", citations=[CITATION],
                      filters={"provinces": ["Hunan", "Hebei"], "sections": ["2"]})
    assert "Filtered to: Hunan, Hebei · §2" in chat_html(filtered)
    assert "nqa-filters" not in chat_html(filtered.model_copy(update={"filters": {}}))


def test_citation_choice():
    assert citation_choice(CITATION) == "[1] Xiangtan, Hunan · I §2 equal basic public services"


PASSAGE = Passage(
    id="s02-06-xiangtan", kind="experience", part="I",
    section=SectionRef(number=2, title="equal basic public services", part="I", marker="(2)"),
    regions=(Region(name="Xiangtan", province="Hunan", chinese="湘潭市"),),
    text=CITATION.text, norm_text=CITATION.text, start=6479, end=6550, line=20,
)
LEAD = PASSAGE.model_copy(update={"id": "s02-lead", "kind": "lead-in", "regions": (),
                                  "text": "In promoting <equal> services", "start": 6000, "end": 6030})


def test_passage_html_places_the_excerpt_in_its_section():
    out = passage_html(CITATION, PASSAGE, [LEAD, PASSAGE])
    assert "Part I · section 2 (2) equal basic public services" in out
    assert "Xiangtan, Hunan (湘潭市)" in out
    assert "line 20, characters 6479–6550" in out
    assert "<mark>has mobilized about 29,000 public rental housing units</mark>" in out
    assert "In promoting &lt;equal&gt; services" in out  # context is escaped
    assert out.index("In promoting") < out.index("nqa-cited")


def test_bar_chart_scales_to_the_largest_count():
    out = bar_chart_html("Per <province>", [("Hunan", 4), ("Hebei", 2)])
    assert "width:100%" in out and "width:50%" in out
    assert "Per &lt;province&gt;" in out
