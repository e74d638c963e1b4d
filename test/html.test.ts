/**
 * The pages' HTML tag (fake-server/http/pages/html.ts): every value a request can carry into a
 * page (a user name, a reason, a refusal's detail) is escaped, so no value becomes markup; what
 * the tag made is HTML already and is kept; a value that is absent draws nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Html, html } from '../fake-server/http/pages/html';

describe('the HTML tag', () => {
  it('escapes the five characters that start markup, an entity or an attribute value, in any value', () => {
    const value = `<script>alert("x" & 'y')</script>`;
    const escaped = '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;';
    assert.equal(html`<p title="${value}">${value}</p>`.text, `<p title="${escaped}">${escaped}</p>`);
  });

  it('draws nothing for null, undefined and false, and any other value as text', () => {
    assert.equal(html`[${null}|${undefined}|${false}|${true}|${0}|${''}|${'text'}]`.text, '[|||true|0||text]');
  });

  it('keeps what it made itself as HTML, and draws a list as its items in order', () => {
    const items = ['a<', 'b>'].map((item) => html`<li>${item}</li>`);
    assert.equal(html`<ul>${items}</ul>`.text, '<ul><li>a&lt;</li><li>b&gt;</li></ul>');
  });

  it('is its text wherever a string is needed', () => {
    assert.equal(String(new Html('<p>kept</p>')), '<p>kept</p>');
    assert.equal(`${html`<b>${'&'}</b>`}`, '<b>&amp;</b>');
  });
});
