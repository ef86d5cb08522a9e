"""Rooms, messages, attachments, releases and relays: who sees what (DESIGN.md §4)."""
