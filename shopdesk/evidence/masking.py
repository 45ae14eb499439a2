"""Masking the buyer's phone number and address in everything ShopDesk renders
(statement, captions, chat images, summary PDF). Pure Python.

Photos are not read: a shipping label photographed with the phone number on it stays as
it is (the seller crops it); everything ShopDesk draws itself is masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[\s-]?\d{3,4}(\d{4})(?!\d)")
# the words a receiver address is written with in the exports (data, not a message:
# tests/domain/test_messages.py READ_FROM_FILES)
_ADDRESS_TAIL = re.compile(r"(?P<head>(?:[^\s省市区县]{1,8}(?:省|自治区|市)){1,2})(?P<tail>.+)")
MASK = "****"
ADDRESS_MAX_PARTS = 12  # 省 市 区 街道 路 号 楼 单元 室 ... with room to spare


def mask_phone_numbers(text: str) -> str:
    """Mainland mobile numbers keep their first 3 and last 4 digits; landlines their
    area code and last 4."""
    text = _MOBILE.sub(lambda m: f"{m[1]}{MASK}{m[2]}", text)
    return _LANDLINE.sub(lambda m: f"{m[1]}-{MASK}{m[2]}", text)


def masked_address(address: str) -> str:
    """Province and city stay (a reviewer may need the region); the rest is masked.
    `浙江省 杭州市 西湖区 文三路 90 号(310000)` -> `浙江省 杭州市 ****`."""
    address = address.strip()
    if not address:
        return ""
    parts = address.split()
    if len(parts) >= 3:
        return " ".join(parts[:2]) + " " + MASK
    match = _ADDRESS_TAIL.match(address.replace(" ", ""))
    if match and match["tail"]:
        return match["head"] + MASK
    return MASK


@dataclass(frozen=True)
class Masker:
    """Masks one buyer's details (known phone and address) and any mobile number."""

    enabled: bool = False
    phone: str = ""
    address: str = ""

    def __call__(self, text: str) -> str:
        if not self.enabled or not text:
            return text
        for needle, replacement in _known(self.phone, self.address):
            text = text.replace(needle, replacement)
        return mask_phone_numbers(text)


@lru_cache(maxsize=8)
def _known(phone: str, address: str) -> tuple[tuple[str, str], ...]:
    """What to replace, longest first; worked out once per buyer (a chat masks every
    message). Only the first ADDRESS_MAX_PARTS parts of an address give street pieces:
    an imported cell of thousands of words would otherwise give millions of them."""
    pairs: list[tuple[str, str]] = []
    address = address.strip()
    if address:
        masked = masked_address(address)
        pairs.append((address, masked))
        parts = re.sub(r"\s*\(\d{6}\)$", "", address).split()[:ADDRESS_MAX_PARTS]
        # the street part alone, as a buyer types it in a chat
        for start in range(2, len(parts)):
            for joiner in (" ", ""):
                piece = joiner.join(parts[start:])
                if len(piece) >= 4:
                    pairs.append((piece, MASK))
    phone = re.sub(r"[^\d+]", "", phone.lstrip("'"))
    if len(phone) >= 7:
        pairs.append((phone, mask_phone_numbers(phone)))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))
