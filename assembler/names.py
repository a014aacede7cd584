"""Names the command line shows before anything heavy is imported."""

from __future__ import annotations





DEADLINE_RULES = ("local", "59e", "60b")
SECTION_NAMES = ("court", "parties", "movant", "order", "docket", "motion", "grounds", "opposition",
                 "counsel", "ruling")
