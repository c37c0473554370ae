// Which catalog credential a badge's achievement is: the same id or URL, else the mapping the user
// confirmed once and Gapmap remembers (Record<achievement key, credential id>) (SPEC §2 Award).
import type { Credential } from '../schema';
import type { ParsedBadge } from './types';

export type AchievementMapping = Readonly<Record<string, string>>;

export type AchievementResolution =
  | { credentialId: string; via: 'id' | 'url' | 'remembered' }
  | undefined;

/** The key a remembered mapping is stored under: the achievement's id, else its name. */
export function achievementKey(achievement: ParsedBadge['achievement']): string | undefined {
  return achievement.id ?? achievement.name;
}

function sameIdentifier(a: string, b: string): boolean {
  // URLs differ in trivia (trailing slash, scheme/host case) that do not make another achievement.
  const normalise = (value: string): string => {
    const trimmed = value.trim().replace(/\/+$/, '');
    const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(trimmed);
    return scheme ? scheme[0].toLowerCase() + trimmed.slice(scheme[0].length) : trimmed;
  };
  return normalise(a) === normalise(b);
}

/**
 * Resolves a badge's achievement to a catalog credential: by equality of the achievement id with a
 * credential's id or url, else through `remembered`; undefined when the user still has to choose.
 */
export function resolveAchievement(
  achievement: ParsedBadge['achievement'],
  catalog: ReadonlyArray<Pick<Credential, 'id' | 'url'>>,
  remembered: AchievementMapping = {},
): AchievementResolution {
  const id = achievement.id;
  if (id !== undefined) {
    const byId = catalog.find((credential) => sameIdentifier(credential.id, id));
    if (byId) return { credentialId: byId.id, via: 'id' };
    const byUrl = catalog.find((credential) => credential.url !== undefined && credential.url !== '' && sameIdentifier(credential.url, id));
    if (byUrl) return { credentialId: byUrl.id, via: 'url' };
  }
  const key = achievementKey(achievement);
  const mapped = key === undefined ? undefined : remembered[key];
  if (mapped !== undefined && catalog.some((credential) => credential.id === mapped)) return { credentialId: mapped, via: 'remembered' };
  return undefined;
}

/** The mapping with the user's confirmed choice added (a new object: mappings are values). */
export function rememberAchievement(
  mapping: AchievementMapping,
  achievement: ParsedBadge['achievement'],
  credentialId: string,
): AchievementMapping {
  const key = achievementKey(achievement);
  return key === undefined ? mapping : { ...mapping, [key]: credentialId };
}
