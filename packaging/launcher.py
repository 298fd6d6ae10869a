"""Entry point of the frozen build: the same `govopen` command, GUI when run without arguments."""

from govopen_desktop.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
