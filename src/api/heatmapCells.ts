// The organisation heatmap's cells on the wire (contract: orgHeatmapSchema, SPEC §7). 4,000 teams ×
// 200 skills are 800,000 cells: as JSON numbers they were ~8 MB to parse on the page's main thread
// before the first row could paint. Here each grid is one base64 string of little-endian unsigned
// integers, row-major (`cell = row * skills.length + col`), which the page turns into a typed array
// in a few milliseconds and reads cell by cell only where a cell is drawn or a sort needs it.
//
// - Required counts: 1, 2 or 4 bytes per cell (`requiredBytes`), the narrowest that holds the
//   largest count, so a team of 70,000 people still fits and 25-person teams cost a byte a cell.
//   0 means no role in the team requires the skill.
// - Coverage: 16 bits a share, × 10,000 (the reports' 4 decimals, SPEC §5: 0.6667 is 6667, 1 is
//   10000), only for the cells whose required count is above 0, in row-major order: about three
//   cells in four require nothing, and sending nothing for them keeps the gzipped answer small too.
// - Stored coverage under a what-if draft: every cell, 65535 where the stored organisation
//   required nothing (its cells that require something are not the draft's).
//
// Both hosts (the API worker and gapmap serve) encode with these functions; the page decodes.
import type { OrgHeatmap } from './contract';

/** Coverage is sent in ten-thousandths of a share: the reports' 4 decimals as an integer. */
export const COVERAGE_SCALE = 10_000;
/** The coverage cell of a skill nobody in the team needs: outside 0…10,000, so never a share. */
export const NOT_REQUIRED_CELL = 0xffff;

export type CountBytes = 1 | 2 | 4;
export type CountCells = Uint8Array | Uint16Array | Uint32Array;

// —— base64 (Uint8Array.toBase64/fromBase64 where the runtime has them: Chromium 140+, Node 25+) ——

interface Base64Uint8Array {
  toBase64?: () => string;
}
interface Base64Uint8ArrayConstructor {
  fromBase64?: (text: string) => Uint8Array;
}

function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Uint8Array).toBase64;
  if (native) return native.call(bytes);
  // btoa takes a "binary string"; built in slices, as String.fromCharCode takes limited arguments.
  const slices: string[] = [];
  for (let start = 0; start < bytes.length; start += 0x8000) slices.push(String.fromCharCode(...bytes.subarray(start, start + 0x8000)));
  return btoa(slices.join(''));
}

function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Uint8ArrayConstructor).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes as `width`-byte little-endian unsigned integers; a view without a copy on little-endian machines. */
function unsignedCells(bytes: Uint8Array, width: CountBytes): CountCells {
  if (bytes.length % width !== 0) throw new Error(`A heatmap grid of ${width}-byte cells has ${bytes.length} bytes.`);
  const count = bytes.length / width;
  if (width === 1) return bytes;
  // A fresh decode starts at offset 0, so the typed array's alignment holds.
  if (littleEndian && bytes.byteOffset % width === 0) return width === 2 ? new Uint16Array(bytes.buffer, bytes.byteOffset, count) : new Uint32Array(bytes.buffer, bytes.byteOffset, count);
  const cells = width === 2 ? new Uint16Array(count) : new Uint32Array(count);
  for (let index = 0, at = 0; index < count; index++, at += width) {
    let value = 0;
    for (let byte = width - 1; byte >= 0; byte--) value = value * 256 + (bytes[at + byte] ?? 0);
    cells[index] = value;
  }
  return cells;
}

function littleEndianBytes(values: ArrayLike<number>, width: CountBytes): Uint8Array {
  const bytes = new Uint8Array(values.length * width);
  for (let index = 0, at = 0; index < values.length; index++, at += width) {
    let value = values[index] ?? 0;
    for (let byte = 0; byte < width; byte++) {
      bytes[at + byte] = value % 256;
      value = Math.floor(value / 256);
    }
  }
  return bytes;
}

// —— coverage ——

/** A coverage grid, every cell (shares with the reports' 4 decimals, null = not required), as sent. */
export function encodeCoverage(shares: readonly (number | null)[]): string {
  const cells = new Uint16Array(shares.length);
  for (let index = 0; index < shares.length; index++) {
    const share = shares[index];
    if (share === null || share === undefined) cells[index] = NOT_REQUIRED_CELL;
    else if (share >= 0 && share <= 1) cells[index] = Math.round(share * COVERAGE_SCALE);
    else throw new RangeError(`A coverage of ${share} is not a share between 0 and 1.`);
  }
  return bytesToBase64(littleEndianBytes(cells, 2));
}

/** The coverage grid as received: ten-thousandths per cell, NOT_REQUIRED_CELL where nothing is required. */
export function decodeCoverage(base64: string): Uint16Array {
  return unsignedCells(base64ToBytes(base64), 2) as Uint16Array;
}

/**
 * Coverage sent for the required cells only: the shares of the cells whose count is above 0, in
 * order. A share must be there exactly where something is required (the engine's rule: coverage is
 * null when nobody requires the skill), so a mismatch is a bug, not data.
 */
export function encodeRequiredCoverage(shares: readonly (number | null)[], required: readonly number[]): string {
  if (shares.length !== required.length) throw new Error(`${shares.length} coverage cells for ${required.length} required counts.`);
  const sent: number[] = [];
  for (let index = 0; index < shares.length; index++) {
    const share = shares[index] ?? null;
    if ((required[index] ?? 0) > 0 !== (share !== null)) throw new Error(`Cell ${index}: coverage ${share} with ${required[index]} people requiring the skill.`);
    if (share !== null) sent.push(share);
  }
  return encodeCoverage(sent);
}

/** The full coverage grid from the required cells' shares: NOT_REQUIRED_CELL where the count is 0. */
export function decodeRequiredCoverage(base64: string, required: CountCells): Uint16Array {
  const sent = decodeCoverage(base64);
  const cells = new Uint16Array(required.length).fill(NOT_REQUIRED_CELL);
  let next = 0;
  for (let index = 0; index < required.length; index++) {
    if (required[index] === 0) continue;
    if (next >= sent.length) throw new Error(`The organisation heatmap sends ${sent.length} coverage cells for more required cells.`);
    cells[index] = sent[next++] ?? NOT_REQUIRED_CELL;
  }
  if (next !== sent.length) throw new Error(`The organisation heatmap sends ${sent.length} coverage cells for ${next} required cells.`);
  return cells;
}

/** One cell's share (the same number the reports print), or null where no role requires the skill. */
export function coverageShare(cell: number | undefined): number | null {
  return cell === undefined || cell === NOT_REQUIRED_CELL ? null : cell / COVERAGE_SCALE;
}

// —— counts ——

/** Non-negative whole counts as sent: the narrowest width that holds the largest. */
export function encodeCounts(counts: readonly number[]): { bytes: CountBytes; base64: string } {
  let largest = 0;
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) throw new RangeError(`${count} is not a count a heatmap cell can carry.`);
    if (count > largest) largest = count;
  }
  const bytes: CountBytes = largest <= 0xff ? 1 : largest <= 0xffff ? 2 : 4;
  return { bytes, base64: bytesToBase64(littleEndianBytes(counts, bytes)) };
}

export function decodeCounts(base64: string, bytes: CountBytes): CountCells {
  return unsignedCells(base64ToBytes(base64), bytes);
}

// —— the whole response ——

/** The org heatmap as the page reads it: the response with its grids decoded (typed arrays, row-major). */
export interface OrgHeatmapGrid {
  asOf: OrgHeatmap['asOf'];
  teams: OrgHeatmap['teams'];
  skills: OrgHeatmap['skills'];
  /** Ten-thousandths of a share per cell; NOT_REQUIRED_CELL where no role in the team requires the skill (read with coverageShare). */
  coverage: Uint16Array;
  /** People whose role requires the skill, per cell. */
  required: CountCells;
  /** Under a what-if draft: the stored organisation's coverage, as `coverage`. */
  baselineCoverage?: Uint16Array;
}

/** Decodes the grids and checks that every column and grid has one entry per team (and skill). */
export function decodeOrgHeatmap(response: OrgHeatmap): OrgHeatmapGrid {
  const { teams, skills } = response;
  const rows = teams.names.length;
  const cells = rows * skills.length;
  const required = decodeCounts(response.required, response.requiredBytes);
  if (required.length !== cells) throw new Error(`The organisation heatmap has ${required.length} required cells for ${rows} teams × ${skills.length} skills.`);
  const grid: OrgHeatmapGrid = {
    asOf: response.asOf,
    teams,
    skills,
    coverage: decodeRequiredCoverage(response.coverage, required),
    required,
    ...(response.baselineCoverage === undefined ? {} : { baselineCoverage: decodeCoverage(response.baselineCoverage) }),
  };
  const sizes: [string, number, number][] = [
    ['team members', teams.members.length, rows],
    ['team readiness', teams.readiness.length, rows],
    ['stored team readiness', teams.baselineReadiness?.length ?? rows, rows],
    ['stored coverage cells', grid.baselineCoverage?.length ?? cells, cells],
  ];
  for (const [what, actual, expected] of sizes) {
    if (actual !== expected) throw new Error(`The organisation heatmap has ${actual} ${what} for ${rows} teams × ${skills.length} skills.`);
  }
  return grid;
}
