/**
 * A tagged template for HTML that escapes every interpolated value unless it is already
 * HTML (made by this tag), so no name, reason or message from a request can inject markup.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return String(part).replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** An attribute that is present or absent (disabled, checked, selected). */
export function flag(name: string, on: boolean): Html {
  return new Html(on ? ` ${name}` : '');
}

/** A table of facts: a caption, then one row per fact with its name as the row header. */
export function factTable(caption: string, facts: [string, Html | string | number][]): Html {
  return html`<table>
<caption>${caption}</caption>
<tbody>
${facts.map(([name, value]) => html`<tr><th scope="row">${name}</th><td>${value}</td></tr>`)}
</tbody>
</table>`;
}
