"""The window's tests: real widgets driven with qtbot, offscreen."""
