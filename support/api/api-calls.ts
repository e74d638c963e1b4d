/**
 * Types that read a request and its answer off the generated contract (api-contract.ts):
 * the HTTP driver names a route by its template, and what it sends and gets back are the
 * contract's, so a changed answer is a type error in the harness before it is a failed run.
 */
import type { paths } from './generated/api-contract';

export type Route = keyof paths;
export type Verb = 'get' | 'post' | 'put' | 'delete';

/** The operation of a route and verb, where the contract has one. */
type OperationOf<R extends Route, V extends Verb> = NonNullable<paths[R][V]>;

type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : undefined;

/** The body of the route's 2xx answer (undefined for 204). */
export type AnswerOf<R extends Route, V extends Verb> =
  OperationOf<R, V> extends { responses: infer Responses }
    ? { [S in keyof Responses]: S extends 200 | 201 | 204 ? JsonOf<Responses[S]> : never }[keyof Responses]
    : never;

/** The JSON body the route takes, or never. */
export type BodyOf<R extends Route, V extends Verb> =
  OperationOf<R, V> extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;

/** The route's path parameters ({} when it has none). */
export type PathOf<R extends Route, V extends Verb> =
  OperationOf<R, V> extends { parameters: { path: infer P } } ? P : Record<string, never>;

/** The route's query parameters ({} when it has none). */
export type QueryOf<R extends Route, V extends Verb> =
  OperationOf<R, V> extends { parameters: { query?: infer Q } } ? (Q extends undefined ? Record<string, never> : Q) : Record<string, never>;

/** A concrete path from a template and its parameters, each percent-encoded. */
export function pathFrom(
  template: string,
  parameters: Record<string, string>,
  query: Record<string, number | string | undefined> = {},
): string {
  const path = template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = parameters[name];
    if (value === undefined) throw new Error(`${template} needs the path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}
