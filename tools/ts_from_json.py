"""One-time move of the UI translations from the flat JSON tables (resources/i18n/zh-TW.json
and en.json, source text -> translation) into the Qt Linguist catalogues
resources/i18n/shopdesk_zh_TW.ts and shopdesk_en.ts.

Runs lupdate over shopdesk/ui first (so the catalogues hold exactly the strings of the
sources, in the contexts lupdate finds), then fills every message, in every context, with
the JSON translation of its source. Strings turned into %n plurals take their forms from
PLURALS below (the JSON tables knew only the old %1 text). Whatever is left without a
translation stays unfinished, and tests/ui/test_i18n.py names it.

    python tools/ts_from_json.py

The JSON tables are retired. A branch made before that still adds its new strings to them:
merge it keeping its zh-TW.json/en.json, run this, then delete the two tables again.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ts_catalogue import I18N, LANGUAGES, lupdate, ts_path  # noqa: E402

# New %n source -> (the JSON key it replaced, {old placeholder: new}, English one, other).
PLURALS = {
    "%n 项已超时": ("%1 项已超时", {"%1": "%n"}, "%n deadline overdue", "%n deadlines overdue"),
    "%n 项即将到期": ("%1 项即将到期", {"%1": "%n"}, "%n coming up", "%n coming up"),
    "%n 项时限即将到期": (
        "%1 项时限即将到期",
        {"%1": "%n"},
        "%n deadline coming up",
        "%n deadlines coming up",
    ),
    "……共 %n 项": ("……共 %1 项", {"%1": "%n"}, "… %n in all", "… %n in all"),
    "ShopDesk 关闭期间有 %n 项时限已到": (
        "ShopDesk 关闭期间有 %1 项时限已到",
        {"%1": "%n"},
        "%n deadline ran out while ShopDesk was closed",
        "%n deadlines ran out while ShopDesk was closed",
    ),
    "导入了 %n 个模板": (
        "导入了 %1 个模板",
        {"%1": "%n"},
        "Imported %n template",
        "Imported %n templates",
    ),
    "还有 %n 处待填：%1（填好后才能复制）": (
        "还有 %1 处待填：%2（填好后才能复制）",
        {"%1": "%n", "%2": "%1"},
        "%n gap left: %1 (fill it in to copy)",
        "%n gaps left: %1 (fill them in to copy)",
    ),
    "已导出 %n 行到 %1": (
        "已导出 %1 行到 %2",
        {"%1": "%n", "%2": "%1"},
        "Exported %n row to %1",
        "Exported %n rows to %1",
    ),
    "%n 行": ("%1 行", {"%1": "%n"}, "%n line", "%n lines"),
    "正在导入 %n 个文件…": (
        "正在导入 %1 个文件…",
        {"%1": "%n"},
        "Importing %n file…",
        "Importing %n files…",
    ),
    "%n 字": ("%1 字", {"%1": "%n"}, "%n character", "%n characters"),
}


# Where one source text means different things in different contexts (the flat tables
# could not tell them apart): (language, context, source) -> translation.
IN_CONTEXT = {
    # the module helpers' 订单 is one order (a case's order, the 待办 subject of an order
    # row); the navigation's 订单 (MainWindow) is the Orders view
    ("en", "", "订单"): "Order",
}


def renamed(text: str, placeholders: dict[str, str]) -> str:
    """Swap placeholders all at once (%1 -> %n and %2 -> %1 must not chain)."""
    out, i = [], 0
    while i < len(text):
        token = text[i : i + 2]
        if token in placeholders:
            out.append(placeholders[token])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def numerus_forms(source: str, language: str, table: dict[str, str]) -> list[str] | None:
    if source not in PLURALS:
        return None
    old_key, placeholders, one, other = PLURALS[source]
    if language == "en":
        return [one, other]
    return [renamed(table[old_key], placeholders)] if old_key in table else None


def fill(ts: Path, language: str, table: dict[str, str]) -> list[str]:
    """Write the translations into `ts`; returns the sources left untranslated."""
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        missing += _fill_context(context, language, table)
    ET.indent(tree, space="    ")
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    lupdate(ts, language)  # back into lupdate's own layout
    return missing


def _fill_context(context: ET.Element, language: str, table: dict[str, str]) -> list[str]:
    name = context.findtext("name") or ""
    missing = []
    for message in context.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = numerus_forms(source, language, table)
            if forms is None:
                missing.append(source)
                continue
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        elif (language, name, source) in IN_CONTEXT:
            translation.text = IN_CONTEXT[language, name, source]
        elif source in table and table[source]:
            translation.text = table[source]
        else:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
    return missing


def main() -> int:
    untranslated = 0
    for language in LANGUAGES:
        ts = ts_path(language)
        lupdate(ts, language)
        table_path = I18N / f"{language}.json"
        if not table_path.is_file():
            print(f"no {table_path.name}: nothing to convert (the tables are retired)")
            return 2
        table = json.loads(table_path.read_text(encoding="utf-8"))
        missing = fill(ts, language, table)
        untranslated += len(missing)
        print(f"{ts.name}: {len(missing)} untranslated")
        for source in missing:
            print(f"  {source!r}")
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
