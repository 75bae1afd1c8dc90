from django.urls import path

from phoihop.oversight import views

app_name = "oversight"

urlpatterns = [
    *views.INSPECTIONS.urls(),
    *views.FINDINGS.urls(),
    *views.FOLLOW_UPS.urls(),
    path("viec-qua-han/", views.overdue_list, name="overdue_list"),
    path("noi-dung/", views.topic_list, name="topic_list"),
    path("noi-dung/them/", views.TopicCreateView.as_view(), name="topic_create"),
    path("noi-dung/<int:pk>/sua/", views.TopicUpdateView.as_view(), name="topic_update"),
]
