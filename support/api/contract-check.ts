/**
 * Checks every answer the HTTP driver receives against the fake's published contract,
 * docs/openapi.json: a status the route does not list, a content type it does not give, or a
 * body its schema does not allow is an error naming the route, the status and the place in
 * the body. So an answer that changes shape fails a scenario even when no step reads it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type JsonObject = Record<string, unknown>;

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: { $ref?: string } }>;
}

interface OperationObject {
  responses: Record<string, ResponseObject>;
}

export interface CheckedAnswer {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

export class ContractBroken extends Error {}

export class Contract {
  private readonly ajv = new Ajv2020({ allErrors: false, strict: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp }[];

  constructor(private readonly document: { paths: Record<string, Record<string, OperationObject>>; components: JsonObject }) {
    addFormats(this.ajv);
    // Longer templates first, so /license-servers/{server}/key-packs is not taken for /license-servers/{server}.
    this.templates = Object.keys(document.paths)
      .sort((a, b) => b.length - a.length)
      .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
  }

  static published(): Contract {
    return new Contract(JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8')) as never);
  }

  /** The route template a concrete path (query string and all) is an instance of, if any. */
  templateOf(path: string): string | undefined {
    const bare = path.split('?')[0] ?? path;
    return this.templates.find(({ pattern }) => pattern.test(bare))?.template;
  }

  /** Whether the contract has an operation for this method on the route this path is an instance of. */
  hasOperation(method: string, path: string): boolean {
    return this.operationOf(method, this.templateOf(path)) !== undefined;
  }

  private operationOf(method: string, template: string | undefined): OperationObject | undefined {
    return template === undefined ? undefined : this.document.paths[template]?.[method.toLowerCase()];
  }

  /**
   * Throws ContractBroken when the answer is not one the contract allows for this request. A
   * caller that built the path from its route template says which (the HTTP driver, on every
   * request); otherwise the template is found from the path.
   */
  check(method: string, path: string, answer: CheckedAnswer, template: string | undefined = this.templateOf(path)): void {
    const route = `${method} ${template ?? path}`;
    const operation = this.operationOf(method, template);
    if (!operation) throw new ContractBroken(`${route} is not a route of the contract (docs/openapi.json)`);
    const listed = operation.responses[String(answer.status)];
    if (!listed) {
      const statuses = Object.keys(operation.responses).join(', ');
      throw new ContractBroken(`${route} answered ${answer.status}, a status the contract does not list for it (${statuses})`);
    }
    const response = this.resolve(listed);
    const mediaType = answer.contentType.split(';')[0]?.trim() ?? '';
    if (!response.content) {
      if (answer.text !== '') throw new ContractBroken(`${route} answered ${answer.status} with a body, where the contract has none`);
      return;
    }
    const media = response.content[mediaType];
    if (!media) {
      const allowed = Object.keys(response.content).join(', ');
      throw new ContractBroken(`${route} answered ${answer.status} as "${mediaType}", where the contract allows ${allowed}`);
    }
    const schemaName = media.schema?.$ref?.replace('#/components/schemas/', '');
    if (schemaName === undefined) return; // text/html: a page, not checked here
    const validate = this.validatorFor(schemaName);
    if (!validate(answer.json)) {
      const error = validate.errors?.[0];
      const where = error?.instancePath || '(the whole body)';
      throw new ContractBroken(
        `${route} answered ${answer.status} with a body the contract's ${schemaName} does not allow: at ${where}, ${error?.message ?? 'invalid'}` +
          (error?.params ? ` ${JSON.stringify(error.params)}` : ''),
      );
    }
  }

  private resolve(response: ResponseObject): ResponseObject {
    if (!response.$ref) return response;
    const name = response.$ref.replace('#/components/responses/', '');
    return (this.document.components.responses as Record<string, ResponseObject>)[name] ?? {};
  }

  private validatorFor(name: string): ValidateFunction {
    let validate = this.validators.get(name);
    if (!validate) {
      const schema = (this.document.components.schemas as Record<string, JsonObject>)[name];
      if (!schema) throw new ContractBroken(`the contract names a schema ${name} it does not hold`);
      validate = this.ajv.compile(schema);
      this.validators.set(name, validate);
    }
    return validate;
  }
}
