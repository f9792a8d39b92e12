"""A printed scorecard -> a draft indicators.yaml and its printed results. Pure (no click, no printing).

``kpi init --from FILE`` reads what a controller already has: text copied out of a PDF, web page
or Word (cells run together), a Word table, a web page's table, a sheet or a CSV file. The readers
(:mod:`.documents`) turn each into lines of text and table rows with their place in the input;
:mod:`.tables` and :mod:`.run_together` find the header and give each cell its role (goal,
indicator, a band, a year's result); :mod:`.assemble` builds the draft, and :mod:`.write` writes it.
Whatever cannot be placed for certain is a ``draft-unplaced`` warning located in the input and a
``TO FINISH`` comment in the draft: nothing doubtful passes as read.
"""

from __future__ import annotations
