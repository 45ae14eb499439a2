"""Import and export: JSON round-trips everything; CSV reads Qianniu quick phrases."""

from __future__ import annotations

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.services.template_io import (
    dumps_csv,
    dumps_json,
    load_file,
    loads_csv,
    loads_json,
    save_file,
)
from shopdesk.templates.library import load_builtin

LIBRARY = load_builtin()


def _same(a, b):
    assert [t.id for t in a] == [t.id for t in b]
    for x, y in zip(a, b, strict=True):
        assert dict(x.texts) == dict(y.texts)
        assert x.tags() == y.tags() and x.group == y.group
        assert (x.limit_chars, x.limit_bytes) == (y.limit_chars, y.limit_bytes)


def test_json_round_trip_of_the_whole_library():
    back = loads_json(dumps_json(LIBRARY))
    _same(LIBRARY, back)
    assert all(t.builtin_of == t.id for t in back)  # copies remember where they came from
    assert not any(t.builtin for t in back)


def test_csv_round_trip_of_the_whole_library(tmp_path):
    path = tmp_path / "phrases.csv"
    save_file(path, LIBRARY)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens it as UTF-8
    _same(LIBRARY, load_file(path))
    path = tmp_path / "phrases.json"
    save_file(path, LIBRARY)
    _same(LIBRARY, load_file(path))


def test_qianniu_quick_phrases_in_gb18030(tmp_path):
    csv_text = (
        "分组名称,快捷编码,快捷短语\r\n"
        '售后,tk,"亲，退款已经处理了，请注意查收哦"\r\n'
        '售后,,"亲，您的包裹正在派送中，\r\n请耐心等待"\r\n'
        ",,\r\n"
    )
    path = tmp_path / "快捷短语.csv"
    path.write_bytes(csv_text.encode("gb18030"))
    templates = load_file(path)
    assert [t.title() for t in templates] == ["tk", "亲，您的包裹正在派送中，"]
    assert templates[1].text().body == "亲，您的包裹正在派送中，\r\n请耐心等待".replace("\r", "")
    assert templates[0].group == "售后"
    assert len({t.id for t in templates}) == 2


def test_a_minimal_title_phrase_csv():
    templates = loads_csv("title,phrase\n退款,{buyer_nick} 退款已处理\n", new_id=lambda: "own-1")
    assert templates[0].id == "own-1" and templates[0].text().body == "{buyer_nick} 退款已处理"


def test_bad_files_say_what_is_wrong(tmp_path):
    with pytest.raises(InputError, match="x.csv 第 1 行：没有短语列"):
        loads_csv("a,b\n1,2\n", "x.csv")
    with pytest.raises(InputError, match="x.csv 第 2 行 字段 kinds"):
        loads_csv("title,phrase,kinds\nt,p,nonsense\n", "x.csv")
    with pytest.raises(InputError, match="x.json：不是有效的 JSON"):
        loads_json("{", "x.json")
    with pytest.raises(InputError, match="x.json 第 1 个模板"):
        loads_json('[{"texts": {}}]', "x.json")
    with pytest.raises(InputError, match="missing.csv"):
        load_file(tmp_path / "missing.csv")
    assert "id,language,group,title,phrase" in dumps_csv([])
