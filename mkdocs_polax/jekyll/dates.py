"""Dates the way Jekyll reads them: ``Time.parse(value.to_s).localtime`` in the site's time zone."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as date_parser

from .errors import JekyllError

UTC = dt.timezone.utc
_ISO = re.compile(
    r"^\s*(?P<y>-?\d{1,4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d+))?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_LOOSE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_ZONE = re.compile(r"(?<![\w:])(Z|UTC|GMT|[+-]\d{2}:?\d{2})\b")
FILENAME_DATE = re.compile(r"^(\d{2,4})-(\d{1,2})-(\d{1,2})$")


def site_timezone(name: object) -> dt.tzinfo:
    """The ``timezone`` key of ``_config.yml`` as a tzinfo; UTC when unset (Jekyll uses the machine's)."""
    if name is None or name == "":
        return UTC
    if not isinstance(name, str):
        raise JekyllError(
            f"expected an IANA time zone name such as 'Europe/London', got {name!r}",
            file="_config.yml",
            key="timezone",
        )
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise JekyllError(
            f"unknown time zone {name!r}: use an IANA name such as 'America/Los_Angeles'",
            file="_config.yml",
            key="timezone",
        ) from exc


class RolledDate(Exception):
    """A day past the month's end (2021-02-30): Ruby rolls it into the next month; we say so."""


def _local(y: int, m: int, d: int, tz: dt.tzinfo, hms: tuple[int, int, int, int] = (0, 0, 0, 0)) -> dt.datetime:
    if not 1 <= m <= 12 or not 1 <= d <= 31:
        raise ValueError(f"month {m} / day {d} out of range")
    # Ruby's Time.local(2021, 2, 30) is 2021-03-02: days past the month's end roll over.
    base = dt.date(y, m, 1) + dt.timedelta(days=d - 1)
    H, M, S, us = hms
    return dt.datetime(base.year, base.month, base.day, H, M, S, us, tzinfo=tz)


def _fix_fold(value: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    # A wall time the clocks pass twice is the second one, as Ruby's Time.local has it; a wall
    # time inside a DST gap moves forward. Round-tripping through UTC settles both.
    first = value.replace(fold=0)
    settled = first.astimezone(UTC).astimezone(tz)
    if first.utcoffset() != value.replace(fold=1).utcoffset() and settled.replace(tzinfo=None) == value.replace(
        tzinfo=None
    ):
        return value.replace(fold=1).astimezone(UTC).astimezone(tz)  # passed twice: the second
    return settled


def parse_date(value: object, tz: dt.tzinfo) -> tuple[dt.datetime, bool]:
    """Return ``(aware datetime in tz, rolled)``; raise ``ValueError`` for text that is not a date.

    ``rolled`` is true when the day was past the end of its month and Ruby's rollover was applied.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return _fix_fold(value.replace(tzinfo=tz), tz), False
        return value.astimezone(tz), False
    if isinstance(value, dt.date):
        return _fix_fold(dt.datetime(value.year, value.month, value.day, tzinfo=tz), tz), False
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{value!r} is not a date")
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        frac = (m["f"] or "0")[:6].ljust(6, "0")
        hms = (int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0), int(frac))
        if hms[0] > 24 or hms[1] > 59 or hms[2] > 60:
            raise ValueError(f"time out of range in {text!r}")
        if hms[2] == 60:  # leap second, as Ruby: the next minute
            hms = (hms[0], hms[1], 59, hms[3])
        zone = m["tz"]
        if zone is None:
            local_tz: dt.tzinfo = tz
        elif zone.upper() in ("Z", "UTC", "GMT"):
            local_tz = UTC
        else:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            hours = int(digits[:-2] or 0) if len(digits) > 2 else int(digits)
            minutes = int(digits[-2:]) if len(digits) > 2 else 0
            local_tz = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
        try:
            first = dt.date(y, mo, 1)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a date") from exc
        rolled = d > _month_days(first)
        try:
            when = _local(y, mo, d, local_tz, hms)
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"{text!r} is not a date") from exc
        return when.astimezone(tz) if zone else _fix_fold(when, tz), rolled
    if not re.search(r"\d", text):
        raise ValueError(f"{text!r} is not a date")
    loose = _LOOSE.search(text)
    if loose:
        # Ruby's Time.parse takes the first date and time it finds and a zone anywhere after them.
        rest = text[loose.end() :]
        zone = _ZONE.match(rest.lstrip()) if rest[:1].isspace() or not rest[:1] else None
        return parse_date(loose.group(0).strip() + (" " + zone.group(1) if zone else ""), tz)
    try:
        parsed = date_parser.parse(text, default=dt.datetime(1970, 1, 1))
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"{text!r} is not a date") from exc
    return parse_date(parsed, tz)


def _month_days(first: dt.date) -> int:
    nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (nxt - first).days


def filename_date(text: str, tz: dt.tzinfo) -> tuple[dt.datetime, bool]:
    """The ``YYYY-MM-DD`` prefix of a post's file name, at midnight in the site's zone."""
    m = FILENAME_DATE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a date")
    y, mo, d = (int(g) for g in m.groups())
    return parse_date(f"{y:04d}-{mo:02d}-{d:02d}", tz)


def xmlschema(value: dt.datetime) -> str:
    """Ruby's ``Time#xmlschema``: ``2021-10-28T00:00:00+01:00`` (``Z`` never used)."""
    return value.isoformat(timespec="seconds")
