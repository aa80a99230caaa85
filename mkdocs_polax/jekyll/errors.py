"""The one error type for bad input, and the warnings collected while reading a site."""

from __future__ import annotations

from dataclasses import dataclass


class JekyllError(Exception):
    """A problem in the user's site that they must fix: names the file, the key and the fix."""

    def __init__(self, message: str, *, file: str | None = None, key: str | None = None) -> None:
        self.file = file
        self.key = key
        self.detail = message
        where = file or ""
        if key:
            where = f"{where}: key '{key}'" if where else f"key '{key}'"
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class Problem:
    """A warning about one source file: printed through MkDocs' logger, fatal under --strict."""

    file: str
    message: str
    key: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}: key '{self.key}'" if self.key else self.file
        return f"{where}: {self.message}"
