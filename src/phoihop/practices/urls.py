from django.urls import path

from phoihop.practices import views

app_name = "practices"

urlpatterns = [
    path("", views.practice_list, name="practice_list"),
    path("them/", views.PracticeCreateView.as_view(), name="practice_create"),
    path("<int:pk>/", views.practice_detail, name="practice_detail"),
    path("<int:pk>/sua/", views.PracticeUpdateView.as_view(), name="practice_update"),
    path("<int:pk>/xoa/", views.practice_delete, name="practice_delete"),
    path("<int:pk>/khen-thuong/them/", views.AwardCreateView.as_view(), name="award_create"),
    path("khen-thuong/<int:pk>/sua/", views.AwardUpdateView.as_view(), name="award_update"),
    path("khen-thuong/<int:pk>/xoa/", views.award_delete, name="award_delete"),
]
