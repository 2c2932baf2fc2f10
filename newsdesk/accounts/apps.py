from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "newsdesk.accounts"
    label = "accounts"

    def ready(self) -> None:
        # The security log's and the throttle's receivers; collection and page permissions.
        from . import group_permissions, permission_names, receivers, role_names  # noqa: F401

        role_names.connect()
        permission_names.connect()
