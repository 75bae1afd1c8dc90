from phoihop.organizing.views import FOUNDINGS

app_name = "organizing"

urlpatterns = FOUNDINGS.urls()
