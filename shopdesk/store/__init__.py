"""The seller's store: one SQLite file (through sqlite-utils) and its evidence folder.
Opening it (typed errors from SQLite's error codes), migrations, search, one module per
table group (`*_repo.py`), the clocks' cache, imports applied in one transaction, backups,
the check and exports. The only layer that runs SQL; never Qt."""
