/**
 * Stands in for extension/lib/messaging.ts in the injected scan benchmark: `link-rules` is answered
 * from `globalThis.__linkAnswers`, which the benchmark fills with the background's own answers
 * (answerHref, computed in Node before the page loads).
 */
export async function ask(type: string, req: { hrefs: string[] }): Promise<unknown> {
  if (type !== 'link-rules') throw new Error(`the scan benchmark answers link-rules only, not ${type}`);
  const answers = (globalThis as unknown as { __linkAnswers: Record<string, unknown> }).__linkAnswers;
  return req.hrefs.map((h) => answers[h] ?? {});
}
