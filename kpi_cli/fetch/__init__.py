"""``kpi fetch``: the cells the definitions' ``ssb:`` keys name, asked of Statistics Norway's
PxWebApi v2 and saved unedited beside their provenance (docs/how-to/fetch-from-ssb.md).

``tables`` reads a table's metadata and the definitions' selections against it, ``plan`` builds
the requests (grouped by table, split under the cell and URL limits), ``store`` writes the
responses and their provenance atomically, ``run`` puts them together. ``client`` is the only
module that imports the HTTP library (requests, the ``fetch`` extra), and only ``kpi fetch``
imports it. Nothing here prints: the command line shows the progress it is told about.
"""
