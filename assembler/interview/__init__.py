"""The interview: questions as data, asked in a terminal, each answer saved at once.

Takes an answer file (new, partial or imported) and a way to ask (``prompts``:
questionary, or a scripted asker in tests) and gives a completed answer file:
``questions`` is the data (``courts`` finds a court by name or abbreviation),
``engine`` asks, validates through the answer model and saves (``record``
remembers the questions answered blank), ``guesses`` puts an imported docket's
guesses to the user first, and ``session`` runs the sections, asks what drafting
still needs, shows the one ``check`` and offers to draft.
"""
