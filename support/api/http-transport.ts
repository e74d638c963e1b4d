/**
 * The HTTP plumbing of the driver: one request over node:http with keep-alive, and the
 * record of each exchange that the reports show, with secrets masked.
 */
import { Agent, request } from 'node:http';

/**
 * Keep-alive connections to the fake: the suite makes thousands of small requests. A
 * connection left idle is closed by the client after 4 s, before Node's server closes it
 * at 5 s (its keepAliveTimeout): otherwise a request sent on a connection the server is just
 * closing fails with ECONNRESET, which browser scenarios (seconds between two API calls) met.
 */
const AGENT = new Agent({ keepAlive: true, maxSockets: 8, timeout: 4_000 });

/**
 * How long a request may wait with nothing coming back before it fails, naming the request. The
 * fake answers in milliseconds, and no request may stall (a held answer, a lost next()): without
 * a deadline such a bug ran out the step's 60 s and said only "timed out". Generous by default
 * for busy machines; the mutation runs shorten it (RDL_ANSWER_DEADLINE_MS), so that a mutant
 * that hangs a request is caught in seconds instead of waiting out Stryker's timeout.
 */
const ANSWER_DEADLINE_MS = Number(process.env.RDL_ANSWER_DEADLINE_MS) || 20_000;

/** An answer from the fake; `json` is the parsed body when it is JSON, read once. */
export interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
  /** The ETag header, where the answer has one (the wizard's page: which drawing it is). */
  etag?: string | undefined;
}

/** One HTTP exchange over node:http, which costs less per request than fetch. */
export function send(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<Answer> {
  return sendOnce(url, method, headers, body).catch((error: unknown) => {
    // The server closed a kept-alive connection as this request went out on it: the request
    // never reached the fake, so sending it again on a new connection is safe (Node's advice).
    if (error instanceof ReusedConnectionReset) return sendOnce(url, method, headers, body);
    throw error;
  });
}

class ReusedConnectionReset extends Error {}

function sendOnce(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent: AGENT }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const contentType = response.headers['content-type'] ?? '';
        const etag = response.headers.etag;
        resolve({ status: response.statusCode ?? 0, contentType, text, json: parseJson(contentType, text), etag });
      });
      response.on('error', reject);
    });
    // Inactivity, not the whole exchange: a long answer that keeps coming is not cut off.
    outgoing.setTimeout(ANSWER_DEADLINE_MS, () =>
      outgoing.destroy(
        new Error(`The fake sent nothing back to ${method} ${new URL(url).pathname} for ${ANSWER_DEADLINE_MS} ms: a request stalled`),
      ),
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      reject(outgoing.reusedSocket && error.code === 'ECONNRESET' ? new ReusedConnectionReset(error.message) : error);
    });
    outgoing.end(body);
  });
}

function parseJson(contentType: string, text: string): unknown {
  if (!text || !contentType.includes('json')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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

export function exchangeRecord(method: string, route: string, body: unknown, response: Answer): RecordedExchange {
  const record: RecordedExchange = { method, route, status: response.status };
  if (body !== undefined) record.requestBody = masked(body);
  if (response.text) {
    // Test-control reads can be large; the evidence keeps an excerpt of each answer.
    const { text, json } = response;
    record.responseBody = text.length > RESPONSE_EXCERPT || json === undefined ? excerpt(text) : masked(json);
  }
  return record;
}

function excerpt(text: string): string {
  return text.length > RESPONSE_EXCERPT ? `${text.slice(0, RESPONSE_EXCERPT)}… (${text.length} characters)` : text;
}
