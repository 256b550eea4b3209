// Draws the app icons into public/icons/: one SVG and the PNGs a web manifest and iOS ask for.
// The same three shapes (a rounded square, a ring, a dot on the ring and one in the middle: a state
// that comes back to itself) are written as SVG and rasterised here with 4×4 supersampling, so no
// native image library is needed. Run `node scripts/make-icons.mjs` after changing the design;
// the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../public/icons/', import.meta.url));
mkdirSync(out, { recursive: true });

const BG = [0x0f, 0x17, 0x2a];
const RING = [0xe2, 0xe8, 0xf0];
const DOT = [0x2a, 0x9d, 0x8f];
const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** Shapes in a 512 unit square. `maskable` fills the square and keeps the drawing inside the
 *  central 80 % circle (the safe zone a launcher may crop to). */
function design(maskable) {
  const k = maskable ? 0.72 : 1;
  return {
    corner: maskable ? 0 : 112,
    ring: { r: 150 * k, w: 40 * k },
    centre: { r: 58 * k },
    orbit: { r: 40 * k, angle: -Math.PI / 4 },
  };
}

function svg(d) {
  const ox = 256 + d.ring.r * Math.cos(d.orbit.angle);
  const oy = 256 + d.ring.r * Math.sin(d.orbit.angle);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${d.corner}" fill="${hex(BG)}"/>
  <circle cx="256" cy="256" r="${d.ring.r}" fill="none" stroke="${hex(RING)}" stroke-width="${d.ring.w}"/>
  <circle cx="256" cy="256" r="${d.centre.r}" fill="${hex(DOT)}"/>
  <circle cx="${ox.toFixed(2)}" cy="${oy.toFixed(2)}" r="${d.orbit.r}" fill="${hex(DOT)}" stroke="${hex(BG)}" stroke-width="${(d.ring.w * 0.5).toFixed(2)}"/>
</svg>
`;
}

/** The colour at a point of the 512 square, or null outside the rounded square (transparent). */
function colourAt(d, x, y) {
  const c = d.corner;
  if (c > 0) {
    const qx = Math.max(c - x, x - (512 - c), 0);
    const qy = Math.max(c - y, y - (512 - c), 0);
    if (qx * qx + qy * qy > c * c) return null;
  }
  const ox = 256 + d.ring.r * Math.cos(d.orbit.angle);
  const oy = 256 + d.ring.r * Math.sin(d.orbit.angle);
  const ro = Math.hypot(x - ox, y - oy);
  if (ro <= d.orbit.r) return DOT;
  if (ro <= d.orbit.r + d.ring.w * 0.25) return BG; // the dot's outline, half inside, half outside
  const r = Math.hypot(x - 256, y - 256);
  if (r <= d.centre.r) return DOT;
  if (Math.abs(r - d.ring.r) <= d.ring.w / 2) return RING;
  return BG;
}

function raster(d, size) {
  const px = new Uint8Array(size * size * 4);
  const S = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < S; sj++) {
        for (let si = 0; si < S; si++) {
          const col = colourAt(d, ((i + (si + 0.5) / S) * 512) / size, ((j + (sj + 0.5) / S) * 512) / size);
          if (!col) continue;
          r += col[0]; g += col[1]; b += col[2]; a++;
        }
      }
      const o = (j * size + i) * 4;
      if (a) { px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a); }
      px[o + 3] = Math.round((255 * a) / (S * S));
    }
  }
  return png(size, size, px);
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) Buffer.from(rgba.buffer, y * w * 4, w * 4).copy(raw, y * (w * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const any = design(false);
const mask = design(true);
writeFileSync(`${out}icon.svg`, svg(any));
writeFileSync(`${out}icon-maskable.svg`, svg(mask));
writeFileSync(`${out}icon-192.png`, raster(any, 192));
writeFileSync(`${out}icon-512.png`, raster(any, 512));
writeFileSync(`${out}icon-maskable-512.png`, raster(mask, 512));
// iOS ignores transparency and rounds the corners itself: the full-bleed drawing.
writeFileSync(`${out}apple-touch-icon-180.png`, raster(mask, 180));
console.log(`icons written to ${out}`);
