"""Where `python -m shopdesk`, the `shopdesk` command and the executable start."""

import sys

from shopdesk import startup_gc

startup_gc.hold()  # before the imports below (see startup_gc)

from shopdesk.cli import main  # noqa: E402
from shopdesk.services.session import ensure_standard_streams  # noqa: E402


def run() -> int:
    ensure_standard_streams()  # the window's .exe on Windows has no console
    return main()


if __name__ == "__main__":
    sys.exit(run())
