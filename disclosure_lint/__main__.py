"""``python -m disclosure_lint`` — the same as the ``disclosure-lint`` command."""

from .cli.main import main

if __name__ == "__main__":
    main()
