"""TOML files read through their compiled copy: never stale, never a reason to fail."""

from __future__ import annotations

import os
import tomllib

import pytest

from shopdesk.domain import parsed_toml


@pytest.fixture
def fresh_copies(monkeypatch, tmp_path):
    monkeypatch.setenv("SHOPDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(parsed_toml, "_copies", None)  # as in a new process
    return tmp_path / "data" / "cache" / "toml.marshal"


def test_a_file_is_read_as_tomllib_reads_it_and_kept_for_the_next_start(fresh_copies, tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('as_of = "2026-12-01"\n[[rule]]\nid = "ship"\nhours = 48\n', "utf-8")
    assert parsed_toml.read(rules) == tomllib.loads(rules.read_text("utf-8"))
    assert fresh_copies.exists()
    parsed_toml._copies = None
    assert parsed_toml.read(rules)["rule"][0]["hours"] == 48


def test_an_edit_of_the_same_size_and_time_is_read_anew(fresh_copies, tmp_path):
    # 48 h -> 12 h, as an update writes it: same size, and a file time too coarse to tell.
    rules = tmp_path / "rules.toml"
    rules.write_text("hours = 48\n", "utf-8")
    stamp = rules.stat().st_mtime_ns
    assert parsed_toml.read(rules) == {"hours": 48}
    rules.write_text("hours = 12\n", "utf-8")
    os.utime(rules, ns=(stamp, stamp))
    parsed_toml._copies = None
    assert parsed_toml.read(rules) == {"hours": 12}


def test_a_damaged_copy_is_parsed_again(fresh_copies, tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text("hours = 48\n", "utf-8")
    parsed_toml.read(rules)
    fresh_copies.write_bytes(b"\x00 not marshal")
    parsed_toml._copies = None
    assert parsed_toml.read(rules) == {"hours": 48}


def test_a_folder_that_cannot_be_written_only_means_parsing(monkeypatch, tmp_path):
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be", "utf-8")
    monkeypatch.setenv("SHOPDESK_DATA_DIR", str(blocked / "inside"))
    monkeypatch.setattr(parsed_toml, "_copy_path", lambda: blocked / "cache" / "toml.marshal")
    monkeypatch.setattr(parsed_toml, "_copies", None)
    rules = tmp_path / "rules.toml"
    rules.write_text("hours = 48\n", "utf-8")
    assert parsed_toml.read(rules) == {"hours": 48}


def test_a_broken_file_raises_what_tomllib_raises(fresh_copies, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("hours = = 48\n", "utf-8")
    with pytest.raises(tomllib.TOMLDecodeError):
        parsed_toml.read(broken)
    broken.write_bytes(b"name = '\xff'\n")
    with pytest.raises(UnicodeDecodeError):
        parsed_toml.read(broken)


def test_windows_line_endings_read_as_on_any_machine(fresh_copies, tmp_path):
    crlf = tmp_path / "template.toml"
    crlf.write_bytes(b'body = """\r\nline one\r\nline two"""\r\n')
    assert parsed_toml.read(crlf) == {"body": "line one\nline two"}


def test_the_copy_keeps_one_table_per_file_in_use(fresh_copies, tmp_path):
    # Two installs of the same rules share one table; a rule file edited or removed takes
    # its old table out, so the copy a start loads stays as small as the files in use.
    import marshal

    old_install, new_install = tmp_path / "old", tmp_path / "new"
    for folder in (old_install, new_install):
        folder.mkdir()
        (folder / "rules.toml").write_text("hours = 48\n", "utf-8")
    parsed_toml.read_all([old_install / "rules.toml", new_install / "rules.toml"])
    (new_install / "rules.toml").write_text("hours = 12\n", "utf-8")
    parsed_toml._copies = None
    assert parsed_toml.read(new_install / "rules.toml") == {"hours": 12}
    _, copy = marshal.loads(fresh_copies.read_bytes())
    assert sorted(copy["tables"].values(), key=str) == [{"hours": 12}, {"hours": 48}]
    (old_install / "rules.toml").unlink()
    (new_install / "rules.toml").write_text("hours = 24\n", "utf-8")
    parsed_toml._copies = None
    assert parsed_toml.read(new_install / "rules.toml") == {"hours": 24}
    _, copy = marshal.loads(fresh_copies.read_bytes())
    assert list(copy["tables"].values()) == [{"hours": 24}]
    assert list(copy["paths"]) == [str(new_install / "rules.toml")]


def test_a_file_with_dates_is_parsed_each_time_and_never_breaks_the_copy(fresh_copies, tmp_path):
    # marshal cannot hold a TOML date: that file's table stays out of the copy, and a later
    # start that writes the copy without reading that file must not trip over it.
    dated = tmp_path / "dated.toml"
    dated.write_text("as_of = 2026-12-01\n", "utf-8")
    rules = tmp_path / "rules.toml"
    rules.write_text("hours = 48\n", "utf-8")
    assert str(parsed_toml.read(dated)["as_of"]) == "2026-12-01"
    parsed_toml._copies = None
    assert parsed_toml.read(rules) == {"hours": 48}
    parsed_toml._copies = None
    assert str(parsed_toml.read(dated)["as_of"]) == "2026-12-01"
    assert parsed_toml.read(rules) == {"hours": 48}
