/** Hands `blob` to the browser as a download named `name` (a report's CSV, a round's capture). */
export function saveFile(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the object URL by then; revoke it later rather than at once.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
