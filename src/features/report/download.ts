/** Save a text as a file in the browser (nothing is uploaded: the file is made on this device). */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadFile(fileName, text, type);
}

/** Save bytes or text as a file (e.g. an Excel workbook made in the browser). */
export function downloadFile(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
