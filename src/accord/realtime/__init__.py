"""Real-time plumbing: publish after commit, group names, the base authenticated consumer.

No domain logic: domain apps build their consumers on `AuthenticatedConsumer`.
"""
