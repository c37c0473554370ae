// The catalog as the recommenders read it (SPEC §2 Credential, stacks): lookups by id, by granted
// skill, stack components and parents — built once per catalog array and shared.
import type { Credential } from '../schema';

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

