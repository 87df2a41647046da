"""Fuzz the pdf reader (with the builder and the rules behind it): see docs/fuzzing.md.

    fuzz/run.sh pdf 300        # five minutes, seeded from the fixtures
"""

from _target import main, make_target

TestOneInput = make_target("pdf", "report.pdf")

if __name__ == "__main__":
    main(TestOneInput, instrument=("pdfminer", "pdfplumber"))
