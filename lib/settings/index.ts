export * from './schema';
export * from './names';
export * from './agents';
