import { LATENCY_TABLES } from '../../emulator/latency';
import { createPlatformServices, createPlatformState, MAX_VALUE_BYTES } from '../../emulator/platform';
import { Runtime } from '../../emulator/runtime';

const LATENCY = LATENCY_TABLES.central.figures;

function setup(quota?: number, propertiesInSimpleTrigger?: 'allow' | 'deny') {
  const runtime = new Runtime(Date.UTC(2026, 10, 25, 9), quota === undefined ? {} : { properties: quota });
  const state = createPlatformState();
  const services = createPlatformServices(runtime, state, {
    scriptTimeZone: 'Europe/London',
    spreadsheetId: 'sheet-1',
    propertiesInSimpleTrigger,
  });
  return { runtime, state, ...services };
}

describe('PropertiesService', () => {
  test('document, user and script stores hold strings', () => {
    const { PropertiesService, state } = setup();
    const doc = PropertiesService.getDocumentProperties();
    expect(doc.getProperty('missing')).toBeNull();
    doc.setProperty('settings', '{"a":1}').setProperty('count', 42 as unknown as string);
    expect(doc.getProperty('count')).toBe('42');
    doc.setProperty('flag', true as unknown as string);
    expect(doc.getProperty('flag')).toBe('true');
    expect(doc.getKeys().sort()).toEqual(['count', 'flag', 'settings']);
    expect(doc.getProperties()).toEqual({ settings: '{"a":1}', count: '42', flag: 'true' });

    PropertiesService.getUserProperties().setProperty('u', 'x');
    PropertiesService.getScriptProperties().setProperties({ s1: '1', s2: '2' });
    expect(state.properties).toEqual({
      document: { settings: '{"a":1}', count: '42', flag: 'true' },
      user: { u: 'x' },
      script: { s1: '1', s2: '2' },
    });

    doc.setProperties({ only: 'me' }, true);
    expect(doc.getProperties()).toEqual({ only: 'me' });
    doc.setProperties({ more: 'too' });
    doc.deleteProperty('only');
    expect(doc.getProperties()).toEqual({ more: 'too' });
    doc.deleteAllProperties();
    expect(doc.getKeys()).toEqual([]);
    expect(() => doc.setProperty('k', undefined as unknown as string)).toThrow('Invalid argument: value');
    expect(String(doc)).toBe('Properties');
  });

  test('a value over 9 KB is refused; so is a store over 500 KB', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(MAX_VALUE_BYTES));
    expect(() => props.setProperty('big', 'x'.repeat(MAX_VALUE_BYTES + 1))).toThrow('Argument too large: value');
    // Bytes count, not characters: 4,700 two-byte characters is over 9 KB.
    expect(() => props.setProperty('accents', 'é'.repeat(4700))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
    // 500 KB = 512,000 bytes, keys included: 9,220 + 55 × 9,003 fits, one more does not.
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'y'.repeat(9000));
    expect(() => props.setProperty('k55', 'y'.repeat(9000))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getProperty('k55')).toBeNull();
  });

  test('the daily properties quota runs out; a read costs propertiesGetMs, a write propertiesSetMs', () => {
    const { PropertiesService, runtime } = setup(3);
    const props = PropertiesService.getUserProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getKeys();
    expect(() => props.getProperty('a')).toThrow('Service invoked too many times for one day: properties.');
    expect(runtime.calls.PropertiesService).toBe(5);
    expect(runtime.modeledMs).toBe(LATENCY.propertiesSetMs + 3 * LATENCY.propertiesGetMs);
  });

  test('AuthMode.NONE (add-on not yet used in the document) may not use properties', () => {
    const { PropertiesService, runtime } = setup();
    runtime.begin('addon-none', 'onOpen');
    expect(() => PropertiesService.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
  });

  test('a simple trigger (AuthMode.LIMITED) may read properties, as Google documents, unless set to deny', () => {
    const allow = setup();
    allow.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    allow.runtime.begin('simple-trigger', 'onOpen');
    expect(allow.PropertiesService.getDocumentProperties().getProperty('k')).toBe('v');

    const deny = setup(undefined, 'deny');
    const props = deny.PropertiesService.getDocumentProperties();
    deny.runtime.begin('simple-trigger', 'onOpen');
    expect(() => deny.PropertiesService.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(() => props.getProperty('k')).toThrow('You do not have permission to call Properties.getProperty');
  });
});
