"""The case panel's 原因与费用 tab: why the case happened (the platform's words, the cause
and its open question), what it cost (money in and out), how the return came back, and
how the case ended. Every change is one entry on the case's timeline (core/case_facts).
A case that has just ended without an outcome asks for it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.case_states import effective_events
from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.model import (
    CaseKind,
    CaseState,
    Cause,
    EventKind,
    MoneyKind,
    Outcome,
    Responsibility,
)
from shopdesk.services import cases
from shopdesk.services.case_snapshot import CaseSnapshot, read_case
from shopdesk.services.session import Store
from shopdesk.ui.countdown import ui_now
from shopdesk.ui.format import label, local_time, money
from shopdesk.ui.i18n import current_language
from shopdesk.ui.layout_fit import let_shrink

_RETURN_KINDS = {CaseKind.RETURN_REFUND.value, CaseKind.EXCHANGE.value}
_ERROR = "color: #b00020;"
_DONE = "color: #1b5e20;"
_QUESTION = "color: #8a4b00; background: #fff3e0; border-radius: 4px; padding: 4px;"


def _combo(enum, current: str | None = None, first: str | None = None) -> QComboBox:
    combo = QComboBox()
    if first is not None:
        combo.addItem(first, None)
    language = current_language()
    for member in enum:
        combo.addItem(member.label(language), member.value)
    if current is not None:
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
    return combo


class OutcomeForm(QWidget):
    """How the case ended: the outcome and, for a ruling, its pasted text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outcome = _combo(Outcome, first=self.tr("（请选择）"))
        self.ruling = QPlainTextEdit()
        self.ruling.setPlaceholderText(self.tr("平台判定原文（可粘贴，选填）"))
        self.ruling.setFixedHeight(64)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("结果"), self.outcome)
        form.addRow(self.tr("判定"), self.ruling)

    def chosen(self) -> str | None:
        return self.outcome.currentData()


class OutcomeDialog(QDialog):
    """Asked once when a case ends in the window without an outcome."""

    def __init__(self, case_id: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("售后单 #%1 已结束").replace("%1", str(case_id)))
        self.form = OutcomeForm()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("以后再说"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("这单售后是怎么结束的？记下结果，分析里才算得清。")))
        layout.addWidget(self.form)
        layout.addWidget(buttons)


class CaseFactsPanel(QWidget):
    changed = Signal(int)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.case_id: int | None = None
        self._states: dict[int, str] = {}  # the state last shown, to notice a case ending
        self.outcome_dialog: OutcomeDialog | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self._cause_box())
        layout.addWidget(self._money_box())
        self.inspection_box = QGroupBox(self.tr("退货验收"))
        self.inspection_grid = QGridLayout(self.inspection_box)
        layout.addWidget(self.inspection_box)
        layout.addWidget(self._outcome_box())
        layout.addWidget(self.message)
        layout.addStretch(1)

    # ------------------------------------------------------------ building

    def _cause_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("售后原因"))
        self.platform_words = QLabel()
        self.platform_words.setWordWrap(True)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet(_QUESTION)
        self.cause = _combo(Cause)
        self.responsibility = _combo(Responsibility, first=self.tr("随原因"))
        self.cause_note = QLineEdit()
        self.cause_note.setPlaceholderText(self.tr("判断依据（选填），如：外包装完好"))
        self.save_cause = QPushButton(self.tr("确定原因"))
        self.save_cause.clicked.connect(self.record_cause)
        form = QFormLayout(box)
        form.addRow(self.tr("平台原因"), self.platform_words)
        form.addRow(self.question)
        row = QHBoxLayout()
        row.addWidget(self.cause, 2)
        row.addWidget(QLabel(self.tr("责任方")))
        row.addWidget(self.responsibility, 1)
        form.addRow(self.tr("原因"), row)
        note_row = QHBoxLayout()
        note_row.addWidget(self.cause_note, 1)
        note_row.addWidget(self.save_cause)
        form.addRow(note_row)
        return box

    def _money_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("费用"))
        self.money_table = QTableWidget(0, 5)
        self.money_table.setHorizontalHeaderLabels(
            [self.tr("类型"), self.tr("金额"), self.tr("方向"), self.tr("时间"), self.tr("备注")]
        )
        self.money_table.verticalHeader().hide()
        self.money_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.money_table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.money_table.setWordWrap(False)
        let_shrink(self.money_table, 72)  # grows into free room; 记录结果 stays on screen
        self.totals = QLabel()
        self.money_kind = _combo(MoneyKind, MoneyKind.COMPENSATION.value)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("付出"), False)
        self.direction.addItem(self.tr("收回"), True)
        self.money_kind.currentIndexChanged.connect(self._default_direction)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("金额（元）"))
        self.money_note = QLineEdit()
        self.money_note.setPlaceholderText(self.tr("备注，如：聊天里答应补偿 5 元运费"))
        self.add_money = QPushButton(self.tr("记一笔"))
        self.add_money.clicked.connect(self.record_money)
        self.amount.returnPressed.connect(self.record_money)
        row = QHBoxLayout()
        row.addWidget(self.money_kind)
        row.addWidget(self.amount, 1)
        row.addWidget(self.direction)
        note_row = QHBoxLayout()
        note_row.addWidget(self.money_note, 1)
        note_row.addWidget(self.add_money)
        layout = QVBoxLayout(box)
        layout.addWidget(self.money_table)
        layout.addWidget(self.totals)
        layout.addLayout(row)
        layout.addLayout(note_row)
        return box

    def _outcome_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("处理结果"))
        self.outcome_form = OutcomeForm()
        self.save_outcome = QPushButton(self.tr("记录结果"))
        self.save_outcome.clicked.connect(lambda: self.record_outcome(self.outcome_form))
        layout = QVBoxLayout(box)
        layout.addWidget(self.outcome_form)
        layout.addWidget(self.save_outcome, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _default_direction(self) -> None:
        kind = MoneyKind(self.money_kind.currentData())
        self.direction.setCurrentIndex(0 if kind.out else 1)

    # ------------------------------------------------------------ showing

    def show_case(self, case_id: int) -> None:
        self.show_snapshot(read_case(self.store, case_id, ui_now()))

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        self.case_id = snapshot.case_id
        case, events = snapshot.case, list(snapshot.events)
        facts = cases.derive_facts(case, events)
        self.platform_words.setText(case.reason or self.tr("（平台没有给出原因）"))
        self.question.setText(
            self.tr("待判断：") + facts.cause_question if facts.cause_question else ""
        )
        self.question.setVisible(bool(facts.cause_question))
        self.cause.setCurrentIndex(max(self.cause.findData(facts.cause), 0))
        self.responsibility.setCurrentIndex(0)
        self._show_money(facts)
        self._show_inspection(case, events, snapshot.lines)
        if facts.outcome:
            self.outcome_form.outcome.setCurrentIndex(
                max(self.outcome_form.outcome.findData(facts.outcome), 0)
            )
        else:
            self.outcome_form.outcome.setCurrentIndex(0)
        self.outcome_form.ruling.setPlainText(facts.ruling)
        self._ask_outcome_if_just_ended(case, facts)

    def _show_money(self, facts: cases.Facts) -> None:
        self.money_table.setRowCount(len(facts.entries))
        for row, entry in enumerate(facts.entries):
            note = self.tr("平台导出：退款成功") if entry.automatic else entry.note
            cells = [
                label(MoneyKind, entry.kind),
                money(entry.fen),
                self.tr("付出") if entry.out else self.tr("收回"),
                local_time(entry.at)[5:],  # the year is the case's
                note,
            ]
            for column, text in enumerate(cells):
                self.money_table.setItem(row, column, QTableWidgetItem(text))
        m = facts.money
        self.totals.setText(
            self.tr("已退款 %1 · 补偿 %2 · 收回 %3 · 净损失 %4")
            .replace("%1", money(m.refund_fen))
            .replace("%2", money(m.compensation_fen))
            .replace("%3", money(m.recovered_fen))
            .replace("%4", money(m.net_cost_fen))
        )

    def _show_inspection(self, case, events, lines) -> None:
        while self.inspection_grid.count():
            item = self.inspection_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.inspection_rows: list[tuple[int, QSpinBox, QSpinBox, QCheckBox]] = []
        self.inspection_box.setVisible(case.kind in _RETURN_KINDS)
        received = any(
            e.kind == EventKind.SELLER_RECEIVED_RETURN.value for e in effective_events(events)
        )
        if not received:
            self.inspection_grid.addWidget(
                QLabel(self.tr("收到退货后，在这里记录每件商品的情况。"))
            )
            return
        recorded = {i.position: i for i in cases.derive_facts(case, events).inspected}
        for row, line in enumerate(lines):
            good, bad = QSpinBox(), QSpinBox()
            for box in (good, bad):
                box.setRange(0, max(line.quantity, 1))
            restock = QCheckBox(self.tr("回库存"))
            if line.position in recorded:  # what the last inspection said
                good.setValue(recorded[line.position].good)
                bad.setValue(recorded[line.position].bad)
                restock.setChecked(recorded[line.position].restock)
            self.inspection_grid.addWidget(QLabel(f"{line.position}. {line.title}"), row, 0)
            self.inspection_grid.addWidget(QLabel(self.tr("完好")), row, 1)
            self.inspection_grid.addWidget(good, row, 2)
            self.inspection_grid.addWidget(QLabel(self.tr("次品")), row, 3)
            self.inspection_grid.addWidget(bad, row, 4)
            self.inspection_grid.addWidget(restock, row, 5)
            self.inspection_rows.append((line.position, good, bad, restock))
        self.save_inspection = QPushButton(self.tr("记录验收"))
        self.save_inspection.clicked.connect(self.record_inspection)
        self.inspection_grid.addWidget(self.save_inspection, len(lines), 5)

    def _ask_outcome_if_just_ended(self, case, facts) -> None:
        before = self._states.get(case.id)
        self._states[case.id] = case.state
        ended = not CaseState.parse(case.state).is_open
        if before is None or not CaseState.parse(before).is_open or not ended or facts.outcome:
            return
        self.outcome_dialog = OutcomeDialog(case.id, self)
        self.outcome_dialog.accepted.connect(lambda: self.record_outcome(self.outcome_dialog.form))
        self.outcome_dialog.open()

    # ------------------------------------------------------------ recording

    def _done(self, text: str) -> None:
        self.message.setStyleSheet(_DONE)
        self.message.setText(text)
        self.changed.emit(self.case_id)

    def _failed(self, error: ShopDeskError) -> None:
        self.message.setStyleSheet(_ERROR)
        self.message.setText(say(error))

    def record_cause(self) -> None:
        try:
            cases.set_cause(
                self.store,
                self.case_id,
                self.cause.currentData(),
                note=self.cause_note.text(),
                responsibility=self.responsibility.currentData(),
            )
        except ShopDeskError as error:
            self._failed(error)
            return
        self.cause_note.clear()
        self._done(self.tr("已记录原因"))

    def record_money(self) -> None:
        try:
            cases.add_money(
                self.store,
                self.case_id,
                self.money_kind.currentData(),
                self.amount.text(),
                incoming=self.direction.currentData(),
                note=self.money_note.text(),
            )
        except ShopDeskError as error:
            self._failed(error)
            return
        self.amount.clear()
        self.money_note.clear()
        self._done(self.tr("已记一笔"))

    def record_inspection(self) -> None:
        lines = [
            (position, good.value(), bad.value(), restock.isChecked())
            for position, good, bad, restock in self.inspection_rows
            if good.value() or bad.value()
        ]
        try:
            done = cases.record_inspection(self.store, self.case_id, lines)
        except ShopDeskError as error:
            self._failed(error)
            return
        if done.defective:
            self._done(self.tr("已记录验收。有次品：请在“证据”里添加次品照片。"))
        else:
            self._done(self.tr("已记录验收"))

    def record_outcome(self, form: OutcomeForm) -> None:
        chosen = form.chosen()
        if chosen is None:
            self._failed(ShopDeskError(self.tr("请先选择处理结果")))
            return
        try:
            cases.set_outcome(self.store, self.case_id, chosen, ruling=form.ruling.toPlainText())
        except ShopDeskError as error:
            self._failed(error)
            return
        self._done(self.tr("已记录结果"))
