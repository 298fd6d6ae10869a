"""The domain's tests: formats, the report, values, the checks (plain Python, no files, no Qt)."""
