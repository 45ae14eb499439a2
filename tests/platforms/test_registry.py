"""The platforms' exports are read by layouts their packages load only when an export is
read: the window lists the platforms before its first paint without them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from shopdesk.platforms import registry

PACKAGE = Path(__file__).resolve().parents[2] / "shopdesk"


def test_every_platform_with_exports_names_its_layouts_module_and_it_loads():
    with_exports = 0
    for spec in registry.platforms().values():
        folder = PACKAGE / "platforms" / spec.id
        if spec.layouts_module is None:
            assert not (folder / "layouts.py").exists(), spec.id  # forgotten, never read
            assert spec.layouts == ()
            continue
        # build.spec bundles <platform>/layouts.py by that rule: the module is that file
        assert spec.layouts_module == f"shopdesk.platforms.{spec.id}.layouts"
        assert (folder / "layouts.py").exists()
        assert spec.layouts and {layout.platform for layout in spec.layouts} == {spec.id}
        with_exports += 1
    assert with_exports >= 4  # Taobao, Pinduoduo, JD, Douyin


def test_listing_the_platforms_loads_no_export_layouts():
    code = (
        "import sys; from shopdesk.platforms import registry; "
        "[s.label() for s in registry.platforms().values()]; "
        "print(sorted(m for m in sys.modules if 'layouts' in m or m.startswith('shopdesk.importers')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
