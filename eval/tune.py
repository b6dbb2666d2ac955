"""Tuning the abstention thresholds on the ``dev`` split (never on ``test``).

For each dev question the assistant's abstention signals (``Assistant.evidence``)
are read once; then every combination of thresholds on a small grid is scored
by abstention F1 on unanswerable questions minus a penalty of 3 for each
answerable question it would refuse (the target is at most 3% false
abstention). Among equal scores the most lenient settings win. Prints the
best settings and their dev figures.

Run: ``python -m eval.tune [--qa FILE] [--index-dir DIR]``.
"""

from __future__ import annotations

import argparse
import itertools

from assistant import Assistant
from assistant.abstain import should_abstain
from eval.qa import load_qa, select_split
from noticeqa.settings import get_settings

GRID = {
    "abstain_threshold": [0.25, 0.28, 0.31, 0.34],
    "region_threshold": [0.2, 0.3, 0.35, 0.4],
    "coverage_min": [0.0, 0.2, 0.3],
    "notice_coverage_min": [0.0, 0.2, 0.3, 0.34, 0.4, 0.5],
    "unknown_name_region_override": [0.0, 0.5, 0.6, 0.7],
    "topic_threshold": [0.0, 0.25, 0.28, 0.3, 0.32, 0.34, 0.36],
    "coverage_override": [0.3, 0.35, 0.4, 0.45, 0.5, 2.0],
    "region_coverage_override": [0.3, 0.4, 0.5, 2.0],
}
FALSE_ABSTAIN_WEIGHT = 3.0


def score(decisions: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    """(objective, abstain F1, false-abstention rate) of (abstained, answerable) pairs."""
    tp = sum(a and not ok for a, ok in decisions)
    fp = sum(a and ok for a, ok in decisions)
    fn = sum(not a and not ok for a, ok in decisions)
    answerable = sum(ok for _, ok in decisions) or 1
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    false_rate = fp / answerable
    return f1 - FALSE_ABSTAIN_WEIGHT * false_rate, f1, false_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qa", default=None)
    parser.add_argument("--index-dir", default=None)
    args = parser.parse_args()
    assistant = Assistant.load(args.index_dir)
    items = select_split(load_qa(args.qa), "dev")
    evidence = [(assistant.evidence(i.question, list(i.history) or None), i.answerable) for i in items]
    override = get_settings().unknown_name_override
    results = []
    for values in itertools.product(*GRID.values()):
        params = dict(zip(GRID, values))
        decisions = [
            (should_abstain(ev, params["abstain_threshold"], params["region_threshold"], override,
                            params["coverage_min"], params["notice_coverage_min"],
                            params["unknown_name_region_override"], params["topic_threshold"],
                            params["coverage_override"], get_settings().how_to_threshold,
                            params["region_coverage_override"]), ok)
            for ev, ok in evidence
        ]
        results.append((score(decisions), params))
    (objective, f1, false_rate), best = max(results, key=lambda r: r[0][0])
    print(f"best on dev: {best}  abstain_f1={f1:.3f} false_abstain={false_rate:.3f} objective={objective:.3f}")


if __name__ == "__main__":
    main()
