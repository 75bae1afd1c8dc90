from django.urls import path

from phoihop.organizing import views

app_name = "organizing"

urlpatterns = [
    path("", views.founding_list, name="founding_list"),
    path("them/", views.FoundingCreateView.as_view(), name="founding_create"),
    path("<int:pk>/", views.founding_detail, name="founding_detail"),
    path("<int:pk>/sua/", views.FoundingUpdateView.as_view(), name="founding_update"),
    path("<int:pk>/xoa/", views.founding_delete, name="founding_delete"),
]
