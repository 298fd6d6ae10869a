"""The I/O layer's tests: files read (importers, project files, registers) and written (exports)."""
