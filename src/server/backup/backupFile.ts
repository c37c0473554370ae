// One file that holds a whole organisation (SPEC §8 "moving house"): its records, goals included,
// the change history (as a record of what happened; the restored history cannot be undone) and the
// confirmed badge mappings. gzip-compressed JSON, written by `GET /api/backup` in either host
// ("Download everything" in the browser) and by `gapmap backup`; read by `gapmap restore`.
import { z } from 'zod';
import { organisationSchema, type Organisation } from '../../domain/schema';
import { historyEntrySchema, type HistoryEntry } from '../../api/importContract';

export const BACKUP_FORMAT = 'gapmap-backup';
export const BACKUP_VERSION = 1;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  /** Where it was made: "browser" (the in-browser app) or "server". */
  madeBy: z.enum(['browser', 'server']),
  organisation: organisationSchema,
  history: z.array(historyEntrySchema),
  achievementMappings: z.record(z.string(), z.string()),
});
export type Backup = z.infer<typeof backupSchema>;

export function backupOf(input: { organisation: Organisation; history: HistoryEntry[]; achievementMappings: Record<string, string>; madeBy: Backup['madeBy']; now?: string }): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: input.now ?? new Date().toISOString(),
    madeBy: input.madeBy,
    organisation: input.organisation,
    history: input.history,
    achievementMappings: input.achievementMappings,
  };
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function encodeBackup(backup: Backup): Promise<Uint8Array> {
  const json = new Blob([JSON.stringify(backup)]).stream();
  return collect(json.pipeThrough(new CompressionStream('gzip')));
}

export class BadBackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadBackupError';
  }
}

/** Reads a backup file (gzip or plain JSON); a file that is not one is a clear error, never a partial restore. */
export async function decodeBackup(bytes: Uint8Array): Promise<Backup> {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  let text: string;
  try {
    const raw = gzipped ? await collect(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))) : bytes;
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new BadBackupError('This file is not a Gapmap backup: it cannot be decompressed or is not text.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadBackupError('This file is not a Gapmap backup: it is not JSON.');
  }
  if ((parsed as { format?: unknown } | null)?.format !== BACKUP_FORMAT) throw new BadBackupError('This file is not a Gapmap backup (it has no "format": "gapmap-backup").');
  const result = backupSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BadBackupError(`This backup is damaged: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}. Nothing was restored.`);
  }
  return result.data;
}
