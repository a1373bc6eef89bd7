export * from './csv-columns.js';
export * from './csv-messages.js';
export * from './csv-reader.js';
export * from './csv-writer.js';
