/**
 * Import an optional peer dependency, turning "module not found" into an
 * actionable message. Drivers are loaded only when their store is chosen, so
 * browser installs of `soglasie` never need them.
 *
 * @example
 * const { default: Database } = await loadOptionalModule('better-sqlite3', () => import('better-sqlite3'));
 */
export async function loadOptionalModule<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`soglasie/collector needs the optional package "${name}": npm install ${name}`, { cause: error });
    }
    throw error;
  }
}
