"""Each platform ShopDesk knows is a package here: its exports' layouts and parsers, its
status words, rule file, reasons, evidence profiles and chat formats. The rest of
ShopDesk reaches them through `shopdesk.platforms.registry` and never names a platform.
docs/ARCHITECTURE.md walks through adding one."""
