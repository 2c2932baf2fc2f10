"""The front cache: surrogate keys on every public response, and one purge interface.

Pages name what they show as keys (:mod:`.keys`); a change purges exactly the keys of what
changed (:mod:`.receivers`) through :func:`.purge.purge`, which records the change in the
key clock (:mod:`.clock`) and tells every configured front cache (:mod:`.backends`).
Without Varnish, the app's own page cache (:mod:`.middleware`) does the same with the
clock's versions. Decision 0015 explains the design.
"""
