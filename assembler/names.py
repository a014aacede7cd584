"""Names the command line shows before anything heavy is imported."""

from __future__ import annotations

DOCUMENTS = ("motion", "response", "reply", "order-granting", "order-denying")
# the notice of motion, drafted (first) where the court files one beside the memorandum of law
NOTICE = "notice"
ALL_DOCUMENTS = (NOTICE, *DOCUMENTS)
DEADLINE_RULES = ("local", "59e", "60b")
SECTION_NAMES = ("court", "parties", "movant", "order", "docket", "grounds", "opposition", "motion",
                 "counsel", "ruling")
