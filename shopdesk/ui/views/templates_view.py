"""模板: every reply template (the seller's own first, then the built-in library), a
search, and an editor with a live character counter against the platform's limit.
Built-ins are read-only: 复制为我的模板 makes an editable copy. Import and export take
Qianniu quick-phrase CSV or ShopDesk JSON.

Importing this module registers the view with the main window and the 回复 section
with the case panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain import os_errors
from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.model import LANGUAGES, CareStep, CaseKind, ReplyStage
from shopdesk.services import template_io, templates
from shopdesk.services.safety import refuse_store_target
from shopdesk.services.session import Store
from shopdesk.services.templates import VARIABLES, Template, over_limit, variable_label
from shopdesk.ui.case.reply_panel import LANGUAGE_NAMES, limit_text
from shopdesk.ui.dialogs import file_dialogs
from shopdesk.ui.i18n import current_language


def tr(text: str) -> str:
    return QCoreApplication.translate("TemplatesView", text)


class TemplatesView(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.search_text = ""
        self.templates: list[Template] = []
        self.current: Template | None = None

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("标题"), tr("适用"), tr("使用次数"), tr("来源")])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 200)
        self.tree.currentItemChanged.connect(lambda item, _old: self._select(item))

        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(current_language()))
        self.language.currentIndexChanged.connect(lambda _i: self._show_current())
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("标题（千牛快捷短语的名称）"))
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(tr("回复内容；用 {buyer_nick} 这样的变量填入订单信息"))
        self.body.textChanged.connect(self._count)
        self.counter = QLabel()
        self.kind_list = self._checkable([(k.value, k.label(current_language())) for k in CaseKind])
        self.stage_list = self._checkable(
            [(s.value, s.label(current_language())) for s in ReplyStage]
        )
        self.tags = QLabel()
        self.tags.setWordWrap(True)
        self.tags.setStyleSheet("color: #666;")
        self.variables = QComboBox()
        self.variables.addItem(tr("插入变量…"), None)
        for name in VARIABLES:
            self.variables.addItem(f"{variable_label(name, current_language())} {{{name}}}", name)
        self.variables.activated.connect(self._insert_variable)

        self.buttons: dict[str, QPushButton] = {}
        row_one = QHBoxLayout()
        for key, text, slot in (
            ("new", tr("新建"), self.new_template),
            ("duplicate", tr("复制为我的模板"), self.duplicate_current),
            ("save", tr("保存"), self.save_current),
            ("delete", tr("删除"), self.delete_current),
        ):
            button = self.buttons[key] = QPushButton(text)
            button.clicked.connect(slot)
            row_one.addWidget(button)
        row_one.addStretch(1)
        for key, text, slot in (
            ("import", tr("导入…"), self.choose_import),
            ("export", tr("导出…"), self.choose_export),
        ):
            button = self.buttons[key] = QPushButton(text)
            button.clicked.connect(slot)
            row_one.addWidget(button)

        editor = QWidget()
        form = QVBoxLayout(editor)
        form.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.language)
        form.addLayout(head)
        form.addWidget(self.body, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.variables)
        foot.addStretch(1)
        foot.addWidget(self.counter)
        form.addLayout(foot)
        fits = QHBoxLayout()
        for caption, widget in (
            (tr("适用类型（不选＝全部）"), self.kind_list),
            (tr("适用阶段（不选＝全部）"), self.stage_list),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption))
            column.addWidget(widget)
            fits.addLayout(column)
        form.addLayout(fits)
        form.addWidget(self.tags)
        form.addLayout(row_one)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(editor)
        splitter.setSizes([320, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    # -- the main window's calls ------------------------------------------------------------

    def refresh(self, keep: str | None = None) -> None:
        keep = keep or (self.current.id if self.current else None)
        everything = templates.all_templates(self.store)
        shown = templates.search(everything, self.search_text)
        self.templates = templates.by_usage(self.store, shown)
        uses = templates.usage(self.store)
        language = current_language()
        self.tree.blockSignals(True)
        self.tree.clear()
        for template in self.templates:
            kinds = "、".join(CaseKind(k).label(language) for k in template.kinds[:3])
            if len(template.kinds) > 3:
                kinds += "…"
            stages = "、".join(ReplyStage(s).label(language) for s in template.stages)
            item = QTreeWidgetItem(
                [
                    template.title(self.current_language()),
                    " · ".join(p for p in (kinds or tr("所有类型"), stages) if p),
                    str(uses.get(template.id, 0)),
                    tr("内置") if template.builtin else tr("我的"),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, template.id)
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        ids = [t.id for t in self.templates]
        if keep in ids:
            self.tree.setCurrentItem(self.tree.topLevelItem(ids.index(keep)))
        elif ids:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self._select(None)

    def set_search(self, text: str) -> None:
        self.search_text = text
        self.refresh()

    def current_language(self) -> str:
        return self.language.currentData()

    def select(self, template_id: str) -> None:
        ids = [t.id for t in self.templates]
        self.tree.setCurrentItem(self.tree.topLevelItem(ids.index(template_id)))

    # -- editor -------------------------------------------------------------------------

    def _select(self, item: QTreeWidgetItem | None) -> None:
        template_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        self.current = next((t for t in self.templates if t.id == template_id), None)
        self._show_current()

    def _show_current(self) -> None:
        template = self.current
        editable = template is not None and not template.builtin
        text = template.text(self.current_language()) if template else None
        self.title.setText(text.title if text else "")
        self.body.setPlainText(text.body if text else "")
        for widget in (self.title, self.body):
            widget.setReadOnly(not editable)
        self.variables.setEnabled(editable)
        self.buttons["save"].setEnabled(editable)
        self.buttons["delete"].setEnabled(editable)
        self.buttons["duplicate"].setEnabled(template is not None)
        self.tags.setText(self._tags_text(template) if template else "")
        for widget, chosen in (
            (self.kind_list, template.kinds if template else ()),
            (self.stage_list, template.stages if template else ()),
        ):
            widget.setEnabled(editable)
            for row in range(widget.count()):
                item = widget.item(row)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._count()

    def _tags_text(self, template: Template) -> str:
        language = current_language()
        parts = []
        if template.builtin:
            parts.append(tr("内置模板只读；要修改请先“复制为我的模板”。"))
        if template.steps:
            parts.append(
                tr("做到：") + "、".join(CareStep(s).label(language) for s in template.steps)
            )
        return "  ".join(parts)

    @staticmethod
    def _checkable(entries: list[tuple[str, str]]) -> QListWidget:
        widget = QListWidget()
        widget.setMaximumHeight(110)
        for value, text in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(item)
        return widget

    @staticmethod
    def checked(widget: QListWidget) -> list[str]:
        return [
            widget.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _count(self) -> None:
        text = self.body.toPlainText()
        self.counter.setText(limit_text(self.current, text))
        over = over_limit(self.current, text) if self.current else []
        self.counter.setStyleSheet("color: #c0392b; font-weight: bold;" if over else "")

    def _insert_variable(self, index: int) -> None:
        name = self.variables.itemData(index)
        if name:
            self.body.insertPlainText(f"{{{name}}}")
            self.body.setFocus()
        self.variables.setCurrentIndex(0)

    # -- actions --------------------------------------------------------------------------

    def _run(self, action):
        try:
            return action()
        except ShopDeskError as error:
            QMessageBox.warning(self, tr("模板"), say(error))
            return None

    def new_template(self) -> Template | None:
        made = self._run(
            lambda: templates.add_template(
                self.store, tr("新模板"), tr("亲，您好！"), self.current_language()
            )
        )
        if made:
            self._changed(made.id)
        return made

    def duplicate_current(self) -> Template | None:
        if self.current is None:
            return None
        copy = self._run(lambda: templates.duplicate_template(self.store, self.current.id))
        if copy:
            self._changed(copy.id)
        return copy

    def save_current(self) -> Template | None:
        if self.current is None or self.current.builtin:
            return None
        saved = self._run(
            lambda: templates.edit_text(
                self.store,
                self.current.id,
                self.current_language(),
                self.title.text(),
                self.body.toPlainText(),
                kinds=self.checked(self.kind_list),
                stages=self.checked(self.stage_list),
            )
        )
        if saved:
            self._changed(saved.id)
        return saved

    def delete_current(self) -> None:
        if self.current is None or self.current.builtin:
            return
        self._run(lambda: templates.delete_template(self.store, self.current.id))
        self.current = None
        self._changed(None)

    def import_file(self, path: Path) -> list[Template]:
        def work():
            found = template_io.load_file(Path(path), self.current_language())
            return templates.import_templates(self.store, found)

        saved = self._run(work) or []
        if saved:
            self._changed(saved[0].id)
        return saved

    def export_file(self, path: Path) -> int:
        own = templates.own_templates(self.store)
        chosen = own or templates.all_templates(self.store)
        try:
            refuse_store_target(path, self.store.path)  # never over the store itself
            template_io.save_file(Path(path), chosen)
        except ShopDeskError as error:
            QMessageBox.warning(self, tr("导出"), say(error))
            return 0
        except OSError as error:
            QMessageBox.warning(
                self, tr("导出"), f"{Path(path).name}：{say(os_errors.reason(error))}"
            )
            return 0
        return len(chosen)

    def choose_import(self) -> None:
        path, _ = file_dialogs.get_open_file_name(
            file_dialogs.TEMPLATES,
            self,
            tr("导入模板"),
            tr("快捷短语 (*.csv *.json);;所有文件 (*)"),
        )
        if path:
            saved = self.import_file(Path(path))
            if saved:
                QMessageBox.information(
                    self,
                    tr("导入模板"),
                    self.tr("导入了 %n 个模板", "", len(saved)),
                )

    def choose_export(self) -> None:
        path, _ = file_dialogs.get_save_file_name(
            file_dialogs.TEMPLATES,
            self,
            tr("导出模板"),
            "shopdesk-templates.csv",
            "CSV (*.csv);;JSON (*.json)",
        )
        if path:
            self.export_file(Path(path))

    def _changed(self, keep: str | None) -> None:
        self.refresh(keep)
        self.changed.emit()
