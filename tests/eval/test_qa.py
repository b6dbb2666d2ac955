"""The bundled QA set loads clean and has the composition the issue asks for;
bad lines of another set are reported with their line numbers."""

import json
from collections import Counter

import pytest

from corpus.regions import gazetteer
from eval.qa import QAFileError, load_qa, select_split


@pytest.fixture(scope="module")
def items():
    return load_qa()


def test_composition(items):
    kinds = Counter(i.kind for i in items)
    assert len(items) >= 250
    assert len({i.id for i in items}) == len(items)
    assert kinds["paraphrase"] >= 40 and kinds["list"] >= 30 and kinds["followup"] >= 20
    unanswerable = kinds["unanswerable"] + kinds["near-miss"]
    assert unanswerable >= 0.2 * len(items)
    assert abs(kinds["unanswerable"] - kinds["near-miss"]) <= 2


def test_every_section_and_locality_appears(items):
    assert {i.section for i in items if i.section} == set(range(1, 14))
    named = {gazetteer().lookup(a).name for i in items for e in i.regions for a in e.split("|")}
    assert set(gazetteer().localities) <= named


def test_splits_are_stratified(items):
    """The team's own questions are split evenly by kind; the 110 written
    independently ("xa-" ids) and the off-topic and near-miss questions added
    after them are all dev."""
    dev, test = select_split(items, "dev"), select_split(items, "test")
    assert len(dev) + len(test) == len(items)
    external = [i for i in items if i.id.startswith("xa-")]
    assert len(external) == 110 and all(i.split == "dev" for i in external)
    added = [i for i in items if i not in external and i.kind in ("unanswerable", "near-miss") and int(i.id.rsplit("-", 1)[1]) > 27]
    assert len(added) == 24 and all(i.split == "dev" for i in added)
    team = [i for i in items if i not in external and i not in added]
    for kind in Counter(i.kind for i in team):
        assert abs(sum(i.kind == kind and i.split == "dev" for i in team)
                   - sum(i.kind == kind and i.split == "test" for i in team)) <= 1, kind


SIZES = {"b": 110, "c": 111, "d": 114, "e": 112, "f": 115, "g": 112, "h": 115, "i": 111, "j": 111, "k": 112, "l": 111, "m": 111, "n": 111, "o": 112, "p": 111, "q": 111, "r": 111, "s": 111, "t": 111, "u": 112, "v": 111, "w": 112, "x": 111, "y": 111, "z": 111, "aa": 111, "ab": 111, "ac": 111, "ad": 111, "ae": 111, "af": 111, "ag": 111, "ah": 111, "ai": 111, "aj": 111, "ak": 111, "al": 113, "am": 113, "an": 111, "ao": 111, "ap": 112, "aq": 111, "ar": 111, "as": 111, "at": 113, "au": 112, "av": 112, "aw": 111, "ax": 111, "ay": 112, "az": 111, "ba": 111, "bb": 111, "bc": 111, "bd": 112, "be": 111, "bf": 111, "bg": 111, "bh": 111, "bi": 110, "bj": 114, "bk": 111, "bl": 111, "bm": 111, "bn": 111, "bo": 111, "bp": 111, "bq": 111, "br": 111, "bs": 113, "bt": 112, "bu": 111, "bv": 111, "bw": 112, "bx": 111, "by": 111, "bz": 112, "ca": 111, "cb": 111, "cc": 111, "cd": 111, "ce": 111, "cf": 111, "cg": 111, "ch": 112, "ci": 111, "cj": 111, "ck": 111, "cl": 111, "cm": 111, "cn": 111, "co": 111, "cp": 111, "cq": 111, "cr": 112, "cs": 111, "ct": 111, "cu": 111, "cv": 112, "cw": 111, "cx": 111, "cy": 111, "cz": 112, "da": 111, "db": 112, "dc": 111, "dd": 111, "de": 111, "df": 111, "dg": 111, "dh": 111, "di": 112, "dj": 111, "dk": 111, "dl": 111, "dm": 111, "dn": 111, "do": 111, "dp": 111, "dq": 111, "dr": 111, "ds": 111, "dt": 111, "du": 111, "dv": 111, "dw": 111, "dx": 111, "dy": 111, "dz": 111, "ea": 111, "eb": 111, "ec": 111, "ed": 111, "ee": 111, "ef": 111, "eg": 111, "eh": 111, "ei": 112, "ej": 111, "ek": 113, "el": 111, "em": 111, "en": 113, "eo": 111, "ep": 111, "eq": 111, "er": 115, "es": 111, "et": 111, "eu": 112, "ev": 111, "ew": 112, "ex": 111, "ey": 111, "ez": 111, "fa": 111, "fb": 111, "fc": 111, "fd": 111, "fe": 111, "ff": 111, "fg": 111, "fh": 111, "fi": 111, "fj": 111, "fk": 111, "fl": 111, "fm": 111, "fn": 111, "fo": 111, "fp": 111, "fq": 111, "fr": 113, "fs": 111, "ft": 111, "fu": 111, "fv": 112, "fw": 111, "fx": 117, "fy": 111, "fz": 111, "ga": 111, "gb": 112, "gc": 111, "gd": 111, "ge": 111, "gf": 111, "gg": 111, "gh": 112, "gi": 111, "gj": 111, "gk": 111, "gl": 111, "gm": 111, "gn": 111, "go": 111, "gp": 111, "gq": 111, "gr": 111, "gs": 111, "gt": 111, "gu": 111, "gv": 111, "gw": 111, "gx": 111, "gy": 111, "gz": 111, "ha": 111, "hb": 111, "hc": 111, "hd": 111, "he": 111, "hf": 111, "hg": 111, "hh": 111, "hi": 111, "hj": 111, "hk": 111, "hl": 111, "hm": 111, "hn": 111, "ho": 111, "hp": 111}


@pytest.mark.parametrize("name, size", list(SIZES.items()))
def test_the_external_sets_load_and_are_all_test(name, size):
    """eval/data/qa_external_{b..}.jsonl: questions written by helpers who saw
    neither the code nor the team's questions; thresholds are never tuned on them."""
    from eval.qa import EXTERNAL_QA

    external = load_qa(next(p for p in EXTERNAL_QA if p.stem == f"qa_external_{name}"))
    assert len(external) == size and {i.split for i in external} == {"test"}
    assert Counter(i.kind for i in external)["near-miss"] >= 12


def test_every_external_set_is_listed():
    from eval.qa import EXTERNAL_QA

    assert [p.stem.removeprefix("qa_external_") for p in EXTERNAL_QA] == list(SIZES)


def test_bad_lines_are_reported_with_numbers(tmp_path):
    good = dict(id="q1", question="How many units did Xiangtan mobilize?", answer="about 29,000",
                regions=["Xiangtan"], section=2, kind="numeric", split="dev")
    lines = [
        good,
        {**good, "id": "q2", "answer": "about 31,000"},            # 2: span not in the notice
        {**good, "id": "q3", "regions": ["Atlantis"]},             # 3: unknown region
        {**good, "id": "q4", "section": 14},                       # 4: section out of range
        {**good, "id": "q1"},                                      # 5: duplicate id
        {**good, "id": "q6", "extra": 1},                          # 6: unknown field
        {**good, "id": "q7", "kind": "unanswerable"},              # 7: unanswerable with an answer
    ]
    path = tmp_path / "qa.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{not json\n")
    with pytest.raises(QAFileError) as info:
        load_qa(path)
    message = str(info.value)
    for number, fragment in [(2, "about 31,000"), (3, "Atlantis"), (4, "section"), (5, "already used on line 1"),
                             (6, "extra"), (7, "unanswerable"), (8, "not JSON")]:
        assert any(line.startswith(f"line {number}:") and fragment in line for line in message.splitlines()), number
    assert "line 1:" not in message


def test_spans_match_after_normalisation(tmp_path):
    row = dict(id="q", question="?", answer="Public  services in cities", regions=["Meikou|Meihekou"],
               section=2, kind="factoid", split="test")
    path = tmp_path / "qa.jsonl"
    path.write_text(json.dumps(row))
    assert load_qa(path)[0].answer == "Public  services in cities"


def test_missing_file_is_actionable(tmp_path):
    with pytest.raises(QAFileError, match="--qa"):
        load_qa(tmp_path / "nope.jsonl")
