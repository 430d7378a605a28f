/** The one place Glide adapters are assembled into Ports (entry points call this). */
import type { Ports } from '../ports';
import { glideAttachmentContent } from './glide-attachments';
import { glideHttpClient } from './glide-http';
import { glideRecordStore } from './glide-records';
import { glideClock, glideEvents, glideLogger, glideProperties, glideSession } from './glide-system';

export function glidePorts(): Ports {
    return {
        records: glideRecordStore,
        http: glideHttpClient,
        clock: glideClock,
        properties: glideProperties,
        log: glideLogger,
        session: glideSession,
        random: Math.random,
        events: glideEvents,
        files: glideAttachmentContent,
    };
}
