from django.urls import path

from phoihop.housing import views

app_name = "housing"

urlpatterns = [
    *views.PROJECTS.urls(),
    path("<int:pk>/moc/them/", views.MilestoneCreateView.as_view(), name="milestone_create"),
    path("moc/<int:pk>/sua/", views.MilestoneUpdateView.as_view(), name="milestone_update"),
    path("moc/<int:pk>/xoa/", views.milestone_delete, name="milestone_delete"),
]
