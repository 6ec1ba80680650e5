// Draws the add-in's ribbon and store icons (16, 32, 64, 80, 128 px) as PNG files in assets/.
// Pure Node (zlib + a CRC table) so the icons can be regenerated on any machine without image tools.
// The picture: a rounded teal tile holding a white picture frame with a mountain and a coin-like sun,
// i.e. "images" and "cost". Run: node scripts/make-icons.mjs
import { Buffer } from "node:buffer";
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const TEAL = [0x0f, 0x76, 0x6e];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf2, 0xb7, 0x05];

/** Colour of the point (u, v) in unit coordinates, or null for transparent. */
function paint(u, v) {
  const r = 0.18; // corner radius of the tile
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  const inFrame = u > 0.16 && u < 0.84 && v > 0.22 && v < 0.78;
  const inInner = u > 0.22 && u < 0.78 && v > 0.28 && v < 0.72;
  if (inFrame && !inInner) return WHITE;
  if (inInner) {
    if ((u - 0.62) ** 2 + (v - 0.4) ** 2 < 0.075 ** 2) return GOLD;
    const ridge = 0.72 - 0.36 * (1 - Math.abs(u - 0.4) / 0.3); // a single peak at u = 0.4
    if (v > ridge) return WHITE;
  }
  return TEAL;
}

function draw(size) {
  const samples = 4; // 4x4 supersampling keeps the 16 px icon legible
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let red = 0,
        green = 0,
        blue = 0,
        alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint(
            (x + (sx + 0.5) / samples) / size,
            (y + (sy + 0.5) / samples) / size,
          );
          if (colour) {
            red += colour[0];
            green += colour[1];
            blue += colour[2];
            alpha += 1;
          }
        }
      }
      const i = (y * size + x) * 4;
      if (alpha > 0) {
        rgba[i] = Math.round(red / alpha);
        rgba[i + 1] = Math.round(green / alpha);
        rgba[i + 2] = Math.round(blue / alpha);
        rgba[i + 3] = Math.round((255 * alpha) / (samples * samples));
      }
    }
  }
  return rgba;
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, draw(size)));
  console.log(`wrote ${file}`);
}
