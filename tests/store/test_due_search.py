"""A 待办 search finds the same rows in the same order whichever way it reads them."""

from __future__ import annotations

import pytest

from shopdesk.store import deadlines_repo, due_search
from shopdesk.store.deadlines_repo import recompute_all


def every_match(store, party, search, descending=False) -> list[int]:
    """The plain way: every due row, filtered by the search index, sorted."""
    sql, params = deadlines_repo._due_union(party, search)
    direction = "DESC" if descending else "ASC"
    sql += f" ORDER BY next_due_at {direction}, id {direction}"
    return [row["id"] for row in store.db.query(sql, params)]


@pytest.fixture
def due_store(demo_store, now):
    recompute_all(demo_store, now)
    return demo_store


@pytest.mark.parametrize("way", ["walk", "look-up", "list"])
@pytest.mark.parametrize("party", ["seller", "all"])
def test_every_way_finds_the_rows_of_the_plain_query(due_store, monkeypatch, way, party):
    if way == "walk":  # walking the list in due order always looks cheaper
        monkeypatch.setattr(due_search, "WALK_US", 1e-9)
        monkeypatch.setattr(due_search, "SAMPLE", 3)
    elif way == "list":  # many matches, too few for a walk: the due list against them
        monkeypatch.setattr(due_search, "WALK_US", 1e9)
        monkeypatch.setattr(due_search, "SAMPLE", 3)
        monkeypatch.setattr(due_search, "LIST_ABOVE", 0)
    else:
        monkeypatch.setattr(due_search, "WALK_US", 1e9)
        monkeypatch.setattr(due_search, "LIST_ABOVE", 10**9)
    searched = 0
    for text in ("耳机", "杯", "tb", "保温杯 tb", "林", "不存在的词"):
        wanted = every_match(due_store, party, text)
        for offset, limit in ((0, 200), (0, 3), (2, 4)):
            page = deadlines_repo.due_page(due_store, offset, limit, party, text)
            assert [row["id"] for row in page] == wanted[offset : offset + limit], text
        backwards = deadlines_repo.due_page(due_store, 0, 5, party, text, descending=True)
        assert [r["id"] for r in backwards] == every_match(due_store, party, text, True)[:5]
        assert deadlines_repo.count_due(due_store, party, text) == len(wanted)
        searched += bool(wanted)
    assert searched >= 3  # the demo store has matches for most of these


def test_a_walk_that_comes_up_short_goes_through_the_matches(due_store, monkeypatch):
    """The share of matches guessed from the newest ones can be wrong (a block of order
    numbers): the walk stops at its window and the matches are looked up instead."""
    monkeypatch.setattr(due_search, "WALK_US", 1e-9)
    monkeypatch.setattr(due_search, "SAMPLE", 1)
    monkeypatch.setattr(due_search, "_walk_window", lambda *_args: 1)  # far too small
    wanted = every_match(due_store, "all", "杯")
    assert len(wanted) > 1
    page = deadlines_repo.due_page(due_store, 0, 200, "all", "杯")
    assert [row["id"] for row in page] == wanted
