// Types for redis-server.mjs (imported by the TypeScript tests).
export declare const REDIS_INSTALL_HINT: string;
export declare function findRedisServer(): string | undefined;
export interface RunningRedis {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}
export declare function startRedisServer(options?: { dir?: string; port?: number }): Promise<RunningRedis>;
