"""The definitions: ``indicators.yaml`` read into the model (``load.load_definitions``).

The file is read and composed safely (``safe_yaml``), walked with its positions (``yaml_nodes``),
and read level by level: the file (``load``), the levels (``level_fields``), one indicator
(``indicator_fields``), its bands (``band_fields``) or target (``target_fields``), and the SSB keys
(``ssb_fields``). See ARCHITECTURE.md.
"""
