"""Entry point of the frozen build: the same `govopen` command, GUI when run without arguments."""

import multiprocessing

from govopen_desktop.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `govopen check` over many files starts worker processes
    raise SystemExit(main())
