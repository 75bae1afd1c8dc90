from django.apps import AppConfig


class SpreadsheetsConfig(AppConfig):
    name = "phoihop.spreadsheets"
    label = "spreadsheets"
    verbose_name = "Nhập, xuất Excel"
