"""The Browse tab: every pilot experience as a sortable, searchable table,
filterable by province and section, with counts per province and per section.

Built inside an open ``gr.Blocks``; rows and counts come from ``ui.context``.
"""

from __future__ import annotations

from collections.abc import Sequence

import gradio as gr
import pandas as pd

from assistant.render import bar_chart_html
from corpus.models import Passage
from ui import context


def count_label(shown: int, total: int) -> str:
    """"Showing 65 of 65 experiences"."""
    return f"Showing <strong id='browse-count'>{shown}</strong> of {total} experiences"


def browse_tab(passages: Sequence[Passage]) -> None:
    total = len(context.experiences(passages))
    rows = context.browse_rows(passages)
    gr.Markdown(
        "Every pilot experience the notice lists. Click a column header to sort, "
        "type in the search box to find a place or a word."
    )
    with gr.Row():
        provinces = gr.Dropdown(context.provinces(passages), value=[], multiselect=True,
                                label="Province", elem_id="browse-provinces")
        sections = gr.Dropdown(context.sections(passages), value=[], multiselect=True,
                               label="Section", elem_id="browse-sections")
    count = gr.HTML(count_label(len(rows), total), elem_id="browse-count-line")
    table = gr.Dataframe(
        pd.DataFrame(rows, columns=context.BROWSE_COLUMNS), interactive=False, wrap=True,
        show_search="search", max_height=100_000, elem_id="browse-table",
        column_widths=["12%", "16%", "20%", "40%", "12%"],
    )
    with gr.Row():
        gr.HTML(bar_chart_html("Experiences per province", context.per_province(passages)),
                elem_id="chart-provinces")
        gr.HTML(bar_chart_html("Experiences per section", context.per_section(passages)),
                elem_id="chart-sections")

    def refilter(chosen_provinces: list[str], chosen_sections: list[int]):
        shown = context.browse_rows(passages, chosen_provinces or [], chosen_sections or [])
        return pd.DataFrame(shown, columns=context.BROWSE_COLUMNS), count_label(len(shown), total)

    for selector in (provinces, sections):
        selector.change(refilter, [provinces, sections], [table, count], api_name=False, queue=False)
