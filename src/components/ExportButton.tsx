// Downloads an export of what the view shows (same scope and date): CSV, with the Excel options, or
// an Excel workbook (.xlsx) built by the backend (the API worker or the server, never this thread),
// saved byte for byte as the backend wrote it.
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiError, getBlob, type QueryParams } from '../api/client';
import type { Persona } from '../api/contract';
import { downloadBlob } from './download';
import { ErrorMessage } from './QueryState';

interface ExportButtonProps {
  persona: Persona;
  path: string;
  params: QueryParams;
  /** The CSV file's name; the workbook's is the same with .xlsx. */
  fileName: string;
  label: string;
  /** The `format` that asks this route for a workbook (default `xlsx`). */
  xlsxFormat?: string;
  /** Whether a report too long for one sheet may be split into one sheet per team. */
  sheetPerTeam?: boolean;
}

export function ExportButton({ persona, path, params, fileName, label, xlsxFormat = 'xlsx', sheetPerTeam = true }: ExportButtonProps) {
  const id = useId();
  const [excel, setExcel] = useState(false);
  const download = useMutation({
    mutationFn: async (as: 'csv' | 'xlsx' | 'xlsx-per-team') => {
      if (as === 'csv') {
        // The bytes as the backend wrote them: the Excel option's BOM must reach the file.
        downloadBlob(fileName, await getBlob(persona, path, { ...params, bom: excel ? 1 : undefined, delimiter: excel ? ';' : undefined }));
        return;
      }
      const workbook = await getBlob(persona, path, { ...params, format: xlsxFormat, sheets: as === 'xlsx-per-team' ? 'team' : undefined });
      downloadBlob(fileName.replace(/\.csv$/, '') + (as === 'xlsx-per-team' ? '-by-team.xlsx' : '.xlsx'), workbook);
    },
  });
  const tooLong = download.error instanceof ApiError && download.error.code === 'too-many-rows';
  return (
    <div className="export-button">
      <button type="button" onClick={() => download.mutate('csv')} disabled={download.isPending}>
        {label}
      </button>
      <label className="checkbox" htmlFor={`${id}-excel`}>
        <input id={`${id}-excel`} type="checkbox" checked={excel} onChange={(event) => setExcel(event.target.checked)} /> Excel (BOM, ;)
      </label>
      <button type="button" aria-label={`Excel workbook (.xlsx): ${label}`} onClick={() => download.mutate('xlsx')} disabled={download.isPending}>
        Excel workbook (.xlsx)
      </button>
      {download.error ? <ErrorMessage error={download.error} /> : null}
      {tooLong && sheetPerTeam ? (
        <button type="button" aria-label={`Excel workbook, one sheet per team: ${label}`} onClick={() => download.mutate('xlsx-per-team')} disabled={download.isPending}>
          Excel workbook, one sheet per team
        </button>
      ) : null}
    </div>
  );
}
