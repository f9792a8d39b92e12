"""The band language, shared by the definitions, the results' printed band columns and the rating.

``notation`` reads band text into intervals and writes intervals back; ``order`` works out the order
the bands of a version make (placement, direction, gaps, overlaps, precision) and checks it
(``settle``). See ARCHITECTURE.md.
"""
