"""Bargaining: agenda, positions and interests, preferences, engine suggestions, division,
blind bids and the mediator's proposal. `adapters.py` is the only bridge to `accord.engine`."""
