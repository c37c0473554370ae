// The catalog as the recommenders read it (SPEC §2 Credential, stacks): lookups by id, by granted
// skill, stack components and parents — built once per catalog array and shared.
import type { Credential } from '../schema';
import { groupBy } from '../groupBy';

export interface CatalogIndex {
  byId: Map<string, Credential>;
  /** Distinct component ids of each stack. */
  components: Map<string, string[]>;
  /** Stacks listing a credential as a direct component. */
  parents: Map<string, string[]>;
  /** Every credential granting a skill, with its highest level for it. */
  bySkill: Map<string, { id: string; level: number }[]>;
}
const catalogIndexes = new WeakMap<readonly Credential[], CatalogIndex>();

/** A credential with a non-empty `components` list is a stack. */
export function isStack(credential: Credential): boolean {
  return credential.components !== undefined && credential.components.length > 0;
}

export function catalogIndex(catalog: readonly Credential[]): CatalogIndex {
  // Built once per catalog array: the CLI solves 100,000 employees against the same catalog.
  const cached = catalogIndexes.get(catalog);
  if (cached) return cached;
  const byId = new Map<string, Credential>();
  const components = new Map<string, string[]>();
  const parents = new Map<string, string[]>();
  const bySkill = new Map<string, { id: string; level: number }[]>();
  for (const credential of catalog) {
    if (byId.has(credential.id)) continue; // validated upstream; the first one wins
    byId.set(credential.id, credential);
  }
  for (const credential of byId.values()) {
    if (isStack(credential)) {
      const distinct = [...new Set(credential.components)];
      components.set(credential.id, distinct);
      for (const component of distinct) {
        const list = parents.get(component);
        if (list) list.push(credential.id);
        else parents.set(component, [credential.id]);
      }
    }
    const best = new Map<string, number>();
    for (const grant of credential.grants) best.set(grant.skill, Math.max(best.get(grant.skill) ?? 0, grant.level));
    for (const [skill, level] of best) {
      const list = bySkill.get(skill);
      if (list) list.push({ id: credential.id, level });
      else bySkill.set(skill, [{ id: credential.id, level }]);
    }
  }
  const index = { byId, components, parents, bySkill };
  catalogIndexes.set(catalog, index);
  return index;
}


/**
 * The catalog in integer form for the optimiser's hot loop (SPEC §3 asks for 100,000 pathways in
 * seconds): credentials interned in catalog order, then ids only named as components (never
 * takeable), with compressed rows of components, parents and grants, and each skill's grants by
 * level, highest first. The stamp arrays are per-solve scratch: a slot is valid when it equals `stamp`.
 */
export interface CompiledCatalog {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Credentials of the catalog itself: indexes below this. */
  readonly size: number;
  /** Rank of each id in ordinal order (the order of every id list). */
  readonly rank: Int32Array;
  readonly stack: Uint8Array;
  readonly componentStart: Int32Array;
  readonly componentList: Int32Array;
  readonly parentStart: Int32Array;
  readonly parentList: Int32Array;
  /** Cost in cents and hours in hundredths, 0 when missing. */
  readonly costCents: Float64Array;
  readonly hoursCents: Float64Array;
  /** Distinct skills each credential grants, at its highest level. */
  readonly grantStart: Int32Array;
  readonly grantSkill: Int32Array;
  readonly grantLevel: Int8Array;
  readonly skillIndex: ReadonlyMap<string, number>;
  readonly bySkillStart: Int32Array;
  readonly bySkillCredential: Int32Array;
  readonly bySkillLevel: Int8Array;
  scratch: {
    stamp: number;
    readonly held: Int32Array;
    readonly implied: Int32Array;
    readonly impliedValue: Uint8Array;
    readonly missing: Int32Array;
    readonly missingLeaves: (readonly number[] | null)[];
    readonly universe: Int32Array;
    readonly local: Int32Array;
    readonly seen: Int32Array;
    readonly tracked: Int32Array;
    readonly stackLocal: Int32Array;
    readonly component: Int32Array;
    readonly gapOfSkill: Int32Array;
    readonly gapOfSkillIndex: Int32Array;
    readonly interestOfSkill: Int32Array;
    readonly interestOfSkillIndex: Int32Array;
  };
}

const compiledCatalogs = new WeakMap<readonly Credential[], CompiledCatalog>();

function hundredths(amount: number | undefined): number {
  return amount === undefined || !Number.isFinite(amount) ? 0 : Math.round(amount * 100);
}

/** (owner, value) pairs as compressed rows: each owner's values, in pair order. */
function rows(count: number, pairs: readonly (readonly [number, number])[]): { start: Int32Array; list: Int32Array } {
  const { start, order } = groupBy(Int32Array.from(pairs, ([owner]) => owner), count);
  return { start, list: order.map((k) => pairs[k]![1]) };
}

export function compiledCatalog(catalog: readonly Credential[]): CompiledCatalog {
  const cached = compiledCatalogs.get(catalog);
  if (cached) return cached;
  const { byId, components } = catalogIndex(catalog);
  const ids = [...byId.keys()];
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const size = ids.length;
  for (const parts of components.values()) {
    for (const id of parts) {
      if (!index.has(id)) {
        index.set(id, ids.length);
        ids.push(id);
      }
    }
  }
  const total = ids.length;
  const rank = new Int32Array(total);
  ids
    .map((id, i) => [id, i] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .forEach(([, i], r) => (rank[i] = r));

  const stack = new Uint8Array(total);
  const componentPairs: [number, number][] = [];
  const parentPairs: [number, number][] = [];
  const costCents = new Float64Array(total);
  const hoursCents = new Float64Array(total);
  const grantPairs: [number, number][] = [];
  const grantLevels: number[] = [];
  const skillIndex = new Map<string, number>();
  const skillPairs: [number, number][] = [];
  for (let c = 0; c < size; c++) {
    const credential = byId.get(ids[c] as string) as Credential;
    const parts = components.get(credential.id);
    if (parts) {
      stack[c] = 1;
      for (const id of parts) {
        const part = index.get(id) as number;
        componentPairs.push([c, part]);
        parentPairs.push([part, c]);
      }
    } else {
      costCents[c] = hundredths(credential.cost);
      hoursCents[c] = hundredths(credential.hours);
    }
    const best = new Map<number, number>();
    for (const grant of credential.grants) {
      let s = skillIndex.get(grant.skill);
      if (s === undefined) {
        s = skillIndex.size;
        skillIndex.set(grant.skill, s);
      }
      best.set(s, Math.max(best.get(s) ?? 0, grant.level));
    }
    for (const [s, level] of best) {
      grantPairs.push([c, s]);
      grantLevels.push(level);
      skillPairs.push([s, c]);
    }
  }
  const componentRows = rows(total, componentPairs);
  const parentRows = rows(total, parentPairs);
  // Grants keep their insertion order inside each credential's row, so levels line up.
  const grants = groupBy(Int32Array.from(grantPairs, ([c]) => c), total);
  const grantStart = grants.start;
  const grantSkill = grants.order.map((k) => grantPairs[k]![1]);
  const grantLevel = Int8Array.from(grants.order, (k) => grantLevels[k]!);
  const skillCount = skillIndex.size;
  const levelOf = (c: number, s: number): number => {
    for (let k = grantStart[c]!; k < grantStart[c + 1]!; k++) if (grantSkill[k] === s) return grantLevel[k]!;
    return 0;
  };
  skillPairs.sort((a, b) => a[0] - b[0] || levelOf(b[1], b[0]) - levelOf(a[1], a[0]) || rank[a[1]]! - rank[b[1]]!);
  const bySkill = rows(skillCount, skillPairs);
  const bySkillLevel = new Int8Array(bySkill.list.length);
  for (let s = 0; s < skillCount; s++) {
    for (let k = bySkill.start[s]!; k < bySkill.start[s + 1]!; k++) bySkillLevel[k] = levelOf(bySkill.list[k]!, s);
  }

  const compiled: CompiledCatalog = {
    ids,
    index,
    size,
    rank,
    stack,
    componentStart: componentRows.start,
    componentList: componentRows.list,
    parentStart: parentRows.start,
    parentList: parentRows.list,
    costCents,
    hoursCents,
    grantStart,
    grantSkill,
    grantLevel,
    skillIndex,
    bySkillStart: bySkill.start,
    bySkillCredential: bySkill.list,
    bySkillLevel,
    scratch: {
      stamp: 0,
      held: new Int32Array(total),
      implied: new Int32Array(total),
      impliedValue: new Uint8Array(total),
      missing: new Int32Array(total),
      missingLeaves: new Array<readonly number[] | null>(total).fill(null),
      universe: new Int32Array(total),
      local: new Int32Array(total),
      seen: new Int32Array(total),
      tracked: new Int32Array(total),
      stackLocal: new Int32Array(total),
      component: new Int32Array(total),
      gapOfSkill: new Int32Array(skillCount),
      gapOfSkillIndex: new Int32Array(skillCount),
      interestOfSkill: new Int32Array(skillCount),
      interestOfSkillIndex: new Int32Array(skillCount),
    },
  };
  compiledCatalogs.set(catalog, compiled);
  return compiled;
}
