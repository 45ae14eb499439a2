"""Reply templates for the 模板 tab, the case's reply panel and `shopdesk templates`:
the built-in library and the seller's own, filled with the case's facts, ranked for the
case's stage, imported and counted."""

from __future__ import annotations

from shopdesk.services.door import door

# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "Suggestion": "shopdesk.templates.suggest",
        "Template": "shopdesk.templates.library",
        "VARIABLES": "shopdesk.templates.library",
        "add_template": "shopdesk.store.templates_repo",
        "all_templates": "shopdesk.store.templates_repo",
        "by_usage": "shopdesk.store.templates_repo",
        "care_steps": "shopdesk.templates.suggest",
        "case_context": "shopdesk.store.templates_repo",
        "case_stage": "shopdesk.templates.suggest",
        "delete_template": "shopdesk.store.templates_repo",
        "duplicate_template": "shopdesk.store.templates_repo",
        "edit_text": "shopdesk.store.templates_repo",
        "find_gaps": "shopdesk.templates.library",
        "gap_pattern": "shopdesk.templates.library",
        "get_template": "shopdesk.store.templates_repo",
        "import_templates": "shopdesk.store.templates_repo",
        "measure": "shopdesk.templates.library",
        "over_limit": "shopdesk.templates.library",
        "own_templates": "shopdesk.store.templates_repo",
        "rank": "shopdesk.templates.suggest",
        "record_copy": "shopdesk.store.templates_repo",
        "render_template": "shopdesk.templates.library",
        "replied_steps": "shopdesk.store.templates_repo",
        "replied_steps_in": "shopdesk.store.templates_repo",
        "search": "shopdesk.store.templates_repo",
        "snapshot_context": "shopdesk.store.templates_repo",
        "usage": "shopdesk.store.templates_repo",
        "variable_label": "shopdesk.templates.library",
    },
)
