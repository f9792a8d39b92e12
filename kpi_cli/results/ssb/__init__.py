"""Statistics Norway (SSB) exports: JSON-stat and the statistics bank's CSV, read into one table shape.

``read.read_ssb`` reads a file into a ``table.SsbTable`` of cells;
``rows.convert`` turns a table into a scorecard's result rows and benchmark
values, as ``mapping.parse_mapping`` reads them from the definitions;
``reading.SsbReader`` is what ``read_results`` uses. Nothing is imported here,
so that recognising an ordinary results file costs no more than it must.
"""
