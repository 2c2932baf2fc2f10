from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "newsdesk.transfer"
    label = "transfer"
    verbose_name = "Transfer"
