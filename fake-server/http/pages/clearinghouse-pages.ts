/**
 * The Clearinghouse's side of the telephone call (step 9): the directory of numbers, the
 * representative who takes the License Server ID and purchase documents and reads out a
 * license key pack ID, and help with a license key pack ID kept from before.
 */
import { CAL_TYPES, CAL_TYPE_LABELS, LICENSE_PROGRAMS, LICENSE_PROGRAM_LABELS, PRODUCT_VERSIONS } from '../../domain/catalogue';
import { Html, factTable, html } from './html';

function field(id: string, label: string, hint = ''): Html {
  return html`<label for="${id}">${label}${hint ? html` <small>(${hint})</small>` : ''}</label
    ><input id="${id}" name="${id}" autocomplete="off" />`;
}

function select(id: string, label: string, options: { value: string; label: string }[]): Html {
  return html`<label for="${id}">${label}</label
    ><select id="${id}" name="${id}">
      ${options.map((option) => html`<option value="${option.value}">${option.label}</option>`)}
    </select>`;
}

export function clearinghouseBody(numbers: Readonly<Record<string, string>>): Html {
  return html`<p><a href="/">RD Licensing Manager</a> › Microsoft Clearinghouse</p>
    <h1>Microsoft Clearinghouse</h1>
    <p>
      The representative on the other end of the telephone. Call the number the wizard shows for the country/region the license server was
      activated for.
    </p>
    <table>
      <caption>
        Clearinghouse telephone numbers
      </caption>
      <thead>
        <tr>
          <th scope="col">Country/region</th>
          <th scope="col">Telephone number</th>
        </tr>
      </thead>
      <tbody>
        ${Object.entries(numbers).map(
          ([country, number]) =>
            html`<tr>
              <th scope="row">${country}</th>
              <td>${number}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>Call the Clearinghouse</h2>
    <form method="post" action="/clearinghouse/calls" data-in-place>
      ${field('dialledNumber', 'Number dialled')} ${field('licenseServerId', 'License Server ID', '7 groups of 5, as the wizard shows it')}
      ${select(
        'program',
        'Licensing program',
        LICENSE_PROGRAMS.map((program) => ({ value: program, label: LICENSE_PROGRAM_LABELS[program] })),
      )}
      ${field('licenseCode', 'License code', 'License Pack (Retail Purchase) only')}
      ${field('licenseNumber', 'License number', 'Open License only')}
      ${field('authorizationNumber', 'Authorization number', 'Open License only')}
      ${field('agreementNumber', 'Agreement number', 'agreements')}
      ${select('productVersion', 'Product version', [
        { value: '', label: 'Not stated' },
        ...Object.values(PRODUCT_VERSIONS).map((name) => ({ value: name, label: name })),
      ])}
      ${select('calType', 'CAL type', [{ value: '', label: 'Not stated' }, ...CAL_TYPES.map((type) => ({ value: type, label: CAL_TYPE_LABELS[type] }))])}
      <div class="buttons"><button type="submit" class="primary">Call</button></div>
    </form>
    <h2>Help with a license key pack ID</h2>
    <form method="get" action="/clearinghouse/key-packs">
      ${field('id', 'License key pack ID')}
      <div class="buttons"><button type="submit">Ask</button></div>
    </form>`;
}

export interface KeyPackAnswer {
  licenseKeyPackId: string;
  licenseServerId: string;
  purchaseNumber: number;
  productVersion: string;
  calType: (typeof CAL_TYPES)[number];
  quantity: number;
  issuedAt: string;
}

/** What the representative says about one license key pack ID: just issued, or asked about later. */
export function keyPackBody(answer: KeyPackAnswer, justIssued: boolean): Html {
  return html`<p><a href="/">RD Licensing Manager</a> › <a href="/clearinghouse">Microsoft Clearinghouse</a></p>
    <h1>
      ${justIssued ? 'The representative reads out your license key pack ID' : 'What the Clearinghouse knows about this license key pack ID'}
    </h1>
    ${factTable('License key pack', [
      ['License key pack ID', html`<strong>${answer.licenseKeyPackId}</strong>`],
      ['License Server ID', answer.licenseServerId],
      ['Purchase', answer.purchaseNumber],
      ['Product version', answer.productVersion],
      ['CAL type', CAL_TYPE_LABELS[answer.calType]],
      ['Number of CALs', answer.quantity],
      ['Issued', html`<time datetime="${answer.issuedAt}">${answer.issuedAt}</time>`],
    ])}
    ${justIssued ? html`<p class="note">Keep a copy of this license key pack ID: with it the Clearinghouse can help you recover these RDS CALs later.</p>` : ''}`;
}
