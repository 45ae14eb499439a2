"""The window has one mechanism for its words: every Chinese text in shopdesk/ui is the
source text of a tr()/translate() call (so the .ts catalogues hold it and the English
window shows English), except data the window shows as it is."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "shopdesk" / "ui"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
TRANSLATING = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}

# Texts that are data, not the window's words.
DATA = {
    "case/reply_panel.py": {"简体中文", "繁體中文"},  # each language's own name
    # couriers as the platforms' courier lists name them
    "order_jobs.py": {"中通快递", "圆通速递", "韵达快递", "申通快递", "极兔速递", "顺丰速运",
                      "邮政快递包裹", "京东快递"},
    # Qt's own file-dialog words, looked for to prove Qt's catalogue is loaded
    "qt_translations.py": {"查找范围(&L)：", "文件类型(&T)：", "文件夹", "驱动器", "未知",
                           "尋找於(&L)：", "檔案型態(&T)：", "資料夾", "磁碟機"},
    "views/due_view.py": {"买"},  # a wide character to size the buyer column by
}  # fmt: skip


def untranslated(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parent = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in docstrings or not CJK.search(node.value):
            continue
        call = parent.get(id(node))
        while isinstance(call, (ast.BinOp, ast.JoinedStr)):  # "a" "b" joined, f-strings
            call = parent.get(id(call))
        name = ""
        if isinstance(call, ast.Call):
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
        if name not in TRANSLATING:
            found.append((node.lineno, node.value))
    return found


def test_every_chinese_text_of_the_window_goes_through_its_catalogue():
    problems = []
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()
        allowed = DATA.get(name, set())
        problems += [(name, line, text) for line, text in untranslated(path) if text not in allowed]
    assert not problems, problems


def test_the_check_finds_a_text_outside_tr(tmp_path):
    module = tmp_path / "view.py"
    module.write_text(
        '"""中文说明。"""\nA = tr("待办")\nB = f"{n} 单"\nC = self.tr("订单" + "号")\n',
        encoding="utf-8",
    )
    assert untranslated(module) == [(3, " 单")]
