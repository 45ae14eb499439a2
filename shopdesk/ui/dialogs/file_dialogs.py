"""File dialogs that start where the seller's files are: the Downloads folder at first
(platform exports land there), then the folder last used for the same purpose (imports,
evidence, exports ... each remember their own), kept in the user's Qt settings.

The same calls as QFileDialog's static ones, with the purpose first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

IMPORT = "import"  # the platform's exports
EVIDENCE = "evidence"  # photos, screenshots, chat logs
EXPORT = "export"  # what ShopDesk writes: exports, evidence packages
TEMPLATES = "templates"
RULES = "rules"


def downloads_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def _key(purpose: str) -> str:
    return f"folders/{purpose}"


def start_folder(purpose: str) -> Path:
    remembered = QSettings().value(_key(purpose))
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return downloads_folder()


def remember(purpose: str, chosen: str | Path) -> None:
    """Keep the folder of what was chosen (the folder itself when a folder was chosen)."""
    path = Path(chosen)
    QSettings().setValue(_key(purpose), str(path if path.is_dir() else path.parent))


def get_open_file_names(purpose: str, parent, title: str, filters: str) -> tuple[list[str], str]:
    from PySide6.QtWidgets import QFileDialog

    names, chosen = QFileDialog.getOpenFileNames(parent, title, str(start_folder(purpose)), filters)
    if names:
        remember(purpose, names[0])
    return names, chosen


def get_open_file_name(purpose: str, parent, title: str, filters: str) -> tuple[str, str]:
    from PySide6.QtWidgets import QFileDialog

    name, chosen = QFileDialog.getOpenFileName(parent, title, str(start_folder(purpose)), filters)
    if name:
        remember(purpose, name)
    return name, chosen


def get_save_file_name(
    purpose: str, parent, title: str, file_name: str, filters: str
) -> tuple[str, str]:
    from PySide6.QtWidgets import QFileDialog

    suggested = str(start_folder(purpose) / file_name)
    name, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if name:
        remember(purpose, name)
    return name, chosen


def get_existing_directory(purpose: str, parent, title: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    folder = QFileDialog.getExistingDirectory(parent, title, str(start_folder(purpose)))
    if folder:
        remember(purpose, folder)
    return folder
