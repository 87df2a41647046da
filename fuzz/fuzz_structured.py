"""Fuzz the structured reader (with the builder and the rules behind it): see docs/fuzzing.md.

    fuzz/run.sh structured 300        # five minutes, seeded from the fixtures
"""

from _target import main, make_target

TestOneInput = make_target("structured", "report.yaml")

if __name__ == "__main__":
    main(TestOneInput, instrument=("yaml",))
