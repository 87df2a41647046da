"""A configuration or usage error: a typo must not silently disable a check (exit code 2)."""


class ConfigError(Exception):
    """Unknown key, code, option or value; the message names it and where it came from."""
