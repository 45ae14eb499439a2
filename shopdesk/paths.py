"""`shopdesk.paths` as scripts know it: the module itself now lives in shopdesk.domain
(paths.py there); this name is the same module object."""

import sys

from shopdesk.domain import paths

sys.modules[__name__] = paths
