/**
 * The frame every page shares: a skip link, a header with the signed-in account, one
 * <main>, a refusal shown as an alert with the API's stable code, and a small stylesheet.
 * Pages work without JavaScript; the one script only submits a wizard choice as soon as it
 * is made and spreads a pasted license key pack ID over its seven boxes.
 */
import { createHash } from 'node:crypto';
import { Problem } from '../problem';
import { Html, html } from './html';

const STYLE = `
*{box-sizing:border-box}body{font:15px/1.45 "Segoe UI",system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f3f3f3}
header{background:#1f3b57;color:#fff;padding:.5rem 1rem;display:flex;gap:1rem;align-items:center;justify-content:space-between}
header a,header button{color:#fff}main{max-width:60rem;margin:1rem auto;background:#fff;padding:1rem 1.5rem;border:1px solid #c8c8c8}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.15rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f6}.alert{border:2px solid #a4262c;background:#fde7e9;padding:.5rem 1rem;margin:0 0 1rem}
.note{border-left:4px solid #0f6cbd;background:#ebf3fc;padding:.5rem 1rem}.buttons{display:flex;gap:.5rem;justify-content:flex-end;border-top:1px solid #c8c8c8;padding-top:.8rem;margin-top:1rem}
button,.button{font:inherit;padding:.35rem 1.1rem;border:1px solid #616161;background:#fff;border-radius:2px;cursor:pointer;color:#1b1b1b;text-decoration:none}
button.primary{background:#0f6cbd;color:#fff;border-color:#0f6cbd}button:disabled,button.primary:disabled{background:#f3f3f3;color:#6e6e6e;border-color:#c8c8c8;cursor:not-allowed}
header button{background:transparent;color:#fff;border-color:#fff}
:focus-visible{outline:3px solid #f7630c;outline-offset:2px}fieldset{border:1px solid #c8c8c8;margin:.5rem 0}label{display:block;margin:.3rem 0}
.boxes{display:flex;gap:.3rem;align-items:center}.boxes input{width:4.6rem;font-family:Consolas,monospace;text-transform:uppercase}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;color:#000;padding:.3rem}
details.menu{display:inline-block}details.menu ul{list-style:none;padding:.3rem;margin:0;border:1px solid #c8c8c8;background:#fff}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dl.facts dt{font-weight:600}
`;

/**
 * Comfort only; every page works without it. A wizard choice is submitted as soon as it is
 * made; leaving the seven boxes of a license key pack ID hands it over; a pasted ID fills
 * the boxes. Forms are posted in the background and only <main> is replaced (marked
 * aria-busy meanwhile), so the page does not flash and focus lands on the new heading.
 */
const SCRIPT = `
(function () {
  function main() { return document.querySelector('main'); }
  document.addEventListener('change', function (event) {
    var control = event.target;
    if (control.hasAttribute && control.hasAttribute('data-submit-on-change') && control.form) control.form.requestSubmit();
  });
  function boxValues(group) {
    return Array.prototype.map.call(group.querySelectorAll('[data-key-pack-box]'), function (box) { return box.value; }).join('-');
  }
  document.addEventListener('focusin', function (event) {
    var group = event.target.closest && event.target.closest('[data-key-pack-boxes]');
    if (group && !group.contains(event.relatedTarget)) group.setAttribute('data-before', boxValues(group));
  });
  document.addEventListener('focusout', function (event) {
    var group = event.target.closest && event.target.closest('[data-key-pack-boxes]');
    if (group && !group.contains(event.relatedTarget) && boxValues(group) !== group.getAttribute('data-before')) group.closest('form').requestSubmit();
  });
  document.addEventListener('paste', function (event) {
    var box = event.target;
    if (!box.hasAttribute || !box.hasAttribute('data-key-pack-box')) return;
    var text = (event.clipboardData || window.clipboardData).getData('text').replace(/[\\s-]+/g, '');
    if (text.length <= 5) return;
    event.preventDefault();
    var boxes = Array.prototype.slice.call(box.form.querySelectorAll('[data-key-pack-box]'));
    var start = boxes.indexOf(box);
    for (var i = start; i < boxes.length; i += 1) boxes[i].value = text.slice((i - start) * 5, (i - start + 1) * 5);
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    // getAttribute, not form.action: a field named "action" would stand in its place.
    if ((form.getAttribute('method') || '').toLowerCase() !== 'post' || !form.hasAttribute('data-in-place')) return;
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form, event.submitter));
    var active = document.activeElement;
    var focused = active && active.name ? { name: active.name, value: active.value } : null;
    var current = main();
    current.setAttribute('aria-busy', 'true');
    fetch(form.getAttribute('action'), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) { return response.text().then(function (text) { return { url: response.url, text: text }; }); })
      .then(function (answer) {
        var next = new DOMParser().parseFromString(answer.text, 'text/html');
        document.title = next.title;
        current.replaceWith(next.querySelector('main'));
        history.replaceState(null, '', answer.url);
        // Focus: a refusal first (so it is read out), else the control that was in use, else the heading.
        var same = focused && Array.prototype.find.call(main().querySelectorAll('[name]'), function (control) {
          // Not a disabled one (Next on Completing): focus on it is lost, and no control would show it.
          return !control.disabled && control.name === focused.name && (control.type !== 'radio' && control.type !== 'submit' || control.value === focused.value);
        });
        var target = main().querySelector('[role=alert]') || same || main().querySelector('h2') || main().querySelector('h1');
        // Only the control in use can take focus as it is; the alert and the headings need tabindex -1.
        if (target) { if (target !== same) target.setAttribute('tabindex', '-1'); target.focus(); }
      })
      .catch(function () { current.removeAttribute('aria-busy'); form.submit(); });
  });
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * What the pages may load and run: their one style sheet and one script, both inline and named
 * by hash, so an injected <script> or style would not run even if escaping ever failed; forms
 * and fetches to the fake only; no plug-ins, no <base>, no framing.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageFrame {
  title: string;
  /** The signed-in account, shown with a Sign out button; undefined on the sign-in page. */
  userName?: string | undefined;
  refusal?: Problem | undefined;
  body: Html;
}

export function page(frame: PageFrame): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} - RD Licensing (fake)</title>
        <style>${new Html(STYLE)}</style>
      </head>
      <body>
        <a class="skip" href="#main">Skip to the main content</a>
        <header>
          <span>Remote Desktop Licensing (fake license server)</span>
          ${
            frame.userName === undefined
              ? ''
              : html`<form method="post" action="/sign-out">
                  <span>Signed in as ${frame.userName}</span> <button type="submit">Sign out</button>
                </form>`
          }
        </header>
        <main id="main">${frame.refusal ? refusalAlert(frame.refusal) : ''} ${frame.body}</main>
        <script>${new Html(SCRIPT)}</script>
      </body>
    </html>`.text;
}

/** A refusal in words a person understands, with the same code as the API's problem. */
export function refusalAlert(problem: Problem): Html {
  return html`<div class="alert" role="alert" data-problem-status="${problem.status}">
    <p><strong>${problem.title}.</strong> ${problem.detail}</p>
    <p>Code: <code data-problem-code>${problem.code}</code></p>
  </div>`;
}
