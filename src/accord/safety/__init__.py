"""Safety aids for parties in conflict, such as the tone coach in :mod:`accord.safety.tone`."""
