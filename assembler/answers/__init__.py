"""The answer file: what a user gives, read one strict way.

Takes a YAML answer file (and the bases it ``extends:``) and gives a checked
``Matter``: ``model`` is the typed contract, ``reader`` the one strict YAML
reader (YAML 1.2 core forms, positions for every field, one control-character
rule), ``matter`` validation and cross-checks into a ``Matter``, ``markup`` the
free-text markup, ``quotes`` the smart-quotes pass, and ``editor`` the
round-trip editor the interview and the docket import write with (it reads
values back through ``reader``, so what it writes is what ``check`` reads).
"""
