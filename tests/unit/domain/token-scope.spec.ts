import { describe, expect, test } from 'vitest';
import {
	DEFAULT_TOKEN_SCOPE,
	isTokenScope,
	scopeAllows,
	TOKEN_SCOPES
} from '../../../src/lib/domain/token-scope';

describe('what a token’s scope allows', () => {
	test('a read-only token may only read: GET, HEAD, OPTIONS, in any case', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
			expect(scopeAllows('read', method), method).toBe(true);
		}
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'PROPFIND']) {
			expect(scopeAllows('read', method), method).toBe(false);
		}
	});

	test('a full token may send any method', () => {
		for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
			expect(scopeAllows('full', method)).toBe(true);
		}
	});

	test('the scopes, and the safer one as the default', () => {
		expect(TOKEN_SCOPES).toEqual(['full', 'read']);
		expect(DEFAULT_TOKEN_SCOPE).toBe('read');
		expect(isTokenScope('read')).toBe(true);
		expect(isTokenScope('READ')).toBe(false);
		expect(isTokenScope(undefined)).toBe(false);
	});
});
