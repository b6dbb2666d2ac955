"""The served app exposes the chat and its API, nothing else: no files, no
foreign CORS, no monitoring, analytics, share links or uploads; loopback by
default; an optional login; bad input through the API gets a normal reply."""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from served import running

REPO = Path(__file__).resolve().parents[2]


def raw_get(base: str, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    """GET ``path`` byte for byte (no ``../`` normalisation, unlike httpx)."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    status, body = response.status, response.read()
    conn.close()
    return status, body


def ask_api(base: str, body: bytes, **client) -> list:
    """POST raw JSON to the ``/ask`` endpoint and read the finished event's data."""
    with httpx.Client(timeout=60, **client) as http:
        started = http.post(f"{base}/gradio_api/call/ask", content=body,
                            headers={"Content-Type": "application/json"})
        started.raise_for_status()
        stream = http.get(f"{base}/gradio_api/call/ask/{started.json()['event_id']}")
    lines = stream.text.splitlines()
    assert "event: complete" in lines, stream.text[:500]
    return json.loads(lines[lines.index("event: complete") + 1].removeprefix("data: "))


def file_paths(index_dir: Path) -> list[str]:
    manifest = (index_dir / "current" / "manifest.json").resolve()
    targets = ["/etc/passwd", str(REPO / "pyproject.toml"), str(REPO / "noticeqa" / "settings.py"),
               str(manifest), str(manifest).upper(), str(index_dir / "feedback.jsonl")]
    paths = []
    for prefix in ("/gradio_api/file=", "/file=", "/gradio_api/file=../../../../../..",
                   "/gradio_api/FILE=", "/gradio_api/file=%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e"):
        paths += [prefix + t for t in targets]
    paths += ["/../../../../etc/passwd", "/static/../../../../etc/passwd", "/assets/../pyproject.toml",
              "/gradio_api/static/../../../../../etc/passwd", "/gradio_api/file=.env",
              "/gradio_api/file=pyproject.toml", "/gradio_api/file=PyProject.TOML",
              "/gradio_api/file=noticeqa/settings.py", "/gradio_api/file=../main/pyproject.toml"]
    return paths


def test_file_routes_serve_no_repository_index_or_system_file(locked_url, index_dir):
    secrets = [b"root:", b"[project]", b"NOTICEQA_", b"corpus_sha256"]
    for path in file_paths(index_dir):
        status, body = raw_get(locked_url, path)
        assert status in (400, 403, 404, 405), (path, status)
        assert not any(s in body for s in secrets), path


def test_a_foreign_origin_gets_no_cors_allowance(locked_url):
    evil = {"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"}
    for method, path in [("GET", "/config"), ("OPTIONS", "/gradio_api/call/ask"), ("POST", "/gradio_api/call/ask")]:
        response = httpx.request(method, locked_url + path, headers=evil, timeout=10,
                                 content=b'{"data": ["Xiangtan"]}' if method == "POST" else None)
        allowed = response.headers.get("access-control-allow-origin")
        assert allowed in (None, "null", locked_url), (method, path, allowed)
        assert response.headers.get("access-control-allow-credentials") is None or allowed is None


@pytest.mark.parametrize("path", ["/monitoring", "/gradio_api/monitoring", "/monitoring/summary",
                                  "/gradio_api/mcp/sse", "/gradio_api/mcp/schema"])
def test_monitoring_and_mcp_are_off(locked_url, path):
    assert httpx.get(locked_url + path, timeout=10).status_code in (401, 403, 404, 405)


def test_no_share_link_analytics_or_upload_component(locked_url):
    config = httpx.get(locked_url + "/config", timeout=10).json()
    assert not config.get("share_url") and config.get("is_colab") is not True
    assert config.get("analytics_enabled") is False
    kinds = {c["type"] for c in config["components"]}
    assert not kinds & {"file", "files", "uploadbutton", "image", "audio", "video", "model3d"}


def test_uploads_are_refused(locked_url):
    response = httpx.post(locked_url + "/gradio_api/upload", files={"files": ("a.txt", b"x" * 20_000)}, timeout=10)
    assert response.status_code >= 400


def test_serve_binds_loopback_without_share_or_monitoring(assistant, monkeypatch):
    import gradio as gr

    from ui.serve import launch

    seen = {}
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **kw: seen.update(kw))
    launch(assistant, port=1)
    assert seen["server_name"] == "127.0.0.1"
    assert seen["share"] is False and seen["enable_monitoring"] is False and seen["auth"] is None
    assert seen["allowed_paths"] == [] and str(assistant.bundle.directory.parent.parent.resolve()) in seen["blocked_paths"]


def test_lone_surrogate_in_raw_json_gets_a_normal_answer(locked_url):
    body = b'{"data": ["\\ud83d How many public rental housing units did Xiangtan mobilize?"]}'
    reply = ask_api(locked_url, body)[0]
    assert "error" not in reply and "Xiangtan" in reply["citations"][0]["text"]


def test_too_long_question_is_refused_by_the_server(locked_url):
    reply = ask_api(locked_url, json.dumps({"data": ["housing " * 700]}).encode())[0]
    assert "limit is 1,000" in reply["error"]


def test_empty_and_control_only_questions_through_the_api(locked_url):
    for question in ["", "   ", "\x00\x07\u200b\u202e"]:
        reply = ask_api(locked_url, json.dumps({"data": [question]}).encode())[0]
        assert reply == {"error": "please ask a question: the message was empty"}


def test_password_login(assistant, index_dir, tmp_path):
    from gradio_client import Client

    with running(assistant, index_dir, tmp_path, auth_user="ana", auth_password="s3cret-pass") as url:
        assert httpx.get(url + "/config", timeout=10).status_code == 401
        denied = httpx.post(url + "/gradio_api/call/ask", json={"data": ["Xiangtan"]}, timeout=10)
        assert denied.status_code == 401
        wrong = httpx.post(url + "/login", data={"username": "ana", "password": "nope"}, timeout=10)
        assert wrong.status_code >= 400
        with httpx.Client(timeout=30) as http:
            assert http.post(url + "/login", data={"username": "ana", "password": "s3cret-pass"}).status_code == 200
            assert http.get(url + "/config").status_code == 200
        client = Client(url + "/", auth=("ana", "s3cret-pass"), verbose=False)
        reply = client.predict("What are carbon coins?", api_name="/ask")
        assert reply[0]["citations"] if isinstance(reply, list) else reply["citations"]


def test_half_configured_login_is_an_actionable_error():
    from noticeqa.settings import Settings
    from ui.security import ServerConfigError, login

    with pytest.raises(ServerConfigError, match="NOTICEQA_AUTH_PASSWORD"):
        login(Settings(auth_user="ana"))
