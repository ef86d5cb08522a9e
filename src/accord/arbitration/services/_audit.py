"""How arbitration services record themselves in the audit chain and tell open pages: as the
agreements app does (the record's audience is the agreements' audience), so it is shared."""

from __future__ import annotations

from accord.agreements.services._audit import notify_audience as notify_record
from accord.agreements.services._audit import record

__all__ = ["notify_record", "record"]
