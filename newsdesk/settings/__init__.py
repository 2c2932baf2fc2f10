"""Settings layer in four files.

``base`` reads every host, secret and path from the environment and holds what all
deployments share. ``dev`` (the demo), ``test`` and ``production`` import ``base`` and
change only what differs. ``DJANGO_SETTINGS_MODULE`` picks one; the console script
defaults to ``dev``.
"""
