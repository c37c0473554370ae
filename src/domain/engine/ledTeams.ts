// Whose teams a line manager leads (SPEC §9): a person is linked to their employee record by email
// (case-insensitive), and leads the teams of everyone whose `manager` is that employee.
import type { Organisation } from '../schema';

/** The employee whose email is `email` (compared case-insensitively), if exactly one has it. */
export function employeeIdByEmail(org: Organisation, email: string): string | undefined {
  const wanted = email.trim().toLowerCase();
  if (wanted === '') return undefined;
  const matches = org.employees.filter((employee) => employee.email?.trim().toLowerCase() === wanted);
  // Two records with one address cannot say who signed in: link neither.
  return matches.length === 1 ? matches[0]!.id : undefined;
}

/** The teams of the people whose manager is the employee with this email, sorted. */
export function teamsLedBy(org: Organisation, email: string): string[] {
  const self = employeeIdByEmail(org, email);
  if (self === undefined) return [];
  const teams = new Set<string>();
  for (const employee of org.employees) if (employee.manager === self) teams.add(employee.team);
  return [...teams].sort();
}
