"""Shared fixtures of the evidence tests (images are drawn in evidence_fixtures.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def gui(qapp):
    """Rendering needs the application object; pytest-qt's qapp is one."""
    return qapp
