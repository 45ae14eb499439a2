"""The case panel and its sections (facts, timeline, evidence, reply), and the order panel."""
