/**
 * Every stable code the fake refuses with, defined once (refusal-codes.json, with what each
 * means): the errors and problems take a RefusalCode, so a code that is not in the list is a
 * type error; the contract's Problem schema and the step catalogue are built from the same list.
 */
import refusalCodes from './refusal-codes.json';

export type RefusalCode = keyof typeof refusalCodes.codes;

export const REFUSAL_CODES: Readonly<Record<RefusalCode, string>> = refusalCodes.codes;
