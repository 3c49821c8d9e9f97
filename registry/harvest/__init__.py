"""Harvest runs and their results in the registry: models, storing records, queries, the run."""
