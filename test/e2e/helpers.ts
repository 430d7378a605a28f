// End-to-end helpers: one sandbox per test file, driven only through public APIs —
// jsforce against the Salesforce twin, the Table API (basic auth) against the ServiceNow twin.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsforce from 'jsforce';
import { createSandbox, SERVICENOW_USERS, type Sandbox } from '../sandbox/sandbox.js';

export type Conn = InstanceType<typeof jsforce.Connection>;
export type SnUser = keyof typeof SERVICENOW_USERS;
export type Row = Record<string, string>;

export interface E2E {
  sandbox: Sandbox;
  /** jsforce, authorised through the twin's OAuth 2.0 client-credentials endpoint. */
  sf: Conn;
  sn: ServiceNowClient;
  close(): Promise<void>;
}

export async function startE2E(properties: Record<string, string> = {}): Promise<E2E> {
  const stateDir = mkdtempSync(join(tmpdir(), 'seam-e2e-'));
  const sandbox = await createSandbox({ stateDir, reset: true, properties });
  try {
    const creds = sandbox.credentials.salesforce;
    const sf = new jsforce.Connection({ oauth2: { loginUrl: creds.loginUrl, clientId: creds.clientId, clientSecret: creds.clientSecret }, version: '62.0' });
    await sf.authorize({ grant_type: 'client_credentials' });
    return {
      sandbox,
      sf,
      sn: new ServiceNowClient(sandbox.urls.servicenow),
      async close() {
        await sandbox.close();
        rmSync(stateDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await sandbox.close();
    throw e;
  }
}

/** The ServiceNow Table API over HTTP, as a person or another system would call it. */
export class ServiceNowClient {
  constructor(readonly url: string) {}

  async call(method: string, path: string, body?: unknown, as: SnUser = 'admin'): Promise<{ status: number; body: any }> {
    const u = SERVICENOW_USERS[as];
    const res = await fetch(this.url + path, {
      method,
      headers: { authorization: 'Basic ' + Buffer.from(`${u.user}:${u.password}`).toString('base64'), accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  async query(table: string, query: string, as: SnUser = 'admin'): Promise<Row[]> {
    const res = await this.call('GET', `/api/now/table/${table}?sysparm_query=${encodeURIComponent(query)}&sysparm_limit=1000&sysparm_exclude_reference_link=true`, undefined, as);
    if (res.status !== 200) throw new Error(`GET ${table} ${query}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.result;
  }

  async patch(table: string, sysId: string, fields: Record<string, unknown>, as: SnUser = 'admin'): Promise<Row> {
    const res = await this.call('PATCH', `/api/now/table/${table}/${sysId}?sysparm_exclude_reference_link=true`, fields, as);
    if (res.status !== 200) throw new Error(`PATCH ${table}/${sysId}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.result;
  }

  async insert(table: string, fields: Record<string, unknown>, as: SnUser = 'admin'): Promise<Row> {
    const res = await this.call('POST', `/api/now/table/${table}`, fields, as);
    if (res.status !== 201) throw new Error(`POST ${table}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.result;
  }

  async incidentForCase(caseId: string): Promise<Row | undefined> {
    return (await this.query('incident', `x_seam_bridge_sf_case_id=${caseId}`))[0];
  }

  /** Journal entries of one incident field (`comments` or `work_notes`), oldest first. */
  async journal(incidentSysId: string, element: 'comments' | 'work_notes'): Promise<Row[]> {
    return this.query('sys_journal_field', `element_id=${incidentSysId}^element=${element}^ORDERBYsys_created_on`);
  }

  async userSysId(userName: string): Promise<string> {
    const rows = await this.query('sys_user', `user_name=${userName}`);
    if (!rows[0]) throw new Error(`no sys_user ${userName}`);
    return rows[0].sys_id;
  }
}

/** A case as jsforce creates it (the package's trigger queues it for ServiceNow). */
export async function createCase(sf: Conn, fields: Record<string, unknown>): Promise<string> {
  const res: any = await sf.sobject('Case').create({ Origin: 'Web', Status: 'New', ...fields });
  if (!res.success) throw new Error(`Case create failed: ${JSON.stringify(res.errors)}`);
  return res.id;
}

export async function getCase(sf: Conn, id: string, fields: string[]): Promise<Record<string, any>> {
  const res = await sf.query(`SELECT Id, ${fields.join(', ')} FROM Case WHERE Id = '${id}'`);
  return res.records[0] as Record<string, any>;
}

export async function caseComments(sf: Conn, caseId: string): Promise<Array<{ CommentBody: string; IsPublished: boolean; CreatedById: string }>> {
  const res = await sf.query(`SELECT Id, CommentBody, IsPublished, CreatedById FROM CaseComment WHERE ParentId = '${caseId}' ORDER BY CreatedDate`);
  return res.records as any;
}

/** Every Incident_Update__e the ServiceNow app published to this case, as the platform keeps them. */
export function eventsForCase(sandbox: Sandbox, caseId: string): Array<Record<string, unknown>> {
  return sandbox.salesforce.events.list(0).filter((e) => e.type === 'Incident_Update__e' && e.payload.Case_Id__c === caseId).map((e) => e.payload);
}

export const incidentTriage = {
  Subject: 'Customer reports a login error: SSO says "authentication failed"',
  Description:
    'Since this morning none of our users can log in. The single sign-on page shows "authentication failed" after the password step, and the VPN client rejects the same credentials. Password reset did not help.',
  Priority: 'Medium',
};
