"""Reads of accounts. A user reads only their own API tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from phoihop.accounts.models import ApiToken

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def tokens_of(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def get_token(*, user: User, pk: int) -> ApiToken:
    return get_object_or_404(tokens_of(user=user), pk=pk)
