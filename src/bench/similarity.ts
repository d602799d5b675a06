// How alike two engines' readings of a page are: 1 − edit distance / longer
// length, over characters with whitespace removed (the engines space columns
// differently; the glyphs are what shows they read the same page).

export function similarity(a: string, b: string): number {
  const x = [...a.replace(/\s+/g, "")];
  const y = [...b.replace(/\s+/g, "")];
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  // Levenshtein distance, two rows.
  let prev = Uint32Array.from({ length: y.length + 1 }, (_, j) => j);
  let next = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    next[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const change = prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      next[j] = Math.min(change, prev[j]! + 1, next[j - 1]! + 1);
    }
    [prev, next] = [next, prev];
  }
  return 1 - prev[y.length]! / longer;
}
