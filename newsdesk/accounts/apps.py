from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "newsdesk.accounts"
    label = "accounts"

    def ready(self) -> None:
        from . import (
            receivers,  # noqa: F401 - the security log's and the throttle's receivers
            role_names,
        )

        role_names.connect()
