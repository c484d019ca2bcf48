#!/usr/bin/env python3
"""Writes the images the image-limit tests need into OUTDIR, generated rather than committed:
hostile headers (a 324-byte JPEG declaring 30000 x 30000, a PNG header declaring
30000 x 30000, a complete 4000 x 60000 PNG of 1 MB), truncated and 0 x 0 files, a PNG whose
pixel data is damaged, and small valid photos. Only the standard library: PNGs through zlib,
JPEGs by hand (baseline, grey, every block a flat grey: two bits each).
Usage: make_images.py OUTDIR"""
import os
import struct
import sys
import zlib


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, rows=None, colour=0, depth=8, idat=None):
    """A PNG; `rows` yields the filtered rows (default: all zero), streamed into zlib."""
    ihdr = struct.pack('>IIBBBBB', width & 0xFFFFFFFF, height & 0xFFFFFFFF, depth, colour, 0, 0, 0)
    if idat is None:
        z = zlib.compressobj(9)
        parts = []
        if rows is None:
            channels = {0: 1, 2: 3, 6: 4}[colour]
            row = b'\0' * (1 + width * channels)
            rows = (row for _ in range(height))
        for r in rows:
            parts.append(z.compress(r))
        parts.append(z.flush())
        idat = b''.join(parts)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', idat) + chunk(b'IEND', b'')


def jpeg(width, height, blocks=None, pad_to=None, end=True):
    """A baseline grey JPEG; `blocks` coded blocks (default: as many as the size needs)."""
    seg = lambda marker, body: b'\xff' + bytes([marker]) + struct.pack('>H', len(body) + 2) + body
    out = b'\xff\xd8'
    out += seg(0xE0, b'JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00')
    out += seg(0xDB, b'\x00' + b'\x01' * 64)
    out += seg(0xC0, struct.pack('>BHHB', 8, height, width, 1) + b'\x01\x11\x00')
    one_code = bytes([1] + [0] * 15) + b'\x00'  # one code of length 1, for symbol 0
    out += seg(0xC4, b'\x00' + one_code)  # DC: category 0 (no change: flat grey)
    out += seg(0xC4, b'\x10' + one_code)  # AC: end of block at once
    if blocks is None:
        blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = blocks * 2
    data = bytearray(b'\0' * (bits // 8))
    if bits % 8:
        data.append((1 << (8 - bits % 8)) - 1)  # padded with ones, as the standard says
    tail = b'\xff\xda' + struct.pack('>H', 8) + b'\x01\x01\x00\x00\x3f\x00' + bytes(data)
    tail += b'\xff\xd9' if end else b''
    if pad_to is not None:  # a comment segment makes up the size asked for
        out += seg(0xFE, b'x' * (pad_to - len(out) - len(tail) - 4))
    return out + tail


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    def write(name, data):
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)
    # Hostile: the header promises what the data does not hold.
    write('jpeg-30000.jpg', jpeg(30000, 30000, blocks=1, pad_to=324))
    write('png-header-30000.png', png(30000, 30000, idat=zlib.compress(b'\0' * 64)))
    write('png-4000x60000.png', png(4000, 60000))  # complete and valid: 240 Mpx, about 1 MB
    write('png-20000x10.png', png(20000, 10))
    write('png-0x0.png', png(0, 0, idat=zlib.compress(b'')))
    write('png-negative.png', png(-1, 10, idat=zlib.compress(b'')))
    write('jpeg-0x0.jpg', jpeg(0, 0, blocks=1))
    valid_png = png(320, 240, colour=2, rows=(b'\0' + bytes([40, 120, 200]) * 320 for _ in range(240)))
    write('png-truncated.png', valid_png[: len(valid_png) // 2])
    write('png-header-only.png', valid_png[:20])
    write('jpeg-truncated.jpg', jpeg(64, 48, end=False)[:-3])
    # Whole in structure, damaged in its pixels: only the decoder can tell (the child fails).
    write('png-damaged-data.png', png(320, 240, colour=2, idat=b'\x78\x9c' + b'\xff' * 200))
    # Valid.
    write('photo.png', valid_png)
    write('photo.jpg', jpeg(64, 48))
    write('photo-4000x3000.jpg', jpeg(4000, 3000))
    write('diagram-nosize.svg', b"<svg xmlns='http://www.w3.org/2000/svg'>"
          b"<rect x='0' y='0' width='300' height='100' fill='#2a6'/></svg>\n")
    write('diagram-truncated.svg', b"<svg xmlns='http://www.w3.org/2000/svg' width='300' height='100'>"
          b"<rect x='0' y='0' width='300' height='100' fill='#2a6'/>")


if __name__ == '__main__':
    main()
