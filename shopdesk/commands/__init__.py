"""CLI sub-commands, one module per group (registered in shopdesk/cli.py)."""
