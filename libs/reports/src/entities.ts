/** The lib's TypeORM entities (its tables are created by the migrations in libs/core). */
export const REPORTS_ENTITIES: Array<new () => object> = [];
