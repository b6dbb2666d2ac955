"""The Gradio Blocks of the chat. ``build_app`` only wires components to the
assistant; rendering lives in ``assistant.render`` (pure functions)."""

from __future__ import annotations

import html
import logging

import gradio as gr

from assistant import Assistant
from assistant.render import answer_html
from ui.api import add_api
from noticeqa.errors import NoticeQAError

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
.nqa-excerpt mark { padding: 0 .1em; }
"""

THEME = gr.themes.Base(
    font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)


def reply(assistant: Assistant, message: str, turns: list[str]) -> str:
    """HTML reply to one message; validation and internal errors become text."""
    try:
        return answer_html(assistant.ask(message, history=list(turns)))
    except NoticeQAError as exc:
        return f"<p class='nqa-error'>{html.escape(str(exc))}</p>"
    except Exception:  # noqa: BLE001 - the browser never sees a traceback
        log.exception("ask failed")
        return "<p class='nqa-error'>Something went wrong while answering; please try again.</p>"


def build_app(assistant: Assistant) -> gr.Blocks:
    with gr.Blocks(title="noticeqa") as demo:
        gr.Markdown(
            "# noticeqa\nAsk about the NDRC notice on the third batch of national comprehensive "
            "pilot projects of new urbanization. Answers are verbatim excerpts, cited to region and section."
        )
        turns = gr.State([])
        chat = gr.Chatbot(label="Conversation", height=520, elem_id="chat")
        with gr.Row():
            box = gr.Textbox(label="Question", placeholder="Ask a question and press Enter",
                             max_lines=4, scale=8, elem_id="question")
            send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
        gr.Examples(EXAMPLES, inputs=box)

        def respond(message: str, history: list, past: list[str]):
            history = list(history or [])
            history.append({"role": "user", "content": html.escape(message or "")})
            history.append({"role": "assistant", "content": reply(assistant, message or "", past)})
            return "", history, [*past, message] if (message or "").strip() else past

        for trigger in (box.submit, send.click):
            trigger(respond, [box, chat, turns], [box, chat, turns], api_name=False)
        add_api(assistant)
    return demo
