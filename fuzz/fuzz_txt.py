"""Fuzz the text reader (with the builder and the rules behind it): see docs/fuzzing.md.

    fuzz/run.sh txt 300        # five minutes, seeded from the fixtures
"""

from _target import main, make_target

TestOneInput = make_target("text", "report.txt")

if __name__ == "__main__":
    main(TestOneInput)
