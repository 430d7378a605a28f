/** Assignment and approval groups are configured by name (properties, routing rules); rows hold sys_ids. */
import type { Ports } from './ports';
import { eq } from './tables';

/** The `sys_user_group` named `name`, or '' when there is none (or no name). */
export function findGroup(ports: Pick<Ports, 'records'>, name: string): string {
    if (!name) return '';
    const rows = ports.records.find('sys_user_group', eq('name', name), { limit: 1, fields: ['name'] });
    return rows.length ? rows[0].sys_id : '';
}
