from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts import selectors, services
from phoihop.accounts.forms import LoginForm, TokenForm
from phoihop.core.views import apply_validation_error, user_of


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = services.create_token(actor=user, owner=user, name=form.cleaned_data["name"])
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            form = TokenForm()
    tokens = selectors.tokens_of(user=user)
    status = 422 if form.errors else 200
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "tokens": tokens, "new_token": new_token},
        status=status,
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    token = selectors.get_token(user=user, pk=pk)
    services.revoke_token(actor=user, token=token)
    messages.success(request, _("Đã thu hồi mã API “%(name)s”.") % {"name": token.name})
    return redirect("accounts:profile")
