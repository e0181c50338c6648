/**
 * Data rows of a text file, roughly (line breaks minus the header), read in
 * chunks so a large file costs no memory; null for a spreadsheet, whose rows
 * only the server reads. It only scales the progress bar.
 */
export async function estimateRows(file: File): Promise<number | null> {
  if (!/\.(csv|txt)$/i.test(file.name)) return null;
  const reader = file.stream().getReader();
  let breaks = 0;
  let last = 10;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) breaks++;
    last = value[value.length - 1] ?? last;
  }
  const lines = breaks + (last === 10 ? 0 : 1);
  return Math.max(lines - 1, 0);
}
