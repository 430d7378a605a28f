/** CLI entry: `npm start -w proxy`. Configuration comes from SEAM_PROXY_* (see README). */
import { ConfigError, createProxyServer, loadConfig } from './index.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const proxy = createProxyServer(config);
  const { url } = await proxy.listen();
  console.log(`seam-proxy listening on ${url} (engine: ${config.llm ? `llm ${config.llm.model}, embedded fallback` : 'embedded'})`);
  const stop = (signal: string): void => {
    console.log(`seam-proxy: ${signal}, draining`);
    proxy.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `seam-proxy failed to start: ${(e as Error).message}`);
  process.exit(1);
});
