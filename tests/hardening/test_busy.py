"""A bounded queue: requests beyond it are told "busy, try again" at once, the
others are answered and the server keeps serving."""

from __future__ import annotations

import threading

import httpx

from served import running
from ui.security import BUSY

QUESTIONS = ["How many public rental housing units did Xiangtan mobilize?",
             "What are carbon coins and which city issued them?",
             "Which pilots in Hebei are mentioned?", "How did Zibo support digital agriculture?"]


def one_call(url: str, question: str, gate: threading.Barrier) -> tuple[str, str]:
    """("answer" | "busy" | "other", detail) for one /ask call."""
    gate.wait()
    with httpx.Client(timeout=60) as http:
        started = http.post(f"{url}/gradio_api/call/ask", json={"data": [question]})
        if started.status_code == 503:
            return ("busy" if started.json().get("detail") == BUSY else "other"), started.text
        if started.status_code != 200:
            return "other", started.text
        stream = http.get(f"{url}/gradio_api/call/ask/{started.json()['event_id']}").text
    return ("answer" if "event: complete" in stream and "citations" in stream else "other"), stream[:300]


def test_overload_gets_busy_replies_and_the_rest_are_answered(assistant, index_dir, tmp_path):
    with running(assistant, index_dir, tmp_path, queue_size=1, concurrency=1) as url:
        for _ in range(3):  # the queue drains fast; retry the burst until it overflows
            n = 32
            gate, results = threading.Barrier(n), [None] * n

            def call(i):
                results[i] = one_call(url, QUESTIONS[i % len(QUESTIONS)], gate)

            threads = [threading.Thread(target=call, args=(i,)) for i in range(n)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(120)
            kinds = [r[0] for r in results]
            assert "other" not in kinds, [r for r in results if r[0] == "other"][:3]
            if "busy" in kinds:
                break
        assert kinds.count("busy") >= 1 and kinds.count("answer") >= 1, kinds
        assert one_call(url, QUESTIONS[0], threading.Barrier(1))[0] == "answer"
