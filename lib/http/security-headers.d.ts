export function contentSecurityPolicy(sources?: { nonce?: string; hashes?: readonly string[] }): string;
export function baselineContentSecurityPolicy(): string;
export function staticSecurityHeaders(): Record<string, string>;
export const STRICT_TRANSPORT_SECURITY: string;
