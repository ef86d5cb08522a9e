"""The per-case, append-only, hash-chained audit log, its signed checkpoints and verifier.

Imports no domain app: domain services call `services.event_append` inside their transaction.
"""
