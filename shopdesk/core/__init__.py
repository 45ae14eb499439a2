"""The Qt-free package's earlier name. Its modules now live in shopdesk.domain, .store,
.platforms, .templates, .evidence, .services and .importers (docs/ARCHITECTURE.md); scripts
written against `shopdesk.core.<module>` keep working: each old name is the new module
itself (the same object, so patching one patches the other). ShopDesk's own code never
imports from here (tests/test_layers.py)."""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

# old module name -> where it lives now
MOVED = {
    **{
        name: f"shopdesk.domain.{name}"
        for name in [
            "model",
            "timeutil",
            "errors",
            "messages",
            "parsed_toml",
            "countdown",
            "labels",
            "scope",
            "workdays",
            "exif_time",
            "evidence_checklist",
            "input_budget",
            "os_errors",
            "reply_clock",
            "rules",
        ]
    },
    **{name: f"shopdesk.platforms.{name}" for name in ["reasons", "chatlog", "qianniu_paste"]},
    **{
        name: f"shopdesk.store.{name}"
        for name in [
            "store",
            "sqlite_db",
            "migrations",
            "store_checks",
            "store_files",
            "search_repo",
            "search_text",
            "due_search",
            "due_list",
            "clock_marks",
            "deadlines_repo",
            "evidence_repo",
            "reminders_repo",
            "safety_repo",
            "templates_repo",
            "import_repo",
            "safeio",
            "winsafe",
            "backup",
            "check",
            "export",
            "output_paths",
            "insights",
            "case_facts",
            "order_jobs",
        ]
    },
    "rulesets": "shopdesk.platforms.rulesets",
    "templates": "shopdesk.templates.library",
    "template_context": "shopdesk.templates.context",
    "template_suggest": "shopdesk.templates.suggest",
    "case_statement": "shopdesk.evidence.case_statement",
    "improvement_sheet": "shopdesk.evidence.improvement_sheet",
    "demo": "shopdesk.services.demo",
    "paste_case": "shopdesk.services.paste_case",
    "order_input": "shopdesk.services.order_input",
    "template_io": "shopdesk.services.template_io",
    "importers": "shopdesk.importers",
    # split in two: the shared flow stayed pure, the platform's steps moved
    "case_states": "shopdesk.core._case_states",
}


def _new_name(fullname: str) -> str | None:
    parts = fullname.split(".")
    if parts[:2] != ["shopdesk", "core"] or len(parts) < 3 or parts[2] not in MOVED:
        return None
    return ".".join([MOVED[parts[2]], *parts[3:]])


class _Alias(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec):
        return importlib.import_module(self.target)

    def exec_module(self, module) -> None:
        pass  # the target module ran when it was imported


class _MovedFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        new = _new_name(fullname)
        if new is None:
            return None
        return importlib.util.spec_from_loader(fullname, _Alias(new))


if not any(isinstance(finder, _MovedFinder) for finder in sys.meta_path):
    sys.meta_path.insert(0, _MovedFinder())


def __getattr__(name: str):
    if name not in MOVED:
        raise AttributeError(name)
    return importlib.import_module(f"{__name__}.{name}")
