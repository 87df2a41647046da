"""Build: turn any reader's `Document` into the `Report` the rules check (`builder.build_report`).

Template-aware and label-driven: sections by their heading text, the three standard tables by
their labels (never by position), every cell typed (number / zero / blank / placeholder / text).
`loading` reads and builds a file in one step. Nothing is imported here, so a start that needs
only `loading.Loader` does not pay for the builder.
"""
