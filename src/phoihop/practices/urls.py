from django.urls import path

from phoihop.practices import views

app_name = "practices"

urlpatterns = [
    *views.PRACTICES.urls(),
    path("<int:pk>/khen-thuong/them/", views.AwardCreateView.as_view(), name="award_create"),
    path("khen-thuong/<int:pk>/sua/", views.AwardUpdateView.as_view(), name="award_update"),
    path("khen-thuong/<int:pk>/xoa/", views.award_delete, name="award_delete"),
]
