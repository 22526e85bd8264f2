// The add-in's icons (16, 32, 64, 80 px PNG), drawn in code: a green rounded square with "LKH" in a
// 3×5 pixel font. PNG written by hand with node's zlib (no image tools, no binary files in git).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80];

const GLYPHS = {
  L: ['100', '100', '100', '100', '111'],
  K: ['101', '101', '110', '101', '101'],
  H: ['101', '101', '111', '101', '101'],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (size×size×4) → PNG bytes. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The icon's pixels at one size. */
export function drawIcon(size) {
  const px = Buffer.alloc(size * size * 4);
  const set = (x, y, [r, g, b, a]) => {
    const i = (y * size + x) * 4;
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
    px[i + 3] = a;
  };
  const green = [0x10, 0x7c, 0x41, 255];
  const white = [255, 255, 255, 255];
  const radius = Math.max(2, Math.round(size / 6));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = Math.max(radius - x - 0.5, x + 0.5 - (size - radius), 0);
      const dy = Math.max(radius - y - 0.5, y + 0.5 - (size - radius), 0);
      if (dx * dx + dy * dy <= radius * radius) set(x, y, green);
    }
  }
  const text = 'LKH';
  const cols = text.length * 3 + (text.length - 1);
  const scale = Math.max(1, Math.floor((size * 0.8) / cols));
  const left = Math.floor((size - cols * scale) / 2);
  const top = Math.floor((size - 5 * scale) / 2);
  [...text].forEach((ch, i) => {
    GLYPHS[ch].forEach((row, gy) =>
      [...row].forEach((bit, gx) => {
        if (bit !== '1') return;
        for (let sy = 0; sy < scale; sy++) for (let sx = 0; sx < scale; sx++) set(left + (i * 4 + gx) * scale + sx, top + gy * scale + sy, white);
      }),
    );
  });
  return px;
}

/** Writes assets/icon-<size>.png into a folder; returns the relative paths. */
export function writeIcons(dir) {
  const assets = path.join(dir, 'assets');
  mkdirSync(assets, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = `assets/icon-${size}.png`;
    writeFileSync(path.join(dir, file), encodePng(size, drawIcon(size)));
    return file;
  });
}
