from django.apps import AppConfig


class FrontsConfig(AppConfig):
    name = "newsdesk.fronts"
    label = "fronts"
