"""The case panel's 进度 tab: the running clocks with their explanation, buttons for the
events the platform allows next, undo of the last event (as a correction), a field for
the deadline the platform shows, and the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.countdown import countdown
from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.model import Cause, EventKind, Outcome, Party
from shopdesk.domain.rules import explain
from shopdesk.domain.timeutil import CHINA, from_text, parse_user_time, to_text
from shopdesk.services import platforms
from shopdesk.services.case_snapshot import CaseSnapshot, read_case
from shopdesk.services.cases import record_step, set_platform_deadline, undo_last_step
from shopdesk.services.session import Store
from shopdesk.ui.case.case_timeline import fill_timeline
from shopdesk.ui.countdown import BACKGROUND, FOREGROUND, ui_now
from shopdesk.ui.format import label, local_time, money
from shopdesk.ui.i18n import current_language
from shopdesk.ui.layout_fit import let_shrink


def china_time(text: str | None) -> str:
    """As Qianniu shows it: China time, to the second."""
    return from_text(text).astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S") if text else ""


# Events offered as buttons (notes and corrections have their own controls).
_NOT_BUTTONS = {EventKind.NOTE, EventKind.CORRECTION, EventKind.OPENED}


class DeadlineCard(QWidget):
    """One running clock: countdown, what it is, and its explanation."""

    def __init__(self, deadline, parent=None):
        super().__init__(parent)
        language = current_language()
        self.deadline = deadline
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        head = QHBoxLayout()
        self.countdown = QLabel()
        font = self.countdown.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.countdown.setFont(font)
        basis = self.tr("平台") if deadline.basis == "platform" else self.tr("估算")
        party = Party.parse(deadline.party).label(language)
        self.title = QLabel(f"{deadline.title_in(language)} · {party} · {basis}")
        head.addWidget(self.countdown)
        head.addWidget(self.title, 1)
        layout.addLayout(head)
        # One line of what counts (due when, what happens then); the whole explanation
        # (rule, start, pauses, source, confidence) a click away: three clocks of eight
        # lines each would push the next-step buttons off a 720-pixel screen.
        self.full_text = explain(deadline, language, computer_time=True)
        self.summary = self._summary(deadline, language)
        self.detail = QLabel(self.summary)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("color: #555;")
        self.detail.setToolTip(self.full_text)
        self.more = QToolButton()
        self.more.setText(self.tr("详情"))
        self.more.setCheckable(True)
        self.more.setAutoRaise(True)
        self.more.toggled.connect(self.show_details)
        line = QHBoxLayout()
        line.addWidget(self.detail, 1)
        line.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(line)
        self.setToolTip(self.full_text)
        self.update_countdown()

    def _summary(self, deadline, language: str) -> str:
        if deadline.due_at is None and deadline.unknown_length:
            return deadline.no_due_reason(language)  # nothing is paused: no length is known
        if deadline.due_at is None:
            return self.tr("暂停：%1").replace("%1", deadline.no_due_reason(language))
        return (
            self.tr("截止 %1 · 超时后：%2")
            .replace("%1", local_time(to_text(deadline.due_at)))
            .replace("%2", deadline.on_timeout_in(language))
        )

    def show_details(self, shown: bool) -> None:
        self.detail.setText(self.full_text if shown else self.summary)
        self.more.setText(self.tr("收起") if shown else self.tr("详情"))
        self._fit_detail()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_detail()

    def _fit_detail(self) -> None:
        """The wrapped text's height as the card's floor: nested box layouts underrate a
        wrapped label's height for its width, and the lines past it were cut off."""
        needed = self.detail.heightForWidth(self.detail.width())
        if needed > 0 and needed != self.detail.minimumHeight():
            self.detail.setMinimumHeight(needed)

    def update_countdown(self) -> None:
        if self.deadline.due_at is None:
            # no published length (and no platform deadline entered): nothing to count
            paused = not self.deadline.unknown_length
            self.countdown.setText(self.tr("已暂停") if paused else self.tr("无估计"))
            return
        shown = countdown(self.deadline.due_at, ui_now(), current_language())
        self.countdown.setText(shown.text)
        fg, bg = FOREGROUND.get(shown.urgency), BACKGROUND.get(shown.urgency)
        style = "border-radius: 4px; padding: 2px 6px;"
        if fg is not None:
            style += f"color: {fg.name()}; background: {bg.name()};"
        self.countdown.setStyleSheet(style)


class TimelinePanel(QWidget):
    changed = Signal(int)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.case_id: int | None = None
        self.event_buttons: dict[str, QPushButton] = {}
        self.cards: list[DeadlineCard] = []

        self.clocks = QVBoxLayout()
        self.no_clock = QLabel(self.tr("没有正在计时的平台时限"))
        self.no_clock.setStyleSheet("color: #888;")

        self.platform_due = QLineEdit()
        self._due_hint(None)
        self.save_due = QPushButton(self.tr("录入平台时限"))
        self.save_due.clicked.connect(self.save_platform_deadline)
        self.clear_due = QPushButton(self.tr("清除"))
        self.clear_due.clicked.connect(lambda: self.save_platform_deadline(clear=True))
        due_row = QHBoxLayout()
        due_row.addWidget(self.platform_due, 1)
        due_row.addWidget(self.save_due)
        due_row.addWidget(self.clear_due)

        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("备注（可选，随下一步一起记录）"))
        self.buttons = QGridLayout()
        self.undo = QPushButton(self.tr("撤销上一步"))
        self.undo.clicked.connect(self.undo_last)
        self.add_note = QPushButton(self.tr("添加备注"))
        self.add_note.clicked.connect(lambda: self.record(EventKind.NOTE.value))
        extra = QHBoxLayout()
        extra.addWidget(self.add_note)
        extra.addWidget(self.undo)
        extra.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.timeline = QListWidget()
        let_shrink(self.timeline, 80)

        self.facts_line = QLabel()  # why, what it cost, how it ended (原因与费用 has the rest)
        self.facts_line.setWordWrap(True)
        self.facts_line.setStyleSheet("color: #444;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.facts_line)
        layout.addWidget(QLabel(self.tr("平台时限")))
        layout.addLayout(self.clocks)
        layout.addWidget(self.no_clock)
        layout.addLayout(due_row)
        layout.addWidget(QLabel(self.tr("下一步")))
        layout.addLayout(self.buttons)
        layout.addWidget(self.note)
        layout.addLayout(extra)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("时间线")))
        layout.addWidget(self.timeline, 1)

    # -- showing ----------------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        self.show_snapshot(read_case(self.store, case_id, ui_now()))

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        self.case_id = snapshot.case_id
        self.message.clear()
        self._show_clocks(snapshot.shown_deadlines)
        self._show_buttons(snapshot.allowed, snapshot.step_words)
        self._due_hint(snapshot.order.platform)
        fill_timeline(self.timeline, snapshot.events)
        self.platform_due.setText(china_time(snapshot.case.platform_deadline))
        self._show_facts(snapshot.case)

    def _show_facts(self, case) -> None:
        cause = label(Cause, case.cause)
        if case.cause_question:
            cause += self.tr("（待判断）")
        outcome = label(Outcome, case.outcome) if case.outcome else self.tr("未记录")
        self.facts_line.setText(
            self.tr("原因：%1 · 已退款 %2 · 补偿 %3 · 收回 %4 · 净损失 %5 · 结果：%6")
            .replace("%1", cause)
            .replace("%2", money(case.money_refund_fen))
            .replace("%3", money(case.money_compensation_fen))
            .replace("%4", money(case.money_recovered_fen))
            .replace("%5", money(case.money_net_fen))
            .replace("%6", outcome)
        )

    def _show_clocks(self, deadlines) -> None:
        for card in self.cards:
            self.clocks.removeWidget(card)
            card.hide()  # gone at once; deleted when the event loop gets to it
            card.deleteLater()
        self.cards = [DeadlineCard(d, self) for d in deadlines]
        for card in self.cards:
            self.clocks.addWidget(card)
        self.no_clock.setVisible(not self.cards)

    def _due_hint(self, platform: str | None) -> None:
        """Where this platform's seller reads the deadline: 千牛, 京麦, 抖店后台 ..."""
        tool = platforms.seller_tool(platform, current_language())
        self.platform_due.setPlaceholderText(
            self.tr("%1显示的截止时间（北京时间），如 2026-11-29 10:00:00").replace("%1", tool)
        )

    def _show_buttons(self, allowed, step_words=None) -> None:
        for button in self.event_buttons.values():
            self.buttons.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.event_buttons = {}
        offered = [kind for kind in allowed if kind not in _NOT_BUTTONS]
        # the platform's own (Chinese) word for a step where it has one: JD's 审核通过
        words = (step_words or {}) if current_language() != "en" else {}
        for number, kind in enumerate(offered):
            button = QPushButton(words.get(kind) or label(EventKind, kind.value))
            button.clicked.connect(lambda _c=False, k=kind.value: self.record(k))
            self.buttons.addWidget(button, number // 3, number % 3)
            self.event_buttons[kind.value] = button
        self.undo.setEnabled(EventKind.CORRECTION in allowed)

    # -- writing ----------------------------------------------------------------------

    def record(self, kind: str) -> None:
        if self.case_id is None:
            return
        note = self.note.text().strip()
        if kind == EventKind.NOTE.value and not note:
            self.message.setText(self.tr("请先填写备注内容"))
            return
        now = ui_now()
        self._write(lambda: record_step(self.store, self.case_id, kind, now, note, now=now))
        self.note.clear()

    def undo_last(self) -> None:
        if self.case_id is not None:
            self._write(lambda: undo_last_step(self.store, self.case_id, now=ui_now()))

    def save_platform_deadline(self, clear: bool = False) -> None:
        if self.case_id is None:
            return
        text = self.platform_due.text().strip()
        if clear or not text:
            due = None
        else:
            try:
                due = parse_user_time(text.replace(" ", "T", 1))
            except ValueError:
                self.message.setText(self.tr("看不懂这个时间，请按 2026-11-29 10:00:00 的格式填写"))
                return
        self._write(lambda: set_platform_deadline(self.store, self.case_id, due, now=ui_now()))

    def _write(self, action) -> None:
        try:
            action()
        except ShopDeskError as exc:
            self.message.setText(str(exc))
            return
        case_id = self.case_id
        self.show_case(case_id)
        self.changed.emit(case_id)
