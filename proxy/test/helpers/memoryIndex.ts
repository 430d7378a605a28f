/**
 * A small in-memory stand-in for `@seam/knowledge`'s index in the proxy's own tests: one chunk per
 * document, ranked by shared content terms. It records every query, so tests can assert that the
 * index only ever saw masked text. The real index is exercised in knowledge/ and test/e2e.
 */
import { knowledgeTerms, type KnowledgeDocumentInput, type KnowledgePassage, type KnowledgePlatform } from '@seam/shared';
import type { KnowledgeIndexLike } from '../../src/knowledge.js';

export class MemoryIndex implements KnowledgeIndexLike {
  readonly docs = new Map<string, KnowledgeDocumentInput>();
  readonly queries: string[] = [];
  closed = false;

  constructor(docs: readonly KnowledgeDocumentInput[] = []) {
    for (const d of docs) this.docs.set(d.id, d);
  }

  async upsert(docs: readonly KnowledgeDocumentInput[]) {
    let added = 0, updated = 0, unchanged = 0;
    for (const d of docs) {
      const old = this.docs.get(d.id);
      if (!old) added++;
      else if (JSON.stringify(old) === JSON.stringify(d)) unchanged++;
      else updated++;
      this.docs.set(d.id, d);
    }
    return { added, updated, unchanged };
  }

  async search(query: string, opts: { k?: number; platforms?: readonly KnowledgePlatform[] } = {}) {
    this.queries.push(query);
    const q = new Set(knowledgeTerms(query));
    const passages: KnowledgePassage[] = [...this.docs.values()]
      .filter((d) => !opts.platforms || opts.platforms.includes(d.platform))
      .map((d) => {
        const terms = knowledgeTerms(`${d.title} ${d.body} ${d.id}`);
        const score = terms.filter((t) => q.has(t)).length;
        return { docId: d.id, chunkId: `${d.id}#0`, platform: d.platform, kind: d.kind, number: d.number, title: d.title, url: d.url, text: d.body, score };
      })
      .filter((p) => p.score > 0)
      .sort((a, b) => b.score - a.score || (a.docId < b.docId ? -1 : 1))
      .slice(0, opts.k ?? 5);
    return { passages, mode: 'lexical' as const, vectors: false };
  }

  async close() {
    this.closed = true;
  }
}

export const ARTICLES: KnowledgeDocumentInput[] = [
  {
    id: 'servicenow:kb:0001', platform: 'servicenow', kind: 'ARTICLE', number: 'KB0010001', title: 'VPN error 809 when connecting from home',
    url: 'https://example.service-now.com/kb_view.do?sysparm_article=KB0010001', updatedAt: '2026-11-01T10:00:00Z',
    body: 'Error 809 means the VPN client cannot reach the gateway. Open UDP ports 500 and 4500 on the home router. Restart the VPN client afterwards.',
  },
  {
    id: 'salesforce:ka:0001', platform: 'salesforce', kind: 'ARTICLE', number: '000001001', title: 'Card declined at checkout',
    url: 'https://example.my.site.com/help/s/article/card-declined', updatedAt: '2026-11-01T10:00:00Z',
    body: 'A card can be declined when the billing address does not match. Update the billing address in your profile and try the payment again.',
  },
  {
    id: 'salesforce:ka:0002', platform: 'salesforce', kind: 'ARTICLE', number: '000001002', title: 'VPN access for customers on the partner portal',
    url: 'https://example.my.site.com/help/s/article/partner-vpn', updatedAt: '2026-11-01T10:00:00Z',
    body: 'Partner portal users connect through the customer VPN. Error 809 on the customer VPN is solved by opening the router ports listed in the portal guide.',
  },
];
