// Plain JavaScript so that scripts/start.js can read the same setting before the app loads.

export const DEFAULT_UPLOAD_LIMIT_MB = 100;

/** One megabyte as the limit counts it: 1024 × 1024 bytes, as adapter-node's `M` does. */
export const MB = 1024 * 1024;

/**
 * The largest file an upload may carry, in MB: `CPAS_UPLOAD_LIMIT_MB` when it is a positive
 * number, else the default.
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 */
export function uploadLimitMb(env = process.env) {
	const mb = Number(env.CPAS_UPLOAD_LIMIT_MB?.trim() || NaN);
	return Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_UPLOAD_LIMIT_MB;
}

/**
 * adapter-node's BODY_SIZE_LIMIT to go with it: one MB above the upload limit, so that an
 * upload meets our limit and its message first (adapter-node would only say "Payload Too
 * Large") and a form's framing around the file still fits; it caps every other request body.
 * @param {Record<string, string | undefined>} env
 * @returns {string}
 */
export function bodySizeLimit(env = process.env) {
	return `${uploadLimitMb(env) + 1}M`;
}
