"""Chinese text: one home for what the builder, the rules and pairing all need to read it.

Width and script folding (`normalize`), numerals in every form (`numerals`), bodies' names
(`agency`), and the extractor of figures from prose that the narrative rules compare with the
tables (`prose`). Built-in rules import from here, from `disclosure_lint` and from
`disclosure_lint.model` only.
"""
