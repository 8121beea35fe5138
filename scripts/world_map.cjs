#!/usr/bin/env node
// Derives the world map's country shapes, src/render/world_map.tsv, from Natural Earth's
// 1:110m countries as the npm package world-atlas@2 serves them (countries-110m.json,
// TopoJSON). Run once, and again to change the map; the output is committed.
//
//   mkdir -p /tmp/wm && cd /tmp/wm && npm install world-atlas@2.0.2 topojson-client@3.1.0 i18n-iso-countries@7.14.0
//   NODE_PATH=/tmp/wm/node_modules node scripts/world_map.cjs > src/render/world_map.tsv
//   node scripts/world_map.cjs --test     # the projection's own checks (no packages)
//
// What it does:
//  1. projects every arc of the topology with the Equal Earth projection (Šavrič,
//     Patterson and Jenny 2018; equal-area), written out below;
//  2. simplifies each arc (Douglas-Peucker, TOLERANCE map units): arcs are the shared
//     borders, so neighbours still meet after simplification; cuts the rings that
//     cross the antimeridian (Russia's Chukotka, Fiji) along it;
//  3. rounds to whole map units (the whole Equal Earth map would be WIDTH units wide;
//     the view box is cut to the land shown), drops islands smaller
//     than MIN_AREA square units (never a country's largest part);
//  4. writes one line per country: ISO 3166-1 alpha-2 code (from the numeric id, by
//     i18n-iso-countries; `XK` for Kosovo; `-` for areas Natural Earth draws without
//     one: N. Cyprus, Somaliland), Natural Earth's name, the bounding box, and the SVG
//     path (relative commands).
// Antarctica is left out (no reports; it would add a fifth to the map's height).
// Disputed areas are drawn as Natural Earth draws them.
//
// Licences: Natural Earth data is in the public domain; world-atlas is ISC
// (Copyright 2013-2019 Michael Bostock); notices in src/render/world_map.NOTICE.
'use strict';

const WIDTH = 1000;
const TOLERANCE = 0.9;
const MIN_AREA = 12;
const MARGIN = 4;
const LEFT_OUT = new Set(['010']); // Antarctica
const NO_ISO = { Kosovo: 'XK' };

// Equal Earth: longitude and latitude in degrees to projected units, where the
// equator is 2 × 2.7066 wide and the poles are at y = ±1.3174 (y up).
const A1 = 1.340264;
const A2 = -0.081106;
const A3 = 0.000893;
const A4 = 0.003796;
const M = Math.sqrt(3) / 2;
function equalEarth(lon, lat) {
  const lambda = (lon * Math.PI) / 180;
  const theta = Math.asin(M * Math.sin((lat * Math.PI) / 180));
  const t2 = theta * theta;
  const t6 = t2 * t2 * t2;
  const x =
    (2 * Math.sqrt(3) * lambda * Math.cos(theta)) /
    (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1));
  const y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1);
  return [x, y];
}

function selfTest() {
  const assert = require('assert');
  const close = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-4, `${what}: ${a} != ${b}`);
  const [x0, y0] = equalEarth(0, 0);
  close(x0, 0, 'x of (0, 0)');
  close(y0, 0, 'y of (0, 0)');
  // Symmetric about the equator and the central meridian.
  for (const [lon, lat] of [[30, 40], [-120, 15], [179, -60]]) {
    const [x, y] = equalEarth(lon, lat);
    const [mx, my] = equalEarth(-lon, -lat);
    close(mx, -x, `x of (${-lon}, ${-lat})`);
    close(my, -y, `y of (${-lon}, ${-lat})`);
  }
  // Bounds: the equator ends at x = ±2.70663, the poles (lines from x = -1.6036 to
  // 1.6036) are at y = ±1.31736; nothing projects beyond.
  close(equalEarth(180, 0)[0], 2.70663, 'x of (180, 0)');
  close(equalEarth(0, 90)[1], 1.31736, 'y of the north pole');
  close(equalEarth(180, 90)[0], 1.60359, 'x of the north pole at 180°');
  for (let lon = -180; lon <= 180; lon += 15)
    for (let lat = -90; lat <= 90; lat += 15) {
      const [x, y] = equalEarth(lon, lat);
      assert.ok(Math.abs(x) <= 2.70663 + 1e-5 && Math.abs(y) <= 1.31736 + 1e-5, `(${lon}, ${lat})`);
    }
  // Equal area: a 10° × 10° cell at the equator and one at 60° north have the areas
  // of their spherical cells, in the ratio (sin 70° - sin 60°) / sin 10°.
  const cell = (lat) => {
    const [ax, ay] = equalEarth(0, lat);
    const [bx, by] = equalEarth(10, lat + 10);
    const [cx] = equalEarth(10, lat);
    const [dx] = equalEarth(0, lat + 10);
    return ((cx - ax + (bx - dx)) / 2) * (by - ay); // a trapezoid
  };
  const ratio = cell(60) / cell(0);
  const sphere = (Math.sin((70 * Math.PI) / 180) - Math.sin((60 * Math.PI) / 180)) / Math.sin((10 * Math.PI) / 180);
  assert.ok(Math.abs(ratio / sphere - 1) < 0.01, `area ratio ${ratio} != ${sphere}`);
  console.error('projection: ok');
}

// Douglas-Peucker on [x, y] points: keeps both ends and every point farther than
// `tol` from the simplified line.
function simplify(points, tol) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const len = Math.hypot(bx - ax, by - ay);
    let far = -1;
    let best = tol;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = len === 0
        ? Math.hypot(px - ax, py - ay)
        : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > best) {
        best = d;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// The topology's arcs, decoded (quantized, delta-encoded) to [longitude, latitude],
// each with a point on each side of the antimeridian (±180°) where it crosses it, and
// simplified in map units (see `project`), keeping those points.
function simplifiedArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const runs = [[]];
    for (const [dx, dy] of arc) {
      x += dx;
      y += dy;
      const p = [x * sx + tx, y * sy + ty];
      const run = runs[runs.length - 1];
      const q = run[run.length - 1];
      if (q && Math.abs(p[0] - q[0]) > 180) {
        const side = Math.sign(q[0]);
        const span = 360 - Math.abs(p[0] - q[0]);
        const t = span > 0 ? (180 - side * q[0]) / span : 0;
        const lat = q[1] + t * (p[1] - q[1]);
        run.push([180 * side, lat]);
        runs.push([[-180 * side, lat]]);
      }
      runs[runs.length - 1].push(p);
    }
    return runs.flatMap((run) => {
      const kept = simplify(run.map(project), TOLERANCE).map((p) => run[p[2]]);
      return kept;
    });
  });
}

// A point in map units, y down (before the map's vertical shift), with its index.
function project([lon, lat], i) {
  const [x, y] = equalEarth(lon, lat);
  return [WIDTH / 2 + x * SCALE, -y * SCALE, i];
}
const SCALE = WIDTH / (2 * equalEarth(180, 0)[0]);

// A ring in [longitude, latitude] as rings that do not cross the antimeridian: one
// crossing it is unwrapped (continuous longitudes) and cut along it in two.
function cutAtAntimeridian(ring) {
  if (!ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)) return [ring];
  let shift = 0;
  const unwrapped = ring.map((p, i) => {
    if (i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180) shift -= 360 * Math.sign(p[0] - ring[i - 1][0]);
    return [p[0] + shift, p[1]];
  });
  const offset = Math.min(...unwrapped.map((p) => p[0])) < -180 ? 360 : 0;
  const moved = unwrapped.map(([lon, lat]) => [lon + offset, lat]);
  const west = clip(moved, (lon) => lon <= 180);
  const east = clip(moved, (lon) => lon >= 180).map(([lon, lat]) => [lon - 360, lat]);
  return [west, east].filter((r) => r.length >= 3);
}

// Sutherland-Hodgman: the part of `ring` whose longitudes pass `inside`, closed along
// the 180° meridian.
function clip(ring, inside) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const s = ring[(i + ring.length - 1) % ring.length];
    const e = ring[i];
    const cross = () => [180, s[1] + ((180 - s[0]) / (e[0] - s[0])) * (e[1] - s[1])];
    if (inside(e[0])) {
      if (!inside(s[0])) out.push(cross());
      out.push(e);
    } else if (inside(s[0])) out.push(cross());
  }
  return out;
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

// A ring as relative SVG commands from `from` (the previous ring's start, or null).
function ringPath(ring, from) {
  const pts = [];
  for (const p of ring) {
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  const num = (xs) => xs.map((v, i) => (i > 0 && v >= 0 ? ' ' : '') + v).join('');
  let d = from ? 'm' + num([pts[0][0] - from[0], pts[0][1] - from[1]]) : 'M' + num(pts[0]);
  const deltas = [];
  for (let i = 1; i < pts.length; i++) deltas.push(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
  return { d: d + 'l' + num(deltas) + 'z', start: pts[0], count: pts.length };
}

// The shapes of the countries: [{code, name, rings}], rings in map units (y down).
function countryShapes() {
  const topojson = require('topojson-client');
  const iso = require('i18n-iso-countries');
  const topology = JSON.parse(JSON.stringify(require('world-atlas/countries-110m.json')));
  topology.arcs = simplifiedArcs(topology);
  delete topology.transform;
  const shapes = new Map();
  for (const geometry of topology.objects.countries.geometries) {
    if (LEFT_OUT.has(geometry.id)) continue;
    const name = geometry.properties.name;
    const code = (geometry.id && iso.numericToAlpha2(geometry.id)) || NO_ISO[name] || '-';
    const { type, coordinates } = topojson.feature(topology, geometry).geometry;
    const polygons = (type === 'Polygon' ? [coordinates] : coordinates).flatMap((poly) =>
      poly.flatMap(cutAtAntimeridian).map((ring) =>
        ring.map((p) => project(p).slice(0, 2).map(Math.round))
      )
    );
    const largest = Math.max(...polygons.map(ringArea));
    const rings = polygons.filter((r) => r.length >= 4 && ringArea(r) >= Math.min(MIN_AREA, largest));
    const key = code + '\t' + name;
    if (shapes.has(key)) shapes.get(key).rings.push(...rings);
    else shapes.set(key, { code, name, rings });
  }
  return [...shapes.values()].sort((a, b) => (a.code + a.name).localeCompare(b.code + b.name));
}

function main() {
  const shapes = countryShapes();
  const all = shapes.flatMap((s) => s.rings.flat());
  const top = Math.min(...all.map((p) => p[1])) - MARGIN;
  const height = Math.max(...all.map((p) => p[1])) - top + MARGIN;
  const left = Math.min(...all.map((p) => p[0])) - MARGIN;
  const width = Math.max(...all.map((p) => p[0])) - left + MARGIN;
  const out = [
    '# sitrep world map: Natural Earth 1:110m countries (public domain), from the npm',
    '# package world-atlas 2 (ISC, Copyright 2013-2019 Michael Bostock), projected with',
    '# Equal Earth and simplified by scripts/world_map.cjs; do not edit by hand.',
    '# Columns: ISO 3166-1 alpha-2 code (- for none), Natural Earth name, bounding box',
    '# (min x, min y, max x, max y), SVG path. Map units; the map is the view box below.',
    `viewBox\t${left} 0 ${width} ${height}`,
  ];
  for (const s of shapes) {
    let d = '';
    let from = null;
    const shifted = s.rings.map((r) => r.map(([x, y]) => [x, y - top]));
    for (const ring of shifted) {
      const r = ringPath(ring, from);
      if (r.count < 3) continue;
      d += r.d;
      from = r.start;
    }
    const pts = shifted.flat();
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].join(' ');
    out.push([s.code, s.name, bbox, d].join('\t'));
  }
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv.includes('--test')) selfTest();
else if (require.main === module) {
  selfTest();
  main();
}

module.exports = { equalEarth, simplify, cutAtAntimeridian };
