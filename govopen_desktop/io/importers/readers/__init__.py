"""Files to neutral rows: each reader turns one kind of file into the rows of neutral.py
(detect tells the kind by its bytes, limits refuse what is no report, convert hands old
Office/WPS files to LibreOffice). Nothing here knows the report's cells."""
