"""Property tests (hypothesis) for what reads outside text: the CSV importer, the chat-log
parser and template rendering. Whatever the text, they give the seller's data back
intact or a clear error, never a traceback."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopdesk.domain.errors import InputError
from shopdesk.importers.cells import clean_text
from shopdesk.platforms import chatlog
from shopdesk.store.import_repo import import_files
from shopdesk.store.store import Store
from shopdesk.templates.library import VARIABLES, render
from tests.importers_fixtures import order, write_orders

NOW = datetime(2026, 11, 28, 4, 0, 0, tzinfo=UTC)
ORDER_NO = "3515313147329357901"
SLOW = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Any text a buyer can type: no lone surrogates (no file can carry them) and no NUL (a
# file with NUL bytes is refused whole as binary, see the hostile corpus).
TYPED = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
)


@SLOW
@given(nick=TYPED.filter(lambda t: clean_text(t)), message=TYPED, note=TYPED, bom=st.booleans())
def test_csv_import_gives_back_what_the_export_held(nick, message, note, bom):
    with tempfile.TemporaryDirectory() as folder:
        path = write_orders(
            Path(folder) / "ExportOrderList202611280930.csv",
            [order(ORDER_NO, 买家会员名=nick, 买家留言=message, 订单备注=note)],
            encoding="utf-8" if bom else "gb18030",
            bom=bom,
        )
        with Store.open(Path(folder) / "shop.db") as store:
            first = import_files(store, [path], now=NOW)
            assert first.files[0].added == 1, first.as_dict()
            got = store.order_by_no(ORDER_NO)
            assert got.buyer_nick == clean_text(nick)
            assert got.buyer_message == clean_text(message)
            assert got.seller_note == clean_text(note)
            again = import_files(store, [path], now=NOW)
            assert (again.files[0].added, again.files[0].updated) == (0, 0)


@SLOW
@given(data=st.binary(max_size=3000), name=st.sampled_from(["orders.csv", "orders.xlsx"]))
def test_any_bytes_as_an_export_give_a_clear_error_or_change_nothing(data, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with Store.open(Path(folder) / "shop.db") as store:
            try:
                report = import_files(store, [path], now=NOW)
            except InputError as exc:
                assert str(exc).strip()
                assert store.counts()["orders"] == 0
            else:
                assert store.counts()["orders"] == sum(f.added for f in report.files)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_chat_log_decode_and_parse_any_bytes(raw):
    text = chatlog.decode(raw)
    try:
        messages = chatlog.parse(text)
    except chatlog.ChatLogError as exc:
        assert str(exc).strip()
    else:
        assert all(isinstance(m, chatlog.ChatMessage) for m in messages)


NICK = st.text(st.sampled_from("小满家居鹿橙子abcXYZ_0123"), min_size=1, max_size=10)
LINE = st.text(
    st.sampled_from("你好杯子裂了退款可以吗？！，。 abc123"), min_size=1, max_size=30
).filter(lambda t: t.strip() and t.strip() not in chatlog.STATUS_LINES)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(NICK, st.integers(0, 10**7), st.lists(LINE, min_size=1, max_size=3)),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_chat_log_pc_copy_round_trip(turns, newline):
    start = datetime(2026, 11, 20, 10, 0, 0)
    text = ""
    expected = []
    for nick, offset, lines in turns:
        moment = start + timedelta(seconds=offset)
        text += f"{nick} {moment:%Y-%m-%d %H:%M:%S}{newline}" + newline.join(lines) + newline * 2
        expected.append((nick, "\n".join(line.strip() for line in lines)))
    messages = chatlog.parse(text)
    got = [(m.sender, "\n".join(x.strip() for x in m.text.split("\n"))) for m in messages]
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.dictionaries(st.sampled_from(sorted(VARIABLES)), TYPED))
def test_rendered_values_are_never_rendered_again(body, values):
    """A buyer's nick like "{return_address}" or "【待填：运单号】" is pasted as text: it
    never pulls in another value, and a filled value never hides a real gap."""
    hostile = {name: f"{{{name}}}{value}" for name, value in values.items()}
    rendered = render(body, hostile)
    plain = render(body, {name: f"X{value}" for name, value in values.items()})
    assert rendered.gaps == plain.gaps
    assert "".join(s.text for s in rendered.segments) == rendered.text
