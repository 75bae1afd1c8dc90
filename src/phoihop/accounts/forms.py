from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa và chữ thường."),
        "inactive": _("Tài khoản này đã bị khóa. Hãy liên hệ quản trị hệ thống."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")
        self.fields["username"].widget.attrs.update({"autofocus": True, "autocomplete": "username"})


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Tên mã API"), max_length=100, help_text=_("Ví dụ: bảng tính tổng hợp của phòng."))


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=20,
        help_text=_("Mã 6 chữ số trong ứng dụng xác thực, hoặc một mã khôi phục."),
        error_messages={"required": _("Hãy nhập mã xác thực.")},
    )


class EnrolForm(forms.Form):
    code = forms.CharField(
        label=_("Mã 6 chữ số trong ứng dụng"),
        max_length=10,
        error_messages={"required": _("Hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.")},
    )
