"""Which orders a list or a figure counts: one platform and/or one shop (None: all).
The 分析 figures, the window's 订单, 售后 and 待办 lists and the command line's
`--platform` / `--shop` all scope the same way."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    platform: str | None = None
    shop_id: int | None = None

    @property
    def everything(self) -> bool:
        return self.platform is None and self.shop_id is None

    def where(self, alias: str = "o") -> tuple[str, list]:
        """ " AND ..." parts on the orders table called `alias`, and their parameters."""
        parts, params = [], []
        if self.platform:
            parts.append(f"{alias}.platform = ?")
            params.append(self.platform)
        if self.shop_id is not None:
            parts.append(f"{alias}.shop_id = ?")
            params.append(self.shop_id)
        return "".join(f" AND {p}" for p in parts), params


EVERYTHING = Scope()
