"""Arbitration: the arbitration agreement, the record room's submissions, the award."""
