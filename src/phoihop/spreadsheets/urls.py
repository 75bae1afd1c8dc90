from django.urls import path

from phoihop.spreadsheets import views

app_name = "spreadsheets"

urlpatterns = [
    path("<str:kind>/mau/", views.template_download, name="template"),
    path("<str:kind>/xuat/", views.export, name="export"),
    path("<str:kind>/nhap/", views.upload, name="upload"),
    path("<str:kind>/nhap/<int:pk>/tien-do/", views.job, name="job"),
    path("<str:kind>/nhap/<int:pk>/xac-nhan/", views.confirm, name="confirm"),
    path("<str:kind>/nhap/<int:pk>/loi.xlsx", views.errors, name="errors"),
]
