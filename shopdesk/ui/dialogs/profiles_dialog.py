"""设置 → 证据提交限制: every evidence destination (each platform's appeal and refusal
forms, the shared ones) with its limits, where they come from (the fact page and its
confidence, or a conservative setting where the facts give none), and the seller's own
limits, kept in the store's settings. The 证据 tab and the packager count by what is
saved here (evidence/profile_limits.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.services import evidence_limits
from shopdesk.services import evidence_limits as profile_limits
from shopdesk.services import platforms as registry
from shopdesk.services.evidence import IMAGE_FORMATS, Profile
from shopdesk.services.evidence_limits import FORMAT_NAMES, Limits
from shopdesk.services.session import Store
from shopdesk.ui.i18n import current_language

BYTES_PER_MB = 1_000_000  # the platforms' pages write decimal MB


def tr(text: str) -> str:
    return QCoreApplication.translate("ProfilesDialog", text)


class ProfilesDialog(QDialog):
    """`changed(Changes)` after each save or reset."""

    changed = Signal(object)

    def __init__(self, store: Store, parent=None, current: str | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("证据提交限制"))
        tr = self.tr
        self.profiles: dict[str, Profile] = {}
        self.edited: set[str] = set()

        self.list = QListWidget()
        self.list.setMinimumWidth(300)
        self.list.currentRowChanged.connect(self._show)

        self.name = QLabel()
        self.name.setStyleSheet("font-weight: bold;")
        self.name.setWordWrap(True)
        self.platform = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #555;")
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.count = QSpinBox()
        self.count.setRange(0, 99)
        self.count.setSpecialValueText(tr("不限"))
        self.count.setSuffix(tr(" 张"))
        self.image_size = QDoubleSpinBox()
        self.image_size.setDecimals(2)
        self.image_size.setRange(
            profile_limits.MIN_BYTES / BYTES_PER_MB, profile_limits.MAX_BYTES / BYTES_PER_MB
        )
        self.image_size.setSingleStep(0.5)
        self.image_size.setSuffix(" MB")
        self.formats: dict[str, QCheckBox] = {}
        format_row = QHBoxLayout()
        for fmt in IMAGE_FORMATS:
            box = QCheckBox(FORMAT_NAMES[fmt])
            self.formats[fmt] = box
            format_row.addWidget(box)
        format_row.addStretch(1)
        formats = QWidget()
        formats.setLayout(format_row)
        format_row.setContentsMargins(0, 0, 0, 0)
        self.text_limit = QSpinBox()
        self.text_limit.setRange(0, 20000)
        self.text_limit.setSpecialValueText(tr("不限"))

        self.size_label = QLabel(tr("每张图片上限"))
        self.count_label = QLabel(tr("图片张数上限"))
        form = QFormLayout()
        form.addRow(tr("目的地"), self.name)
        form.addRow(tr("平台"), self.platform)
        form.addRow(tr("现在的限制"), self.summary)
        form.addRow(tr("来源"), self.source)
        form.addRow(self.count_label, self.count)
        form.addRow(self.size_label, self.image_size)
        form.addRow(tr("图片格式"), formats)
        form.addRow(tr("陈述上限"), self.text_limit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.note = QLabel(
            tr(
                "生成证据包和“证据”页的预算都按这里保存的限制计算；平台页面上的要求变了，就在这里改。"
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")

        self.save_button = QPushButton(tr("保存"))
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(tr("恢复默认"))
        self.reset_button.clicked.connect(self.reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.error)
        right.addStretch(1)
        right.addWidget(self.note)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(1060, 520)  # within a 1280 x 720 screen, English names unclipped
        self._load(current)

    # -- showing -------------------------------------------------------------------------

    def _load(self, current: str | None = None) -> None:
        language = current_language()
        self.profiles = profile_limits.for_store(self.store)
        self.edited = set(profile_limits.edited(self.store))
        platforms = registry.ids()

        def order(profile: Profile) -> int:
            platform = profile_limits.platform_of(profile)
            return platforms.index(platform) if platform in platforms else len(platforms)

        ordered = sorted(self.profiles.values(), key=order)  # stable: by id within a platform
        self.list.blockSignals(True)
        self.list.clear()
        heading = None
        for profile in ordered:
            platform = self._platform_name(profile)
            if platform != heading:  # a heading per platform, not selectable
                heading = platform
                title = QListWidgetItem(platform)
                title.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = title.font()
                font.setBold(True)
                title.setFont(font)
                self.list.addItem(title)
            item = QListWidgetItem("    " + profile.name(language))
            item.setData(Qt.ItemDataRole.UserRole, profile.id)
            item.setToolTip(profile_limits.summary(profile, language))
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows = {
            self.list.item(row).data(Qt.ItemDataRole.UserRole): row
            for row in range(self.list.count())
        }
        rows.pop(None, None)
        self.list.setCurrentRow(rows.get(current, min(rows.values(), default=0)))
        self._show(self.list.currentRow())

    @staticmethod
    def _platform_name(profile: Profile) -> str:
        platform = profile_limits.platform_of(profile)
        return registry.label(platform, current_language()) if platform else tr("通用")

    def current_profile(self) -> Profile | None:
        item = self.list.currentItem()
        profile_id = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return self.profiles.get(profile_id) if profile_id else None

    def _show(self, row: int) -> None:
        profile = self.current_profile()
        if profile is None:
            if 0 <= row < self.list.count() - 1:  # a platform's heading: its first form
                self.list.setCurrentRow(row + 1)
            return
        language = current_language()
        self.error.clear()
        self.name.setText(profile.name(language))
        self.platform.setText(self._platform_name(profile))
        self.summary.setText(
            profile_limits.summary(profile, language, edited_here=profile.id in self.edited)
        )
        self.summary.setStyleSheet("color: #b35900;" if profile.conservative else "")
        self.source.setText(profile_limits.source_text(profile, language))
        pdf = profile.output == "pdf"
        self.size_label.setText(self.tr("PDF 总大小上限") if pdf else self.tr("每张图片上限"))
        self.count.setEnabled(not pdf)
        self.count_label.setEnabled(not pdf)
        self.count.setValue(profile.max_count)
        self.image_size.setValue(profile.max_bytes / BYTES_PER_MB)
        for fmt, box in self.formats.items():
            box.setChecked(fmt in profile.formats)
        self.text_limit.setSuffix(
            self.tr(" 字节") if profile.text_unit == "bytes" else self.tr(" 字")
        )
        self.text_limit.setValue(profile.text_limit)
        self.reset_button.setEnabled(profile.id in self.edited)

    # -- editing -------------------------------------------------------------------------

    def limits(self) -> Limits:
        """What the editors say now."""
        return Limits(
            max_count=self.count.value(),
            max_bytes=round(self.image_size.value() * BYTES_PER_MB),
            formats=tuple(f for f in IMAGE_FORMATS if self.formats[f].isChecked()),
            text_limit=self.text_limit.value(),
        )

    def save(self) -> bool:
        profile = self.current_profile()
        if profile is None:
            return False
        try:
            _saved, changes = evidence_limits.set_limits(self.store, profile.id, self.limits())
        except ShopDeskError as exc:
            self.error.setText(say(exc))
            return False
        self._load(profile.id)
        self.changed.emit(changes)
        return True

    def reset(self) -> None:
        profile = self.current_profile()
        if profile is None:
            return
        _saved, changes = evidence_limits.reset_limits(self.store, profile.id)
        self._load(profile.id)
        self.changed.emit(changes)


def open_dialog(window, current: str | None = None) -> ProfilesDialog:
    dialog = ProfilesDialog(window.store, window, current)
    dialog.changed.connect(lambda changes: window.apply_changes(changes))
    dialog.exec()
    return dialog
