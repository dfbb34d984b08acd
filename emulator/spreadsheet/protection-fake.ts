/** The Protection fake (Range.protect, Sheet.protect, getProtections) over the sheet's protection entries. */
import { guard } from '../runtime';
import type { Ctx } from './context';
import { member, PROTECTION_TYPE } from './enums';
import { PROTECTED_MESSAGE } from './protection';
import type { GridRange, ProtectionState, SheetState } from './state';

type P = GoogleAppsScript.Spreadsheet.Protection;
type User = GoogleAppsScript.Base.User;

type ProtectionMethods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

/** A new protection made by the script: its user can always edit it (Apps Script keeps the current user). */
export function newProtection(
  sheet: SheetState,
  id: number,
  range: GridRange | null,
  userCanEdit = true,
  editors: string[] = [],
): ProtectionState {
  const p: ProtectionState = {
    id,
    type: range === null ? 'SHEET' : 'RANGE',
    range: range === null ? null : { ...range },
    description: '',
    editors,
    userCanEdit,
    warningOnly: false,
    domainEdit: true,
    unprotected: [],
  };
  sheet.protections.push(p);
  return p;
}

/** One protection, looked up by id on every call (a removed one throws, in the emulator's words). */
export class ProtectionFake implements Pick<P, ProtectionMethods> {
  readonly self: P;

  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: SheetState,
    private readonly id: number,
  ) {
    this.self = ctx.wrap('Protection', this);
  }

  private entry(): ProtectionState {
    const found = this.sheet.protections.find((p) => p.id === this.id);
    if (!found) throw this.ctx.error('This protection has been removed.');
    return found;
  }

  /**
   * The entry, for a change: only someone who may edit the protection may change it (undocumented for scripts;
   * the harsher reading throws the protected-cell error).
   */
  private editableEntry(): ProtectionState {
    const p = this.entry();
    if (!p.userCanEdit) throw this.ctx.error(PROTECTED_MESSAGE);
    return p;
  }

  private user(email: string): User {
    const { ctx } = this;
    return guard('User', {
      getEmail: () => {
        ctx.charge('User.getEmail');
        return email;
      },
    }) as unknown as User;
  }

  private emailOf(method: string, who: unknown): string {
    if (typeof who === 'string') return who.toLowerCase();
    if (typeof who === 'object' && who !== null && typeof (who as User).getEmail === 'function') {
      return (who as User).getEmail().toLowerCase();
    }
    throw this.ctx.signatureError(`SpreadsheetApp.Protection.${method}`, [who]);
  }

  private emails(method: string, list: unknown): string[] {
    if (!Array.isArray(list)) throw this.ctx.signatureError(`SpreadsheetApp.Protection.${method}`, [list]);
    return list.map((who) => this.emailOf(method, who));
  }

  canEdit(): boolean {
    this.ctx.charge('Protection.canEdit');
    return this.entry().userCanEdit;
  }

  canDomainEdit(): boolean {
    this.ctx.charge('Protection.canDomainEdit');
    return this.entry().domainEdit;
  }

  getDescription(): string {
    this.ctx.charge('Protection.getDescription');
    return this.entry().description;
  }

  /** The script's user first when they may edit, then the other editors. */
  getEditors(): User[] {
    this.ctx.charge('Protection.getEditors');
    const p = this.entry();
    const emails = p.userCanEdit ? [this.ctx.userEmail, ...p.editors] : [...p.editors];
    return this.ctx.rt.toRealm(emails.map((e) => this.user(e)));
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.ctx.charge('Protection.getProtectionType');
    return member(PROTECTION_TYPE, this.entry().type);
  }

  /** The protected range; for a sheet protection, the whole sheet. */
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.charge('Protection.getRange');
    const p = this.entry();
    const all = { row: 1, col: 1, numRows: this.sheet.maxRows, numCols: this.sheet.maxColumns };
    return this.ctx.makeRange(this.sheet, p.range ?? all);
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.ctx.charge('Protection.getUnprotectedRanges');
    return this.ctx.rt.toRealm(this.entry().unprotected.map((u) => this.ctx.makeRange(this.sheet, u)));
  }

  isWarningOnly(): boolean {
    this.ctx.charge('Protection.isWarningOnly');
    return this.entry().warningOnly;
  }

  addEditor(emailAddress: string | User): P {
    this.ctx.charge('Protection.addEditor');
    this.add(this.editableEntry(), [this.emailOf('addEditor', emailAddress)]);
    return this.self;
  }

  addEditors(emailAddresses: string[]): P {
    this.ctx.charge('Protection.addEditors');
    this.add(this.editableEntry(), this.emails('addEditors', emailAddresses));
    return this.self;
  }

  private add(p: ProtectionState, emails: string[]): void {
    for (const e of emails) if (e !== this.ctx.userEmail && !p.editors.includes(e)) p.editors.push(e);
  }

  /** Apps Script never removes the current user (nor the owner) from the editors. */
  removeEditor(emailAddress: string | User): P {
    this.ctx.charge('Protection.removeEditor');
    const p = this.editableEntry();
    const e = this.emailOf('removeEditor', emailAddress);
    p.editors = p.editors.filter((x) => x !== e);
    return this.self;
  }

  removeEditors(emailAddresses: string[] | User[]): P {
    this.ctx.charge('Protection.removeEditors');
    const p = this.editableEntry();
    const gone = new Set(this.emails('removeEditors', emailAddresses));
    p.editors = p.editors.filter((x) => !gone.has(x));
    return this.self;
  }

  setDescription(description: string): P {
    this.ctx.charge('Protection.setDescription');
    if (typeof description !== 'string') {
      throw this.ctx.signatureError('SpreadsheetApp.Protection.setDescription', [description]);
    }
    this.editableEntry().description = description;
    return this.self;
  }

  setDomainEdit(editable: boolean): P {
    this.ctx.charge('Protection.setDomainEdit');
    if (typeof editable !== 'boolean')
      throw this.ctx.signatureError('SpreadsheetApp.Protection.setDomainEdit', [editable]);
    this.editableEntry().domainEdit = editable;
    return this.self;
  }

  setWarningOnly(warningOnly: boolean): P {
    this.ctx.charge('Protection.setWarningOnly');
    if (typeof warningOnly !== 'boolean') {
      throw this.ctx.signatureError('SpreadsheetApp.Protection.setWarningOnly', [warningOnly]);
    }
    this.editableEntry().warningOnly = warningOnly;
    return this.self;
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): P {
    this.ctx.charge('Protection.setRange');
    const p = this.editableEntry();
    const info = this.ctx.rangeInfo(range);
    if (!info || info.sheet !== this.sheet)
      throw this.ctx.signatureError('SpreadsheetApp.Protection.setRange', [range]);
    // A sheet protection covers its whole sheet: setRange does not apply to it (undocumented; refused here).
    if (p.type === 'SHEET') throw this.ctx.error('A sheet protection covers the whole sheet; its range cannot be set.');
    p.range = { ...info.range };
    return this.self;
  }

  /**
   * Leaves these ranges (on the protected sheet) editable by anyone. On a range protection Apps Script does
   * nothing with them (undocumented; the harsher reading: nothing is unprotected).
   */
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): P {
    this.ctx.charge('Protection.setUnprotectedRanges');
    const p = this.editableEntry();
    if (!Array.isArray(ranges))
      throw this.ctx.signatureError('SpreadsheetApp.Protection.setUnprotectedRanges', [ranges]);
    const areas = ranges.map((r) => {
      const info = this.ctx.rangeInfo(r);
      if (!info || info.sheet !== this.sheet) {
        throw this.ctx.signatureError('SpreadsheetApp.Protection.setUnprotectedRanges', [ranges]);
      }
      return info.range;
    });
    if (p.type === 'SHEET') p.unprotected = areas;
    return this.self;
  }

  remove(): void {
    this.ctx.charge('Protection.remove');
    const p = this.editableEntry();
    this.sheet.protections = this.sheet.protections.filter((x) => x !== p);
  }
}

/** Fakes for a sheet's protections of one type, in the script's realm. */
export function protectionFakes(ctx: Ctx, sheet: SheetState, type: 'RANGE' | 'SHEET'): P[] {
  const found = sheet.protections.filter((p) => p.type === type);
  return ctx.rt.toRealm(found.map((p) => new ProtectionFake(ctx, sheet, p.id).self));
}
