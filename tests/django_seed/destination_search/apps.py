from django.apps import AppConfig


class DestinationSearchConfig(AppConfig):
    name = "destination_search"
