import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Credential, Weight } from '../schema';
import { optimalPathway } from './optimise';
import type { GapToClose, Objective, PathwayProblem } from './optimise';

// ---------------------------------------------------------------------------------------------
// Brute force, written independently of the optimiser: enumerate every subset of the credentials
// that can contribute and keep the best by the spec's key.
// ---------------------------------------------------------------------------------------------

interface Key {
  primary: number;
  secondary: number;
  interests: number;
  count: number;
  ids: string[];
}

function isStackCredential(c: Credential): boolean {
  return (c.components?.length ?? 0) > 0;
}

/** Everything held once taken credentials are added: least fixpoint of "all components held". */
function closure(catalog: readonly Credential[], base: ReadonlySet<string>): Set<string> {
  const have = new Set(base);
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of catalog) {
      if (isStackCredential(c) && !have.has(c.id) && (c.components ?? []).every((x) => have.has(x))) {
        have.add(c.id);
        changed = true;
      }
    }
  }
  return have;
}

function leavesNeeded(catalog: readonly Credential[], held: ReadonlySet<string>, stackId: string, path: string[] = []): string[] | null {
  if (path.includes(stackId)) return null;
  const stack = catalog.find((c) => c.id === stackId) as Credential;
  const out = new Set<string>();
  for (const id of stack.components ?? []) {
    if (held.has(id)) continue;
    const c = catalog.find((x) => x.id === id);
    if (!c) return null;
    if (!isStackCredential(c)) out.add(id);
    else {
      const inner = leavesNeeded(catalog, held, id, [...path, stackId]);
      if (inner === null) return null;
      inner.forEach((x) => out.add(x));
    }
  }
  return [...out];
}

function levelOf(c: Credential, skill: string): number {
  return Math.max(0, ...c.grants.filter((g) => g.skill === skill).map((g) => g.level));
}

function bruteForce(problem: PathwayProblem): { best: Key; closable: string[]; unclosable: string[] } {
  const { catalog, interests, objective } = problem;
  const held = closure(catalog, problem.held);
  const gaps = problem.gaps.filter((g) => g.current < g.required);
  const universe = new Set<string>();
  const closable: GapToClose[] = [];
  const unclosable: string[] = [];
  for (const gap of gaps) {
    let ok = false;
    for (const c of catalog) {
      if (held.has(c.id) || levelOf(c, gap.skill) < gap.required) continue;
      if (!isStackCredential(c)) {
        ok = true;
        universe.add(c.id);
      } else {
        const need = leavesNeeded(catalog, held, c.id);
        if (need && need.length > 0) {
          ok = true;
          need.forEach((x) => universe.add(x));
        }
      }
    }
    if (ok) closable.push(gap);
    else unclosable.push(gap.skill);
  }
  const items = [...universe].sort();
  let best: Key | null = null;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    const take = items.filter((_, i) => mask & (1 << i));
    const key = keyOf(problem, take, closable);
    if (key && (best === null || compareKeys(key, best) < 0)) best = key;
  }
  void objective;
  void interests;
  return { best: best as Key, closable: closable.map((g) => g.skill), unclosable };
}

/** The key of taking `take`, or null when it leaves a closable gap open. */
function keyOf(problem: PathwayProblem, take: string[], closable: GapToClose[]): Key | null {
  const { catalog } = problem;
  const heldBefore = closure(catalog, problem.held);
  const after = closure(catalog, new Set([...heldBefore, ...take]));
  const gained = catalog.filter((c) => after.has(c.id) && !heldBefore.has(c.id));
  for (const gap of closable) {
    if (!gained.some((c) => levelOf(c, gap.skill) >= gap.required)) return null;
  }
  const skills = new Set(gained.flatMap((c) => c.grants.map((g) => g.skill)));
  const interests = [...problem.interests].filter((s) => skills.has(s)).length;
  let cost = 0;
  let hours = 0;
  for (const id of take) {
    const c = catalog.find((x) => x.id === id) as Credential;
    cost += c.cost ?? 0;
    hours += c.hours ?? 0;
  }
  const [primary, secondary] = problem.objective === 'cost' ? [cost, hours] : [hours, cost];
  return { primary, secondary, interests, count: take.length, ids: [...take].sort() };
}

function compareKeys(a: Key, b: Key): number {
  if (a.primary !== b.primary) return a.primary - b.primary;
  if (a.secondary !== b.secondary) return a.secondary - b.secondary;
  if (a.interests !== b.interests) return b.interests - a.interests;
  if (a.count !== b.count) return a.count - b.count;
  for (let i = 0; i < a.ids.length; i++) {
    const x = a.ids[i] as string;
    const y = b.ids[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

function course(id: string, grants: Record<string, number>, cost?: number, hours?: number): Credential {
  return {
    id,
    name: id,
    issuer: 'Acme Learning',
    grants: Object.entries(grants).map(([skill, level]) => ({ skill, level })),
    ...(cost === undefined ? {} : { cost }),
    ...(hours === undefined ? {} : { hours }),
  };
}

function stack(id: string, components: string[], grants: Record<string, number>): Credential {
  return { ...course(id, grants), components };
}

function gap(skill: string, required: number, current = 0, weight: Weight = 'important'): GapToClose {
  return { skill, required, current, weight };
}

function problemOf(
  gaps: GapToClose[],
  catalog: Credential[],
  options: { held?: string[]; interests?: string[]; objective?: Objective } = {},
): PathwayProblem {
  return {
    gaps,
    catalog,
    held: new Set(options.held ?? []),
    interests: new Set(options.interests ?? []),
    objective: options.objective ?? 'cost',
  };
}

describe('optimalPathway', () => {
  it('takes the two missing components of a stack when that is cheaper than a direct course', () => {
    const catalog = [
      course('sql-advanced', { sql: 4 }, 900, 40),
      course('sql-joins', { sql: 2 }, 200, 8),
      course('sql-tuning', { sql: 3 }, 250, 10),
      course('sql-basics', { sql: 1 }, 100, 4),
      stack('sql-cert', ['sql-basics', 'sql-joins', 'sql-tuning'], { sql: 4 }),
    ];
    const solution = optimalPathway(problemOf([gap('sql', 4, 1)], catalog, { held: ['sql-basics'] }));
    expect(solution.take).toEqual(['sql-joins', 'sql-tuning']);
    expect(solution.earnedStacks).toEqual(['sql-cert']);
    expect(solution.closed).toEqual(['sql']);
    expect(solution.totalCost).toBe(450);
    expect(solution.totalHours).toBe(18);
  });

  it('prefers the direct course when completing the stack costs more', () => {
    const catalog = [
      course('sql-advanced', { sql: 4 }, 400, 40),
      course('sql-joins', { sql: 2 }, 200, 8),
      course('sql-tuning', { sql: 3 }, 250, 10),
      stack('sql-cert', ['sql-joins', 'sql-tuning'], { sql: 4 }),
    ];
    const solution = optimalPathway(problemOf([gap('sql', 4)], catalog));
    expect(solution.take).toEqual(['sql-advanced']);
    expect(solution.earnedStacks).toEqual([]);
  });

  it('breaks a tie on cost by fewer hours', () => {
    const catalog = [course('python-a', { python: 3 }, 300, 30), course('python-b', { python: 3 }, 300, 12)];
    expect(optimalPathway(problemOf([gap('python', 3)], catalog)).take).toEqual(['python-b']);
  });

  it('with objective hours minimises hours first and breaks ties by cost', () => {
    const catalog = [
      course('excel-bootcamp', { excel: 3 }, 900, 6),
      course('excel-self-paced', { excel: 3 }, 50, 20),
      course('excel-weekend', { excel: 3 }, 700, 6),
    ];
    const solution = optimalPathway(problemOf([gap('excel', 3)], catalog, { objective: 'hours' }));
    expect(solution.take).toEqual(['excel-weekend']);
    expect(solution.totalHours).toBe(6);
    expect(solution.totalCost).toBe(700);
  });

  it('breaks a tie on cost and hours by more skills among the interests', () => {
    const catalog = [
      course('aws-a', { cloud: 3 }, 500, 20),
      course('aws-b', { cloud: 3, security: 1 }, 500, 20),
      course('aws-c', { cloud: 3, kubernetes: 2 }, 500, 20),
    ];
    const solution = optimalPathway(problemOf([gap('cloud', 3)], catalog, { interests: ['kubernetes'] }));
    expect(solution.take).toEqual(['aws-c']);
  });

  it('counts the interests granted by an earned stack', () => {
    const catalog = [
      course('a1', { analytics: 2 }, 100, 5),
      course('a2', { analytics: 3 }, 100, 5),
      course('b1', { analytics: 2 }, 100, 5),
      course('b2', { analytics: 3 }, 100, 5),
      stack('cert-a', ['a1', 'a2'], { analytics: 3, storytelling: 2 }),
      stack('cert-b', ['b1', 'b2'], { analytics: 3 }),
    ];
    // analytics 3 costs 100 either way (a2 or b2 alone); storytelling only via cert-a at 200: interests
    // break only ties, so the cheapest wins first.
    expect(optimalPathway(problemOf([gap('analytics', 3)], catalog, { interests: ['storytelling'] })).take).toEqual(['a2']);
    // With a gap only the stacks close, the one granting the interest wins the tie.
    const solution = optimalPathway(problemOf([gap('analytics', 4)], [
      ...catalog.slice(0, 4),
      stack('cert-a', ['a1', 'a2'], { analytics: 4, storytelling: 2 }),
      stack('cert-b', ['b1', 'b2'], { analytics: 4 }),
    ], { interests: ['storytelling'] }));
    expect(solution.take).toEqual(['a1', 'a2']);
    expect(solution.earnedStacks).toEqual(['cert-a']);
  });

  it('breaks a remaining tie by fewer credentials', () => {
    const catalog = [
      course('git-1', { git: 2 }, 100, 5),
      course('ci-1', { ci: 2 }, 100, 5),
      course('devops', { git: 2, ci: 2 }, 200, 10),
    ];
    expect(optimalPathway(problemOf([gap('git', 2), gap('ci', 2)], catalog)).take).toEqual(['devops']);
  });

  it('breaks a full tie by the smallest sorted list of ids', () => {
    const catalog = [
      course('zeta', { negotiation: 2 }, 100, 5),
      course('beta', { negotiation: 2 }, 100, 5),
      course('gamma', { negotiation: 2 }, 100, 5),
    ];
    expect(optimalPathway(problemOf([gap('negotiation', 2)], catalog)).take).toEqual(['beta']);
  });

  it('lists a gap no credential grants at the required level as unclosable and closes the rest', () => {
    const catalog = [course('sql-intro', { sql: 2 }, 100, 5), course('python-intro', { python: 2 }, 150, 6)];
    const sqlGap = gap('sql', 4, 1, 'critical');
    const solution = optimalPathway(problemOf([sqlGap, gap('python', 2), gap('rust', 1)], catalog));
    expect(solution.take).toEqual(['python-intro']);
    expect(solution.closed).toEqual(['python']);
    expect(solution.unclosable.map((g) => g.skill)).toEqual(['sql', 'rust']);
    expect(solution.unclosable[0]).toBe(sqlGap);
    expect(solution.totalCost).toBe(150);
  });

  it('treats a stack whose component is missing from the catalog as unearnable', () => {
    const catalog = [course('part-1', { design: 2 }, 100, 5), stack('design-cert', ['part-1', 'part-2'], { design: 4 })];
    const solution = optimalPathway(problemOf([gap('design', 4)], catalog));
    expect(solution.take).toEqual([]);
    expect(solution.unclosable.map((g) => g.skill)).toEqual(['design']);
  });

  it('earns nested stacks by taking their leaves, counting held and implied components', () => {
    const catalog = [
      course('ml-1', { ml: 1 }, 100, 10),
      course('ml-2', { ml: 2 }, 100, 10),
      course('ml-3', { ml: 3 }, 100, 10),
      stack('ml-foundations', ['ml-1', 'ml-2'], { ml: 3 }),
      stack('ml-professional', ['ml-foundations', 'ml-3'], { ml: 5, statistics: 3 }),
      course('ml-expert-bootcamp', { ml: 5 }, 500, 40),
    ];
    const solution = optimalPathway(problemOf([gap('ml', 5, 1), gap('statistics', 3)], catalog, { held: ['ml-1'] }));
    expect(solution.take).toEqual(['ml-2', 'ml-3']);
    expect(solution.earnedStacks).toEqual(['ml-foundations', 'ml-professional']);
    expect(solution.totalCost).toBe(200);
    // ml-1 and ml-2 held make ml-foundations held by implication even when the caller omits it.
    const later = optimalPathway(problemOf([gap('ml', 5, 3), gap('statistics', 3)], catalog, { held: ['ml-1', 'ml-2'] }));
    expect(later.take).toEqual(['ml-3']);
    expect(later.earnedStacks).toEqual(['ml-professional']);
  });

  it('counts a missing cost or hours as zero and compares prices to the cent', () => {
    const catalog = [
      course('free-webinar', { privacy: 2 }),
      course('gdpr-course', { privacy: 2 }, 0.1, 1),
      course('a', { ethics: 2 }, 0.1, 1),
      course('b', { ethics: 2 }, 0.2, 1),
      course('c', { security: 2 }, 0.2, 1),
      course('d', { security: 2, ethics: 2 }, 0.3, 3),
    ];
    const privacy = optimalPathway(problemOf([gap('privacy', 2)], catalog));
    expect(privacy.take).toEqual(['free-webinar']);
    expect(privacy.totalCost).toBe(0);
    // a + c costs 0.30 like d (in floating point 0.1 + 0.2 > 0.3), so fewer hours decide: 2 against 3.
    const both = optimalPathway(problemOf([gap('ethics', 2), gap('security', 2)], catalog));
    expect(both.take).toEqual(['a', 'c']);
    expect(both.totalCost).toBe(0.3);
  });

  it('treats stacks that contain each other as unearnable instead of looping', () => {
    const catalog = [
      course('x', { design: 1 }, 10, 1),
      course('y', { design: 1 }, 10, 1),
      stack('cert-a', ['cert-b', 'x'], { design: 4 }),
      stack('cert-b', ['cert-a', 'y'], { design: 4 }),
    ];
    const solution = optimalPathway(problemOf([gap('design', 4)], catalog, { held: ['x', 'y'] }));
    expect(solution.take).toEqual([]);
    expect(solution.unclosable.map((g) => g.skill)).toEqual(['design']);
  });

  it('returns nothing to take when there are no gaps', () => {
    const solution = optimalPathway(problemOf([gap('sql', 3, 3)], [course('sql', { sql: 3 }, 1, 1)]));
    expect(solution).toEqual({ take: [], earnedStacks: [], closed: [], unclosable: [], totalCost: 0, totalHours: 0 });
  });

  it('never re-takes a credential already held', () => {
    const catalog = [course('held-course', { sql: 4 }, 10, 1), course('other', { sql: 4 }, 500, 20)];
    const solution = optimalPathway(problemOf([gap('sql', 4, 2)], catalog, { held: ['held-course'] }));
    expect(solution.take).toEqual(['other']);
  });

  it('adds a free component to an optimum when it grants an interest', () => {
    const catalog = [
      course('paid', { sql: 3 }, 100, 5),
      course('free-part', { sql: 1, storytelling: 1 }),
      course('paid-part', { sql: 3 }, 100, 5),
      stack('bundle', ['free-part', 'paid-part'], { sql: 4 }),
    ];
    // paid vs paid-part tie on cost, hours, interests (0): ids decide. free-part costs nothing and is a
    // contributing credential (a component of a stack closing sql 3), so it is added for the interest.
    const solution = optimalPathway(problemOf([gap('sql', 3)], catalog, { interests: ['storytelling'] }));
    expect(solution.take).toEqual(['free-part', 'paid']);
    expect(solution.earnedStacks).toEqual([]);
  });

  describe('matches a brute force on random small instances', () => {
    const instanceOf = (skills: string[], costs: number[], hours: number[]) => fc
      .record({
        leaves: fc.array(
          fc.record({
            grants: fc.array(fc.record({ skill: fc.constantFrom(...skills), level: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3 }),
            cost: fc.option(fc.constantFrom(...costs), { nil: undefined, freq: 8 }),
            hours: fc.option(fc.constantFrom(...hours), { nil: undefined, freq: 8 }),
          }),
          { minLength: 1, maxLength: 9 },
        ),
        stacks: fc.array(
          fc.record({
            components: fc.uniqueArray(fc.nat({ max: 20 }), { minLength: 1, maxLength: 4 }),
            grants: fc.array(fc.record({ skill: fc.constantFrom(...skills), level: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 2 }),
          }),
          { maxLength: 4 },
        ),
        held: fc.array(fc.nat({ max: 20 }), { maxLength: 3 }),
        gaps: fc.uniqueArray(
          fc.record({ skill: fc.constantFrom(...skills), required: fc.integer({ min: 1, max: 5 }), current: fc.integer({ min: 0, max: 4 }) }),
          { selector: (g) => g.skill, maxLength: 5 },
        ),
        interests: fc.subarray(skills),
        objective: fc.constantFrom<Objective>('cost', 'hours'),
      })
      .map((raw): PathwayProblem => {
        const catalog: Credential[] = raw.leaves.map((leaf, i) => ({
          id: `c${String(i).padStart(2, '0')}`,
          name: `Course ${i}`,
          issuer: 'x',
          grants: leaf.grants,
          ...(leaf.cost === undefined ? {} : { cost: leaf.cost }),
          ...(leaf.hours === undefined ? {} : { hours: leaf.hours }),
        }));
        raw.stacks.forEach((s, j) => {
          // Components refer to earlier credentials, so stacks nest; an index past the end names a
          // credential missing from the catalog.
          const pool = catalog.length;
          catalog.push({
            id: `s${j}`,
            name: `Stack ${j}`,
            issuer: 'x',
            grants: s.grants,
            components: s.components.map((k) => (k < pool + 2 ? (catalog[k % pool]?.id ?? 'missing') : 'missing')),
          });
        });
        const held = new Set(raw.held.filter((k) => k < catalog.length).map((k) => (catalog[k] as Credential).id));
        return {
          gaps: raw.gaps.map((g) => ({ ...g, weight: 'important' as Weight })),
          catalog,
          held,
          interests: new Set(raw.interests),
          objective: raw.objective,
        };
      });

    const varied = instanceOf(['sql', 'python', 'excel', 'cloud', 'ethics'], [0, 10, 20, 30, 50], [0, 1, 2, 5]);
    // Few skills and two prices: many ties, so the interest, count and id tie-breaks decide often.
    const tied = instanceOf(['sql', 'python', 'excel'], [10, 20], [1]);
    const free = instanceOf(['sql', 'python', 'excel', 'cloud'], [0], [0]);

    it.each([
      ['varied prices', varied],
      ['many ties', tied],
      ['a catalog without prices', free],
    ])('has exactly the brute force key (cost, hours, interests, count, ids) with %s', (_, instance) => {
      fc.assert(
        fc.property(instance, (problem) => {
          const solution = optimalPathway(problem);
          const { best, closable, unclosable } = bruteForce(problem);
          expect(solution.unclosable.map((g) => g.skill)).toEqual(unclosable);
          expect(solution.closed).toEqual([...new Set(closable)].sort());
          const closableGaps = problem.gaps.filter((g) => closable.includes(g.skill) && g.current < g.required);
          const key = keyOf(problem, solution.take, closableGaps);
          expect(key).toEqual(best);
          const held = closure(problem.catalog, problem.held);
          const after = closure(problem.catalog, new Set([...held, ...solution.take]));
          const earned = problem.catalog.filter((c) => isStackCredential(c) && after.has(c.id) && !held.has(c.id)).map((c) => c.id);
          expect(solution.earnedStacks).toEqual(earned.sort());
        }),
        { numRuns: 1000 },
      );
    });
  });
});
