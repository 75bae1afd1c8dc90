from __future__ import annotations

from typing import Any


def can_manage_tokens(actor: Any, owner: Any) -> bool:
    return bool(actor.is_active and (actor.pk == owner.pk or actor.is_admin))
