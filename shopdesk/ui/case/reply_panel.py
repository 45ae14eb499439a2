"""The case panel's 回复 section: the replies that fit the case (best first), the chosen
one filled with the case's facts (gaps highlighted, editable), a Copy button that stays
disabled while a gap remains, and the seven-step checklist with what this case shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.model import LANGUAGES, CareStep
from shopdesk.domain.reply_clock import contacts, first_reply, reply_target
from shopdesk.services import templates
from shopdesk.services.case_snapshot import CaseSnapshot, read_case
from shopdesk.services.evidence import case_chat_messages
from shopdesk.services.session import Store
from shopdesk.services.templates import (
    Suggestion,
    Template,
    care_steps,
    case_stage,
    find_gaps,
    gap_pattern,
    measure,
    over_limit,
    rank,
    render_template,
)
from shopdesk.ui.countdown import ui_now
from shopdesk.ui.format import local_time
from shopdesk.ui.i18n import current_language
from shopdesk.ui.layout_fit import let_shrink

GAP_COLOUR = QColor("#ffe08a")
LANGUAGE_NAMES = {"zh-CN": "简体中文", "zh-TW": "繁體中文", "en": "English"}


def tr(text: str) -> str:
    return QCoreApplication.translate("ReplyPanel", text)


class GapHighlighter(QSyntaxHighlighter):
    """Marks every unfilled gap (【待填：…】) so the seller sees what is left to fill."""

    def __init__(self, document):
        super().__init__(document)
        self.format = QTextCharFormat()
        self.format.setBackground(GAP_COLOUR)
        self.format.setFontWeight(700)

    def highlightBlock(self, text: str) -> None:
        for match in gap_pattern().finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.format)


def limit_text(template: Template | None, text: str) -> str:
    """ "126 / 500 字" or "342 / 400 字节" for a template with a limit; else the count."""
    chars, size = measure(text)
    if template is not None and template.limit_bytes is not None:
        return tr("%1 / %2 字节").replace("%1", str(size)).replace("%2", str(template.limit_bytes))
    if template is not None and template.limit_chars is not None:
        return tr("%1 / %2 字").replace("%1", str(chars)).replace("%2", str(template.limit_chars))
    return QCoreApplication.instance().tr("%n 字", "", chars)  # lupdate: a %n plural


class ReplyPanel(QWidget):
    changed = Signal(int)  # a reply was copied: the case's timeline has a new event

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.case_id: int | None = None
        self._snapshot: CaseSnapshot | None = None  # what show_snapshot was given
        self.suggestions: list[Suggestion] = []
        self.template: Template | None = None

        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(current_language()))
        self.language.currentIndexChanged.connect(lambda _i: self._reload())

        self.list = QListWidget()
        let_shrink(self.list, 72, maximum=170)
        self.list.currentRowChanged.connect(self._choose)

        self.editor = QPlainTextEdit()
        self.editor.setMinimumHeight(150)
        self.highlighter = GapHighlighter(self.editor.document())
        self.editor.textChanged.connect(self._update_state)
        self.gaps_label = QLabel()
        self.gaps_label.setWordWrap(True)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.copy_button = QPushButton(tr("复制到剪贴板"))
        self.copy_button.clicked.connect(self.copy)

        self.steps_box = QGridLayout()
        self.step_labels: dict[CareStep, tuple[QLabel, QLabel]] = {}
        for row, step in enumerate(CareStep):
            mark, when = QLabel(), QLabel()
            when.setStyleSheet("color: #888;")
            self.steps_box.addWidget(mark, row, 0)
            self.steps_box.addWidget(when, row, 1)
            self.step_labels[step] = (mark, when)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("推荐回复（最合适的在前）")), 1)
        top.addWidget(self.language)
        bottom = QHBoxLayout()
        bottom.addWidget(self.gaps_label, 1)
        bottom.addWidget(self.counter)
        bottom.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.editor, 2)
        layout.addLayout(bottom)
        layout.addWidget(QLabel(tr("处理七步（本单已做到的打勾）")))
        layout.addLayout(self.steps_box)

    # -- what the case panel calls -----------------------------------------------------

    def show_case(self, case_id: int) -> None:
        self.show_snapshot(read_case(self.store, case_id, ui_now()))

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        case_id = snapshot.case_id
        keep = self.template.id if self.template and case_id == self.case_id else None
        self.case_id = case_id
        self._snapshot = snapshot
        self._reload(keep)

    def _known(self) -> CaseSnapshot | None:
        known = self._snapshot
        return known if known is not None and known.case_id == self.case_id else None

    def current_language(self) -> str:
        return self.language.currentData()

    def _reload(self, keep: str | None = None) -> None:
        if self.case_id is None:
            return
        keep = keep or (self.template.id if self.template else None)
        known = self._known()
        if known is not None:
            case, events = known.case, list(known.events)
        else:
            case, events = self.store.get_case(self.case_id), self.store.events(self.case_id)
        stage = case_stage(case, events).value
        self.suggestions = rank(
            templates.all_templates(self.store),
            case.kind,
            case.cause,
            stage,
            templates.usage(self.store),
            platform=case.platform,  # never another platform's words (小二 on a JD case)
        )
        language = self.current_language()
        self.list.blockSignals(True)
        self.list.clear()
        for suggestion in self.suggestions:
            item = QListWidgetItem(self._item_text(suggestion, language))
            if not suggestion.fits:
                item.setForeground(QColor("#999"))
            item.setData(Qt.ItemDataRole.UserRole, suggestion.template.id)
            self.list.addItem(item)
        ids = [s.template.id for s in self.suggestions]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self.list.blockSignals(False)
        self._choose(self.list.currentRow())  # once (the row's signal was held back)
        self._show_steps(events)

    @staticmethod
    def _item_text(suggestion: Suggestion, language: str) -> str:
        text = suggestion.template.title(language)
        if not suggestion.template.builtin:
            text = tr("【我的】") + text
        if suggestion.uses:
            text += tr("（用过 %1 次）").replace("%1", str(suggestion.uses))
        return text

    def _choose(self, row: int) -> None:
        if self.case_id is None or not 0 <= row < len(self.suggestions):
            return
        self.template = self.suggestions[row].template
        language = self.current_language()
        known = self._known()
        if known is not None:
            values = templates.snapshot_context(known, language)
        else:
            values = templates.case_context(self.store, self.case_id, language)
        self.editor.setPlainText(render_template(self.template, values, language).text)

    def _update_state(self) -> None:
        text = self.editor.toPlainText()
        gaps = find_gaps(text)
        over = over_limit(self.template, text) if self.template else []
        self.counter.setText(limit_text(self.template, text))
        self.counter.setStyleSheet("color: #c0392b;" if over else "")
        if gaps:
            self.gaps_label.setText(
                self.tr("还有 %n 处待填：%1（填好后才能复制）", "", len(gaps)).replace(
                    "%1", "、".join(dict.fromkeys(gaps))
                )
            )
            self.gaps_label.setStyleSheet("color: #b7791f;")
        elif over:
            self.gaps_label.setText(tr("超出平台字数上限，请删减后再复制"))
            self.gaps_label.setStyleSheet("color: #c0392b;")
        else:
            self.gaps_label.setText(tr("已填写完整，可以复制"))
            self.gaps_label.setStyleSheet("color: #2e7d32;")
        self.copy_button.setEnabled(bool(text.strip()) and not gaps and not over)

    def _show_steps(self, events) -> None:
        assert self.case_id is not None
        known = self._known()
        if known is not None:
            chat, target = known.chat, known.reply_target
            replied = templates.replied_steps_in(events)
        else:
            chat, target = case_chat_messages(self.store, self.case_id), reply_target(self.store)
            replied = templates.replied_steps(self.store, self.case_id)
        spoken = contacts(events, chat)
        first = first_reply(spoken, target)
        states = care_steps(events, replied, first)
        language = current_language()
        for state in states:
            mark, when = self.step_labels[state.step]
            mark.setText(("✔ " if state.done else "○ ") + state.step.label(language))
            mark.setStyleSheet("color: #2e7d32;" if state.done else "color: #666;")
            when.setText(local_time(state.at) if state.at else "")

    def step_done(self, step: CareStep) -> bool:
        return self.step_labels[step][0].text().startswith("✔")

    # -- the seller's action -------------------------------------------------------------

    def copy(self) -> None:
        text = self.editor.toPlainText()
        if self.case_id is None or self.template is None or not self.copy_button.isEnabled():
            return
        QGuiApplication.clipboard().setText(text)
        templates.record_copy(self.store, self.case_id, self.template.id, self.current_language())
        self._snapshot = None  # the copy is on the timeline now: read it again
        window = self.window()
        if hasattr(window, "statusBar"):  # said where the seller looks, not in a box
            window.statusBar().showMessage(
                tr("已复制回复（%1 字），可以粘贴给买家了").replace("%1", str(len(text))), 6000
            )
        self.changed.emit(self.case_id)
