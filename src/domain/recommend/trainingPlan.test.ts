import { describe, it, expect } from 'vitest';
import { prepareOrganisation } from '../engine/index';
import { defaultQuarter, planGoalsToAssign, planWithoutPerson, quarterEnd, quarterOf, quartersFrom, trainingPlan, trainingPlanCsv, type PlanItemInput, type TrainingPlan } from './trainingPlan';
import { analysts } from './testFixtures';

describe('quarters', () => {
  it('names the quarter of a day and its last day', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterEnd('2026-Q1')).toBe('2026-03-31');
    expect(quarterEnd('2024-Q1')).toBe('2024-03-31');
    expect(quarterEnd('2026-Q2')).toBe('2026-06-30');
    expect(quarterEnd('2026-Q4')).toBe('2026-12-31');
  });

  it('offers quarters from the as-of date on, across a year end, and defaults to the next one', () => {
    expect(quartersFrom('2026-11-25', 3)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(defaultQuarter('2026-11-25')).toBe('2027-Q1');
    expect(defaultQuarter('2026-02-01')).toBe('2026-Q2');
  });
});

describe('trainingPlan', () => {
  // Prices from the fixture's catalog: sql-joins 150 € / 10 h, viz-charts 200 € / 12 h.
  const openGoal = { id: 'g1', employee: 'A2', credential: 'viz-charts', dueOn: '2026-05-01', kind: 'organisational' as const, status: 'assigned' as const, assignedBy: 'L&D', createdOn: '2026-02-01' };
  const eo = prepareOrganisation(analysts({ goals: [openGoal, { ...openGoal, id: 'g0', employee: 'A3', status: 'cancelled' }] }));
  const items: PlanItemInput[] = [
    { id: 'cohort:data-analytics', label: 'Data Analytics certificate', quarter: '2026-Q2', lines: [{ employee: 'A1', credential: 'sql-joins' }, { employee: 'A1', credential: 'viz-charts' }, { employee: 'A2', credential: 'viz-charts' }] },
    { id: 'pathway:A3', label: 'Cal Diaz’s pathway', quarter: '2026-Q3', lines: [{ employee: 'A3', credential: 'viz-charts' }, { employee: 'A1', credential: 'viz-charts' }] },
  ];

  it('prices each pair once, totals per team and per quarter, and compares with the budget', () => {
    const plan = trainingPlan(eo, items, 700) as TrainingPlan;
    expect(plan.lines.map((line) => [line.employeeId, line.credentialId, line.quarter, line.dueOn, line.cost, line.hours, line.goal?.id])).toEqual([
      ['A1', 'sql-joins', '2026-Q2', '2026-06-30', 150, 10, undefined],
      ['A1', 'viz-charts', '2026-Q2', '2026-06-30', 200, 12, undefined],
      ['A2', 'viz-charts', '2026-Q2', '2026-06-30', 200, 12, 'g1'],
      ['A3', 'viz-charts', '2026-Q3', '2026-09-30', 200, 12, undefined], // A3's cancelled goal is not open
    ]);
    expect(plan.duplicates).toBe(1); // A1 on viz-charts again in the pathway item
    expect(plan.total).toEqual({ lines: 4, people: 3, cost: 750, hours: 46, assigned: 1 });
    expect(plan.byTeam).toEqual([{ team: 'Insights', lines: 4, people: 3, cost: 750, hours: 46, assigned: 1 }]);
    expect(plan.byQuarter).toEqual([
      { quarter: '2026-Q2', dueOn: '2026-06-30', lines: 3, people: 2, cost: 550, hours: 34, assigned: 1 },
      { quarter: '2026-Q3', dueOn: '2026-09-30', lines: 1, people: 1, cost: 200, hours: 12, assigned: 0 },
    ]);
    expect(plan.budget).toBe(700);
    expect(plan.remaining).toBe(-50);
  });

  it('assigns only the lines without an open goal, due at the end of their quarter', () => {
    expect(planGoalsToAssign(trainingPlan(eo, items) as TrainingPlan)).toEqual([
      { employee: 'A1', credential: 'sql-joins', dueOn: '2026-06-30' },
      { employee: 'A1', credential: 'viz-charts', dueOn: '2026-06-30' },
      { employee: 'A3', credential: 'viz-charts', dueOn: '2026-09-30' },
    ]);
  });

  it('says which line cannot be priced', () => {
    expect(trainingPlan(eo, [{ id: 'x', label: 'x', quarter: '2026-Q2', lines: [{ employee: 'nobody', credential: 'viz-charts' }] }])).toEqual({ kind: 'unknown-employee', id: 'nobody' });
    expect(trainingPlan(eo, [{ id: 'x', label: 'x', quarter: '2026-Q2', lines: [{ employee: 'A1', credential: 'nothing' }] }])).toEqual({ kind: 'unknown-credential', id: 'nothing' });
    expect(trainingPlan(eo, [{ id: 'x', label: 'x', quarter: '2026-Q5', lines: [] }])).toEqual({ kind: 'bad-quarter', quarter: '2026-Q5' });
  });

  it('exports one formula-safe CSV row per line, by quarter, team, employee and course', () => {
    const org = analysts();
    const sly = prepareOrganisation({ ...org, employees: org.employees.map((employee) => (employee.id === 'A3' ? { ...employee, name: '=HYPERLINK("x")' } : employee)) });
    const plan = trainingPlan(sly, [items[1] as PlanItemInput]) as TrainingPlan;
    expect(trainingPlanCsv(plan)).toBe(
      'quarter,due_on,team,employee_id,employee_name,credential_id,credential_name,cost,hours,from,goal_status\r\n' +
        '2026-Q3,2026-09-30,Insights,A1,Ada Byrne,viz-charts,Charts that Work,200,12,Cal Diaz’s pathway,planned\r\n' +
        `2026-Q3,2026-09-30,Insights,A3,"'=HYPERLINK(""x"")",viz-charts,Charts that Work,200,12,Cal Diaz’s pathway,planned\r\n`,
    );
  });
});

describe('planWithoutPerson (erasure)', () => {
  const plan = {
    budget: 5000,
    items: [
      { id: 'cohort:T:c1', label: 'Course 1 — T', lines: [{ employee: 'e1', credential: 'c1' }, { employee: 'e2', credential: 'c1' }] },
      { id: 'pathway:e1', label: 'Ada’s pathway', lines: [{ employee: 'e1', credential: 'c2' }, { employee: 'e1', credential: 'c3' }] },
      { id: 'cohort:T:c4', label: 'Course 4 — T', lines: [{ employee: 'e2', credential: 'c4' }] },
    ],
  };

  it('drops the lines naming the person and the items left empty, keeping the rest as it was', () => {
    expect(planWithoutPerson(plan, 'e1')).toEqual({
      budget: 5000,
      items: [
        { id: 'cohort:T:c1', label: 'Course 1 — T', lines: [{ employee: 'e2', credential: 'c1' }] },
        { id: 'cohort:T:c4', label: 'Course 4 — T', lines: [{ employee: 'e2', credential: 'c4' }] },
      ],
    });
  });

  it('says when the plan never named them', () => {
    expect(planWithoutPerson(plan, 'e9')).toBeUndefined();
  });
});
