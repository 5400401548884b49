"""The rules rasoat applies, one module per rule, grouped by family."""
