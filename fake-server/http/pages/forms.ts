/**
 * What a posted page means: the wizard moves a page's form stands for, and the telephone
 * call the Clearinghouse form describes. Empty fields are left out, so the same checks as
 * the API's (schemas.ts) decide what is missing.
 */
import type { Request } from 'express';
import { InvalidInputError } from '../../domain/errors';
import { RequestProblem, problem } from '../problem';
import { normalizeId } from '../../domain/ids';
import { WizardView } from '../../domain/wizard-view';
import { wizardActionBody } from '../schemas';
import { BUTTONS, boxesOf } from './wizard-page';

/**
 * The posted form. Express 5 leaves req.body undefined when no parser took the body: a post
 * with no body is an empty form (the checks of its fields then say what is missing); a body
 * of any other kind is refused, naming the kind the pages take.
 */
export function formOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  if (body === undefined && !hasBody(req)) return {};
  throw new RequestProblem(
    problem(
      415,
      'Unsupported media type',
      'unsupported-media-type',
      `The pages take forms as application/x-www-form-urlencoded, as a browser posts them, not ${req.get('content-type') ?? 'a body of no stated type'}.`,
    ),
  );
}

function hasBody(req: Request): boolean {
  return req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
}

/** A trimmed text field of a posted form, or ''. */
export const text = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** The wizard's button a posted form was sent with, if it names one (the only move the wizard's frame offers). */
export function buttonPressed(form: Record<string, unknown>): { type: (typeof BUTTONS)[number]['move'] } | undefined {
  const pressed = BUTTONS.find((button) => button.move === text(form, 'move'));
  return pressed === undefined ? undefined : { type: pressed.move };
}

/** The wizard moves a posted page stands for: each choice that differs from the wizard's, then the button. */
export function movesOf(view: WizardView, form: Record<string, unknown>) {
  const moves: unknown[] = [];
  const value = (name: string) => text(form, name);
  if (view.page === 'actionSelection') {
    if (value('action') && value('action') !== view.actionSelection?.action) moves.push({ type: 'selectAction', action: value('action') });
    if (value('reason') && value('reason') !== view.actionSelection?.reason) moves.push({ type: 'selectReason', reason: value('reason') });
  }
  if (view.page === 'confirmDeletion' && value('deletionShown')) {
    const confirmed = value('deletionConfirmed') === 'on';
    if (confirmed !== view.confirmDeletion?.deletionConfirmed) moves.push({ type: 'setDeletionConfirmed', confirmed });
  }
  if (view.page === 'obtainKeyPack' && form.keyPackId !== undefined) {
    const boxes = ([] as unknown[]).concat(form.keyPackId).map((box) => (typeof box === 'string' ? box.trim() : ''));
    const typed = boxes.filter(Boolean).join('-');
    const same = normalizeId(typed) === normalizeId(boxesOf(view.obtainKeyPack?.keyPackId ?? '').join(''));
    if (!same) moves.push({ type: 'enterKeyPackId', keyPackId: typed });
  }
  if (view.page === 'reinstallingAdditional' && value('additional') && value('additional') !== view.reinstallingAdditional?.choice) {
    moves.push({ type: 'chooseAdditionalPacks', choice: value('additional') });
  }
  if (value('move')) moves.push({ type: value('move') });
  return moves.map((move) => {
    const parsed = wizardActionBody.safeParse(move);
    if (!parsed.success)
      throw new InvalidInputError('invalid-request', `The page sent a choice the wizard does not know: ${JSON.stringify(move)}.`);
    return parsed.data;
  });
}

/** The call form's fields as a telephone call: only the fields of the chosen program, none left empty. */
export function callOf(form: Record<string, unknown>) {
  const value = (name: string) => text(form, name) || undefined;
  const program = value('program');
  const information =
    program === 'retail'
      ? { program, licenseCode: value('licenseCode') }
      : program === 'openLicense'
        ? { program, licenseNumber: value('licenseNumber'), authorizationNumber: value('authorizationNumber') }
        : { program, agreementNumber: value('agreementNumber') };
  return {
    dialledNumber: value('dialledNumber'),
    licenseServerId: value('licenseServerId'),
    information,
    productVersion: value('productVersion'),
    calType: value('calType'),
  };
}
