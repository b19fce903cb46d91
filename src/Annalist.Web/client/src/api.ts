// The JSON API of annalist serve. Errors arrive as problem+json with an ANL7xxx code and become ApiErrors.

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

export async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  return read<T>(response);
}

async function read<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const code = body?.code ?? `HTTP ${response.status}`;
    throw new ApiError(response.status, code, body?.detail ?? response.statusText);
  }
  return body as T;
}

const tokenKey = 'annalist-write-token';
export function writeToken(): string { return sessionStorage.getItem(tokenKey) ?? ''; }
export function setWriteToken(token: string): void { sessionStorage.setItem(tokenKey, token.trim()); }

export interface CorrectionRequest {
  document: number; action: string; layer?: string; start: number; end: number;
  fields?: Record<string, unknown>; note?: string;
}
export interface CorrectionResult { id: number; anchored: boolean; start?: number; end?: number; changed: number }

/** Sends a correction with the write token and a fresh anti-forgery token. */
export async function postCorrection(request: CorrectionRequest): Promise<CorrectionResult> {
  const antiforgery = await get<{ token: string; header: string; tokenHeader: string }>('/api/antiforgery');
  const response = await fetch('/api/corrections', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [antiforgery.header]: antiforgery.token, [antiforgery.tokenHeader]: writeToken() },
    body: JSON.stringify(request),
  });
  return read<CorrectionResult>(response);
}

/** Merges entity `from` into entity `into`, or splits the document entities with `names` off `id`: the store's own merge and split, kept across re-analysis. */
export async function postEntityChange(path: string, body: Record<string, unknown>): Promise<{ id: string; name: string }[]> {
  const antiforgery = await get<{ token: string; header: string; tokenHeader: string }>('/api/antiforgery');
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [antiforgery.header]: antiforgery.token, [antiforgery.tokenHeader]: writeToken() },
    body: JSON.stringify(body),
  });
  return read<{ id: string; name: string }[]>(response);
}

export interface Span { start: number; end: number }
export interface Annotation { start: number; end: number; fields: any; correction?: number | null }
export interface Layer { name: string; producer: string; alignedTo?: string | null; items: Annotation[] }
export interface DocumentView {
  id: number; key: string; name: string; metadata: { title?: string; date?: string; source?: string };
  pipelineVersion: string; text: string; layers: Layer[];
  allLayers: { name: string; producer: string; count: number }[];
  diagnostics: { code: string; severity: string; message: string; start?: number; end?: number }[];
  corrections: { id: number; action: string; layer: string; start: number; end: number; exact: string; fields: any; note?: string }[];
}
export interface DocumentSummary { id: number; key: string; name: string; title?: string; date?: string; earliest?: string; length: number; turns: number; entities: number; events: number }
export interface Page<T> { total: number; offset: number; limit: number; items: T[] }
export interface Passage { document: number; documentName: string; start: number; end: number; before: string; text: string; after: string }
export interface CorpusEntity {
  id: string; type: string; name: string; aliases: string[]; roles: string[];
  occurrences: { document: number; documentEntity: string; mentions: number }[];
  evidence: { variant: string; reason: string; documents: number[] }[];
  gazetteer?: string; latitude?: number; longitude?: number;
}
export interface EntityView {
  entity: CorpusEntity; mentions: Passage[]; turns: { passage: Passage; mode?: string }[];
  events: { passage: Passage; type: string; relation: string; roles: string[] }[]; totalMentions: number;
}
