// The hot loop behind every rule: what one employee holds (SPEC §3 rules 1–2) and their verified
// and assessed levels (rule 3) at a day number, written into the engine's scratch buffers.
import type { EngineOrganisation, Scratch } from './prepare';

function nextStamp(scratch: Scratch): number {
  if (scratch.stamp >= 0x7ffffffe) {
    scratch.heldStamp.fill(0);
    scratch.verifiedStamp.fill(0);
    scratch.assessedStamp.fill(0);
    scratch.stamp = 0;
  }
  return ++scratch.stamp;
}

/**
 * Evaluates employee `e` (an index) at `day`. Afterwards, until the next call, the scratch says:
 * credential c is held when heldStamp[c] === stamp; V(s) = verified[s] when verifiedStamp[s] === stamp
 * (else 0); A(s) = assessedLevel[s] when assessedStamp[s] === stamp (else 0).
 */
export function evaluateEmployee(eo: EngineOrganisation, e: number, day: number): number {
  const scratch = eo.scratch;
  const stamp = nextStamp(scratch);
  const { heldStamp, heldList } = scratch;

  // Rule 1: current awards.
  let held = 0;
  const awardEnd = eo.awardStart[e + 1]!;
  for (let a = eo.awardStart[e]!; a < awardEnd; a++) {
    if (eo.awardIssued[a]! <= day && day <= eo.awardExpires[a]!) {
      const c = eo.awardCredential[a]!;
      if (heldStamp[c] !== stamp) {
        heldStamp[c] = stamp;
        heldList[held++] = c;
      }
    }
  }
  scratch.directCount = held;

  // Rule 2: a stack is held once all its components are. A worklist over the stacks of each newly
  // held credential reaches nested stacks, and a cycle can never hold itself up (least fixed point).
  const { parentStart, parentList, componentStart, componentList } = eo;
  for (let i = 0; i < held; i++) {
    const c = heldList[i]!;
    const parentEnd = parentStart[c + 1]!;
    for (let p = parentStart[c]!; p < parentEnd; p++) {
      const stack = parentList[p]!;
      if (heldStamp[stack] === stamp) continue;
      let all = true;
      const componentEnd = componentStart[stack + 1]!;
      for (let k = componentStart[stack]!; k < componentEnd; k++) {
        if (heldStamp[componentList[k]!] !== stamp) {
          all = false;
          break;
        }
      }
      if (all) {
        heldStamp[stack] = stamp;
        heldList[held++] = stack;
      }
    }
  }
  scratch.heldCount = held;

  // Rule 3: verified level, the highest grant of any held credential.
  const { verifiedStamp, verified } = scratch;
  const { grantStart, grantSkill, grantLevel } = eo;
  for (let i = 0; i < held; i++) {
    const c = heldList[i]!;
    const grantEnd = grantStart[c + 1]!;
    for (let g = grantStart[c]!; g < grantEnd; g++) {
      const skill = grantSkill[g]!;
      const level = grantLevel[g]!;
      if (verifiedStamp[skill] !== stamp) {
        verifiedStamp[skill] = stamp;
        verified[skill] = level;
      } else if (level > verified[skill]!) {
        verified[skill] = level;
      }
    }
  }

  // Rule 3: assessed level, the most recent on or before the day; ties go to the highest level.
  const { assessedStamp, assessedDay, assessedLevel, assessedAt } = scratch;
  const assessmentEnd = eo.assessmentStart[e + 1]!;
  for (let a = eo.assessmentStart[e]!; a < assessmentEnd; a++) {
    const when = eo.assessmentDay[a]!;
    if (when > day) continue;
    const skill = eo.assessmentSkill[a]!;
    const level = eo.assessmentLevel[a]!;
    if (assessedStamp[skill] !== stamp || when > assessedDay[skill]! || (when === assessedDay[skill]! && level > assessedLevel[skill]!)) {
      assessedStamp[skill] = stamp;
      assessedDay[skill] = when;
      assessedLevel[skill] = level;
      assessedAt[skill] = a;
    }
  }
  return stamp;
}

/** V(e,s) of the last evaluation. */
export function verifiedLevel(scratch: Scratch, skill: number): number {
  return scratch.verifiedStamp[skill] === scratch.stamp ? scratch.verified[skill]! : 0;
}

/** A(e,s) of the last evaluation. */
export function assessedLevel(scratch: Scratch, skill: number): number {
  return scratch.assessedStamp[skill] === scratch.stamp ? scratch.assessedLevel[skill]! : 0;
}
