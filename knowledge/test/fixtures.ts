import type { KnowledgeDoc } from '../src/index.js';

export const doc = (n: number, title: string, body: string, platform: 'servicenow' | 'salesforce' = n % 2 ? 'servicenow' : 'salesforce'): KnowledgeDoc => ({
  id: `${platform}:id${n}`,
  platform,
  kind: 'ARTICLE',
  number: platform === 'servicenow' ? `KB00${10000 + n}` : `0000${1000 + n}`,
  title,
  url: `https://example.test/kb/${n}`,
  body,
  updatedAt: '2026-01-01T00:00:00Z',
});

/** Six small articles, alternating platforms, with HTML and markdown headings. */
export const CORPUS: KnowledgeDoc[] = [
  doc(1, 'Reset your VPN password', '<h2>Symptoms</h2><p>The VPN client says the password expired.</p><h2>Resolution</h2><p>Open the self-service portal and choose Reset password, then reconnect the VPN.</p>'),
  doc(2, 'Printer shows offline', '# Symptoms\nThe office printer shows offline on Windows.\n# Fix\nRemove the printer queue and add it again from the print server.'),
  doc(3, 'Outlook keeps asking for credentials', '<p>Clear the cached credentials in Credential Manager and restart Outlook.</p>'),
  doc(4, 'Refund for a duplicate card charge', '<h3>When</h3><p>A customer was charged twice for one purchase.</p><h3>Steps</h3><p>Open the payment, verify the duplicate and issue a refund of the second charge.</p>'),
  doc(5, 'Change the delivery address of an order', '<p>Before the order ships, edit the shipping address on the order page.</p>'),
  doc(6, 'Laptop battery drains quickly', '<p>Lower screen brightness, close background apps and update the BIOS.</p>'),
];
