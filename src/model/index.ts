/** The topology model: plain-JSON types, the schema, and the one load pipeline. */
export * from './schema.ts';
export * from './load.ts';
export * from './variants.ts';
export * from './references.ts';
export * from './presets.ts';
export * from './lint.ts';
export * from './watchable-stats.ts';
