"""The interview: questions as data, asked in a terminal, each answer saved at once.

Takes an answer file (new, partial or imported) and a way to ask (``prompts``:
questionary, or a scripted asker in tests) and gives a completed answer file:
``questions`` is the data, ``engine`` asks, validates through the answer
model and saves, ``session`` runs the sections, shows the one ``check`` and
offers to draft.
"""
