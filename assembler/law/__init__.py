"""The law of a matter: courts, rules, deadlines, vehicles, grounds, warnings.

Takes a court id and the answers and gives the facts the papers rest on: the
court's profile (``courts``, over ``districts``), the FRCP 6(a) count
(``deadlines``, over the sourced legal holidays of ``legal_days``), the
procedural vehicle and the outcomes it allows (``vehicles``), the grounds
library (``grounds``), the court's and the judge's forms (``forms``), the one
table of docket-citation words (``citations``), a side's declaration and its
exhibits (``record``: their labels, the citations to them, their files), the one
registry of party roles (``roles``), and the warnings a lawyer must read
(``advice``).  Every rule figure is data with its source, under
``assembler/data``, each read through its schema (``assembler.packaged``).
"""
