// Saves a file the user downloads; nothing leaves the browser. An export is saved from the bytes the
// backend sent (a Blob), never re-encoded from text: `response.text()` drops a UTF-8 BOM, and Excel
// then misreads every accent.
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Text made on the page itself (a template): written as UTF-8. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}
