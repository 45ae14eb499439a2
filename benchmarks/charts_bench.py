"""Which charting for the 分析 view: Qt Charts (PySide6-Addons), pyqtgraph (numpy) or
ShopDesk's own QPainter drawing (shopdesk/evidence/charts.py), measured on the product
chart with 1,000 products (horizontal bars, sorted, with labels) drawn into a 1280x720
widget, and on what each adds to the bundle.

Run with a Python that has the candidates installed (they are not ShopDesk's
dependencies): `python benchmarks/charts_bench.py`. A candidate that is missing is
reported as such. Bundle sizes are the installed files PyInstaller would copy: for Qt
Charts its binding, libQt6Charts and the two OpenGL libraries it needs that the bundle
does not have yet; for pyqtgraph the package, numpy and numpy's own libraries (without
numpy's tests)."""

from __future__ import annotations

import importlib.util
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

PRODUCTS = 1_000
SIZE = (1280, 720)


def _products() -> list[tuple[str, float]]:
    rng = random.Random(3)
    rows = [
        (f"商品 {n:04d} 北欧风陶瓷马克杯", round(rng.uniform(0, 30), 2)) for n in range(PRODUCTS)
    ]
    return sorted(rows, key=lambda r: -r[1])


def _timed(draw, runs: int = 5) -> float:
    draw()  # first draw: fonts, caches
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        draw()
        found.append(time.perf_counter() - started)
    return round(statistics.median(found) * 1000, 1)


def qpainter() -> float:
    from shopdesk.evidence.charts import Bar, paint_bars

    bars = [Bar(name, rate, f"{rate:g}") for name, rate in _products()]

    class Chart(QWidget):
        def paintEvent(self, _event):
            painter = QPainter(self)
            paint_bars(painter, QRectF(self.rect()), bars, self.font())
            painter.end()

    widget = Chart()
    widget.resize(*SIZE)
    return _timed(lambda: widget.grab())


def qt_charts() -> float | None:
    if importlib.util.find_spec("PySide6.QtCharts") is None:
        return None
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSet,
        QChart,
        QChartView,
        QHorizontalBarSeries,
        QValueAxis,
    )
    from PySide6.QtCore import Qt

    rows = _products()

    def build_and_draw() -> None:
        bars = QBarSet("每百件售后")
        bars.append([rate for _name, rate in rows])
        series = QHorizontalBarSeries()
        series.append(bars)
        chart = QChart()
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([name for name, _rate in rows])
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        values = QValueAxis()
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        view = QChartView(chart)
        view.resize(*SIZE)
        view.grab()

    return _timed(build_and_draw)


def pyqtgraph_chart() -> float | None:
    if importlib.util.find_spec("pyqtgraph") is None:
        return None
    import pyqtgraph

    rows = _products()

    def build_and_draw() -> None:
        plot = pyqtgraph.PlotWidget()
        item = pyqtgraph.BarGraphItem(
            x0=0, y=list(range(len(rows))), height=0.7, width=[r for _n, r in rows]
        )
        plot.addItem(item)
        plot.getAxis("left").setTicks([[(i, name) for i, (name, _r) in enumerate(rows)]])
        plot.resize(*SIZE)
        plot.grab()

    return _timed(build_and_draw)


def _size(paths: list[Path]) -> float:
    total = 0
    for path in paths:
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return round(total / 2**20, 1)


def bundle_sizes() -> dict:
    import PySide6

    qt = Path(PySide6.__file__).parent
    found: dict = {"qpainter_mb": 0.0}
    charts = qt / "QtCharts.abi3.so"
    if charts.exists():
        lib = qt / "Qt" / "lib"
        found["qt_charts_mb"] = _size(
            [
                charts,
                lib / "libQt6Charts.so.6",
                lib / "libQt6OpenGL.so.6",
                lib / "libQt6OpenGLWidgets.so.6",
            ]
        )
    if importlib.util.find_spec("pyqtgraph") and importlib.util.find_spec("numpy"):
        import numpy
        import pyqtgraph

        numpy_dir = Path(numpy.__file__).parent
        tests = [p for p in numpy_dir.rglob("tests") if p.is_dir()]
        found["pyqtgraph_numpy_mb"] = round(
            _size([Path(pyqtgraph.__file__).parent, numpy_dir, numpy_dir.parent / "numpy.libs"])
            - _size(tests),
            1,
        )
    return found


def main() -> int:
    QApplication.instance() or QApplication([])
    draw = {
        "qpainter_ms": qpainter(),
        "qt_charts_ms": qt_charts(),
        "pyqtgraph_ms": pyqtgraph_chart(),
    }
    sizes = bundle_sizes()
    print(f"product chart, {PRODUCTS:,} products, {SIZE[0]}x{SIZE[1]}, median of 5 draws")
    print("| charting | draw | added to dist/shopdesk/ |")
    print("|---|---|---|")
    for name, key, size_key in (
        ("QPainter (shopdesk/evidence/charts.py)", "qpainter_ms", "qpainter_mb"),
        ("Qt Charts (PySide6-Addons)", "qt_charts_ms", "qt_charts_mb"),
        ("pyqtgraph + numpy", "pyqtgraph_ms", "pyqtgraph_numpy_mb"),
    ):
        took = draw[key]
        shown = "not installed" if took is None else f"{took} ms"
        size = sizes.get(size_key)
        print(f"| {name} | {shown} | {'—' if size is None else f'{size} MB'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
