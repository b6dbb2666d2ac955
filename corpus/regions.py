"""The region gazetteer (``corpus/data/gazetteer.json``) and finding its names
in text.

A mention is one name as written ("Meikou", "Shandong Province", "湘潭"); it
resolves to a canonical ``Region``. Matching is case-sensitive on the notice
(place names are capitalised there) and case-insensitive on questions.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.models import Region
from corpus.source import data_bytes

_CHINESE_SUFFIXES = (
    "特别行政区", "维吾尔自治区", "回族自治区", "壮族自治区", "自治区",
    "黎族苗族自治县", "土家族自治县", "省", "市", "县", "区", "镇",
)


MIN_FUZZY = 5  # letters: shorter names are not corrected
FUZZY_CUTOFF = 0.85  # difflib ratio for a misspelling ("Tengchung" ~ "tengchong": 0.89)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    region: Region

    @property
    def is_province(self) -> bool:
        return self.region.is_province


def _chinese_keys(chinese: str) -> list[str]:
    """"湘潭市" -> ["湘潭市", "湘潭"]; "广西壮族自治区" -> ["广西壮族自治区", "广西"]."""
    keys = [chinese]
    for suffix in _CHINESE_SUFFIXES:
        if chinese.endswith(suffix) and len(chinese) - len(suffix) >= 2:
            keys.append(chinese[: -len(suffix)])
            break
    return keys


class Gazetteer:
    """Provinces and localities, with a lookup from every spelling to its region."""

    def __init__(self, data: dict):
        self.provinces: dict[str, Region] = {}
        self.localities: dict[str, Region] = {}
        self._by_key: dict[str, Region] = {}
        self._aliases: dict[str, list[str]] = {}
        for p in data["provinces"]:
            region = Region(name=p["name"], province=p["name"], chinese=p["chinese"])
            self.provinces[region.name] = region
            self._add_keys(region, [p["name"], *p["aliases"]])
        for loc in data["localities"]:
            if loc["province"] not in self.provinces:
                raise ValueError(f"locality {loc['name']!r} names unknown province {loc['province']!r}")
            region = Region(
                name=loc["name"], province=loc["province"], chinese=loc["chinese"], parent=loc["parent"]
            )
            self.localities[region.name] = region
            self._aliases[region.name] = list(loc["aliases"])
            self._add_keys(region, [loc["name"], *loc["aliases"]])
        self.other_cities = frozenset(c.casefold() for c in data.get("other_cities", ()))
        self._latin = self._pattern(k for k in self._by_key if k.isascii() or "’" in k)
        self._chinese = re.compile(
            "|".join(re.escape(k) for k in sorted((k for k in self._by_key if not k.isascii() and "’" not in k), key=len, reverse=True))
        )

    def _add_keys(self, region: Region, names: list[str]) -> None:
        """Every spelling, also without its apostrophe ("Gu'an" -> "Guan", as typed)."""
        for name in names:
            self._by_key.setdefault(name.casefold(), region)
            self._by_key.setdefault(re.sub(r"['’]", "", name).casefold(), region)
        for key in _chinese_keys(region.chinese):
            self._by_key.setdefault(key, region)

    @staticmethod
    def _pattern(keys) -> re.Pattern[str]:
        alternation = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        return re.compile(rf"(?<!\w)({alternation})(?: [Pp]rovince)?(?!\w)", re.IGNORECASE)

    def lookup(self, name: str) -> Region | None:
        """Canonical region for any spelling: ``lookup("meikou").name == "Meihekou"``."""
        return self._by_key.get(name.strip().casefold()) or self._by_key.get(name.strip())

    def closest(self, word: str) -> str | None:
        """The gazetteer spelling a misspelled word most likely means, for
        words of at least ``MIN_FUZZY`` letters that are no other Chinese city:
        ``closest("Laohekuo") == "laohekou"``, ``closest("Suzhou") is None``
        (a city of its own, not Suizhou)."""
        key = word.casefold()
        if not self._correctable(key):
            return None
        same_start = [k for k in self._by_key if k.isascii() and k[:1] == key[:1] and len(k) >= MIN_FUZZY]
        found = difflib.get_close_matches(key, same_start, n=1, cutoff=FUZZY_CUTOFF)
        return found[0] if found else None

    def _correctable(self, key: str) -> bool:
        """Long enough to correct, and neither a name of the gazetteer nor another Chinese city."""
        return len(key) >= MIN_FUZZY and key not in self._by_key and key not in self.other_cities

    def one_letter_off(self, word: str) -> str | None:
        """The gazetteer spelling of the same length that ``word`` mistypes in
        one letter after the first, for words of ``MIN_FUZZY`` letters or more
        that are no other Chinese city: ``one_letter_off("Kaily") == "kaili"``
        (difflib's ratio, 0.8, is below the cutoff for five letters);
        ``one_letter_off("Hefei") is None`` (a city of its own, not Hebei)."""
        key = word.casefold()
        if not self._correctable(key):
            return None
        found = [
            k for k in self._by_key
            if len(k) == len(key) and k[0] == key[0] and sum(a != b for a, b in zip(k, key)) == 1
        ]
        return found[0] if len(found) == 1 else None

    def find(self, text: str, ignore_case: bool = False) -> list[Mention]:
        """Every gazetteer name in ``text``, left to right, longest match first."""
        found: list[Mention] = []
        for m in self._latin.finditer(text):
            if not ignore_case and not m.group(1)[0].isupper():
                continue
            region = self._by_key[m.group(1).casefold()]
            found.append(Mention(m.start(), m.end(), region))
        for m in self._chinese.finditer(text):
            found.append(Mention(m.start(), m.end(), self._by_key[m.group(0)]))
        return sorted(found, key=lambda x: x.start)

    def without_names(self, text: str) -> str:
        """``text`` with every gazetteer name (any case) replaced by a space:
        "What did Xiangtan, Hunan do?" -> "What did  ,   do?"."""
        for m in reversed(self.find(text, ignore_case=True)):
            text = text[: m.start] + " " + text[m.end :]
        return text

    def printed_names(self, region: Region, text: str) -> list[str]:
        """The other spellings of a locality that ``text`` (the notice) uses,
        none inside another: Shexian -> ["Shuixian County", "Shibixian County"]."""
        found = [a for a in self._aliases.get(region.name, []) if a in text]
        return [a for a in found if not any(a != b and a in b for b in found)]

    def localities_in(self, province: str) -> list[Region]:
        return [r for r in self.localities.values() if r.province == province]

    def all_regions(self) -> list[Region]:
        return [*self.provinces.values(), *self.localities.values()]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(json.loads(data_bytes("gazetteer.json")))
