"""The evaluation tab renders a report inside a Blocks without a server."""

import gradio as gr

from ui.eval_tab import eval_tab, failing_rows, load_view


def test_eval_tab_builds_with_and_without_report(tmp_path, small_report):
    path, report = small_report
    with gr.Blocks() as demo:
        with gr.Tab("Evaluation"):
            eval_tab(path)
        with gr.Tab("Missing"):
            eval_tab(tmp_path / "none.json")
    assert demo is not None
    heading, summary, kinds, failing = load_view(path)
    assert summary["headers"] == ["metric", "hybrid"]
    assert summary["data"][0][0] == "n"
    assert all(len(row) == len(failing["headers"]) for row in failing["data"])
    missing = load_view(tmp_path / "none.json")[0]
    assert "noticeqa eval" in missing


def test_heading_is_escaped(tmp_path, small_report):
    _, report = small_report
    path = tmp_path / "r.json"
    path.write_text(report.model_copy(update={"qa": "<script>x</script>"}).model_dump_json())
    assert "<script>" not in load_view(path)[0]


def test_failing_rows_list_what_was_cited(small_report):
    _, report = small_report
    rows = failing_rows(report)
    failed_ids = {q.id for q in report.runs[0].questions if q.failed}
    assert {r[1] for r in rows} == failed_ids
