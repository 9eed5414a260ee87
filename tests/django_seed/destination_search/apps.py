# SPDX-License-Identifier: GPL-3.0-or-later
from django.apps import AppConfig


class DestinationSearchConfig(AppConfig):
    name = "destination_search"
