/**
 * An LLM may phrase an insight, never supply its numbers. `checkInsightPhrasing` accepts a
 * sentence only when its numbers are exactly the numbers of the insight's template sentence (the
 * same multiset: none added, none dropped, none changed, no number written out in words);
 * `choosePhrasing` keeps the template sentence, with the reason, for every sentence that fails.
 * Pure.
 */
import type { Insight } from './insights';

/** "30%", "3", "1,200", "2.5", "SAP-02" → "30%", "3", "1200", "2.5", "02"; sorted. */
export function insightNumbers(text: string): string[] {
  const out: string[] = [];
  const re = /\d+(?:[.,]\d+)*(?:\s?%)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let n = m[0].replace(/\s/g, '');
    // A thousands separator is not a decimal point: "1,200" is 1200 (the templates never use one).
    if (/^\d{1,3}(,\d{3})+(%?)$/.test(n)) n = n.replace(/,/g, '');
    out.push(n.replace(/[.,]$/, ''));
  }
  return out.sort();
}

const NUMBER_WORDS = /\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|quarter|third|dozen|percent|twice|double|triple|none|single|majority|minority|most|all)\b/i;

export type PhrasingCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function checkInsightPhrasing(insight: Pick<Insight, 'text'>, sentence: string): PhrasingCheck {
  const text = sentence.trim();
  if (text === '') return { ok: false, reason: 'the phrased sentence is empty' };
  if (text.length > 600) return { ok: false, reason: `the phrased sentence is ${text.length} characters (at most 600)` };
  const words = NUMBER_WORDS.exec(text);
  if (words) return { ok: false, reason: `the phrased sentence states a quantity in words ("${words[0]}"); numbers must be the insight's digits` };
  const want = insightNumbers(insight.text);
  const got = insightNumbers(text);
  const missing = want.filter((n, i) => want.indexOf(n) === i && count(got, n) < count(want, n));
  const extra = got.filter((n, i) => got.indexOf(n) === i && count(got, n) > count(want, n));
  if (missing.length || extra.length) {
    return {
      ok: false,
      reason: `the phrased sentence's numbers differ from the data's${extra.length ? `: adds ${extra.join(', ')}` : ''}${missing.length ? `${extra.length ? ';' : ':'} drops ${missing.join(', ')}` : ''}`,
    };
  }
  return { ok: true };
}

function count(list: readonly string[], n: string): number {
  return list.filter((x) => x === n).length;
}

export interface PhrasedInsight {
  readonly id: Insight['id'];
  readonly text: string;
  /** `llm` only when the model's sentence passed the numbers check. */
  readonly phrasedBy: 'llm' | 'template';
  readonly fallbackReason?: string;
}

/**
 * The sentence to show for each insight: the model's when it passed the check, else the
 * template's with why. `phrased` maps insight ids to the model's sentences (absent: no model).
 */
export function choosePhrasing(insights: readonly Pick<Insight, 'id' | 'text'>[], phrased: Readonly<Record<string, string>> | undefined): PhrasedInsight[] {
  return insights.map((insight) => {
    if (!phrased) return { id: insight.id, text: insight.text, phrasedBy: 'template' as const };
    const sentence = phrased[insight.id];
    if (sentence === undefined) return { id: insight.id, text: insight.text, phrasedBy: 'template' as const, fallbackReason: 'the model did not phrase this insight' };
    const check = checkInsightPhrasing(insight, sentence);
    return check.ok
      ? { id: insight.id, text: sentence.trim(), phrasedBy: 'llm' as const }
      : { id: insight.id, text: insight.text, phrasedBy: 'template' as const, fallbackReason: check.reason };
  });
}
