"""Table models of the 分析 view: a breakdown's rows, the appeals, a drill-down's cases.
Every figure has a tooltip saying what it counts and over which period."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from shopdesk.domain.messages import joined
from shopdesk.services.insights import Row, cause_label
from shopdesk.ui.format import money
from shopdesk.ui.i18n import current_language

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()


def tr(text: str) -> str:
    return QCoreApplication.translate("InsightsView", text)


@dataclass(frozen=True)
class Figure:
    title: str
    value: Callable[[Any], str]
    tip: str  # what it counts ({period} is filled in)
    align: Qt.AlignmentFlag = RIGHT
    share: bool = False  # the row's share of all the cases listed


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _change(row: Row) -> str:
    change = row.cases - row.previous_cases
    text = f"{change:+d}"
    if row.rate_per_100 is not None and row.previous_rate_per_100 is not None:
        text += f"（{row.previous_rate_per_100:g} → {row.rate_per_100:g}）"
    return text


def _causes(row: Row) -> str:
    language = current_language()
    return joined([f"{cause_label(c, language)} {n}" for c, n in row.causes], language)


def _money_figures() -> list[Figure]:
    return [
        Figure(tr("已退款"), lambda r: money(r.refund_fen), tr("这些售后单实际退给买家的钱（含退运费；不是申请的金额）")),
        Figure(tr("补偿"), lambda r: money(r.compensation_fen), tr("给买家的补偿（如补偿运费）")),
        Figure(tr("追回"), lambda r: money(r.recovered_fen), tr("收回的钱：快递理赔、运费险赔付")),
        Figure(tr("净损失"), lambda r: money(r.net_cost_fen), tr("付出的钱（退款、补偿、补发成本）减去收回的钱")),
    ]  # fmt: skip


def breakdown_figures(dimension: str) -> list[Figure]:
    cases_tip = tr("{period}内申请的售后单（按申请时间算期间；其他店铺订单的售后不算）")
    change = Figure(tr("较上期"), _change, tr("售后单数比上一段同样长的期间多（+）或少（-）；括号里是每百件售后的变化"))  # fmt: skip
    leading = Figure(tr("主要原因"), _causes, tr("这些售后单最多的原因（单数）"), LEFT)
    if dimension == "product":
        return [
            Figure(tr("商品"), lambda r: r.label, tr("商品标题"), LEFT),
            Figure(
                tr("商家编码"), lambda r: r.key, tr("导出表里的商家编码；没有编码时用标题"), LEFT
            ),
            Figure(
                tr("售出件数"),
                lambda r: str(r.units),
                tr(
                    "{period}内付款的订单里这个商品的购买数量（之后退款或关闭的也算，每个订单行算一次）"
                ),
            ),  # fmt: skip
            Figure(
                tr("售后单"),
                lambda r: str(r.cases),
                cases_tip + tr("；一单涉及几个商品就算在每个商品下"),
            ),  # fmt: skip
            Figure(
                tr("每百件售后"), lambda r: _rate(r.rate_per_100), tr("售后单数 ÷ 售出件数 × 100")
            ),
            leading,
            *_money_figures(),
            change,
        ]
    if dimension == "courier":
        return [
            Figure(tr("快递"), lambda r: r.label, tr("订单的快递公司"), LEFT),
            Figure(
                tr("包裹数"), lambda r: str(r.units), tr("{period}内付款、由这家快递发出的订单数")
            ),
            Figure(
                tr("快递责任售后"),
                lambda r: str(r.cases),
                cases_tip + tr("；只算原因是快递（丢件、慢、错派、服务差）的"),
            ),  # fmt: skip
            Figure(
                tr("每百个包裹"), lambda r: _rate(r.rate_per_100), tr("快递责任售后 ÷ 包裹数 × 100")
            ),
            leading,
            *_money_figures(),
            change,
        ]
    title = tr("原因") if dimension == "cause" else tr("责任方")
    return [
        Figure(title, lambda r: r.label, tr("卖家判断的原因；没有判断时按平台给的退款原因"), LEFT),
        Figure(tr("售后单"), lambda r: str(r.cases), cases_tip),
        Figure(tr("占比"), str, tr("占这段时间全部售后单的比例"), share=True),
        *([leading] if dimension == "responsibility" else []),
        *_money_figures(),
        change,
    ]


class FigureModel(QAbstractTableModel):
    """Rows of dataclasses shown through Figures; the row's key under KEY_ROLE."""

    def __init__(self, figures: Sequence[Figure], parent=None):
        super().__init__(parent)
        self.figures = list(figures)
        self.rows: list[Any] = []
        self.period_text = ""
        self.total = 0

    def set_rows(self, rows: Sequence[Any], period_text: str) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.period_text = period_text
        self.total = sum(getattr(r, "cases", 0) for r in self.rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.figures)

    def _tip(self, figure: Figure) -> str:
        return figure.tip.replace("{period}", self.period_text or tr("所选期间"))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, figure = self.rows[index.row()], self.figures[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if figure.share:
                return f"{row.cases * 100 / self.total:.1f}%" if self.total else "—"
            return figure.value(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(figure)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(figure.align)
        if role == KEY_ROLE:
            return getattr(row, "key", None)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.figures):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.figures[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(self.figures[section])
        return None


def appeal_figures() -> list[Figure]:
    return [
        Figure(tr("原因"), lambda r: r.label, tr("平台介入的售后单的原因"), LEFT),
        Figure(tr("平台介入"), lambda r: str(r.cases), tr("{period}内申请、小二介入过的售后单")),
        Figure(tr("胜"), lambda r: str(r.won), tr("平台判卖家胜")),
        Figure(tr("负"), lambda r: str(r.lost), tr("平台判买家胜")),
        Figure(tr("分担"), lambda r: str(r.split), tr("平台判双方分担")),
        Figure(tr("未判定"), lambda r: str(r.pending), tr("还没有记录处理结果")),
        Figure(tr("保住的钱"), lambda r: money(r.kept_fen), tr("判卖家胜的售后单：买家申请的退款减去实际退款")),
    ]  # fmt: skip


@dataclass(frozen=True)
class CaseLine:
    key: int  # the case id
    order_no: str
    opened: str
    kind: str
    state: str
    cause: str
    net_fen: int


def case_figures() -> list[Figure]:
    return [
        Figure(tr("编号"), lambda r: str(r.key), tr("售后单编号（双击打开）")),
        Figure(tr("订单号"), lambda r: r.order_no, tr("订单号"), LEFT),
        Figure(tr("申请时间"), lambda r: r.opened, tr("买家申请的时间"), LEFT),
        Figure(tr("类型"), lambda r: r.kind, tr("售后类型"), LEFT),
        Figure(tr("状态"), lambda r: r.state, tr("现在的状态"), LEFT),
        Figure(tr("原因"), lambda r: r.cause, tr("原因"), LEFT),
        Figure(tr("净损失"), lambda r: money(r.net_fen), tr("付出的钱减去收回的钱")),
    ]
