// The words Gapmap's figures use, in plain language (SPEC §3 defines the computations): one list
// that the Glossary page shows and every figure links into.
export interface GlossaryEntry {
  /** The anchor a figure links to: /glossary#<id>. */
  id: string;
  term: string;
  meaning: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 'readiness', term: 'Readiness', meaning: 'How much of the skill levels their roles require people have: each requirement counts up to its required level (level 2 of a required 4 counts half), critical requirements three times, important twice and nice-to-have once. 100% means everyone meets every requirement of their role.' },
  { id: 'readiness-90-days', term: 'Readiness in 90 days', meaning: 'Readiness on the date 90 days from the as-of date, if no credential that expires before then is renewed.' },
  { id: 'required-level', term: 'Required level', meaning: 'The level (1 beginner to 5 expert) a role asks for in a skill.' },
  { id: 'effective-level', term: 'Effective level', meaning: 'The level a person counts as having: the higher of what their credentials prove (verified level) and what an assessment found (assessed level).' },
  { id: 'assessed-only', term: 'Assessed only', meaning: 'A level known from an assessment (a manager’s rating or a test) but not backed by a credential. Marked with an asterisk on the heatmap.' },
  { id: 'gap', term: 'Gap', meaning: 'How many levels a person is below the level their role requires in a skill. 0 means the requirement is met.' },
  { id: 'weighted-gap', term: 'Weighted gap', meaning: 'A gap multiplied by how much the requirement matters (critical 3, important 2, nice-to-have 1), added up over people. It ranks gaps by how much they hurt: one critical level missing counts as much as three nice-to-have levels.' },
  { id: 'critical-gap', term: 'Critical gap', meaning: 'A requirement marked critical for the role that the person does not meet.' },
  { id: 'coverage', term: 'Coverage', meaning: 'Of the people whose role requires a skill, the share who meet the required level. On the organisation heatmap, the lower the coverage the stronger the colour.' },
  { id: 'people-ready-to-cover', term: 'People ready to cover', meaning: 'How many people in the team hold a skill at the highest level the team requires, so they could step in if someone is away or leaves.' },
  { id: 'single-point-of-failure', term: 'Single point of failure', meaning: 'A critical skill of a team that one person or nobody holds at the required level: if that person is away, nobody can cover.' },
  { id: 'expiring', term: 'Expiring', meaning: 'A credential that is valid today but lapses within the next 90 days unless it is renewed.' },
  { id: 'goal-completion', term: 'Goal completion', meaning: 'Of the credential goals assigned (cancelled ones left out), the share already completed. A goal completes by itself when the person holds the credential.' },
  { id: 'evidence', term: 'Evidence counted', meaning: 'Which proof of a skill the figures count. All evidence: every credential and assessment. Verified credentials and assessments: credentials whose signature or issuer was checked, plus assessments. Verified credentials only: checked credentials alone, without assessments.' },
  { id: 'pathway', term: 'Best pathway', meaning: 'The set of courses that closes every gap a course can close for a person at the lowest cost (or in the fewest hours). Gapmap computes it exactly, not by rule of thumb.' },
  { id: 'certificate', term: 'Certificate earned by its parts', meaning: 'A credential that is granted automatically once all its component credentials are held (a “stack”); it costs nothing of its own.' },
  { id: 'cohort', term: 'Cohort', meaning: 'Team members whose best pathways include the same course, or the same certificate (then shown with the courses that earn it, its value counted once): they can be booked together.' },
  { id: 'training-plan', term: 'Training plan', meaning: 'Cohorts, budget picks and pathways gathered in one list, each in a quarter, with totals of cost and hours per quarter and per team against a budget; assigned as goals in one action.' },
  { id: 'budget', term: 'Budget plan', meaning: 'Which courses to pay for, within a budget, to close as much weighted gap as possible.' },
  { id: 'what-if', term: 'What-if scenario', meaning: 'A trial change to a role’s requirements or the catalog. Every page shows its effect, each figure as stored → with the draft and the difference; nothing is stored until you keep it.' },
];

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return GLOSSARY.find((entry) => entry.id === id);
}
