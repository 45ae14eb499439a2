"""分析: what after-sales tells the shop over a period: by product, cause, responsibility
and courier (tables with charts), appeals and service times, and the 产品预警. Every
row drills down to its cases (double-click); a product row gives its 产品改进单."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.model import CaseKind, CaseState
from shopdesk.services import insights
from shopdesk.services.insights import Bar, Period, Point, Scope, paint_bars, paint_trend
from shopdesk.services.session import Store
from shopdesk.ui.format import label, local_time
from shopdesk.ui.i18n import current_language
from shopdesk.ui.scope_bar import ScopeBoxes
from shopdesk.ui.tasks import Task, runner
from shopdesk.ui.views.insights_models import (
    KEY_ROLE,
    CaseLine,
    FigureModel,
    appeal_figures,
    breakdown_figures,
    case_figures,
)

log = logging.getLogger(__name__)

CHART_ROWS = 15  # bars in a view's chart (the table lists every row)


def tr(text: str) -> str:
    return QCoreApplication.translate("InsightsView", text)


class ChartWidget(QWidget):
    """Bars (products by rate, causes by cases ...) or the weekly trend, drawn with
    QPainter (shopdesk/evidence/charts.py, the same drawing as the PDF)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.points: list[Point] | None = None
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars, self.points = bars, None
        self.update()

    def set_trend(self, points: list[Point]) -> None:
        self.points = points
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        if self.points is not None:
            paint_trend(painter, rect, self.points, self.font())
        else:  # as many bars as have room for their labels (the table lists them all)
            fit = max(1, int(rect.height() // (self.fontMetrics().height() * 1.25)))
            paint_bars(painter, rect, self.bars[:fit], self.font())
        painter.end()


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    # Column widths from the first rows: measuring thousands of products costs seconds.
    table.horizontalHeader().setResizeContentsPrecision(40)
    table.setAlternatingRowColors(True)
    return table


class BreakdownTab(QWidget):
    """One dimension: its chart above, its table below."""

    def __init__(self, dimension: str, parent=None):
        super().__init__(parent)
        self.dimension = dimension
        self.model = FigureModel(breakdown_figures(dimension), self)
        self.table = _table(self.model)
        self.chart = ChartWidget()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setSizes([220, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def show_rows(self, rows: list, period: Period, alerted: frozenset = frozenset()) -> None:
        self.model.set_rows(rows, period.describe())
        self.table.resizeColumnsToContents()
        if self.dimension in ("product", "courier"):
            ranked = sorted(
                (r for r in rows if r.cases),
                key=lambda r: (-(r.rate_per_100 or 0), -r.cases, r.key),
            )[:CHART_ROWS]
            unit = tr("每百件") if self.dimension == "product" else tr("每百个包裹")
            bars = [
                Bar(
                    r.label,
                    r.rate_per_100 or 0,
                    self.tr("%1 %2（%n 单）", "", r.cases)
                    .replace("%1", unit)
                    .replace("%2", f"{r.rate_per_100 or 0:g}"),
                    r.key in alerted,
                )
                for r in ranked
            ]
        else:
            bars = [
                Bar(
                    r.label,
                    r.cases,
                    self.tr("%n 单", "", r.cases),
                )
                for r in rows[:CHART_ROWS]
            ]
        self.chart.set_bars(bars)

    def current_key(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.data(index, KEY_ROLE) if index.isValid() else None


class CasesDialog(QDialog):
    """The cases a figure counts; double-click opens one in the window."""

    open_case = Signal(int)

    def __init__(self, title: str, lines: list[CaseLine], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 420)
        self.model = FigureModel(case_figures(), self)
        self.model.set_rows(lines, "")
        self.table = _table(self.model)
        self.table.resizeColumnsToContents()
        self.table.doubleClicked.connect(self._open)
        buttons = QDialogButtonBox()
        buttons.addButton(tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(tr("共 %1 个售后单（双击打开）").replace("%1", str(len(lines)))))
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _open(self, index) -> None:
        case_id = self.model.data(index, KEY_ROLE)
        if case_id is not None:
            self.open_case.emit(int(case_id))


class InsightsView(QWidget):
    selected_case = Signal(int)
    service_shown = Signal()  # the 服务 tab's figures arrived from their worker

    PERIODS = ("this_week", "this_month", "last_30", "last_90", "custom")

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.period_box = QComboBox()
        for key, text in zip(
            self.PERIODS,
            (tr("本周"), tr("本月"), tr("最近 30 天"), tr("最近 90 天"), tr("自定义")),
            strict=True,
        ):
            self.period_box.addItem(text, key)
        self.period_box.setCurrentIndex(2)
        self.period_box.setToolTip(tr("统计期间（北京时间，含首尾两天）"))
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self._custom_changed())
        self.scope_boxes = ScopeBoxes(self)
        self.platform_box, self.shop_box = self.scope_boxes.platform_box, self.scope_boxes.shop_box
        self.sheet_button = QPushButton(tr("产品改进单…"))
        self.sheet_button.setToolTip(tr("为选中的商品写出产品改进单（xlsx 或 PDF）"))
        self.sheet_button.clicked.connect(self.write_sheet)
        bar = QHBoxLayout()
        for text, widget in (
            (tr("期间"), self.period_box),
            ("", self.start_edit),
            (tr("至"), self.end_edit),
            (tr("平台"), self.platform_box),
            (tr("店铺"), self.shop_box),
        ):
            if text:
                bar.addWidget(QLabel(text))
            bar.addWidget(widget)
        bar.addStretch(1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.alert_label = QLabel()
        self.alert_label.setWordWrap(True)
        self.alert_label.setStyleSheet("color: #b4441e; font-weight: bold;")
        self.trend = ChartWidget()
        self.trend.setToolTip(tr("每周售后单数（柱）和每百件售后（线）"))
        self.trend.setFixedHeight(150)

        self.tabs = QTabWidget()
        # beside the tabs, over the product table it writes a sheet for (and out of the
        # filter bar, which must fit a 1280-pixel window in English too)
        self.tabs.setCornerWidget(self.sheet_button, Qt.Corner.TopRightCorner)
        self.breakdowns = {
            "product": BreakdownTab("product"),
            "cause": BreakdownTab("cause"),
            "responsibility": BreakdownTab("responsibility"),
            "courier": BreakdownTab("courier"),
        }
        names = {
            "product": tr("商品"),
            "cause": tr("原因"),
            "responsibility": tr("责任方"),
            "courier": tr("快递"),
        }
        for key, tab in self.breakdowns.items():
            self.tabs.addTab(tab, names[key])
            tab.table.doubleClicked.connect(lambda index, k=key: self.drill_down(k, index))
            tab.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.appeals_model = FigureModel(appeal_figures(), self)
        self.appeals_table = _table(self.appeals_model)
        self.appeals_table.doubleClicked.connect(self._drill_appeal)
        self.tabs.addTab(self.appeals_table, tr("申诉"))
        self.service_label = QLabel()
        self.service_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.service_label.setWordWrap(True)
        self.service_label.setMargin(12)
        self.tabs.addTab(self.service_label, tr("服务"))
        self.tabs.currentChanged.connect(lambda _i: (self._update_buttons(), self._fill_current()))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.alert_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.trend)
        layout.addWidget(self.tabs, 1)
        self.period_box.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.scope_boxes.changed.connect(lambda _scope: self.refresh_figures())
        self._filled: set[int] = set()
        self._alerted: frozenset = frozenset()
        self._loading = False
        self._stale = True
        self._service_asked = 0
        self.service_job: Task | None = None
        self.refresh()

    # -- period and scope -------------------------------------------------------------

    def period(self) -> Period:
        key = self.period_box.currentData()
        if key == "this_week":
            return insights.this_week()
        if key == "this_month":
            return insights.this_month()
        if key == "last_90":
            return insights.last_days(90)
        if key == "custom":
            start = date.fromisoformat(self.start_edit.date().toString("yyyy-MM-dd"))
            end = date.fromisoformat(self.end_edit.date().toString("yyyy-MM-dd"))
            return Period(min(start, end), max(start, end))
        return insights.last_days(30)

    def scope(self) -> Scope:
        return self.scope_boxes.scope()

    def _show_dates(self, period: Period) -> None:
        for edit, day in ((self.start_edit, period.start), (self.end_edit, period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _period_changed(self) -> None:
        custom = self.period_box.currentData() == "custom"
        if not custom:
            self._show_dates(self.period())
        for edit in (self.start_edit, self.end_edit):
            edit.setEnabled(custom)
        self.refresh_figures()

    def _custom_changed(self) -> None:
        if self.period_box.currentData() == "custom":
            self.refresh_figures()

    def set_period(self, start: date, end: date) -> None:
        """A custom period (the seller's own range; the tests)."""
        self.period_box.blockSignals(True)
        self.period_box.setCurrentIndex(self.PERIODS.index("custom"))
        self.period_box.blockSignals(False)
        self._show_dates(Period(min(start, end), max(start, end)))
        for edit in (self.start_edit, self.end_edit):
            edit.setEnabled(True)
        self.refresh_figures(force=True)

    def _fill_filters(self) -> None:
        self._loading = True
        self.scope_boxes.fill(self.store)
        self._loading = False

    # -- figures ----------------------------------------------------------------------

    def refresh(self) -> None:
        """The store changed (or the window opened): figures now if shown, else when
        the view is next shown (the window starts without computing them)."""
        self._fill_filters()
        self._stale = True
        if self.isVisible():
            self._period_changed()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._period_changed()
        else:
            self._fill_current()  # a tab emptied while hidden (new alerts recolour bars)

    def refresh_figures(self, force: bool = False) -> None:
        if self._loading or not (force or self.isVisible()):
            self._stale = True
            return
        self._stale = False
        period, scope = self.period(), self.scope()
        weeks = insights.weekly_trend(self.store, period, scope)
        self.trend.set_trend([Point(f"{w.start:%m-%d}", w.cases, w.rate_per_100) for w in weeks])
        cases = sum(w.cases for w in weeks)
        units = sum(w.units for w in weeks)
        rate = insights.rate(cases, units)
        self.summary.setText(
            tr("%1：售后 %2 单，售出 %3 件，每百件 %4 单。双击任一行查看它的售后单。")
            .replace("%1", period.describe())
            .replace("%2", str(cases))
            .replace("%3", str(units))
            .replace("%4", "—" if rate is None else f"{rate:g}")
        )
        self._filled = set()
        self._fill_current()

    def set_alerts(self, found: list) -> None:
        """The 产品预警 (computed in the background by the 待办 rows' worker)."""
        self.alert_label.setVisible(bool(found))
        self.alert_label.setText(
            "\n".join(
                tr("产品预警：%1 最近 7 天每百件 %2 单（90 天 %3），%4 单，主要原因：%5")
                .replace("%1", a.label)
                .replace("%2", f"{a.rate_7d:g}")
                .replace("%3", f"{a.rate_90d:g}")
                .replace("%4", str(a.cases_7d))
                .replace("%5", insights.cause_label(a.cause, current_language()))
                for a in found
            )
        )
        alerted = frozenset(a.product for a in found)
        if alerted != self._alerted:
            self._alerted = alerted
            product = self.breakdowns["product"]
            index = self.tabs.indexOf(product)
            if index in self._filled:  # recolour the product chart's bars
                self._filled.discard(index)
                if self.isVisible():  # else when it is next shown (the window may be closing)
                    self._fill_current()

    def _fill_current(self) -> None:
        """Only the tab in front is computed (the others when they are shown)."""
        index = self.tabs.currentIndex()
        if index in self._filled or self._loading:
            return
        self._filled.add(index)
        period, scope = self.period(), self.scope()
        widget = self.tabs.widget(index)
        try:
            for dimension, tab in self.breakdowns.items():
                if tab is widget:
                    rows = insights.breakdown(
                        self.store, dimension, period, scope, language=current_language()
                    )
                    tab.show_rows(rows, period, self._alerted)
            if widget is self.appeals_table:
                self.appeals_model.set_rows(
                    insights.appeals(self.store, period, scope, current_language()),
                    period.describe(),
                )
                self.appeals_table.resizeColumnsToContents()
            if widget is self.service_label:
                self._compute_service(period, scope)
        except ShopDeskError as exc:
            QMessageBox.warning(self, tr("分析"), say(exc))
        self._update_buttons()

    def _compute_service(self, period: Period, scope: Scope) -> Task:
        """Service times read every case's timeline and chats: seconds at a big shop, so
        on the window's task runner with its own Store (a connection never crosses
        threads); only the latest request's answer is shown."""
        self._service_asked += 1
        asked = self._service_asked
        self.service_label.setText(tr("正在计算服务时间…"))

        def work(context):
            return insights.service(context.store(), period, scope)

        job = runner().run(
            work,
            store_path=self.store.path,
            on_success=lambda found: self._show_service(asked, _service_text(found)),
            on_failure=lambda exc: self._show_service(asked, _service_failure(exc)),
            name="insights-service",
        )
        self.service_job = job
        return job

    def _show_service(self, asked: int, text: str) -> None:
        if asked == self._service_asked:  # an older period's answer arriving late is dropped
            self.service_label.setText(text)
            self.service_shown.emit()

    def _update_buttons(self) -> None:
        product = self.breakdowns["product"]
        self.sheet_button.setEnabled(
            self.tabs.currentWidget() is product and product.current_key() is not None
        )

    # -- drill-down and the sheet -----------------------------------------------------

    def case_lines(self, ids: list[int]) -> list[CaseLine]:
        lines = []
        for case_id in ids:
            case = self.store.get_case(case_id)
            lines.append(
                CaseLine(
                    case.id,
                    case.order_no,
                    local_time(case.opened_at),
                    label(CaseKind, case.kind),
                    label(CaseState, case.state),
                    insights.cause_label(case.cause, current_language()),
                    case.money_net_fen,
                )
            )
        return lines

    def drill_down(self, dimension: str, index) -> CasesDialog | None:
        key = self.breakdowns[dimension].model.data(index, KEY_ROLE)
        if key is None:
            return None
        ids = insights.case_ids(self.store, dimension, key, self.period(), self.scope())
        title = tr("%1 的售后单（%2）").replace(
            "%1", self.breakdowns[dimension].model.rows[index.row()].label
        )
        return self._show_cases(title.replace("%2", self.period().describe()), ids)

    def _drill_appeal(self, index) -> None:
        key = self.appeals_model.data(index, KEY_ROLE)
        ids = insights.case_ids(self.store, "cause", key, self.period(), self.scope())
        appealed = set(insights.appealed_ids(self.store, ids))
        self._show_cases(tr("平台介入的售后单"), [i for i in ids if i in appealed])

    def _show_cases(self, title: str, ids: list[int]) -> CasesDialog:
        dialog = CasesDialog(title, self.case_lines(ids), self)
        dialog.open_case.connect(self.selected_case.emit)
        dialog.setModal(False)
        dialog.show()
        self.last_dialog = dialog
        return dialog

    def show_product(self, key: str) -> CasesDialog | None:
        """The product's row in front and its cases listed (from a 产品预警 row)."""
        tab = self.breakdowns["product"]
        self.tabs.setCurrentWidget(tab)
        self._fill_current()
        for row in range(tab.model.rowCount()):
            if tab.model.data(tab.model.index(row, 0), KEY_ROLE) == key:
                tab.table.selectRow(row)
                return self.drill_down("product", tab.model.index(row, 0))
        return None

    def write_sheet(self) -> None:
        from shopdesk.services.insights import gather_sheet, write_xlsx

        product = self.breakdowns["product"].current_key()
        if product is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("保存产品改进单"),
            tr("产品改进单-%1.pdf").replace("%1", product),
            "PDF (*.pdf);;Excel (*.xlsx)",
        )
        if not path:
            return
        try:
            sheet = gather_sheet(self.store, product, self.period(), self.scope())
            if path.lower().endswith(".xlsx"):
                write_xlsx(sheet, path)
            else:
                from shopdesk.services.insights import write_sheet_pdf

                write_sheet_pdf(sheet, path if path.lower().endswith(".pdf") else path + ".pdf")
        except ShopDeskError as exc:
            QMessageBox.warning(self, tr("产品改进单"), say(exc))


def _service_failure(exc: BaseException) -> str:
    if isinstance(exc, ShopDeskError):
        return tr("服务时间没有算出：%1").replace("%1", say(exc))
    log.error("service figures failed", exc_info=exc)
    return tr("服务时间没有算出（内部错误，已记入日志）。请稍后切换期间重试。")


def _service_text(found) -> str:
    def value(number, unit: str) -> str:
        return "—" if number is None else f"{number:g} {unit}"

    share = "—" if found.ran_out_share is None else f"{found.ran_out_share * 100:.1f}%"
    return "\n".join(
        [
            tr("期间内申请的售后单：%1").replace("%1", str(found.cases)),
            tr(
                "首次回复（买家第一次发问到卖家第一次回应；时间线和导入的聊天）：中位数 %1，90% 在 %2 以内（%3 单有回复）"
            )
            .replace("%1", value(found.first_reply_median_min, tr("分钟")))
            .replace("%2", value(found.first_reply_p90_min, tr("分钟")))
            .replace("%3", str(found.replied)),
            tr("处理完结（申请到结束）：中位数 %1，90% 在 %2 以内（%3 单已结束）")
            .replace("%1", value(found.resolution_median_h, tr("小时")))
            .replace("%2", value(found.resolution_p90_h, tr("小时")))
            .replace("%3", str(found.resolved)),
            tr("回复超时：%1 单中 %2 单的首次回复晚于店铺回复时限或至今未回复（%3）")
            .replace("%1", str(found.asked))
            .replace("%2", str(found.clock_ran_out))
            .replace("%3", share),
        ]
    )
