/** Draft wording (docs/RULES.md §4): the follow-ups, the template engine, and the wording in each built-in language. */
export * from './actions';
export * from './drafts';
export * from './language';
export * from './overrides';
export * from './render';
