import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { main } from './main';

export { main };
export type { CliIo, CliResult } from './main';

/** True when this module is the process entry (the `soglasie-collector` bin), not an import. */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntry()) {
  const result = await main(process.argv.slice(2));
  if (result.server) {
    const { server } = result;
    const stop = (): void => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } else {
    process.exitCode = result.exitCode;
  }
}
