// The cross-tab announcement of a stored change (SPEC §4 two tabs): its channel and message.
// A module of its own so the page can listen without loading the import contract's schemas.

/** Posted on BroadcastChannel(ORGANISATION_CHANNEL) after any change is stored, to every tab. */
export const ORGANISATION_CHANNEL = 'gapmap';

export interface OrganisationChangedMessage {
  type: 'organisation-changed';
  revision: number;
}
