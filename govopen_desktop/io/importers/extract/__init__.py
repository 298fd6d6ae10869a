"""Neutral rows to a Report: the official tables found by their labels (tables), the cover
information (meta), digits run together split by the form's arithmetic (digits); build puts
them together. Nothing here reads a file."""
