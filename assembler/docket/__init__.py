"""The docket import: a PACER docket report or a CourtListener docket into answers.

Takes a saved docket sheet and gives an answer file: ``sources`` reads each
kind of docket into one ``Docket``, ``mapping`` turns it into answers (court,
number, judge, parties, counsel, entries, the guesses marked), and ``merge``
writes a new file or adds new entries to an existing one.
"""
