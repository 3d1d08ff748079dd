#!/usr/bin/env python3
"""Draws Ventanilla's icons with the standard library only (zlib + struct).

The motif is a little service window ("ventanilla"): a white frame with two
panes and a counter shelf, on a teal (#0f766e) rounded square. Writes:

  pwa/icons/icon-192.png, icon-512.png          purpose "any" (transparent corners)
  pwa/icons/maskable-192.png, maskable-512.png  purpose "maskable" (full bleed,
                                                motif inside the 80 % safe zone)
  pwa/icons/apple-touch-icon.png                180 px, full bleed (iOS rounds it)
  pwa/icons/icon.svg                            the same drawing as a vector

Run from anywhere: python3 scripts/make-icons.py. Output is deterministic, so
re-running it changes nothing unless this file changes.
"""
import os
import struct
import zlib

TEAL = (0x0F, 0x76, 0x6E)
WHITE = (0xFF, 0xFF, 0xFF)
SS = 4  # supersampling per axis (16 samples per pixel)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pwa", "icons")


def rounded_rect(x, y, x0, y0, x1, y1, r):
    """True when (x, y) lies inside the rectangle with corner radius r."""
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def motif(x, y, scale):
    """White parts of the window, in unit coordinates centred on 0.5.

    `scale` shrinks the drawing towards the centre (maskable icons keep it
    inside the safe zone)."""
    u = (x - 0.5) / scale + 0.5
    v = (y - 0.5) / scale + 0.5
    # Outer frame.
    if rounded_rect(u, v, 0.24, 0.20, 0.76, 0.66, 0.05) and not rounded_rect(u, v, 0.29, 0.25, 0.71, 0.61, 0.015):
        return True
    # Mullion (vertical bar) and transom (horizontal bar): two panes over a pass-through.
    if 0.485 <= u <= 0.515 and 0.25 <= v <= 0.47:
        return True
    if 0.29 <= u <= 0.71 and 0.455 <= v <= 0.485:
        return True
    # Counter shelf under the window.
    if rounded_rect(u, v, 0.18, 0.70, 0.82, 0.77, 0.02):
        return True
    # A small bell on the counter (a dot) so the tiny sizes still read as "service".
    if (u - 0.5) ** 2 + (v - 0.555) ** 2 <= 0.035 ** 2:
        return True
    return False


def pixel(x, y, maskable):
    """RGBA of one sample."""
    if maskable:
        background = True
        scale = 0.78
    else:
        background = rounded_rect(x, y, 0.0, 0.0, 1.0, 1.0, 0.22)
        scale = 1.0
    if not background:
        return (0, 0, 0, 0)
    if motif(x, y, scale):
        return WHITE + (255,)
    return TEAL + (255,)


def render(size, maskable):
    rows = []
    n = SS * SS
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            r = g = b = a = 0
            for sy in range(SS):
                y = (py + (sy + 0.5) / SS) / size
                for sx in range(SS):
                    x = (px + (sx + 0.5) / SS) / size
                    pr, pg, pb, pa = pixel(x, y, maskable)
                    # Premultiply so transparent samples do not darken edges.
                    r += pr * pa
                    g += pg * pa
                    b += pb * pa
                    a += pa
            if a:
                row += bytes((round(r / a), round(g / a), round(b / a), round(a / n)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img" aria-label="Ventanilla">
  <rect width="512" height="512" rx="112.64" fill="#0f766e"/>
  <path fill="#fff" fill-rule="evenodd" d="M148.48 102.4h215.04a25.6 25.6 0 0 1 25.6 25.6v184.32a25.6 25.6 0 0 1-25.6 25.6H148.48a25.6 25.6 0 0 1-25.6-25.6V128a25.6 25.6 0 0 1 25.6-25.6zM156.16 128a7.68 7.68 0 0 0-7.68 7.68v168.96a7.68 7.68 0 0 0 7.68 7.68h199.68a7.68 7.68 0 0 0 7.68-7.68V135.68a7.68 7.68 0 0 0-7.68-7.68z"/>
  <rect x="248.32" y="128" width="15.36" height="112.64" fill="#fff"/>
  <rect x="148.48" y="232.96" width="215.04" height="15.36" fill="#fff"/>
  <circle cx="256" cy="284.16" r="17.92" fill="#fff"/>
  <rect x="92.16" y="358.4" width="327.68" height="35.84" rx="10.24" fill="#fff"/>
</svg>
"""


def main():
    os.makedirs(OUT, exist_ok=True)
    jobs = [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("maskable-192.png", 192, True),
        ("maskable-512.png", 512, True),
        ("apple-touch-icon.png", 180, True),
    ]
    for name, size, maskable in jobs:
        data = png(size, render(size, maskable))
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        print(f"wrote pwa/icons/{name} ({len(data)} bytes)")
    with open(os.path.join(OUT, "icon.svg"), "w", encoding="utf-8") as f:
        f.write(SVG)
    print("wrote pwa/icons/icon.svg")


if __name__ == "__main__":
    main()
