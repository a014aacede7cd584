"""Names the command line shows before anything heavy is imported; tests/test_house.py holds
each equal to the library's own list (law.deadlines.RULES, interview.questions.SECTIONS)."""

from __future__ import annotations

DEADLINE_RULES = ("local", "59e", "60b")
SECTION_NAMES = (
    "court",
    "parties",
    "movant",
    "order",
    "docket",
    "motion",
    "grounds",
    "opposition",
    "counsel",
    "ruling",
)
