#!/usr/bin/env python3
"""Draws resources/icon.png (1024 px: a white reception bell on the app's teal), no image libraries.
Rerun after changing it: python3 scripts/packaging/make-icon.py. electron-builder derives the
Windows .ico and macOS .icns from this PNG."""
import math, struct, zlib, os

N = 1024
TEAL = (11, 110, 105)

def rrect(x, y, x0, y0, x1, y1, r):
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    qx, qy = abs(x - cx) - ((x1 - x0) / 2 - r), abs(y - cy) - ((y1 - y0) / 2 - r)
    return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r

def dome(x, y):  # upper half-disc, centre (512, 660), radius 250
    d_circle = math.hypot(x - 512, y - 660) - 250
    return max(d_circle, y - 660)

def cov(d):
    return min(1.0, max(0.0, 0.5 - d))

rows = []
for j in range(N):
    y = j + 0.5
    row = bytearray([0])
    for i in range(N):
        x = i + 0.5
        bg = cov(rrect(x, y, 64, 64, 960, 960, 200))
        fg = max(
            cov(dome(x, y)),
            cov(rrect(x, y, 212, 680, 812, 750, 30)),
            cov(rrect(x, y, 490, 350, 534, 420, 14)),
            cov(rrect(x, y, 442, 316, 582, 356, 20)),
        ) * bg
        r = round(TEAL[0] * (1 - fg) + 255 * fg)
        g = round(TEAL[1] * (1 - fg) + 255 * fg)
        b = round(TEAL[2] * (1 - fg) + 255 * fg)
        row += bytes((r, g, b, round(255 * bg)))
    rows.append(bytes(row))

def chunk(tag, data):
    return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xFFFFFFFF)

png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', N, N, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
out = os.path.join(os.path.dirname(__file__), '..', '..', 'resources', 'icon.png')
with open(out, 'wb') as f:
    f.write(png)
print(out, len(png))
