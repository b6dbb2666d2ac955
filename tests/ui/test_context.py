from ui import context


def test_browse_has_one_row_per_experience(passages):
    rows = context.browse_rows(passages)
    assert len(rows) == sum(p.kind == "experience" for p in passages) == 65
    assert ["Hunan", "Xiangtan", "§2 equal basic public services"] == rows[
        [r[-1] for r in rows].index("s02-06-xiangtan")][:3]


def test_browse_filters_by_any_province_and_any_section(passages):
    hebei = context.browse_rows(passages, ["Hebei"])
    assert hebei and all("Hebei" in r[0] for r in hebei)
    both = context.browse_rows(passages, ["Hebei", "Hunan"], [2])
    assert both and all(r[2].startswith("§2 ") for r in both)
    assert {r[0] for r in both} <= {"Hebei", "Hunan"}


def test_counts_add_up(passages):
    assert sum(n for _, n in context.per_section(passages)) == 65
    assert len(context.per_section(passages)) == 13
    # a passage naming two provinces counts once for each
    assert sum(n for _, n in context.per_province(passages)) >= 65
    counts = [n for _, n in context.per_province(passages)]
    assert counts == sorted(counts, reverse=True)


def test_section_context_is_the_whole_section_in_order(passages):
    cited = next(p for p in passages if p.id == "s02-06-xiangtan")
    around = context.section_context(passages, cited)
    assert around[0].id == "s02-lead" and cited in around
    assert all(p.section.number == 2 for p in around)
    assert [p.start for p in around] == sorted(p.start for p in around)


def test_section_context_outside_sections_keeps_the_kind(passages):
    summary = next(p for p in passages if p.kind == "summary")
    assert {p.kind for p in context.section_context(passages, summary)} == {"summary"}


def test_filter_choices(passages):
    assert "Hebei" in context.provinces(passages) and len(context.provinces(passages)) == 21
    assert context.sections(passages)[1] == ("§2 equal basic public services (Part I)", 2)
