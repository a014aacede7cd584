"""Many cases in one run: validate all, draft the valid ones in parallel, keep a manifest.

Takes answer files and folders and gives drafts and a manifest: ``run`` is the
library (workers, the lock), ``checked`` each valid case's check kept from the
validating phase to the drafting one (each case loaded once), ``manifest`` the
record of every case and document, ``progress`` the terminal's view.
"""
