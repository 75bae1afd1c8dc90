from django.contrib import admin
from django.urls import include, path

from config.api import api

urlpatterns = [
    path("", include("phoihop.core.urls")),
    path("tai-khoan/", include("phoihop.accounts.urls")),
    path("danh-muc/", include("phoihop.directory.urls")),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]

admin.site.site_header = "Phối hợp — quản trị"
admin.site.site_title = "Phối hợp"
