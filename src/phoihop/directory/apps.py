from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "phoihop.directory"
    label = "directory"
    verbose_name = "Danh mục"
