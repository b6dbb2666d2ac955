"""Browser chat (Gradio): a thin layer over ``assistant.Assistant``."""
