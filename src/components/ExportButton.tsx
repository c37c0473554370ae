// Downloads a CSV export of what the view shows (same scope and date), with the Excel options,
// saved byte for byte as the backend wrote it.
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { getBlob, type QueryParams } from '../api/client';
import type { Persona } from '../api/contract';
import { downloadBlob } from './download';
import { ErrorMessage } from './QueryState';

interface ExportButtonProps {
  persona: Persona;
  path: string;
  params: QueryParams;
  fileName: string;
  label: string;
}

export function ExportButton({ persona, path, params, fileName, label }: ExportButtonProps) {
  const id = useId();
  const [excel, setExcel] = useState(false);
  const download = useMutation({
    mutationFn: async () => {
      // The bytes as the backend wrote them: the Excel option's BOM must reach the file.
      const file = await getBlob(persona, path, { ...params, bom: excel ? 1 : undefined, delimiter: excel ? ';' : undefined });
      downloadBlob(fileName, file);
    },
  });
  return (
    <div className="export-button">
      <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
        {label}
      </button>
      <label className="checkbox" htmlFor={`${id}-excel`}>
        <input id={`${id}-excel`} type="checkbox" checked={excel} onChange={(event) => setExcel(event.target.checked)} /> Excel (BOM, ;)
      </label>
      {download.error ? <ErrorMessage error={download.error} /> : null}
    </div>
  );
}
