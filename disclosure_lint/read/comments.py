"""Comments addressed to the linter, as the HTML and text readers find them.

Reports published as web pages or Markdown can carry inline suppressions in comments
(``<!-- disclosure-lint: disable=DL204 reason="…" -->``). A comment is kept only when its text
starts with ``disclosure-lint`` — Word-pasted pages carry kilobytes of ``<!--[if gte mso 9]>``
comments that are neither report text nor meant for us. What the directives mean is the engine's
business (`disclosure_lint.engine.suppress`); readers only say what was written where.
"""

from __future__ import annotations

import re

from ..model import Comment, Location

PREFIX = "disclosure-lint"
_ADDRESSED = re.compile(rf"\s*{re.escape(PREFIX)}\b", re.IGNORECASE)


def linter_comment(text: str | None, location: Location) -> Comment | None:
    """The `Comment` for a comment's inner text, or None when it is not addressed to the linter."""
    if not text or not _ADDRESSED.match(text):
        return None
    return Comment(text=" ".join(text.split()), location=location)


__all__ = ["PREFIX", "linter_comment"]
