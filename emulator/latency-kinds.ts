/**
 * The one table that says what kind of call each emulated method is (emulator/latency.ts prices the kinds), keyed
 * by the `Class.method` name the fakes pass to `Runtime.charge`. A name missing here throws when it is charged:
 * a new fake method must be classified, never priced by a default.
 */
import type { CallKind } from './latency';

/** `Class.a`, `Class.b`… from a class name and its method names separated by spaces. */
function of(className: string, methods: string): string[] {
  return methods
    .split(/\s+/)
    .filter((m) => m !== '')
    .map((m) => `${className}.${m}`);
}

const KINDS: Readonly<Record<CallKind, readonly string[]>> = {
  builder: [
    ...of(
      'SpreadsheetApp',
      'getActive getActiveSheet getActiveSpreadsheet getUi newConditionalFormatRule newDataValidation',
    ),
    // The spreadsheet handle knows its id (the URL is made from it), its sheets and its ranges.
    ...of('Spreadsheet', 'getActiveSheet getId getRange getSheetByName getSheets getUrl createDeveloperMetadataFinder'),
    ...of('Sheet', 'getParent getRange createDeveloperMetadataFinder'),
    ...of('Range', 'getA1Notation getCell getColumn getLastColumn getLastRow getNumColumns getNumRows getRow getSheet'),
    ...of('Range', 'offset createDeveloperMetadataFinder'),
    ...of('BooleanCondition', 'getBackground getBold getCriteriaType getCriteriaValues getFontColor'),
    ...of('ConditionalFormatRule', 'copy getBooleanCondition getGradientCondition getRanges'),
    ...of('ConditionalFormatRuleBuilder', 'build copy getBooleanCondition getGradientCondition getRanges'),
    ...of('ConditionalFormatRuleBuilder', 'setBackground setBold setFontColor setRanges whenFormulaSatisfied'),
    ...of('DataValidation', 'copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText'),
    ...of('DataValidationBuilder', 'build copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText'),
    ...of('DataValidationBuilder', 'requireCheckbox requireDate requireValueInList setAllowInvalid setHelpText'),
    // A found item carries its key, value and location with it.
    ...of('DeveloperMetadata', 'getId getKey getLocation getValue getVisibility'),
    ...of(
      'DeveloperMetadataFinder',
      'onIntersectingLocations withId withKey withLocationType withValue withVisibility',
    ),
    ...of('DeveloperMetadataLocation', 'getColumn getLocationType getRow getSheet getSpreadsheet'),
    ...of('Ui', 'createAddonMenu createMenu'),
    ...of('Menu', 'addItem addSeparator addSubMenu'),
    ...of('PromptResponse', 'getResponseText getSelectedButton'),
    ...of('PropertiesService', 'getDocumentProperties getScriptProperties getUserProperties'),
    ...of('CacheService', 'getDocumentCache getScriptCache getUserCache'),
    ...of('LockService', 'getDocumentLock getScriptLock getUserLock'),
    ...of('Lock', 'hasLock'),
    ...of('ScriptApp', 'newTrigger'),
    ...of('TriggerBuilder', 'timeBased'),
    ...of('ClockTriggerBuilder', 'atHour everyDays everyHours everyMinutes everyWeeks inTimezone nearMinute onWeekDay'),
    ...of('Trigger', 'getEventType getHandlerFunction getTriggerSource getTriggerSourceId getUniqueId'),
  ],
  'in-process': [
    ...of('Utilities', 'base64Decode base64DecodeWebSafe base64Encode base64EncodeWebSafe computeDigest formatDate'),
    ...of('Utilities', 'getUuid newBlob sleep'),
    ...of('Logger', 'clear getLog log'),
    // The execution's user, locale and zone come with the execution.
    ...of('Session', 'getActiveUser getActiveUserLocale getEffectiveUser getScriptTimeZone getTemporaryActiveUserKey'),
    ...of('User', 'getEmail'),
    ...of('HtmlService', 'createHtmlOutput createHtmlOutputFromFile createTemplate createTemplateFromFile'),
    ...of('HtmlOutput', 'append appendUntrusted clear getContent getHeight getTitle getWidth setContent setHeight'),
    ...of('HtmlOutput', 'setSandboxMode setTitle setWidth setXFrameOptionsMode'),
    ...of('HtmlTemplate', 'evaluate getCode getRawContent'),
  ],
  'metadata-read': [
    ...of('Spreadsheet', 'getName getSpreadsheetLocale getSpreadsheetTimeZone getDeveloperMetadata getProtections'),
    ...of('Sheet', 'getColumnWidth getDataRange getFrozenRows getIndex getLastColumn getLastRow getMaxColumns'),
    ...of('Sheet', 'getMaxRows getName getSheetId getDeveloperMetadata getProtections'),
    ...of('Range', 'getDeveloperMetadata getMergedRanges isPartOfMerge'),
    ...of('DeveloperMetadataFinder', 'find'),
    // Harsher reading: a protection's settings are read from the document when asked.
    ...of('Protection', 'canDomainEdit canEdit getDescription getEditors getProtectionType getRange'),
    ...of('Protection', 'getUnprotectedRanges isWarningOnly'),
  ],
  'batch-read': [
    ...of('Range', 'getBackgrounds getDataValidations getDisplayValues getFontWeights getFormulas getNotes'),
    ...of('Range', 'getNumberFormats getValues isBlank'),
    ...of('Sheet', 'getConditionalFormatRules'),
  ],
  'cell-read': of(
    'Range',
    'getBackground getDataValidation getDisplayValue getFontWeight getFormula getNote getNumberFormat getValue',
  ),
  'batch-write': [
    ...of('Range', 'setBackground setBackgrounds setDataValidation setFontWeight setFontWeights setFormula'),
    ...of('Range', 'setFormulas setNote setNotes setNumberFormat setNumberFormats setValue setValues'),
    ...of('Range', 'clear clearContent clearDataValidations clearFormat clearNote insertCheckboxes sort'),
    ...of('Range', 'breakApart merge mergeAcross mergeVertically protect addDeveloperMetadata'),
    ...of('Sheet', 'deleteColumn deleteColumns deleteRow deleteRows insertColumnAfter insertColumnBefore'),
    ...of('Sheet', 'insertColumnsAfter insertColumnsBefore insertRowAfter insertRowBefore insertRowsAfter'),
    ...of('Sheet', 'insertRowsBefore moveColumns protect setColumnWidth setConditionalFormatRules setFrozenRows'),
    ...of('Sheet', 'setName sort addDeveloperMetadata'),
    ...of('Spreadsheet', 'insertSheet addDeveloperMetadata'),
    ...of('DeveloperMetadata', 'moveToColumn moveToSheet moveToSpreadsheet remove setKey setValue setVisibility'),
    ...of('Protection', 'addEditor addEditors remove removeEditor removeEditors setDescription setDomainEdit'),
    ...of('Protection', 'setRange setUnprotectedRanges setWarningOnly'),
  ],
  flush: of('SpreadsheetApp', 'flush'),
  ui: [
    ...of('Spreadsheet', 'toast setActiveSheet'),
    ...of('Sheet', 'activate'),
    ...of('Range', 'activate'),
    ...of('Menu', 'addToUi'),
    ...of('Ui', 'alert prompt showModalDialog showModelessDialog showSidebar'),
  ],
  'gmail-call': [
    ...of('Gmail.Users', 'getProfile'),
    ...of('Gmail.Users.Drafts', 'get list remove send'),
    ...of('Gmail.Users.Messages', 'get list send'),
    ...of('Gmail.Users.Threads', 'get list'),
    ...of('Gmail.Users.History', 'list'),
    ...of('Gmail.Users.Settings.SendAs', 'list'),
  ],
  'draft-write': of('Gmail.Users.Drafts', 'create update'),
  'properties-get': of('Properties', 'getKeys getProperties getProperty'),
  'properties-set': of('Properties', 'deleteAllProperties deleteProperty setProperties setProperty'),
  'cache-get': of('Cache', 'get getAll'),
  'cache-put': of('Cache', 'put putAll remove removeAll'),
  lock: of('Lock', 'releaseLock tryLock waitLock'),
  'script-app': [...of('ScriptApp', 'deleteTrigger getProjectTriggers getUserTriggers'), 'ClockTriggerBuilder.create'],
};

function index(): ReadonlyMap<string, CallKind> {
  const map = new Map<string, CallKind>();
  for (const [kind, names] of Object.entries(KINDS) as [CallKind, readonly string[]][]) {
    for (const name of names) {
      const seen = map.get(name);
      if (seen !== undefined) throw new Error(`emulator/latency-kinds.ts lists ${name} twice (${seen} and ${kind})`);
      map.set(name, kind);
    }
  }
  return map;
}

const BY_NAME = index();

/** Every classified method name with its kind. */
export const CLASSIFIED: ReadonlyMap<string, CallKind> = BY_NAME;

/** The kind of a charged method (`Range.getValues`, `Gmail.Users.Drafts.create`…); throws for a name not listed. */
export function callKind(method: string): CallKind {
  const kind = BY_NAME.get(method);
  if (kind === undefined) {
    throw new Error(`the emulator's latency model has no kind for ${method}: classify it in emulator/latency-kinds.ts`);
  }
  return kind;
}
