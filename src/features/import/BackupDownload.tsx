// "Download everything" (SPEC §8 moving house): the whole organisation, its history and badge
// mappings in one file that `gapmap restore` loads into a server without loss.
import { useMutation } from '@tanstack/react-query';
import { getBlob } from '../../api/client';
import type { Persona } from '../../api/contract';
import { ErrorMessage } from '../../components/QueryState';
import { downloadBlob } from '../../components/download';

export function BackupDownload({ persona, today, host }: { persona: Persona; today: string; host: 'browser' | 'server' }) {
  const download = useMutation({ mutationFn: async () => downloadBlob(`gapmap-backup-${today}.json.gz`, await getBlob(persona, '/backup')) });
  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">Download everything</h2>
      <p>
        One file with the whole organisation, its goals, the change history and the badge mappings.
        {host === 'browser' ? ' Keep it as a backup, or move to a Gapmap server with ' : ' Restore it on any Gapmap server with '}
        <code>gapmap restore FILE</code>.
      </p>
      <button type="button" className="secondary" onClick={() => download.mutate()} disabled={download.isPending}>
        Download everything
      </button>
      {download.error ? <ErrorMessage error={download.error} /> : null}
    </section>
  );
}
