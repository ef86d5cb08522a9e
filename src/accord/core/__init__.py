"""Shared base pieces: base model, errors, clock. Imports no domain app."""
