"""The rating core: a scorecard and rows into a report (``evaluate.evaluate``).

``rate`` places one value among an indicator's bands, ``phase_in`` says an indicator's state in a
year, ``compute`` works out computed values, ``checks`` the warnings about a scorecard that loads,
``history`` the change from the year before, ``explain`` why a value gets its status and
``accounting`` what became of every row. Pure: no files, no printing. See ARCHITECTURE.md.
"""
