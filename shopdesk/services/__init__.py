"""One function per user action (the window and the command line call the same ones);
each returns the `Changes` it made (services/changes.py)."""
