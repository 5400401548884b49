"""Rules over the figures of tables (N6xx): casting the columns, cross-footing the rows,
recomputing shares, achievements and comparisons, and tying the text to the tables.

They read the ``Cell`` facts of checker/extract/tables.py through ``common.views`` (one
``View`` per table); the header words they rely on are data in ``headers.toml``.
"""
