from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "newsdesk.taxonomy"
    label = "taxonomy"
