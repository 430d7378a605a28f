/**
 * The text of an incident's files, as the proxy prompts may see it: the few newest files of a type
 * the shared core can read (txt, log, csv, json, uncompressed pdf), each extracted, capped and
 * PII-masked by `attachmentTextForPrompt` before it leaves the instance. The proxy masks it again.
 * Files over the attachment size limit property are not read at all: a prompt needs a few
 * thousand characters, and reading a large file costs the transaction memory for nothing.
 */
import {
    PROMPT_ATTACHMENTS_MAX,
    PROMPT_ATTACHMENT_TEXT_MAX,
    TEXT_ATTACHMENT_TYPES,
    attachmentTextForPrompt,
    base64ToBytes,
    fileExtension,
    utf8Decode,
    type MaskOptions,
    type PromptAttachment,
} from '../generated/seam-core';
import type { Ports } from '../ports';
import { eq } from '../tables';
import { SYS_ATTACHMENT, attachmentSettings, type AttachmentContent } from './attachments';

/** How many of the incident's files are looked at (the first ones by creation); the newest readable ones among them are kept. */
const FILES_SCANNED = 50;
const READABLE = [...TEXT_ATTACHMENT_TYPES, 'pdf'];

export function incidentAttachmentsForPrompt(ports: Ports, content: AttachmentContent, incidentSysId: string, mask: MaskOptions = {}): PromptAttachment[] {
    const cfg = attachmentSettings(ports.properties);
    if (!cfg.enabled) return [];
    const files = ports.records
        .find(SYS_ATTACHMENT, `${eq('table_name', 'incident')}^${eq('table_sys_id', incidentSysId)}`, {
            fields: ['file_name', 'size_bytes', 'sys_created_on'],
            orderBy: 'sys_created_on',
            limit: FILES_SCANNED,
        })
        .filter((f) => READABLE.indexOf(fileExtension(f.file_name)) >= 0 && Number(f.size_bytes || '0') <= cfg.policy.maxBytes);
    const out: PromptAttachment[] = [];
    // Newest first: the latest log is the one the resolution is most likely about.
    for (const f of files.reverse()) {
        if (out.length >= PROMPT_ATTACHMENTS_MAX) break;
        const bytes = base64ToBytes(content.base64(f.sys_id));
        if (!bytes || bytes.length === 0 || bytes.length > cfg.policy.maxBytes) continue;
        const extracted = attachmentTextForPrompt({ fileName: f.file_name, content: utf8Decode(bytes), maxChars: PROMPT_ATTACHMENT_TEXT_MAX }, mask);
        if (extracted.status !== 'extracted') continue;
        // Masking can lengthen a text ("a@b.io" → "[EMAIL_1]"), so cap again after it.
        const text = extracted.text.trim().slice(0, PROMPT_ATTACHMENT_TEXT_MAX);
        if (text) out.push({ name: f.file_name.slice(0, 255), text });
    }
    return out;
}
