// Open Badges and verifiable credentials, parsed and verified offline (SPEC §2 Award verification, §6 verify).
export type {
  BadgeFormat,
  BadgeRecipient,
  HashedIdentity,
  JWKS,
  ParsedBadge,
  VerificationCheck,
  VerificationResult,
  VerificationStatus,
  VerifyOptions,
} from './types';
export { parseBadge, splitCredentials } from './parseBadge';
export type { ParseResult } from './parseBadge';
export { verifyBadge } from './verifyBadge';
export { matchRecipient, hashEmail, recipientIsEmail, describeRecipient } from './matchRecipient';
export { resolveAchievement, rememberAchievement, achievementKey } from './achievementMapping';
export type { AchievementMapping, AchievementResolution } from './achievementMapping';
export { bundledContexts } from './contexts';
