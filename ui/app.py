"""The Gradio Blocks of the chat and the Browse tab. ``build_app`` only wires
components to the assistant's public API; HTML comes from ``assistant.render``
(pure functions), section context and browse rows from ``ui.context``.

Per-answer controls (citation selector, passage viewer, copy box, feedback)
live outside the chatbot, whose sanitized HTML cannot carry handlers.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

import gradio as gr

from assistant import Assistant
from assistant.models import Answer
from assistant.render import chat_html, citation_choice, citation_copy, filters_label, passage_html
from noticeqa.errors import NoticeQAError
from ui import context
from ui.api import add_api
from ui.browse import browse_tab
from ui.eval_tab import eval_tab
from ui.feedback import FeedbackLog, FeedbackWriteError, entry
from ui.security import as_text

log = logging.getLogger(__name__)

EXAMPLES = [
    "How many public rental housing units did Xiangtan mobilize?",
    "What are carbon coins and which city issued them?",
    "Which pilots in Hebei are mentioned?",
    "How did Zibo support digital agriculture?",
]

CSS = """
.nqa-citations { margin-top: .4em; }
.nqa-citation { margin: .5em 0; }
.nqa-where { font-size: .9em; opacity: .85; }
.nqa-excerpt mark, .nqa-viewer mark { padding: 0 .1em; }
.nqa-filters { font-size: .85em; margin: 0 0 .3em; opacity: .85; }
.nqa-viewer-title { margin: 0 0 .4em; }
.nqa-viewer-meta { display: grid; grid-template-columns: max-content 1fr; gap: .2em .8em; margin: 0 0 .6em; }
.nqa-viewer-meta dt { font-weight: 600; }
.nqa-viewer-meta dd { margin: 0; }
.nqa-viewer-body { max-height: 420px; overflow-y: auto; }
.nqa-context { margin: .4em 0; opacity: .8; }
.nqa-cited { opacity: 1; border-left: 4px solid var(--color-accent); padding-left: .6em; }
.nqa-chart figcaption { font-weight: 600; margin-bottom: .4em; }
.nqa-bar-row { display: grid; grid-template-columns: minmax(6em, 40%) 1fr 2.5em; align-items: center;
  gap: .4em; font-size: .85em; }
.nqa-bar-label { overflow-wrap: anywhere; }
.nqa-bar { display: block; height: .8em; background: var(--color-accent); border-radius: 2px; min-width: 2px; }
.nqa-bar-count { text-align: right; }
#chat .message { overflow-wrap: anywhere; }
"""

THEME = gr.themes.Base(
    font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)

# Keyboard users land where the viewer opened or closed (our own inline JS; nothing is fetched).
FOCUS_JS = ("() => {{ document.getElementById('{scroll}')?.scrollIntoView({{block: 'nearest'}}); "
            "document.querySelector('{focus}')?.focus(); }}")

NO_FILTERS = "No filters: the whole notice is searched."


def ask(assistant: Assistant, message: str, turns: list[str], provinces: list[str],
        sections: list[int]) -> tuple[str, Answer | None]:
    """(reply HTML, Answer); validation and internal errors become text and ``None``."""
    try:
        answer = assistant.ask(message, history=list(turns), provinces=list(provinces or []) or None,
                               sections=[int(s) for s in sections or []] or None)
        return chat_html(answer), answer
    except NoticeQAError as exc:
        return f"<p class='nqa-error'>{html.escape(str(exc))}</p>", None
    except Exception:  # noqa: BLE001 - the browser never sees a traceback
        log.exception("ask failed")
        return "<p class='nqa-error'>Something went wrong while answering; please try again.</p>", None


def active_filters(provinces: list[str], sections: list[int]) -> str:
    label = filters_label({"provinces": list(provinces or []), "sections": [str(s) for s in sections or []]})
    return f"Active filters: **{label}**" if label else NO_FILTERS


def citation_updates(answer: Answer | None):
    """Selector choices and copy text for the latest answer's citations."""
    cites = answer.citations if answer else []
    choices = [(citation_choice(c), c.rank) for c in cites]
    first = cites[0] if cites else None
    return (
        gr.update(choices=choices, value=first.rank if first else None, visible=bool(cites)),
        citation_copy(first) if first else "",
    )


def build_app(assistant: Assistant, feedback_path: Path | str | None = None,
              report_path: Path | str | None = None) -> gr.Blocks:
    """The whole page: Chat, Browse and Evaluation tabs, and the /ask API.
    ``report_path`` is the evaluation report shown (default: the latest run's)."""
    feedback = FeedbackLog(feedback_path)
    passages = assistant.passages
    with gr.Blocks(title="noticeqa") as demo:
        gr.Markdown(
            "# noticeqa\nAsk about the NDRC notice on the third batch of national comprehensive "
            "pilot projects of new urbanization. Answers are verbatim excerpts, cited to region and "
            "section: pick a citation below the chat and open it to read it in its section."
        )
        with gr.Tab("Chat", id="chat-tab"):
            _chat_tab(assistant, passages, feedback)
        with gr.Tab("Browse", id="browse-tab"):
            browse_tab(passages)
        with gr.Tab("Evaluation", id="eval-tab"):
            eval_tab(report_path)
        add_api(assistant)
    demo.feedback_log = feedback  # where verdicts go; tests read it
    return demo


def _chat_tab(assistant: Assistant, passages, feedback: FeedbackLog) -> None:
    turns = gr.State([])
    last = gr.State(None)  # the latest Answer, for the citation controls and feedback
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=300):
            chat = gr.Chatbot(label="Conversation", height=440, elem_id="chat",
                              feedback_options=None, buttons=[])
            with gr.Row():
                box = gr.Textbox(label="Question", placeholder="Ask a question and press Enter",
                                 max_lines=4, scale=8, elem_id="question", autofocus=True)
                send = gr.Button("Send", variant="primary", scale=1, min_width=80, elem_id="send")
            with gr.Group(elem_id="citation-panel"):
                cites = gr.Radio([], label="Citations of the latest answer", visible=False,
                                 elem_id="citations")
                with gr.Row(equal_height=False):
                    open_btn = gr.Button("Open passage", variant="primary", size="sm", scale=1,
                                         min_width=120, elem_id="open-passage")
                    copy = gr.Textbox(label="Citation to copy", buttons=["copy"], interactive=False,
                                      elem_id="copy-citation", scale=3)
            with gr.Column(visible=False, elem_id="viewer") as viewer:
                viewer_html = gr.HTML(elem_id="viewer-html")
                close_btn = gr.Button("Close passage", size="sm", elem_id="close-viewer")
            with gr.Group(elem_id="feedback"):
                with gr.Row():
                    up = gr.Button("👍 Helpful", size="sm", elem_id="feedback-up")
                    down = gr.Button("👎 Not helpful", size="sm", elem_id="feedback-down")
                comment = gr.Textbox(label="Comment on the latest answer (optional)", max_lines=3,
                                     elem_id="feedback-comment")
                status = gr.Markdown("", elem_id="feedback-status")
        with gr.Column(scale=1, min_width=240):
            provinces = gr.Dropdown(context.provinces(passages), value=[], multiselect=True,
                                    label="Restrict to provinces", elem_id="filter-provinces")
            sections = gr.Dropdown(context.sections(passages), value=[], multiselect=True,
                                   label="Restrict to sections", elem_id="filter-sections")
            filters_md = gr.Markdown(NO_FILTERS, elem_id="active-filters")
            clear_filters = gr.Button("Clear filters", size="sm", elem_id="clear-filters")
            new_chat = gr.Button("New conversation", size="sm", elem_id="new-conversation")
            gr.Examples(EXAMPLES, inputs=box)

    def respond(message, history, past, chosen_p, chosen_s):
        message = message or ""
        reply, answer = ask(assistant, message, past, chosen_p, chosen_s)
        history = [*(history or []),
                   {"role": "user", "content": as_text(message)},
                   {"role": "assistant", "content": reply}]
        past = [*past, message] if message.strip() and answer is not None else past
        radio, copy_text = citation_updates(answer)
        return "", history, past, answer, radio, copy_text, gr.update(visible=False), ""

    chat_outputs = [box, chat, turns, last, cites, copy, viewer, status]
    for trigger in (box.submit, send.click):
        trigger(respond, [box, chat, turns, provinces, sections], chat_outputs, api_name=False)

    def pick(rank, answer: Answer | None):
        c = next((c for c in (answer.citations if answer else []) if c.rank == rank), None)
        return citation_copy(c) if c else ""

    cites.change(pick, [cites, last], copy, api_name=False, queue=False)

    def open_passage(rank, answer: Answer | None):
        c = next((c for c in (answer.citations if answer else []) if c.rank == rank), None)
        cited = assistant.passage(c.passage_id) if c else None
        if cited is None:
            gr.Info("Ask a question and choose one of its citations first.")
            return gr.update(), gr.update()
        return passage_html(c, cited, context.section_context(passages, cited)), gr.update(visible=True)

    open_btn.click(open_passage, [cites, last], [viewer_html, viewer], api_name=False, queue=False).then(
        None, js=FOCUS_JS.format(scroll="viewer", focus="#close-viewer"))
    close_btn.click(lambda: gr.update(visible=False), None, viewer, api_name=False, queue=False).then(
        None, js=FOCUS_JS.format(scroll="citation-panel", focus="#open-passage"))

    for selector in (provinces, sections):
        selector.change(active_filters, [provinces, sections], filters_md, api_name=False, queue=False)
    clear_filters.click(lambda: ([], []), None, [provinces, sections], api_name=False, queue=False)

    def restart():
        radio, copy_text = citation_updates(None)
        return [], [], None, radio, copy_text, gr.update(visible=False), "", ""

    new_chat.click(restart, None, [chat, turns, last, cites, copy, viewer, status, comment],
                   api_name=False, queue=False)

    def give(verdict: str):
        def record(answer: Answer | None, note: str):
            if answer is None:
                return gr.update(), "Ask a question first; feedback is about the latest answer."
            item = entry(answer.question, answer.answer, [c.passage_id for c in answer.citations],
                         verdict, note or "")
            try:
                feedback.append(item)
            except FeedbackWriteError as exc:
                gr.Warning(str(exc))
                return gr.update(), f"⚠️ {exc}"
            return "", f"Thanks, your feedback ({'👍' if verdict == 'up' else '👎'}) is saved."
        return record

    up.click(give("up"), [last, comment], [comment, status], api_name=False)
    down.click(give("down"), [last, comment], [comment, status], api_name=False)
