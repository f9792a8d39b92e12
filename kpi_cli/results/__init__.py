"""The results: files read into rows that remember their file and line (``read.read_results``).

``dialects`` decides how a text file is written (encoding, delimiter) and yields its records,
``workbook`` does the same for an Excel sheet, ``values`` reads one result cell, ``columns`` finds
which column of a header holds which role, ``read`` turns records into rows (layouts, years),
``printed`` reads what a published table prints besides results, ``template`` makes the rows of a
data-entry template, and ``ssb/`` reads Statistics Norway's and Kolada's exports. See ARCHITECTURE.md.
"""
