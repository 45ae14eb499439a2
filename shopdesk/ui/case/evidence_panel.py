"""The case panel's 证据 tab: attach evidence (drag and drop, file dialog, Ctrl+V paste of
a screenshot, chat log import), see thumbnails, set kind and caption, pick chat
messages, see what the case still lacks, choose a destination with a live budget and
build the package on a worker thread with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.errors import NotFoundError, ShopDeskError
from shopdesk.domain.evidence_checklist import checklist, missing
from shopdesk.domain.input_budget import read_chat_file
from shopdesk.domain.messages import say
from shopdesk.domain.model import EvidenceKind
from shopdesk.domain.timeutil import now_utc
from shopdesk.services import evidence as evidence_service
from shopdesk.services import evidence_limits, platforms
from shopdesk.services.case_snapshot import CaseSnapshot, read_case
from shopdesk.services.evidence import (
    PackCancelled,
    PackResult,
    Profile,
    china_time,
    default_statement,
    images_for,
    pack_case,
    statement_for,
)
from shopdesk.services.session import Store
from shopdesk.ui.countdown import ui_now
from shopdesk.ui.dialogs import file_dialogs
from shopdesk.ui.format import label
from shopdesk.ui.layout_fit import let_shrink
from shopdesk.ui.tasks import Task, TaskContext, runner

THUMB = 72
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff"}
VIDEO_SUFFIXES = {".mp4", ".mov", ".avi", ".m4v", ".3gp"}


def file_size(size: int) -> str:
    """A file's size as a seller reads it: a chat log of 445 bytes is not "0 KB"."""
    if size < 1024:
        return QCoreApplication.translate("EvidencePanel", "%1 字节").replace("%1", str(size))
    if size < 1024 * 1024:
        return f"{size / 1024:,.0f} KB"
    return f"{size / 1024 / 1024:,.1f} MB"


def guess_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return EvidenceKind.INVOICE.value
    if suffix in VIDEO_SUFFIXES:
        return EvidenceKind.VIDEO.value
    if suffix == ".txt":
        return EvidenceKind.CHAT.value
    return EvidenceKind.PHOTO.value


def _thumbnail(path: Path, mime: str) -> QIcon:
    if mime.startswith("image/"):
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(
                size.scaled(QSize(THUMB, THUMB), Qt.AspectRatioMode.KeepAspectRatio)
            )
        image = reader.read()
        if not image.isNull():
            return _framed(image)
    if mime == "application/pdf":
        try:
            from shopdesk.services.evidence import render_pages

            pages = render_pages(path, dpi=24, max_pages=500)
            if pages:
                return _framed(pages[0])
        except ShopDeskError:
            pass
    pixmap = QPixmap(THUMB, THUMB)
    pixmap.fill(QColor(225, 228, 235))
    return QIcon(pixmap)


def _framed(image: QImage) -> QIcon:
    """A thumbnail with a thin frame, so a white page still reads as a page."""
    framed = image.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(framed)
    painter.setPen(QColor(170, 170, 170))
    painter.drawRect(0, 0, framed.width() - 1, framed.height() - 1)
    painter.end()
    return QIcon(QPixmap.fromImage(framed))


class EvidencePanel(QWidget):
    changed = Signal()
    package_built = Signal(object)  # PackResult (package None when it did not fit)
    package_failed = Signal(str)  # "" when cancelled

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.case_id: int | None = None
        self._snapshot: CaseSnapshot | None = None  # what show_snapshot was given
        self.worker: Task | None = None  # the packaging job while it runs
        self._icons: dict[str, QIcon] = {}
        self._loading = False
        self._default_text = ""  # the statement as last prefilled
        self.setAcceptDrops(True)
        tr = self.tr

        self.items = QListWidget()
        self.items.setIconSize(QSize(THUMB, THUMB))
        let_shrink(self.items, 96)
        self.items.currentRowChanged.connect(self._item_selected)
        self.add_button = QPushButton(tr("添加文件…"))
        self.add_button.clicked.connect(self._choose_files)
        self.paste_button = QPushButton(tr("粘贴截图（Ctrl+V）"))
        self.paste_button.clicked.connect(self.paste)
        self.chat_button = QPushButton(tr("导入聊天记录…"))
        self.chat_button.clicked.connect(self._choose_chat)
        self.remove_button = QPushButton(tr("移除"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.new_kind = QComboBox()
        for kind in EvidenceKind:
            self.new_kind.addItem(label(EvidenceKind, kind.value), kind.value)
        self.new_kind.setCurrentIndex(self.new_kind.findData(EvidenceKind.PHOTO.value))
        self.new_kind.setToolTip(tr("粘贴或拖入的文件按此类型添加（PDF、视频、文本自动识别）"))
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.paste_button, self.chat_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(tr("新证据类型")))
        kind_row.addWidget(self.new_kind)
        kind_row.addStretch(1)
        kind_row.addWidget(self.remove_button)
        QShortcut(QKeySequence.StandardKey.Paste, self, activated=self.paste)

        self.kind = QComboBox()
        for kind in EvidenceKind:
            self.kind.addItem(label(EvidenceKind, kind.value), kind.value)
        self.kind.currentIndexChanged.connect(self._save_item)
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(tr("说明：这张证据证明什么"))
        self.caption.editingFinished.connect(self._save_item)
        self.messages = QListWidget()
        let_shrink(self.messages, 72)
        self.messages.itemChanged.connect(self._message_toggled)
        self.messages_label = QLabel(tr("勾选要放进证据包的聊天消息"))
        item_form = QFormLayout()
        item_form.addRow(tr("类型"), self.kind)
        item_form.addRow(tr("说明"), self.caption)

        self.checklist = QLabel()
        self.checklist.setWordWrap(True)

        self.profile = QComboBox()
        self.profiles: dict[str, Profile] = {}
        self._fill_profiles(platforms.default_profile())
        self.profile.currentIndexChanged.connect(lambda: self._refresh_statement(self.case_id))
        self.profile.currentIndexChanged.connect(self.update_budget)
        self.mask = QCheckBox(tr("遮盖买家电话和地址"))
        self.mask.setToolTip(tr("用于转交他人（如快递理赔）：图片和摘要中遮盖，证据包不附原始文件"))
        self.as_zip = QCheckBox(tr("打包为 zip"))
        self.statement = QPlainTextEdit()
        self.statement.setPlaceholderText(tr("申诉陈述"))
        self.statement.setMaximumHeight(90)
        self.statement.textChanged.connect(self.update_budget)
        self.budget = QLabel()
        self.budget.setWordWrap(True)
        self.build_button = QPushButton(tr("生成证据包…"))
        self.build_button.clicked.connect(self._choose_output)
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pack_form = QFormLayout()
        pack_form.addRow(tr("提交到"), self.profile)
        pack_form.addRow(tr("陈述"), self.statement)
        # The options sit beside the button they apply to: one row less, so the button
        # stays on a 720-pixel screen with a chat log open above it.
        build_row = QHBoxLayout()
        build_row.addWidget(self.mask)
        build_row.addWidget(self.as_zip)
        build_row.addStretch(1)
        build_row.addWidget(self.progress, 1)
        build_row.addWidget(self.build_button)
        build_row.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("拖入照片、截图、PDF 或聊天记录，或按 Ctrl+V 粘贴截图")))
        layout.addLayout(buttons)
        layout.addLayout(kind_row)
        layout.addWidget(self.items, 2)
        layout.addLayout(item_form)
        layout.addWidget(self.messages_label)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.checklist)
        layout.addLayout(pack_form)
        layout.addWidget(self.budget)
        layout.addLayout(build_row)
        layout.addWidget(self.result)
        self._item_selected(-1)

    # -- showing -------------------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        self.show_snapshot(read_case(self.store, case_id, ui_now()))

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        case_id = snapshot.case_id
        new_case = case_id != self.case_id
        if new_case:
            self.result.clear()
            self._choose_platform_profile(snapshot.case.platform)
        self._snapshot = snapshot
        self.case_id = case_id
        self._refresh_statement(case_id, new_case=new_case)
        self.refresh()

    def _known(self) -> CaseSnapshot | None:
        """The snapshot the panel shows, while nothing the panel wrote made it stale."""
        known = self._snapshot
        return known if known is not None and known.case_id == self.case_id else None

    def _forget(self) -> None:
        """The panel wrote to the case's evidence: read it from the store again."""
        self._snapshot = None

    def _case(self):
        known = self._known()
        return known.case if known is not None else self.store.get_case(self.case_id)

    def _refresh_statement(self, case_id: int | None, new_case: bool = False) -> None:
        """Prefill the statement from the case and the evidence attached now; a text the
        seller edited stays as they wrote it (only a new case replaces it)."""
        if case_id is None:
            return
        edited = self.statement.toPlainText() != self._default_text
        if edited and not new_case:
            return
        profile = self.profile.currentData() or ""
        known = self._known()
        if known is not None and known.case_id == case_id:
            self._default_text = statement_for(  # the profiles the panel loaded: no file read
                known.case, known.order, known.events, known.evidence, self.profiles.get(profile)
            )
        else:
            self._default_text = default_statement(self.store, case_id, profile)
        self.statement.setPlainText(self._default_text)

    def evidence(self) -> list:
        if self.case_id is None:
            return []
        known = self._known()
        if known is not None:
            return list(known.evidence)
        return evidence_service.list_evidence(self.store, self.case_id)

    def refresh(self) -> None:
        current = self.current_item()
        self._loading = True
        self.items.clear()
        for item in self.evidence():
            text = f"{label(EvidenceKind, item.kind)} · {item.caption or item.file_name}\n"
            text += f"{item.file_name}  {file_size(item.bytes)}"
            entry = QListWidgetItem(self._icon(item), text)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.items.addItem(entry)
            if current is not None and item.id == current.id:
                self.items.setCurrentItem(entry)
        self._loading = False
        self._item_selected(self.items.currentRow())
        self._update_checklist()
        self.update_budget()

    def _icon(self, item) -> QIcon:
        if item.sha256 not in self._icons:
            path = evidence_service.stored_path(self.store, item.sha256)
            self._icons[item.sha256] = _thumbnail(path, item.mime)
        return self._icons[item.sha256]

    def current_item(self):
        entry = self.items.currentItem()
        if entry is None:
            return None
        known = self._known()
        if known is not None:
            wanted = entry.data(Qt.ItemDataRole.UserRole)
            return next((e for e in known.evidence if e.id == wanted), None)
        try:
            return evidence_service.get_evidence(self.store, entry.data(Qt.ItemDataRole.UserRole))
        except NotFoundError:  # just removed: the list is being refreshed
            return None

    def _item_selected(self, _row: int) -> None:
        if self._loading:
            return
        item = self.current_item()
        self._loading = True  # filling the editors must not write back
        try:
            enabled = item is not None
            for widget in (self.kind, self.caption, self.remove_button):
                widget.setEnabled(enabled)
            self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)) if item else 0)
            self.caption.setText(item.caption if item else "")
            self.messages.clear()
            is_chat = bool(item and item.kind == EvidenceKind.CHAT.value)
            if is_chat:
                self._fill_messages(item.id)
            self.messages.setVisible(is_chat)
            self.messages_label.setVisible(is_chat)
        finally:
            self._loading = False

    def _fill_messages(self, evidence_id: int) -> None:
        known = self._known()
        if known is not None and evidence_id in known.evidence_data:
            data = known.evidence_data[evidence_id]
            messages = evidence_service.from_data(data.get("messages", []))
        else:
            data = evidence_service.evidence_data(self.store, evidence_id)
            messages = evidence_service.chat_messages(self.store, evidence_id, picked_only=False)
        picked = data.get("picked")
        picked = set(range(len(messages)) if picked is None else picked)
        for index, message in enumerate(messages):
            text = message.text or self.tr("［图片/商品卡片］")
            line = QListWidgetItem(f"{china_time(message.at)}  {message.sender}：{text}")
            line.setFlags(line.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if index in picked else Qt.CheckState.Unchecked
            line.setCheckState(state)
            self.messages.addItem(line)

    def _update_checklist(self) -> None:
        if self.case_id is None:
            self.checklist.clear()
            return
        case = self._case()
        items = checklist(case.kind, [e.kind for e in self.evidence()])
        parts = []
        for entry in items:
            name = label(EvidenceKind, str(entry.kind))
            if entry.missing:
                need = self.tr("必需") if entry.required else self.tr("建议")
                parts.append(
                    f"<span style='color:#b00'>✗ {name}（{need}）：{say(entry.why)}</span>"
                )
            else:
                parts.append(f"<span style='color:#080'>✓ {name} ×{entry.have}</span>")
        self.checklist.setText(self.tr("审核看重的证据：") + "<br>" + "<br>".join(parts))

    def missing_kinds(self) -> list[str]:
        case = self._case()
        return [
            str(i.kind)
            for i in checklist(case.kind, [e.kind for e in self.evidence()])
            if i.missing
        ]

    # -- budget --------------------------------------------------------------------------

    def _fill_profiles(self, current: str | None) -> None:
        """The destinations with the limits set for this store in 设置 → 证据提交限制."""
        self.profiles = evidence_limits.for_store(self.store)
        self.profile.blockSignals(True)
        self.profile.clear()
        for profile in self.profiles.values():
            self.profile.addItem(profile.name(), profile.id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(current)))
        self.profile.blockSignals(False)

    def _choose_platform_profile(self, platform: str) -> None:
        """A case opens on a destination of its own platform (a JD case: JD's form); a
        destination the seller chose that fits it (its platform's, a shared one) stays."""
        chosen = self.profiles.get(self.profile.currentData())
        if chosen is not None and evidence_limits.platform_of(chosen) in (None, platform):
            return
        start = evidence_limits.starting_profile(platform, self.profiles)
        self.profile.blockSignals(True)
        self.profile.setCurrentIndex(max(0, self.profile.findData(start)))
        self.profile.blockSignals(False)

    def reload_profiles(self) -> None:
        """The seller changed a destination's limits: the budget counts by the new ones
        (the same Profile the packager is given)."""
        self._fill_profiles(self.profile.currentData())
        self._refresh_statement(self.case_id)
        self.update_budget()

    def selected_profile(self) -> Profile:
        return self.profiles[self.profile.currentData()]

    def budget_figures(self) -> dict:
        """Files, an upper bound of the bytes, and the statement size against the profile."""
        profile = self.selected_profile()
        files = 0
        estimate = 0
        known = self._known()
        for item in self.evidence():
            chat = item.kind == EvidenceKind.CHAT.value
            if not chat:
                messages = 0
            elif known is not None:
                messages = known.chat_count(item.id)
            else:
                messages = len(evidence_service.chat_messages(self.store, item.id))
            images = images_for(
                item.kind,
                is_pdf=item.mime == "application/pdf",
                is_image=item.mime.startswith("image/"),
                path=evidence_service.stored_path(self.store, item.sha256),
                messages=messages,
                profile=profile,
            )  # the packager's own count
            files += images
            per_image = 150_000 if chat else item.bytes
            estimate += images * min(per_image, profile.max_bytes)
        text = self.statement.toPlainText().strip()
        return {
            "files": files,
            "max_files": profile.max_count,
            "bytes": estimate,
            "max_bytes": profile.max_bytes
            if profile.output == "pdf"
            else profile.max_bytes * max(files, 1),
            "text": profile.text_size(text),
            "max_text": profile.text_limit,
            "text_unit": profile.text_unit,
            "text_min": profile.text_min,
        }

    def update_budget(self) -> None:
        figures = self.budget_figures()
        tr = self.tr
        over = []
        files = f"{figures['files']}"
        if figures["max_files"]:
            files += f"/{figures['max_files']}"
            if figures["files"] > figures["max_files"]:
                over.append(tr("图片数"))
        unit = tr("字节") if figures["text_unit"] == "bytes" else tr("字")
        text = f"{figures['text']}"
        if figures["max_text"]:
            text += f"/{figures['max_text']}"
            if figures["text"] > figures["max_text"]:
                over.append(tr("陈述"))
        if figures["text"] < figures["text_min"]:
            over.append(tr("陈述"))
        line = (
            tr("图片 %1 张 · 约 %2 KB · 陈述 %3 %4")
            .replace("%1", files)
            .replace("%2", f"{figures['bytes'] / 1024:,.0f}")
            .replace("%3", text)
            .replace("%4", unit)
        )
        if over:
            line += "　" + tr("超出：%1").replace("%1", "、".join(over))
            self.budget.setStyleSheet("color: #b00;")
        else:
            self.budget.setStyleSheet("")
        self.budget.setText(line)

    # -- adding --------------------------------------------------------------------------

    def add_files(self, paths: list[Path], kind: str | None = None) -> list:
        """Attach files (PDF, video and .txt chat logs recognised); errors are shown."""
        added = []
        for path in paths:
            chosen = kind or guess_kind(path)
            if chosen == EvidenceKind.PHOTO.value and kind is None:
                chosen = self.new_kind.currentData()
            try:
                if chosen == EvidenceKind.CHAT.value:
                    chat = self._add_chat_bytes(read_chat_file(path), path.name)
                    if chat is not None:
                        added.append(chat)
                else:
                    added.append(evidence_service.add_file(self.store, self.case_id, path, chosen))
            except (ShopDeskError, OSError) as exc:
                self._error(say(exc))
        self._after_change()
        return added

    def _add_chat_bytes(self, raw: bytes, name: str):
        """A chat log; one whose buyer or order number is another case's is added only
        when the seller says so (None when they do not)."""
        case = self.store.get_case(self.case_id)
        order = self.store.get_order(case.order_id)
        shop = self.store.get_shop(order.shop_id)
        problems = evidence_service.raw_mismatches(
            raw, order.buyer_nick, order.order_no, (shop.name,)
        )
        if problems and not self.confirm(self.chat_mismatch_box(name, problems)):
            return None
        return evidence_service.add_chat(
            self.store, self.case_id, raw, name, shop_names=(shop.name,)
        )

    # -- asking --------------------------------------------------------------------------

    def confirm(self, box: QMessageBox) -> bool:
        """Show a question; True when the seller chose to go on."""
        return box.exec() == QMessageBox.StandardButton.Yes

    def _question(self, title: str, text: str, go_on: str, stop: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(go_on)
        box.button(QMessageBox.StandardButton.No).setText(stop)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def chat_mismatch_box(self, name: str, problems: list[str]) -> QMessageBox:
        tr = self.tr
        text = (
            tr("“%1”可能是另一位买家或另一笔订单的聊天记录：").replace("%1", name)
            + "\n\n"
            + "\n".join(f"· {p}" for p in problems)
            + "\n\n"
            + tr("放进证据包会让审核认为证据与本单无关。仍要添加到这个售后单吗？")
        )
        return self._question(tr("聊天记录与售后单不符"), text, tr("仍然添加"), tr("不添加"))

    def missing_required(self) -> list[str]:
        """Required evidence kinds the case has none of."""
        case = self.store.get_case(self.case_id)
        return missing(case.kind, [e.kind for e in self.evidence()], required_only=True)

    def missing_evidence_box(self, kinds: list[str]) -> QMessageBox:
        tr = self.tr
        case = self.store.get_case(self.case_id)
        why = {str(i.kind): say(i.why) for i in checklist(case.kind, [])}
        lines = [f"· {label(EvidenceKind, k)}：{why.get(k, '')}" for k in kinds]
        text = (
            tr("这个证据包缺少审核要求的证据：")
            + "\n\n"
            + "\n".join(lines)
            + "\n\n"
            + tr("缺少必需证据，平台很可能不支持卖家。摘要中会注明未包含这些证据。仍要生成吗？")
        )
        return self._question(tr("缺少必需的证据"), text, tr("仍然生成"), tr("先去补充"))

    def paste(self) -> object | None:
        """Ctrl+V: an image on the clipboard becomes a PNG item; copied chat text a chat log."""
        if self.case_id is None:
            return None
        clipboard = QGuiApplication.clipboard()
        image = clipboard.image()
        added = None
        try:
            if not image.isNull():
                buffer = QBuffer()
                buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                image.save(buffer, "PNG")
                data = bytes(buffer.data())
                stamp = now_utc().astimezone().strftime("%Y%m%d-%H%M%S")
                added = evidence_service.add_bytes(
                    self.store,
                    self.case_id,
                    data,
                    self.tr("截图-%1.png").replace("%1", stamp),
                    self.new_kind.currentData(),
                )
            elif clipboard.text().strip():
                added = self._add_chat_bytes(
                    clipboard.text().encode("utf-8"), self.tr("粘贴的聊天记录.txt")
                )
        except ShopDeskError as exc:
            self._error(say(exc))
        self._after_change()
        return added

    def _after_change(self) -> None:
        self._forget()
        self._refresh_statement(self.case_id)
        self.refresh()
        self.changed.emit()

    def _choose_files(self) -> None:
        names, _ = file_dialogs.get_open_file_names(
            file_dialogs.EVIDENCE,
            self,
            self.tr("选择证据文件"),
            self.tr(
                "证据 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.mp4 *.mov *.txt);;所有文件 (*)"
            ),
        )
        if names:
            self.add_files([Path(n) for n in names])

    def _choose_chat(self) -> None:
        name, _ = file_dialogs.get_open_file_name(
            file_dialogs.EVIDENCE,
            self,
            self.tr("选择聊天记录文本"),
            self.tr("文本 (*.txt);;所有文件 (*)"),
        )
        if name:
            self.add_files([Path(name)], EvidenceKind.CHAT.value)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt API)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.case_id is not None:
            self.add_files(paths)
            event.acceptProposedAction()

    # -- editing -------------------------------------------------------------------------

    def _save_item(self) -> None:
        item = self.current_item()
        if self._loading or item is None:
            return
        kind = self.kind.currentData()
        caption = self.caption.text().strip()
        if kind == item.kind and caption == item.caption:
            return
        evidence_service.update_evidence(self.store, item.id, caption=caption, kind=kind)
        self._after_change()

    def _message_toggled(self, _line) -> None:
        item = self.current_item()
        if self._loading or item is None:
            return
        picked = [
            i
            for i in range(self.messages.count())
            if self.messages.item(i).checkState() == Qt.CheckState.Checked
        ]
        evidence_service.pick_messages(self.store, item.id, picked)
        self._forget()
        self.update_budget()

    def _remove_selected(self) -> None:
        item = self.current_item()
        if item is not None:
            evidence_service.remove_evidence(self.store, item.id)
            self._after_change()

    # -- building ------------------------------------------------------------------------

    def _choose_output(self) -> None:
        lacking = self.missing_required()
        if lacking and not self.confirm(self.missing_evidence_box(lacking)):
            return
        folder = file_dialogs.get_existing_directory(
            file_dialogs.EXPORT, self, self.tr("证据包保存到")
        )
        if folder:
            self.build(Path(folder))

    def build(self, out_dir: Path) -> Task:
        """Package on the task runner (its own Store on a worker thread); progress and
        Cancel show in the panel. Cancelled, it leaves no file behind."""
        args = (self.store.path, self.case_id, self.selected_profile(), out_dir)
        options = {
            "mask": self.mask.isChecked(),
            "as_zip": self.as_zip.isChecked(),
            "statement": self.statement.toPlainText(),
        }

        def work(context: TaskContext) -> PackResult:
            return pack_case(
                *args, **options, on_progress=context.progress, cancelled=context.cancelled
            )

        self.build_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.result.setText(self.tr("正在生成证据包…"))
        self.worker = runner().run(
            work,
            on_success=self._built,
            on_failure=self._failed,
            on_cancelled=lambda: self._failed(None),
            on_progress=self._progress,
            cancel_errors=(PackCancelled,),
            name="pack",
        )
        self.worker.finished.connect(self._worker_finished)
        return self.worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _built(self, result: PackResult) -> None:
        if result.package is None:
            self.result.setText(
                self.tr("放不下，未写入任何文件：")
                + "<br>"
                + "<br>".join(str(say(p)) for p in result.plan.problems)
            )
            self.result.setStyleSheet("color: #b00;")
        else:
            self.result.setStyleSheet("")
            self.result.setText(
                self.tr("证据包已生成：%1（%2 张上传图片）")
                .replace("%1", str(result.package))
                .replace("%2", str(len(result.plan.uploads)))
            )
        self.package_built.emit(result)

    def _failed(self, error: BaseException | None) -> None:
        """error None: the seller cancelled."""
        if error is None:
            message = ""
        elif isinstance(error, ShopDeskError):
            message = say(error)
        else:
            message = self.tr("生成证据包时出现意外错误，未留下任何文件。")
        self.result.setText(message or self.tr("已取消，未留下任何文件"))
        self.package_failed.emit(message)

    def _worker_finished(self) -> None:
        self.build_button.setEnabled(True)
        self.cancel_button.setVisible(False)
        self.progress.setVisible(False)
        self.worker = None

    def _error(self, message: str) -> None:
        """Shown in the panel (not a modal box): the seller can keep adding."""
        self.result.setStyleSheet("color: #b00;")
        self.result.setText(self.tr("无法添加证据：") + message)
