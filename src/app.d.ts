// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Actor } from '$lib/server/actor';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			actor: Actor;
		}
	}
}

export {};
