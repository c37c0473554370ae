// While the address names a what-if draft, every page says so, with what it changes; its author
// keeps or discards it, anyone else can leave it. A draft kept or discarded meanwhile says so too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../api/queries';
import { discardWhatIf, keepWhatIf } from '../api/mutations';
import { useUi } from '../stores/ui';
import { ErrorMessage } from '../components/QueryState';

export function WhatIfBanner() {
  const persona = useUi((state) => state.persona);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Subscribed to the address, so a draft named or left re-renders the banner with its own query key.
  const { scenario } = useSearch({ strict: false }) as { scenario?: string };
  const status = useQuery({ ...gapmapQueries.whatIf(persona), enabled: scenario !== undefined });
  // Back to the organisation as stored: the draft leaves the address, and every figure is fetched again.
  const leave = async () => {
    await navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, scenario: undefined }) });
    await queryClient.invalidateQueries({ queryKey: gapmapQueries.everything });
  };
  const keep = useMutation({ mutationFn: () => keepWhatIf(persona), onSuccess: leave });
  const discard = useMutation({ mutationFn: () => discardWhatIf(persona), onSuccess: leave });
  if (scenario === undefined) return null;
  if (status.data?.gone) {
    return (
      <section className="whatif-banner" aria-labelledby="whatif-title">
        <strong id="whatif-title">This what-if draft no longer exists: its author kept or discarded it.</strong>
        <div className="button-row">
          <button type="button" onClick={() => void leave()}>
            Show the organisation as stored
          </button>
        </div>
      </section>
    );
  }
  if (!status.data?.active) return null;
  return (
    <section className="whatif-banner" aria-labelledby="whatif-title">
      <div>
        <strong id="whatif-title">What-if draft: every figure shows the edited roles and catalog.</strong>
        <p className="compact">Figures read “as stored → with the draft (difference)”. The draft changes:</p>
        <ul className="whatif-changes compact" aria-label="What the draft changes">
          {status.data.changes.length === 0 ? <li>nothing yet: roles and catalog are as stored</li> : null}
          {status.data.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
        <p className="muted compact">
          {status.data.mine ? 'Nothing is stored until you keep it. This page’s address names the draft: share it to show it.' : 'Someone else’s draft: only its author can keep or discard it.'}
        </p>
      </div>
      <div className="button-row">
        {status.data.mine ? (
          <>
            <button type="button" onClick={() => keep.mutate()} disabled={keep.isPending}>
              Keep these changes
            </button>
            <button type="button" className="secondary" onClick={() => discard.mutate()} disabled={discard.isPending}>
              Discard
            </button>
          </>
        ) : null}
        <button type="button" className="secondary" onClick={() => void leave()}>
          Leave the draft
        </button>
      </div>
      {keep.error ? <ErrorMessage error={keep.error} /> : null}
      {discard.error ? <ErrorMessage error={discard.error} /> : null}
    </section>
  );
}
