"""Rules that match figures stated more than once: cross-references, counts, dates."""
