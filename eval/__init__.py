"""Evaluation: the QA set, metrics and reports."""
