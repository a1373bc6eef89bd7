// Messages between the launcher and the PostgreSQL keeper process, over the IPC channel of fork().

/** Keeper → launcher: the database URL once PostgreSQL accepts connections, or why it could not start. */
export type KeeperReport = { ready: string } | { failed: string };

/** Launcher → keeper: stop PostgreSQL and exit. */
export const STOP = 'stop';
