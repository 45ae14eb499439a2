"""Write the small built-in sample export in resources/samples/ (a Taobao day: orders,
their item lines, the refund workbook; invented people), which `shopdesk --smoke-test`
imports. Made with the importer tests' writers, so it looks like what the platform sends.

Run again only to change the sample: `python tools/make_samples.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
sys.path.insert(0, str(ROOT))

from tests.importers_fixtures import (  # noqa: E402
    line,
    order,
    refund,
    write_lines,
    write_orders,
    write_refunds_xlsx,
)

ORDER_NOS = ("3901234567890120", "3901234567890131", "3901234567890112")


def main() -> int:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    first, second, third = ORDER_NOS
    write_orders(
        SAMPLES / "ExportOrderList202406201030.csv",
        [order(first), order(second, 订单状态="交易成功"), order(third)],
        layout=71,
    )
    write_lines(
        SAMPLES / "ExportOrderDetailList202406201030.csv",
        [line(first), line(second), line(third)],
    )
    write_refunds_xlsx(
        SAMPLES / "RefundList202406201030.xlsx",
        [refund(first, "150001234567890101")],
    )
    for path in sorted(SAMPLES.iterdir()):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
