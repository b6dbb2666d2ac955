"""A JSON API endpoint beside the chat, for scripts and ``gradio_client``:
``/ask`` takes a question and returns the ``Answer`` JSON (or ``{"error": ...}``).

Concurrent calls are batched (``batch=True``): up to ``MAX_BATCH`` waiting
questions share one ``encode`` of the model.
"""

from __future__ import annotations

import gradio as gr

from assistant import Assistant
from noticeqa.errors import InputError

MAX_BATCH = 16


def add_api(assistant: Assistant) -> None:
    """Register ``/ask`` on the Blocks being built (call inside ``with gr.Blocks()``)."""

    def ask_batch(questions: list[str]) -> list[list[dict]]:
        results = assistant.ask_many(list(questions))
        return [[r.model_dump() if not isinstance(r, InputError) else {"error": str(r)} for r in results]]

    with gr.Row(visible=False):
        question = gr.Textbox(elem_id="api-question")
        answer = gr.JSON()
        gr.Button(visible=False).click(
            ask_batch, question, answer, api_name="ask", batch=True, max_batch_size=MAX_BATCH,
            concurrency_limit=1, queue=True,
        )
