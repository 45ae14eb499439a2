"""`shopdesk --smoke-test`: real work on a temporary store, then `ok` (used by CI and by
the frozen build to prove it starts and that every capability made it into the bundle).

Steps: the resources are there; a store with its migrations; the built-in sample export
imported; deadlines computed; a reply template rendered with the case's facts; an evidence
package (images and a summary PDF) built and verified, from files and from the case's
exhibits in the store; the command line answering in JSON; the main window opened offscreen on a demo store. Every step runs, every time: a
step that fails, or whose module is missing from the build, prints the reason and exits
non-zero.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from shopdesk import __version__
from shopdesk.domain import paths
from shopdesk.domain.messages import text
from shopdesk.platforms import registry

# the command line's entry (argv -> exit code) and its sub-command modules
CommandLine = tuple[Callable[[list[str]], int], Sequence[str]]

# A fixed "now" just after the sample export was taken (2024-06-20 10:30 China time),
# so its clocks are running, not long lapsed.
SAMPLE_NOW = datetime(2024, 6, 20, 3, 0, 0, tzinfo=UTC)
# The orders view's name in the language asked for (the window really speaks it), and
# Qt's own Cancel in it (Qt's translations are in the bundle): cli.smoke.* in the catalogue.
# The sample case is a Chinese seller's in every language (cli.smoke.sample.*, always
# zh-CN): its package's PDF must prove the Chinese font made it into the bundle.
SAMPLE_LANGUAGE = "zh-CN"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _sample(key: str, **params) -> str:
    return text(f"cli.smoke.sample.{key}", SAMPLE_LANGUAGE, **params)


def run_smoke_test(lang: str | None = None, cli: CommandLine | None = None) -> int:
    """`lang` (`--lang`): the window's language, zh-CN unless asked. `cli`: the command
    line's entry and its sub-command modules, handed in by cli.py (which imports this
    module, never the other way round)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    lang = lang or "zh-CN"
    mode = "frozen" if paths.is_frozen() else "source"
    print(f"ShopDesk {__version__} smoke test ({mode}, {lang})")
    try:
        with tempfile.TemporaryDirectory(prefix="shopdesk-smoke-") as folder:
            os.environ["SHOPDESK_DATA_DIR"] = str(Path(folder) / "data")
            _run_steps(Path(folder), lang, cli)
    except Exception:
        traceback.print_exc()
        print("smoke test failed", file=sys.stderr)
        return 1
    print(f"done in {time.perf_counter() - started:.2f} s")
    print("ok")
    return 0


def _run_steps(folder: Path, lang: str, cli: CommandLine | None) -> None:
    from shopdesk.ui.app import make_application

    # One QApplication for the whole run: the evidence renderer would otherwise make a
    # QGuiApplication, on which no window can open.
    state: dict = {"folder": folder, "app": make_application(lang), "lang": lang, "cli": cli}
    steps: list[tuple[str, Callable[[dict], str]]] = [
        ("resources", _resources),
        ("store", _store),
        ("import", _import_sample),
        ("deadlines", _deadlines),
        ("template", _template),
        ("evidence", _evidence),
        ("evidence-store", _evidence_store),
        ("cli", _cli),
        ("window", _window),
    ]
    try:
        for name, step in steps:
            print(f"{name}: {step(state)}")
    finally:
        if "store" in state:
            state["store"].close()


def _resources(state: dict) -> str:
    from shopdesk.ui import i18n

    folder = paths.resources_dir()
    needed = [paths.font_path(), paths.resource("icons", "shopdesk.png")]
    needed += [i18n.compiled_catalogue(lang) for lang in i18n.TRANSLATED]
    missing = [str(p) for p in needed if not p.is_file()]
    assert not missing, f"resources missing: {', '.join(missing)}"
    kinds = sorted(p.name for p in folder.iterdir() if p.is_dir())
    return f"{folder} ({', '.join(kinds)})"


def _store(state: dict) -> str:
    from shopdesk.store.store import Store

    store = Store.open(state["folder"] / "smoke.db")
    state["store"] = store
    tables = set(store.db.table_names())
    missing = {"orders", "cases", "case_events", "templates", "evidence"} - tables
    assert not missing, f"the migrations left out tables: {sorted(missing)}"
    return f"{store.path.name}, {len(tables)} tables"


def sample_files() -> list[Path]:
    """The small built-in Taobao export (orders, item lines, refund workbook)."""
    files = sorted(p for p in paths.resource("samples").iterdir() if p.is_file())
    assert files, "resources/samples is empty"
    return files


def _import_sample(state: dict) -> str:
    from shopdesk.store.import_repo import import_files

    store = state["store"]
    report = import_files(store, sample_files(), now=SAMPLE_NOW)
    skipped = [p for f in report.files for p in f.skipped]
    assert not skipped, f"the sample export has rows the importer skipped: {skipped}"
    counts = store.counts()
    assert counts["orders"] > 0 and counts["cases"] > 0, f"nothing imported: {counts}"
    kinds = ", ".join(f"{f.kind} {f.added}" for f in report.files)
    return (
        f"{len(report.files)} files ({kinds}) -> {counts['orders']} orders, {counts['cases']} cases"
    )


def _deadlines(state: dict) -> str:
    from shopdesk.store.deadlines_repo import open_deadlines

    deadlines = [d for d in open_deadlines(state["store"], SAMPLE_NOW) if d.due_at]
    assert deadlines, "no running deadline on the imported sample"
    soonest = deadlines[0]
    state["deadline"] = soonest
    return f"{len(deadlines)} running, soonest {soonest.rule_id} for {soonest.party} at {soonest.due_at:%Y-%m-%d %H:%M}Z"


def _template(state: dict) -> str:
    from shopdesk.templates.context import build_context
    from shopdesk.templates.library import load_builtin, render_template

    store = state["store"]
    case = store.list_cases()[0]
    order = store.get_order(case.order_id)
    values = build_context(order, case, store.get_shop(order.shop_id))
    templates = load_builtin()
    assert templates, "no built-in reply templates"
    used = [t for t in templates if "{order_no}" in t.text().body] or templates
    rendered = render_template(used[0], values)
    assert rendered.text.strip(), f"template {used[0].id} rendered empty"
    if "{order_no}" in used[0].text().body:
        assert order.order_no in rendered.text, f"{used[0].id} lost the order number"
    return f"{len(templates)} templates, {used[0].id}: {len(rendered.text)} chars, {len(rendered.gaps)} gaps"


def _evidence(state: dict) -> str:
    """A package for the imported refund case, built from exhibit files directly."""
    from shopdesk.evidence.package import build_package, plan_package

    request = _evidence_request(state)
    plan = plan_package(request)
    assert plan.fits, f"the smoke package does not fit: {plan.problems}"
    return _checked_package(build_package(plan, state["folder"] / "packages"))


def _evidence_store(state: dict) -> str:
    """The seller's way: the exhibits attached to the case in the store (copied into the
    store's folder), then the package built from the store on its own connection."""
    from shopdesk.evidence.from_store import pack_case
    from shopdesk.store.evidence_repo import add_file, list_evidence

    store = state["store"]
    case_id = store.list_cases()[0].id
    for exhibit in _exhibit_files(state):
        add_file(store, case_id, exhibit.path, exhibit.kind, caption=exhibit.caption)
    attached = list_evidence(store, case_id)
    result = pack_case(store.path, case_id, PROFILE, state["folder"] / "store-packages")
    assert result.package is not None, f"the case's package does not fit: {result.plan.problems}"
    return f"{len(attached)} files attached; " + _checked_package(result.package)


def _checked_package(package: Path) -> str:
    from shopdesk.evidence.package import verify

    problem = verify(package)
    assert problem is None, problem
    files = [p for p in package.rglob("*") if p.is_file()]
    images = [p for p in files if p.suffix.lower() in (".jpg", ".jpeg", ".png")]
    pdfs = [p for p in files if p.suffix.lower() == ".pdf"]
    assert images and pdfs, f"the package lacks images or a PDF: {[p.name for p in files]}"
    _check_pdf(pdfs[0])
    return f"{package.name}: {len(files)} files ({len(images)} images, {len(pdfs)} PDF), verified"


PROFILE = registry.default_profile()


def _exhibit_files(state: dict) -> tuple:
    """A photo and a chat screenshot drawn here and a PDF invoice written with
    QPdfWriter, once per run, as packmodel Exhibits."""
    if "exhibits" in state:
        return state["exhibits"]
    import hashlib

    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    from shopdesk.evidence import qtenv
    from shopdesk.evidence.packmodel import Exhibit

    qtenv.ensure_gui()
    store, folder = state["store"], state["folder"] / "exhibits"
    folder.mkdir()
    order = store.get_order(store.list_cases()[0].order_id)

    def exhibit(path: Path, kind: str, caption: str, mime: str = "") -> Exhibit:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        return Exhibit(kind, path.name, path, digest, len(data), mime=mime, caption=caption)

    def drawn(name: str, kind: str, text: str, width: int, height: int) -> Exhibit:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor("#f4efe6"))
        painter = QPainter(image)
        painter.setFont(qtenv.font(max(24, width // 30)))
        painter.drawText(image.rect().adjusted(40, 40, -40, -40), 0, text)
        painter.end()
        path = folder / name
        assert image.save(str(path)), f"could not write {name}"
        return exhibit(path, kind, text)

    invoice = folder / _sample("invoice_file")
    writer = QPdfWriter(str(invoice))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    painter.setFont(qtenv.font(60))
    painter.drawText(200, 400, _sample("invoice_text", order=order.order_no))
    painter.end()

    photo = _sample("photo_text", tracking=order.tracking_no)
    state["exhibits"] = (
        drawn(_sample("photo_file"), "photo", photo, 1600, 1200),
        drawn(_sample("shipping_file"), "shipping", _sample("shipping_text"), 720, 1280),
        exhibit(invoice, "invoice", _sample("invoice_caption"), "application/pdf"),
    )
    return state["exhibits"]


def _evidence_request(state: dict):
    from shopdesk.evidence.packmodel import CaseFacts, PackageRequest
    from shopdesk.evidence.profiles import get_profile

    store = state["store"]
    case = store.list_cases()[0]
    order = store.get_order(case.order_id)
    facts = CaseFacts(
        case_id=case.id,
        order_no=order.order_no,
        shop_name=store.get_shop(order.shop_id).name,
        platform=case.platform,
        case_kind=case.kind,
        buyer_nick=order.buyer_nick,
        item_titles=order.item_titles,
        refund_fen=case.refund_fen,
        reason=case.reason,
        opened_at=case.opened_at,
    )
    statement = _sample("statement")
    return PackageRequest(facts, _exhibit_files(state), statement, get_profile(PROFILE))


def _check_pdf(path: Path) -> None:
    """The package's PDF opens in pypdfium2 and its text comes back as Chinese."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        assert len(document) > 0, f"{path.name} has no pages"
        page = document[0]
        text = page.get_textpage().get_text_range()
        assert CHINESE.search(text), f"{path.name}: no Chinese text"
    finally:
        document.close()


def _cli(state: dict) -> str:
    """Every sub-command module is in the build, and the CLI answers in JSON."""
    cli: CommandLine | None = state["cli"]
    assert cli is not None, "the command line was not handed in: run `shopdesk --smoke-test`"
    main, command_modules = cli
    db = str(state["store"].path)
    answers = []
    for argv in (["cases", "--db", db, "--json"], ["orders", "--db", db, "--json"]):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(argv)
        assert code == 0, f"shopdesk {' '.join(argv)} exited {code}"
        answers.append(json.loads(out.getvalue()))
    assert all(answers), f"empty JSON answers: {answers}"
    return f"{len(command_modules)} command modules; cases/orders --json answered"


def _window(state: dict) -> str:
    from PySide6.QtCore import QCoreApplication, QEvent

    from shopdesk.domain.timeutil import now_utc
    from shopdesk.services.demo import build_demo
    from shopdesk.store.store import Store
    from shopdesk.ui.main_window import MainWindow

    app = state["app"]
    # Qt's own dialogs in Chinese: the bundle must carry qtbase_zh_CN.qm (build.spec)
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    wanted = text("cli.smoke.qt_cancel", state["lang"])
    qt_language = "Chinese" if state["lang"].startswith("zh") else "English"
    assert cancel == wanted, (
        f"Qt's {qt_language} translations are not loaded (Cancel reads {cancel!r})"
    )
    with Store.open(state["folder"] / "demo.db") as store:
        made = build_demo(store, now_utc(), orders=60)
        assert made["cases"] > 0, "the demo store has no cases"
        window = MainWindow(store)
        window.show()
        for key in window.view_keys():
            window.show_view(key)
            app.processEvents()
        window.show_case(store.list_cases()[0].id)
        app.processEvents()
        assert not window.grab().isNull(), "the main window did not paint"
        orders = window.nav.item(window.view_keys().index("orders")).text()
        expected = text("cli.smoke.orders_view", state["lang"])
        assert orders == expected, f"the window reads {orders!r}, not {expected!r}"
        views = len(window.view_keys())
        window.close()
        # Gone before its store closes: its timers must not poll a closed store.
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return (
        f"demo store ({made['orders']} orders, {made['cases']} cases), {views} views painted, "
        f"Qt dialogs in {qt_language} ({state['lang']}: {orders}, {cancel})"
    )
