from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from config.api import api
from phoihop.cases.urls import public_urlpatterns as cases_public_urls
from phoihop.core.errorpages import favicon_redirect
from phoihop.workforce.urls import public_urlpatterns as survey_public_urls

urlpatterns = [
    path("", include("phoihop.core.urls")),
    path("tai-khoan/", include("phoihop.accounts.urls")),
    path("danh-muc/", include("phoihop.directory.urls")),
    path("", include("phoihop.planning.urls")),
    path("", include("phoihop.indicators.urls")),
    path("hoat-dong/", include("phoihop.activities.urls")),
    path("thanh-lap-to-chuc/", include("phoihop.organizing.urls")),
    path("kiem-tra-giam-sat/", include("phoihop.oversight.urls")),
    path("dan-van-kheo/", include("phoihop.practices.urls")),
    path("nha-o-cong-nhan/", include("phoihop.housing.urls")),
    path("vu-viec/", include("phoihop.cases.urls")),
    path("bao-cao/", include("phoihop.reports.urls")),
    path("tinh-hinh-lao-dong/", include("phoihop.workforce.urls")),
    path("khao-sat/", include((survey_public_urls, "survey_public"))),
    path("hoi-dap/", include((cases_public_urls, "intake"))),
    path("excel/", include("phoihop.spreadsheets.urls")),
    path("api/v1/", api.urls),
    path(settings.PHOIHOP_ADMIN_URL, admin.site.urls),
    path("favicon.ico", favicon_redirect),
]

handler404 = "phoihop.core.errorpages.not_found"
handler500 = "phoihop.core.dbdown.server_error"

admin.site.site_header = "Phối hợp — quản trị"
admin.site.site_title = "Phối hợp"
