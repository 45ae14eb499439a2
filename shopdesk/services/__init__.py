"""One function per user action (see DESIGN.md): what the window and the command line call."""
