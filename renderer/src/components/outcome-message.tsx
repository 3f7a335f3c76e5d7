/** What an action came to, under the controls that did it: "saved …" as a status, a failure as an alert. */
export interface Outcome {
  kind: 'ok' | 'error';
  text: string;
}

export function OutcomeMessage({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  if (!outcome) return null;
  return (
    <div
      className={`table-message ${outcome.kind}`}
      role={outcome.kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {outcome.text}
    </div>
  );
}
