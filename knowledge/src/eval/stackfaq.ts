/**
 * The StackExchange FAQ retrieval set (Karan & Šnajder 2018; threads from webapps.stackexchange.com,
 * CC BY-SA): each thread's question and top answers become one knowledge article, and the
 * paraphrases people wrote of its question become the queries whose right answer is that article.
 * Articles alternate between the two platforms, as if half lived in each knowledge base.
 */
import { decodeEntities } from '../chunk.js';
import type { KnowledgeDoc } from '../types.js';

export interface EvalQuery {
  text: string;
  /** The id of the article that answers it. */
  docId: string;
}

export interface EvalSet {
  docs: KnowledgeDoc[];
  queries: EvalQuery[];
}

const tags = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => decodeEntities(m[1]).replace(/\s+/g, ' ').trim());

/** A sys_id-shaped stable id (32 hex) from the thread's position. */
const sysId = (i: number): string => `5e7a${String(i).padStart(4, '0')}`.padEnd(32, '0');

export function parseStackFaq(xml: string): EvalSet {
  const docs: KnowledgeDoc[] = [];
  const queries: EvalQuery[] = [];
  const pairs = [...xml.matchAll(/<qapair>([\s\S]*?)<\/qapair>/g)].map((m) => m[1]);
  pairs.forEach((pair, i) => {
    const question = tags(pair, 'question')[0] ?? '';
    const answers = tags(pair, 'answer').filter(Boolean);
    if (!question || answers.length === 0) return;
    const sn = i % 2 === 0;
    const body = answers.map((a, k) => `<h2>Answer ${k + 1}</h2><p>${a.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
    const doc: KnowledgeDoc = sn
      ? { id: `servicenow:${sysId(i)}`, platform: 'servicenow', kind: 'ARTICLE', number: `KB${String(10001 + i).padStart(7, '0')}`, title: question, url: `https://example.service-now.com/kb_view.do?sys_kb_id=${sysId(i)}`, body, updatedAt: '2021-03-02T00:00:00Z' }
      : { id: `salesforce:kA0${String(i).padStart(15, '0')}`, platform: 'salesforce', kind: 'ARTICLE', number: String(1000 + i).padStart(9, '0'), title: question, url: `https://example.my.salesforce.com/lightning/r/Knowledge__kav/ka0${String(i).padStart(15, '0')}/view`, body, updatedAt: '2021-03-02T00:00:00Z' };
    docs.push(doc);
    for (const q of tags(pair, 'rephr')) if (q && q !== '*') queries.push({ text: q, docId: doc.id });
  });
  return { docs, queries };
}
