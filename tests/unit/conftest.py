"""This suite runs on the tests' one clock (tests/clock.py), never on the real date."""

from tests import clock

clock.start()
