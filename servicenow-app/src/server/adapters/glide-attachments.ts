/** AttachmentContent over GlideSysAttachment (scoped API: getContentBase64, writeBase64). */
import { GlideRecord, GlideSysAttachment } from '@servicenow/glide';
import type { AttachmentContent } from '../attachments/attachments';

interface GlideRecordLike {
    get(sysId: string): boolean;
}
interface SysAttachmentLike {
    getContentBase64(record: GlideRecordLike): string;
    writeBase64(record: GlideRecordLike, fileName: string, contentType: string, base64: string): string | null;
}
const open = (table: string): GlideRecordLike => new (GlideRecord as unknown as new (t: string) => GlideRecordLike)(table);
const attachments = (): SysAttachmentLike => new (GlideSysAttachment as unknown as new () => SysAttachmentLike)();

export const glideAttachmentContent: AttachmentContent = {
    base64(sysAttachmentId: string): string {
        const gr = open('sys_attachment');
        if (!gr.get(sysAttachmentId)) return '';
        return String(attachments().getContentBase64(gr) ?? '');
    },
    write(table: string, recordSysId: string, fileName: string, contentType: string, base64: string): string | null {
        const gr = open(table);
        if (!gr.get(recordSysId)) return null;
        const id = attachments().writeBase64(gr, fileName, contentType, base64);
        return id ? String(id) : null;
    },
};
