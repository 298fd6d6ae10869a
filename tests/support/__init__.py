"""Helpers the tests share: paths and skip markers, report builders, file writers, the fake
prompter. Test modules import from here, never from one another; fixtures live in conftest.py."""
