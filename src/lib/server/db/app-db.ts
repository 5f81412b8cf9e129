import { createDb, type Db } from './index';

let instance: Db | undefined;

/** The server's one connection, opened (and migrated) by the init hook. */
export function openAppDb(): Db {
	instance ??= createDb();
	return instance;
}

export function appDb(): Db {
	return instance ?? openAppDb();
}
