import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { budgetPlan, type BudgetPlan } from './budget';
import type { Pathway, PathwayStep } from './pathway';

function course(credentialId: string, cost: number, weightedGapClosed: number): PathwayStep {
  return { credentialId, name: credentialId, cost, hours: 1, isStack: false, skillsClosed: [], closes: [], weightedGapClosed };
}

function stack(credentialId: string, needs: string[], weightedGapClosed: number): PathwayStep {
  return { credentialId, name: credentialId, cost: 0, hours: 0, isStack: true, skillsClosed: [], closes: [], weightedGapClosed, needs };
}

function pathway(employeeId: string, steps: PathwayStep[]): Pathway {
  return {
    employeeId,
    objective: 'cost',
    steps,
    totalCost: steps.reduce((sum, step) => sum + step.cost, 0),
    totalHours: 0,
    weightedGapClosed: steps.reduce((sum, step) => sum + step.weightedGapClosed, 0),
    unclosable: [],
    stackProgress: [],
  };
}

const pairs = (plan: BudgetPlan) => plan.assignments.map((a) => `${a.employeeId}:${a.credentialId}`);

describe('budgetPlan', () => {
  const team = [
    pathway('E1', [course('excel-adv', 100, 6)]),
    pathway('E2', [course('sql-adv', 300, 9)]),
    pathway('E3', [course('py-1', 150, 0), course('py-2', 150, 2), stack('py-cert', ['py-1', 'py-2'], 6)]),
  ];

  it('funds the pairs that close the most weighted gap within the budget', () => {
    const plan = budgetPlan(team, 400);
    // excel-adv + sql-adv: 400 for 15, against excel-adv + the Python certificate: 400 for 14.
    expect(pairs(plan)).toEqual(['E1:excel-adv', 'E2:sql-adv']);
    expect(plan.spent).toBe(400);
    expect(plan.weightedGapClosed).toBe(15);
    expect(plan.totalWeightedGap).toBe(23);
    expect(plan.method).toMatch(/^exact/);
    expect(plan.guarantee).toMatch(/most weighted gap/);
  });

  it('counts a stack’s gap only when every course it needs is funded', () => {
    const e3 = [team[2] as Pathway];
    expect(pairs(budgetPlan(e3, 299.99))).toEqual(['E3:py-2']);
    expect(budgetPlan(e3, 299.99).weightedGapClosed).toBe(2);
    const full = budgetPlan(e3, 300);
    expect(pairs(full)).toEqual(['E3:py-1', 'E3:py-2', 'E3:py-cert']);
    expect(full.assignments.find((a) => a.credentialId === 'py-cert')).toEqual({ employeeId: 'E3', credentialId: 'py-cert', cost: 0, weightedGapClosed: 6, isStack: true });
    expect(full.weightedGapClosed).toBe(8);
  });

  it('funds nothing with no budget, and everything free', () => {
    const plan = budgetPlan([pathway('E1', [course('paid', 10, 3), course('free-webinar', 0, 1)])], 0);
    expect(pairs(plan)).toEqual(['E1:free-webinar']);
    expect(plan.spent).toBe(0);
  });

  it('in greedy mode takes the single best item when the ratio order would waste the budget', () => {
    const pathways = [pathway('E1', [course('quick-win', 1, 2)]), pathway('E2', [course('big-course', 100, 100)])];
    const plan = budgetPlan(pathways, 100, { method: 'greedy' });
    expect(pairs(plan)).toEqual(['E2:big-course']);
    expect(plan.method).toMatch(/^greedy/);
    expect(plan.guarantee).toMatch(/at least half/);
  });

  it('in greedy mode can close less than the exact optimum, never less than half', () => {
    const pathways = [
      pathway('E1', [course('a', 60, 60)]),
      pathway('E2', [course('b', 50, 49)]),
      pathway('E3', [course('c', 50, 49)]),
    ];
    expect(budgetPlan(pathways, 100, { method: 'greedy' }).weightedGapClosed).toBe(60);
    expect(budgetPlan(pathways, 100, { method: 'exact' }).weightedGapClosed).toBe(98);
    expect(budgetPlan(pathways, 100).weightedGapClosed).toBe(98);
  });

  describe('against a brute force on random small instances', () => {
    const instance = fc.record({
      employees: fc.array(
        fc.record({
          courses: fc.array(fc.record({ cost: fc.constantFrom(0, 10, 25, 40, 60, 99.5), value: fc.integer({ min: 0, max: 9 }) }), { minLength: 1, maxLength: 4 }),
          stacks: fc.array(fc.record({ needs: fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }), value: fc.integer({ min: 0, max: 9 }) }), { maxLength: 2 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      budget: fc.integer({ min: 0, max: 200 }),
    });

    function build(raw: { employees: { courses: { cost: number; value: number }[]; stacks: { needs: number[]; value: number }[] }[] }): Pathway[] {
      return raw.employees.map((e, n) => {
        const courses = e.courses.map((c, i) => course(`c${i}`, c.cost, c.value));
        const stacks = e.stacks
          .map((s, j) => stack(`s${j}`, s.needs.filter((k) => k < courses.length).map((k) => `c${k}`).sort(), s.value))
          .filter((s) => (s.needs as string[]).length > 0);
        return pathway(`E${n}`, [...courses, ...stacks]);
      });
    }

    function bruteForce(pathways: Pathway[], budget: number): number {
      const items = pathways.flatMap((p) => p.steps.filter((s) => !s.isStack).map((s) => ({ employee: p.employeeId, step: s })));
      let best = 0;
      for (let mask = 0; mask < 1 << items.length; mask++) {
        const chosen = items.filter((_, i) => mask & (1 << i));
        const cost = chosen.reduce((sum, item) => sum + Math.round(item.step.cost * 100), 0);
        if (cost > budget * 100) continue;
        let value = chosen.reduce((sum, item) => sum + item.step.weightedGapClosed, 0);
        for (const p of pathways) {
          for (const s of p.steps.filter((x) => x.isStack)) {
            if ((s.needs ?? []).every((id) => chosen.some((c) => c.employee === p.employeeId && c.step.credentialId === id))) value += s.weightedGapClosed;
          }
        }
        best = Math.max(best, value);
      }
      return best;
    }

    function checkConsistent(plan: BudgetPlan, pathways: Pathway[], budget: number): void {
      expect(plan.spent).toBeLessThanOrEqual(budget);
      expect(plan.assignments.reduce((sum, a) => sum + Math.round(a.cost * 100), 0)).toBe(Math.round(plan.spent * 100));
      expect(plan.assignments.reduce((sum, a) => sum + a.weightedGapClosed, 0)).toBe(plan.weightedGapClosed);
      for (const a of plan.assignments) {
        const step = pathways.find((p) => p.employeeId === a.employeeId)?.steps.find((s) => s.credentialId === a.credentialId) as PathwayStep;
        for (const need of step.needs ?? []) expect(pairs(plan)).toContain(`${a.employeeId}:${need}`);
      }
    }

    it('the exact method closes exactly the brute-force optimum', () => {
      fc.assert(
        fc.property(instance, (raw) => {
          const pathways = build(raw);
          const plan = budgetPlan(pathways, raw.budget, { method: 'exact' });
          checkConsistent(plan, pathways, raw.budget);
          expect(plan.weightedGapClosed).toBe(bruteForce(pathways, raw.budget));
        }),
        { numRuns: 400 },
      );
    });

    it('the greedy method closes at least half the brute-force optimum', () => {
      fc.assert(
        fc.property(instance, (raw) => {
          const pathways = build(raw);
          const plan = budgetPlan(pathways, raw.budget, { method: 'greedy' });
          checkConsistent(plan, pathways, raw.budget);
          expect(2 * plan.weightedGapClosed).toBeGreaterThanOrEqual(bruteForce(pathways, raw.budget));
        }),
        { numRuns: 400 },
      );
    });
  });
});
