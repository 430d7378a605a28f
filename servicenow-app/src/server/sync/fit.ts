/**
 * Salesforce text into incident columns of the instance's own lengths: each value longer than its
 * column's dictionary max_length (read at run time; task.short_description is 160 and
 * task.description 4,000 by default) is cut with a visible marker, and the full text is attached
 * to the incident as a file, so nothing is lost. The file is tagged as Salesforce's (an
 * x_seam_bridge_attachment row), so the attachment rule never sends it back.
 */
import { bytesToBase64, contentSha256, fitText, utf8Bytes } from '../generated/seam-core';
import { ATTACHMENT_TABLE } from '../attachments/attachments';
import { recordAudit } from '../audit/audit';
import type { Ports, RowValues } from '../ports';
import { TABLE, eq } from '../tables';

/** Journal fields append entries; they are never cut here. */
const NOT_CUT = ['work_notes', 'comments'];

export interface Overflow {
    readonly field: string;
    readonly fileName: string;
    readonly full: string;
    readonly maxLength: number;
}

export function fitToColumns(ports: Pick<Ports, 'records'>, table: string, values: RowValues, caseNumber: string): { values: Record<string, string | number | boolean | null>; overflow: Overflow[] } {
    const out: Record<string, string | number | boolean | null> = { ...values };
    const overflow: Overflow[] = [];
    const lengthOf = ports.records.maxLength;
    if (!lengthOf) return { values: out, overflow };
    for (const field of Object.keys(values)) {
        const v = values[field];
        if (typeof v !== 'string' || NOT_CUT.indexOf(field) >= 0) continue;
        const max = lengthOf.call(ports.records, table, field);
        const fileName = `Case ${caseNumber || 'unknown'} ${field} (full text).txt`;
        const fitted = fitText(v, max, ` [Seam: cut at ${max} characters; the full text is attached as "${fileName}"]`);
        if (!fitted.cut) continue;
        out[field] = fitted.value;
        overflow.push({ field, fileName, full: v, maxLength: max });
    }
    return { values: out, overflow };
}

/** Attaches each cut value's full text to the incident (once per content). */
export function attachOverflow(ports: Ports, incidentSysId: string, caseId: string, overflow: readonly Overflow[]): number {
    let attached = 0;
    for (const o of overflow) {
        const bytes = utf8Bytes(o.full);
        const sha256 = contentSha256(bytes);
        const known = ports.records.find(ATTACHMENT_TABLE, `${eq('incident', incidentSysId)}^${eq('sha256', sha256)}`, { limit: 1, fields: ['sha256'] });
        if (known.length) continue;
        const id = ports.files ? ports.files.write(TABLE.incident, incidentSysId, o.fileName, 'text/plain', bytesToBase64(bytes)) : null;
        if (!id) {
            ports.log.error(
                `Seam: ${o.field} of case ${caseId} was cut to ${o.maxLength} characters and its full text could not be attached to incident ${incidentSysId}; ` +
                    'fix: give the integration user write access to attachments on incident (the full text stays on the Salesforce Case and in the audit)',
            );
            continue;
        }
        ports.records.insert(ATTACHMENT_TABLE, {
            incident: incidentSysId, sf_case_id: caseId, sys_attachment: id, sf_content_version_id: '', file_name: o.fileName,
            content_type: 'text/plain', size_bytes: bytes.length, sha256, origin: 'salesforce', direction: 'inbound',
            status: 'received', reason: `full text of ${o.field} (cut to ${o.maxLength} characters on the incident)`, attempts: 0, next_attempt_at: '', last_error: '',
        });
        recordAudit(ports, {
            direction: 'inbound', operation: 'case:full_text_attached', target: 'sys_attachment', targetId: id, caseId,
            fields: [o.field], newValues: { file: o.fileName, characters: Array.from(o.full).length, maxLength: o.maxLength }, result: 'success', latencyMs: 0,
            detail: `${o.field} longer than its dictionary max_length ${o.maxLength}: cut with a marker, full text attached`,
        });
        attached += 1;
    }
    return attached;
}
