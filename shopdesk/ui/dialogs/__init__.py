"""The dialogs: import, check, the order form, paste a case, shops, welcome, file pickers, diagnostics."""
