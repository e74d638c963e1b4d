/**
 * RD Licensing Manager as pages: signing in, the list of license servers, one server with
 * its Action menu, installed RDS CALs and event log, and its Properties with the
 * Connection Method tab (procedure steps 1 to 3).
 */
import { CONNECTION_METHODS, CONNECTION_METHOD_LABELS } from '../../domain/catalogue';
import { inGroupsOfFive } from '../../domain/ids';
import { LicenseServer, LicensingEvent } from '../../domain/model';
import { keyPackJson } from '../representations';
import { Html, factTable, flag, html } from './html';

export function signInBody(userName = ''): Html {
  return html`<h1>Sign in to the license server</h1>
    <p>Use a local account of the license server (for the demo, the accounts <code>npm start</code> prints).</p>
    <form method="post" action="/sign-in">
      <label for="user-name">User name</label>
      <input id="user-name" name="userName" autocomplete="username" required value="${userName}" />
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" />
      <div class="buttons"><button type="submit" class="primary">Sign in</button></div>
    </form>`;
}

function serverLink(server: LicenseServer): Html {
  return html`<a href="/servers/${encodeURIComponent(server.name)}">${server.name}</a>`;
}

export function managerBody(servers: LicenseServer[]): Html {
  return html`<h1>RD Licensing Manager</h1>
    <table>
      <caption>
        License servers
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Activation status</th>
          <th scope="col">License Server ID</th>
          <th scope="col">Connection method</th>
        </tr>
      </thead>
      <tbody>
        ${servers.map(
          (server) =>
            html`<tr>
              <th scope="row">${serverLink(server)}</th>
              <td>${server.licenseServerId === null ? 'Not activated' : 'Activated'}</td>
              <td>${server.licenseServerId === null ? '—' : inGroupsOfFive(server.licenseServerId)}</td>
              <td>${CONNECTION_METHOD_LABELS[server.connectionMethod]}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p>The other end of the telephone call: <a href="/clearinghouse">the Microsoft Clearinghouse</a>.</p>`;
}

/** Facts about a server, as Properties shows them. */
function serverFacts(server: LicenseServer): Html {
  return factTable('Server information', [
    ['Name', server.name],
    ['Activation status', server.licenseServerId === null ? 'Not activated' : 'Activated'],
    ['License Server ID', server.licenseServerId === null ? '—' : inGroupsOfFive(server.licenseServerId)],
    ['Country/region', server.countryRegion ?? '—'],
    ['Connection method', CONNECTION_METHOD_LABELS[server.connectionMethod]],
  ]);
}

export interface ServerPageData {
  server: LicenseServer;
  keyPacks: ReturnType<typeof keyPackJson>[];
  events: LicensingEvent[];
  /** How the wizard just closed, when the page follows Finish or Cancel. */
  wizardOutcome?: 'finished' | 'cancelled' | undefined;
}

export function serverBody({ server, keyPacks, events, wizardOutcome }: ServerPageData): Html {
  const path = `/servers/${encodeURIComponent(server.name)}`;
  return html`<p><a href="/">RD Licensing Manager</a> › ${server.name}</p>
    <h1>${server.name}</h1>
    ${wizardOutcome ? html`<p class="note" role="status">The Manage RDS CALs Wizard ${wizardOutcome === 'finished' ? 'finished' : 'was cancelled'}.</p>` : ''}
    <details class="menu">
      <summary>Action</summary>
      <ul>
        <li><a href="${path}/properties">Properties</a></li>
        <li>
          <form method="post" action="${path}/wizard" data-in-place><button type="submit">Manage RDS CALs</button></form>
        </li>
      </ul>
    </details>
    ${serverFacts(server)}
    <table>
      <caption>
        Installed RDS CALs
      </caption>
      <thead>
        <tr>
          <th scope="col">License key pack ID</th>
          <th scope="col">Licensing program</th>
          <th scope="col">Product version</th>
          <th scope="col">CAL type</th>
          <th scope="col">Purchase</th>
          <th scope="col">Total</th>
          <th scope="col">Issued</th>
          <th scope="col">Available</th>
          <th scope="col">Expires</th>
        </tr>
      </thead>
      <tbody>
        ${keyPacks.map(
          (pack) =>
            html`<tr>
              <th scope="row">${pack.licenseKeyPackId}</th>
              <td>${pack.programLabel}</td>
              <td>${pack.productVersion}</td>
              <td>${pack.calTypeLabel}</td>
              <td>${pack.purchaseNumber}</td>
              <td>${pack.totalLicenses}</td>
              <td>${pack.issuedLicenses}</td>
              <td>${pack.availableLicenses}</td>
              <td>
                ${pack.expiresAt === null ? 'Never' : html`<time datetime="${pack.expiresAt}">${pack.expiresAt}</time>${pack.expired ? ' (expired)' : ''}`}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <table>
      <caption>
        Event log
      </caption>
      <thead>
        <tr>
          <th scope="col">Event ID</th>
          <th scope="col">Level</th>
          <th scope="col">Recorded</th>
          <th scope="col">License key pack ID</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        ${events.map(
          (event) =>
            html`<tr>
              <th scope="row">${event.eventId}</th>
              <td>${event.level}</td>
              <td><time datetime="${event.recordedAt}">${event.recordedAt}</time></td>
              <td>${event.licenseKeyPackId === null ? '—' : inGroupsOfFive(event.licenseKeyPackId)}</td>
              <td>${event.message}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export function propertiesBody(server: LicenseServer): Html {
  const path = `/servers/${encodeURIComponent(server.name)}`;
  return html`<p><a href="/">RD Licensing Manager</a> › <a href="${path}">${server.name}</a> › Properties</p>
    <h1>${server.name} Properties</h1>
    <div role="tablist" aria-label="Properties">
      <button type="button" role="tab" id="tab-connection" aria-selected="true" aria-controls="panel-connection">Connection Method</button>
    </div>
    <form method="post" action="${path}/properties" data-in-place role="tabpanel" id="panel-connection" aria-labelledby="tab-connection">
      <label for="connection-method">Connection method</label>
      <select id="connection-method" name="connectionMethod">
        ${CONNECTION_METHODS.map((method) => html`<option value="${method}" ${flag('selected', method === server.connectionMethod)}>${CONNECTION_METHOD_LABELS[method]}</option>`)}
      </select>
      <div class="buttons"><button type="submit" class="primary">OK</button><a class="button" href="${path}">Cancel</a></div>
    </form>`;
}
