import { describe, expect, it } from 'vitest';
import { rememberAchievement, resolveAchievement } from './achievementMapping';

const catalog = [
  { id: 'AWS-SAA', url: 'https://www.credly.com/org/aws/badge/aws-certified-solutions-architect-associate' },
  { id: 'https://badges.northwind.example/achievements/k8s-operator' },
  { id: 'PMP' },
];

describe('resolveAchievement', () => {
  it('resolves by equality with a catalog credential id', () => {
    expect(resolveAchievement({ id: 'https://badges.northwind.example/achievements/k8s-operator/' }, catalog)).toEqual({
      credentialId: 'https://badges.northwind.example/achievements/k8s-operator',
      via: 'id',
    });
  });

  it('resolves by equality with a catalog credential url, ignoring host case', () => {
    expect(resolveAchievement({ id: 'https://WWW.Credly.com/org/aws/badge/aws-certified-solutions-architect-associate', name: 'AWS SAA' }, catalog)).toEqual({
      credentialId: 'AWS-SAA',
      via: 'url',
    });
  });

  it('uses the remembered mapping when nothing is equal, keyed by id or else by name', () => {
    expect(resolveAchievement({ id: 'urn:uuid:951b475e', name: 'Project lead' }, catalog, { 'urn:uuid:951b475e': 'PMP' })).toEqual({ credentialId: 'PMP', via: 'remembered' });
    expect(resolveAchievement({ name: 'Project lead' }, catalog, { 'Project lead': 'PMP' })).toEqual({ credentialId: 'PMP', via: 'remembered' });
  });

  it('leaves the choice to the user when nothing matches or the remembered credential is gone', () => {
    expect(resolveAchievement({ id: 'urn:uuid:951b475e' }, catalog)).toBeUndefined();
    expect(resolveAchievement({ id: 'urn:uuid:951b475e' }, catalog, { 'urn:uuid:951b475e': 'DELETED' })).toBeUndefined();
  });
});

describe('rememberAchievement', () => {
  it('returns a new mapping with the confirmed choice', () => {
    const before = { a: 'PMP' };
    const after = rememberAchievement(before, { id: 'urn:uuid:1', name: 'Scrum' }, 'AWS-SAA');
    expect(after).toEqual({ a: 'PMP', 'urn:uuid:1': 'AWS-SAA' });
    expect(before).toEqual({ a: 'PMP' });
  });
});
