from django.urls import path

from phoihop.accounts import views

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-nhap/ma-xac-thuc/", views.login_code, name="login_code"),
    path("xac-thuc-hai-buoc/", views.second_factor, name="second_factor"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("ca-nhan/", views.profile, name="profile"),
    path("ma-api/<int:pk>/thu-hoi/", views.revoke_token, name="revoke_token"),
]
