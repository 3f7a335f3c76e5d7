export type NumberPatternProblem =
  { code: 'pattern-without-seq'; pattern: string } | { code: 'pattern-unknown-token'; token: string };

const TOKEN = /\{([a-z]+)(?::(\d))?\}/g;

/** Problems of a numbering pattern, none when it can number notices. */
export function checkNumberPattern(pattern: string): NumberPatternProblem[] {
  const problems: NumberPatternProblem[] = [];
  let hasSeq = false;
  for (const match of pattern.matchAll(TOKEN)) {
    if (match[1] === 'seq') hasSeq = true;
    else if (match[1] !== 'year' && match[1] !== 'month')
      problems.push({ code: 'pattern-unknown-token', token: match[0] });
  }
  if (!hasSeq) problems.push({ code: 'pattern-without-seq', pattern });
  return problems;
}

/** `SKRD/PUPR-NTT/{year}/{seq:4}` with year 2026, sequence 7 → `SKRD/PUPR-NTT/2026/0007`. */
export function formatAssessmentNumber(pattern: string, values: { year: number; month: number; seq: number }): string {
  return pattern.replace(TOKEN, (_whole, token: string, width?: string) => {
    const value = token === 'seq' ? values.seq : token === 'year' ? values.year : values.month;
    return String(value).padStart(Number(width ?? (token === 'month' ? 2 : 1)), '0');
  });
}
