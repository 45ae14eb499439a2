"""The platform and shop choosers: 全部平台 / 淘宝/天猫 …, 全部店铺 / each shop. The window
puts one pair beside its search box (订单, 售后 and 待办 show only what they choose) and
the 分析 view has its own; both read the shops from the store."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox

from shopdesk.domain.scope import EVERYTHING, Scope
from shopdesk.services.platforms import Platform
from shopdesk.services.session import Store
from shopdesk.ui.format import label


def tr(text: str) -> str:
    return QCoreApplication.translate("ScopeBoxes", text)


class ScopeBoxes(QObject):
    """Two combo boxes and the Scope they choose; `changed` when the seller picks."""

    changed = Signal(object)  # Scope

    def __init__(self, parent=None):
        super().__init__(parent)
        self.platform_box, self.shop_box = QComboBox(), QComboBox()
        self.platform_box.setToolTip(tr("只看这个平台的订单和售后"))
        self.shop_box.setToolTip(tr("只看这个店铺的订单和售后（其他店铺订单上的售后不算）"))
        self.platform_box.currentIndexChanged.connect(self._platform_picked)
        self.shop_box.currentIndexChanged.connect(lambda _i: self.changed.emit(self.scope()))
        self._shops: list = []
        self.shop_count = 0

    def scope(self) -> Scope:
        platform, shop = self.platform_box.currentData(), self.shop_box.currentData()
        return Scope(platform, shop) if (platform or shop is not None) else EVERYTHING

    def fill(self, store: Store) -> None:
        """The store's platforms and shops, keeping what was chosen where it still is."""
        platform, shop = self.platform_box.currentData(), self.shop_box.currentData()
        self._shops = store.list_shops()
        self.shop_count = len(self._shops)
        with QSignalBlocker(self.platform_box):
            self.platform_box.clear()
            self.platform_box.addItem(tr("全部平台"), None)
            for value in sorted({s.platform for s in self._shops}):
                self.platform_box.addItem(label(Platform, value), value)
            self.platform_box.setCurrentIndex(max(0, self.platform_box.findData(platform)))
        self._fill_shops(shop)

    def _fill_shops(self, shop: int | None) -> None:
        platform = self.platform_box.currentData()
        with QSignalBlocker(self.shop_box):
            self.shop_box.clear()
            self.shop_box.addItem(tr("全部店铺"), None)
            for row in self._shops:
                if platform is None or row.platform == platform:
                    self.shop_box.addItem(row.name, row.id)
            self.shop_box.setCurrentIndex(max(0, self.shop_box.findData(shop)))

    def _platform_picked(self, _index: int) -> None:
        self._fill_shops(self.shop_box.currentData())
        self.changed.emit(self.scope())
