/**
 * `soglasie/collector`: a self-hosted endpoint for consent receipts (Node >= 20).
 * Database drivers are optional peers, imported only when their store is used.
 */
export { createCollector } from './create-collector';
export type { Collector, CollectorHandler, CollectorOptions } from './create-collector';
export { openStore } from './open-store';
export type { StoreChoice } from './open-store';
export { openSqliteStore } from './sqlite-store';
export type { SqliteStoreOptions } from './sqlite-store';
export { openPostgresStore } from './postgres-store';
export type { PgClientLike, PgPoolLike, PostgresStoreOptions } from './postgres-store';
export type { AppendInput, AppendResult, ChainHead, ListQuery, ReceiptStore, StoredReceipt } from './receipt-store';
export { verifyChain } from './verify-chain';
export type { ChainBreak, ChainReport } from './verify-chain';
export { chainHash, GENESIS_HASH } from './chain-hash';
export { canonicalJson } from './canonical-json';
export { validateReceipt } from './validate-receipt';
export type { ReceiptValidation } from './validate-receipt';
export { compileJsonSchema } from './validate-json-schema';
export type { JsonSchema, JsonSchemaResult, JsonSchemaValidator } from './validate-json-schema';
export { toKantaraReceipt } from './kantara-receipt';
export type { KantaraReceipt, KantaraPurpose } from './kantara-receipt';
export { toIso27560Record, ISO27560_SCHEMA_ID } from './iso27560-record';
export type { Iso27560Record, Iso27560Notice, Iso27560Purpose, Iso27560State } from './iso27560-record';
export type { RecordSettings, CategorySettings } from './record-settings';
export { toReceiptView } from './receipt-view';
export type { ReceiptView } from './receipt-view';
export { reduceIp } from './client-ip';
export type { IpMode } from './client-ip';
export { main } from './main';
export type { CliIo, CliResult } from './main';
