import { join } from 'node:path';

// Folders of the data dir that the hosts write and the 关于 page shows (backups: domains/backup).
/** `<dataDir>/logs`: server.log (headless server) and main.log (desktop app), each with old copies. */
export const logsDirOf = (dataDir: string): string => join(dataDir, 'logs');
/** `<dataDir>/updates`: an office's update feed for its counters (latest*.yml and the installers). */
export const updatesDirOf = (dataDir: string): string => join(dataDir, 'updates');
