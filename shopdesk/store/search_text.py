"""How searchable text is cut into tokens for SQLite FTS5, and how a query becomes a MATCH.

FTS5's default tokenizer takes a run of Chinese characters as one token (`耳机` is not
found in `蓝牙耳机`), and the trigram tokenizer finds nothing for 1- and 2-character
terms. So ShopDesk indexes Chinese text itself, character by character:

- `uni`: every CJK character as its own token (a 1-character query is one token);
- `bi`: every pair of neighbouring CJK characters as one token, in order, so a query of
  2 or more characters is a phrase of its overlapping pairs (`蓝牙耳机` ->
  "蓝牙 牙耳 耳机"): one short doclist for a 2-character word, an exact phrase for longer;
- `words`: everything else (order and tracking numbers, Latin nicks, `400ml`) in a second
  table with a prefix index, matched as prefixes so results appear while typing.

Pure functions: the SQL that uses them lives in `search_repo.py`; `register()` installs
them as SQL functions on a connection (the triggers that keep the index current call
them, so every connection that writes orders or cases must have them: Store.open does).
With them goes `shopdesk_indexed(table, id)`, which the triggers ask before indexing a
row: yes, unless a big import is holding its new rows back (`IndexGate`).
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache

# the scripts written without spaces, as escapes the regular expression reads (not text)
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """A CJK run and a word of other scripts, compiled when first needed (3 ms, which
    the window's start-up does not need: the first search or write does)."""
    return re.compile(f"[{_CJK}]+"), re.compile(f"[^\\W_{_CJK}]+")


def cjk_runs(text: str) -> list[str]:
    return _patterns()[0].findall(text or "")


def unigrams(text: str) -> str:
    """The CJK characters of `text`, separated by spaces."""
    return " ".join(" ".join(run) for run in cjk_runs(text))


def bigrams(text: str) -> str:
    """Every pair of neighbouring CJK characters of `text`, in order."""
    pairs: list[str] = []
    for run in cjk_runs(text):
        pairs.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(pairs)


def words(text: str) -> str:
    """The non-CJK words of `text`, lower-cased (order numbers, tracking numbers, nicks)."""
    return " ".join(_patterns()[1].findall((text or "").lower()))


def _phrase(run: str) -> str:
    if len(run) == 1:
        return f'uni : "{run}"'
    return 'bi : "' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"'


def match_queries(query: str) -> tuple[str | None, str | None]:
    """The MATCH expressions for the CJK table and the words table (None: not needed).

    Every part of the query must be found: CJK runs as exact phrases, other words as
    prefixes (`tb95` finds `tb9527`). (None, None) when the query has nothing to look for.
    """
    runs = cjk_runs(query)
    found_words = _patterns()[1].findall((query or "").lower())
    cjk = " AND ".join(_phrase(run) for run in runs) or None
    plain = " AND ".join(f'"{word}"*' for word in found_words) or None
    return cjk, plain


class IndexGate:
    """Whether the search triggers of one connection index a row as it is written. While
    `held_above` is set ({"order": id, "case": id}), rows with higher ids are left for
    one bulk pass (search_repo.index_in_bulk); everything else is indexed as usual."""

    def __init__(self) -> None:
        self.held_above: dict[str, int] | None = None

    def indexed(self, table: str, row_id: int) -> bool:
        return self.held_above is None or row_id <= self.held_above[table]


def register(conn: sqlite3.Connection) -> IndexGate:
    """Install the functions the search triggers call; returns the connection's gate."""
    gate = IndexGate()
    conn.create_function("shopdesk_uni", 1, unigrams, deterministic=True)
    conn.create_function("shopdesk_bi", 1, bigrams, deterministic=True)
    conn.create_function("shopdesk_words", 1, words, deterministic=True)
    conn.create_function("shopdesk_indexed", 2, gate.indexed)
    return gate
