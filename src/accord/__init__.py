"""Accord: online dispute resolution with the rules of each process enforced in software."""
