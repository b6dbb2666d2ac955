from assistant.models import Answer, Citation, CitedRegion, CitedSection
from assistant.render import answer_html, answer_text, citation_copy, section_label

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
