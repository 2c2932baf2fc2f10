from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "newsdesk.stories"
    label = "stories"
