from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "newsdesk_demo"
    label = "demo"
