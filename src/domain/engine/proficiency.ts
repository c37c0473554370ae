// An employee's verified, assessed and effective level per skill at a date (SPEC §3 rule 3):
// V from held credentials, A from the latest assessment on or before D, E = max(V, A).
import type { Assessment, IsoDate } from '../schema';
import { compareOrdinal } from '../reports';
import { assessedLevel, evaluateEmployee, verifiedLevel } from './evaluate';
import { dayOf, employeeIndexOf } from './lookup';
import type { EngineOrganisation } from './prepare';

export interface SkillLevel {
  skill: string;
  verified: number;
  assessed: number;
  effective: number;
  /** Ids of the held credentials that grant the verified level, sorted. */
  verifiedBy: string[];
  /** The assessment that gives the assessed level. */
  assessment?: Assessment;
}

/** Every skill with V or A above 0, keyed and ordered by skill id. */
export function skillLevels(eo: EngineOrganisation, employeeId: string, asOf: IsoDate): Map<string, SkillLevel> {
  const e = employeeIndexOf(eo, employeeId);
  const levels = new Map<string, SkillLevel>();
  if (e < 0) return levels;
  evaluateEmployee(eo, e, dayOf(asOf));
  const scratch = eo.scratch;

  const skills: number[] = [];
  for (let s = 0; s < eo.skillIds.length; s++) {
    if (verifiedLevel(scratch, s) > 0 || assessedLevel(scratch, s) > 0) skills.push(s);
  }
  skills.sort((a, b) => compareOrdinal(eo.skillIds[a]!, eo.skillIds[b]!));

  for (const s of skills) {
    const verified = verifiedLevel(scratch, s);
    const assessed = assessedLevel(scratch, s);
    const verifiedBy: string[] = [];
    if (verified > 0) {
      for (let i = 0; i < scratch.heldCount; i++) {
        const c = scratch.heldList[i]!;
        for (let g = eo.grantStart[c]!; g < eo.grantStart[c + 1]!; g++) {
          if (eo.grantSkill[g] === s && eo.grantLevel[g] === verified) {
            verifiedBy.push(eo.credentialIds[c]!);
            break;
          }
        }
      }
      verifiedBy.sort(compareOrdinal);
    }
    const level: SkillLevel = { skill: eo.skillIds[s]!, verified, assessed, effective: Math.max(verified, assessed), verifiedBy };
    if (scratch.assessedStamp[s] === scratch.stamp) {
      level.assessment = eo.org.assessments[eo.assessmentRecord[scratch.assessedAt[s]!]!]!;
    }
    levels.set(level.skill, level);
  }
  return levels;
}
