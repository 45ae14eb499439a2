"""ShopDesk: the after-sales desk for small online shops."""

__version__ = "0.1.0"
