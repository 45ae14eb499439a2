"""订单 → 粘贴千牛退款详情…: a case from the text of a refund page copied in Qianniu.
What was read shows as the seller types or pastes; the countdown the page shows becomes
the case's platform deadline (docs/formats/qianniu-paste.md)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.model import CaseKind, Cause
from shopdesk.domain.timeutil import now_utc, to_text
from shopdesk.ui.format import label, local_time, money

_ERROR = "color: #b00020;"


class PasteCaseDialog(QDialog):
    created = Signal(int)  # the case id, new or brought up to date

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("粘贴千牛退款详情"))
        self.resize(720, 560)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("在千牛打开退款详情，全选（Ctrl+A）复制（Ctrl+C），粘贴到这里（Ctrl+V）")
        )
        self.text.textChanged.connect(self.read)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title in (
            ("order_no", self.tr("订单编号")),
            ("refund_no", self.tr("退款编号")),
            ("kind", self.tr("类型")),
            ("applied_at", self.tr("申请时间")),
            ("amount", self.tr("退款金额")),
            ("reason", self.tr("退款原因")),
            ("deadline", self.tr("平台截止时间")),
            ("ignored", self.tr("未用的行")),
        ):
            self.fields[key] = QLabel()
            self.fields[key].setWordWrap(True)
            form.addRow(title, self.fields[key])
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(_ERROR)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("新建售后单"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def read(self) -> None:
        text = self.text.toPlainText()
        for field in self.fields.values():
            field.clear()
        if not text.strip():
            self.problem.clear()
            self.ok.setEnabled(False)
            return
        try:
            from shopdesk.services.paste_case import parse_paste

            pasted = parse_paste(text)
        except ShopDeskError as error:
            self.problem.setText(say(error))
            self.ok.setEnabled(False)
            return
        self.problem.clear()
        from shopdesk.services.platforms import read_reason

        cause = read_reason(pasted.platform, pasted.reason)
        deadline = pasted.deadline(now_utc())
        shown = {
            "order_no": pasted.order_no,
            "refund_no": pasted.refund_no,
            "kind": label(CaseKind, pasted.kind) if pasted.kind else self.tr("按订单状态判断"),
            "applied_at": local_time(to_text(pasted.applied_at)) if pasted.applied_at else "",
            "amount": money(pasted.amount_fen),
            "reason": f"{pasted.reason}（{label(Cause, cause.cause)}）" if pasted.reason else "",
            "deadline": local_time(to_text(deadline)) + self.tr("（平台显示）")
            if deadline
            else self.tr("页面上没有倒计时：按规则估算"),
            "ignored": self.tr("%n 行", "", len(pasted.ignored)),
        }
        for key, value in shown.items():
            self.fields[key].setText(value)
        self.ok.setEnabled(True)

    def create(self) -> None:
        try:
            from shopdesk.services.paste_case import case_from_paste

            result = case_from_paste(self.store, self.text.toPlainText())
        except ShopDeskError as error:
            self.problem.setText(say(error))
            return
        self.created.emit(result.case.id)
        self.accept()
