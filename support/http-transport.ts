/**
 * The HTTP plumbing of the driver: one request over node:http with keep-alive, and the
 * record of each exchange that the reports show, with secrets masked.
 */
import { Agent, request } from 'node:http';

/** Keep-alive connections to the fake: the suite makes thousands of small requests. */
const AGENT = new Agent({ keepAlive: true, maxSockets: 8 });

/** One HTTP exchange over node:http, which costs less per request than fetch. */
export function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent: AGENT }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? '',
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export interface RecordedExchange {
  method: string;
  route: string;
  status: number;
  requestBody?: unknown;
  responseBody?: unknown;
}

const RESPONSE_EXCERPT = 1500;

/** Masks anything that looks like a secret, at any depth. */
export function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, /password|secret|authorization/i.test(key) ? '***' : masked(inner)]),
    );
  }
  return value;
}

export function exchangeRecord(method: string, route: string, body: unknown, status: number, text: string): RecordedExchange {
  const record: RecordedExchange = { method, route, status };
  if (body !== undefined) record.requestBody = masked(body);
  if (text) {
    // Test-control reads can be large; the evidence keeps an excerpt of each answer.
    record.responseBody =
      text.length > RESPONSE_EXCERPT ? `${text.slice(0, RESPONSE_EXCERPT)}… (${text.length} characters)` : masked(JSON.parse(text));
  }
  return record;
}
