"""The case's evidence, for the 证据 tab and `shopdesk evidence` / `pack`: adding files,
chat logs and pasted bytes to the store's evidence folder, the destinations' profiles, and
building, planning and verifying a package. Rendering (images, PDF pages) needs QtGui and
is loaded only when a front end first asks for it."""

from __future__ import annotations

from shopdesk.services.door import door

# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "IMAGE_FORMATS": "shopdesk.evidence.profiles",
        "PackCancelled": "shopdesk.evidence.package",
        "PackResult": "shopdesk.evidence.from_store",
        "Profile": "shopdesk.evidence.profiles",
        "add_bytes": "shopdesk.store.evidence_repo",
        "add_chat": "shopdesk.store.evidence_repo",
        "add_file": "shopdesk.store.evidence_repo",
        "case_chat_messages": "shopdesk.store.evidence_repo",
        "chat_messages": "shopdesk.store.evidence_repo",
        "china_time": "shopdesk.evidence.chatrender",
        "copy_for_editing": "shopdesk.evidence.profiles",
        "default_statement": "shopdesk.evidence.from_store",
        "evidence_data": "shopdesk.store.evidence_repo",
        "from_data": "shopdesk.platforms.chatlog",
        "get_evidence": "shopdesk.store.evidence_repo",
        "get_profile": "shopdesk.evidence.profiles",
        "images_for": "shopdesk.evidence.package",
        "list_evidence": "shopdesk.store.evidence_repo",
        "load_profiles": "shopdesk.evidence.profiles",
        "pack_case": "shopdesk.evidence.from_store",
        "pick_messages": "shopdesk.store.evidence_repo",
        "raw_mismatches": "shopdesk.platforms.chatlog",
        "remove_evidence": "shopdesk.store.evidence_repo",
        "render_pages": "shopdesk.evidence.pdfpages",
        "statement_for": "shopdesk.evidence.from_store",
        "stored_path": "shopdesk.store.evidence_repo",
        "update_evidence": "shopdesk.store.evidence_repo",
        "verify": "shopdesk.evidence.package",
    },
)
