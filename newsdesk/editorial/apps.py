from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "newsdesk.editorial"
    label = "editorial"
