// Proficiency levels 0–5 and their names (SPEC §2), and the level words accepted on import (SPEC §4).
export const LEVEL_NAMES = ['none', 'awareness', 'basic', 'intermediate', 'advanced', 'expert'] as const;

export const MAX_LEVEL = 5;

export function levelName(level: number): string {
  return LEVEL_NAMES[level] ?? String(level);
}
