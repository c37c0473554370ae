// While a what-if scenario is open, every page says so, with what it changes and Keep / Discard.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { gapmapQueries } from '../api/queries';
import { discardWhatIf, keepWhatIf } from '../api/mutations';
import { useUi } from '../stores/ui';
import { ErrorMessage } from '../components/QueryState';

export function WhatIfBanner() {
  const persona = useUi((state) => state.persona);
  const queryClient = useQueryClient();
  const status = useQuery(gapmapQueries.whatIf(persona));
  const refresh = () => queryClient.invalidateQueries({ queryKey: gapmapQueries.all });
  const keep = useMutation({ mutationFn: () => keepWhatIf(persona), onSettled: refresh });
  const discard = useMutation({ mutationFn: () => discardWhatIf(persona), onSettled: refresh });
  if (!status.data?.active) return null;
  return (
    <section className="whatif-banner" aria-labelledby="whatif-title">
      <div>
        <strong id="whatif-title">What-if scenario: every figure shows the edited roles and catalog.</strong>
        <ul className="plain-list compact">
          {status.data.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      </div>
      {persona.kind === 'lnd' ? (
        <div className="button-row">
          <button type="button" onClick={() => keep.mutate()} disabled={keep.isPending}>
            Keep these changes
          </button>
          <button type="button" className="secondary" onClick={() => discard.mutate()} disabled={discard.isPending}>
            Discard
          </button>
        </div>
      ) : null}
      {keep.error ? <ErrorMessage error={keep.error} /> : null}
      {discard.error ? <ErrorMessage error={discard.error} /> : null}
    </section>
  );
}
