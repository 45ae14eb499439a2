"""The bottom layer, pure: the domain's ids and dataclasses (model), the shared case flow,
the clock engine's rules and arithmetic, countdown words, amounts, the message catalogue
and where files are. Imports nothing of ShopDesk but itself, never Qt, never a platform's
name (tests/test_layers.py)."""
