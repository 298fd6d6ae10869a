"""The `govopen` command's tests: its subcommands, output and exit codes."""
