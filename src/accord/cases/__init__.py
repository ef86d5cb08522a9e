"""Cases, sides, participants, neutrality, and the dispute resolution processes as data."""
