"""Fuzz the html reader (with the builder and the rules behind it): see docs/fuzzing.md.

    fuzz/run.sh html 300        # five minutes, seeded from the fixtures
"""

from _target import main, make_target

TestOneInput = make_target("html", "report.html")

if __name__ == "__main__":
    main(TestOneInput)
