"""The controllers behind the window's menus: each takes what it uses (the document, the prompter,
the settings, the autosaver, a small typed host for what only the window can do)."""
