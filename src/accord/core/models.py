"""The base model every domain table inherits."""

from __future__ import annotations

import uuid

from django.db import models


class BaseModel(models.Model):
    """Random UUID primary keys keep ids unguessable; `created_at` is set once, in UTC."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, editable=False)

    class Meta:
        abstract = True
