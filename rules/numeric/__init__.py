"""Rules that re-derive the figures: shares, totals, ratios, differences, targets."""
