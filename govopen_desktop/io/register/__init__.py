"""Case registers (台账) read from .xlsx, .xls and .csv, and the blank register template."""

from govopen_desktop.io.register.read import RegisterFile, read_register_file
from govopen_desktop.io.register.template import write_template

__all__ = ["RegisterFile", "read_register_file", "write_template"]
