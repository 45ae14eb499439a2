import sys

from shopdesk.cli import main
from shopdesk.services.session import ensure_standard_streams

if __name__ == "__main__":
    ensure_standard_streams()  # the window's .exe on Windows has no console
    sys.exit(main())
