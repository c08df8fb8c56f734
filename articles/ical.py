"""iCalendar (RFC 5545) for events, written by hand: a few properties, folded and escaped."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

LINE_LIMIT = 75  # octets, without the CRLF


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        limit = LINE_LIMIT if not parts else LINE_LIMIT - 1  # continuation lines start with " "
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(event, *, stamp: str, domain: str) -> list[str]:
    url = settings.BASE_URL + event.get_url_parts()[2]
    description = "\n\n".join(part for part in (event.intro, url) if part)
    location = event.location or event.online_url
    lines = [
        "BEGIN:VEVENT",
        f"UID:evenement-{event.pk}@{domain}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{utc(event.start)}",
        f"DTEND:{utc(event.end)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{utc(event.last_published_at)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, *, name: str) -> str:
    """A VCALENDAR with one VEVENT per event, lines ending in CRLF."""
    stamp = utc(timezone.now())
    domain = urlsplit(settings.BASE_URL).hostname or "wijkportaal"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Wijkportaal//Evenementen//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines.extend(_event_lines(event, stamp=stamp, domain=domain))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
