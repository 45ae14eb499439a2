import pytest

from shopdesk.domain.errors import InputError
from shopdesk.services.order_input import check_order_form, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"), [("158.8", 15880), ("¥1,009.00", 100900), ("0元", 0), ("", 0)]
)
def test_amounts_become_fen(text, fen):
    assert parse_yuan(text, "实付金额") == fen


@pytest.mark.parametrize("text", ["abc", "-1", "1.005"])
def test_bad_amounts_name_the_field(text):
    with pytest.raises(InputError, match="实付金额"):
        parse_yuan(text, "实付金额")


def test_the_form_is_checked_field_by_field():
    good = {
        "order_no": "WX20261128001",
        "state": "paid",
        "paid_at": "2026-11-28 12:00",
        "paid": "99",
    }
    values = check_order_form(good)
    assert values["paid_at"] == "2026-11-28T04:00:00Z"  # China time -> UTC
    assert values["paid_fen"] == 9900
    with pytest.raises(InputError, match="付款时间"):
        check_order_form({**good, "paid_at": ""})
    with pytest.raises(InputError, match="订单号"):
        check_order_form({**good, "order_no": "x"})
    with pytest.raises(InputError, match="发货时间"):
        check_order_form({**good, "shipped_at": "2026-11-27 12:00"})
