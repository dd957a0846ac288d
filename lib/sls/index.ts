export * from './regions';
export * from './endpoints';
export * from './errors';
